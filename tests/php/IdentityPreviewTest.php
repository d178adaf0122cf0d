<?php
/**
 * The identity preview REST route, dispatched through core's REST server.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use WP_REST_Request;
use WP_REST_Response;

/**
 * Preview route tests.
 */
final class IdentityPreviewTest extends TestCase {

	const ROUTE = '/qualified-integration/v1/identity/preview';

	/**
	 * Starts each test with a fresh REST server.
	 */
	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
	}

	/**
	 * Sends a preview request.
	 *
	 * @param mixed $body JSON body.
	 * @return WP_REST_Response
	 */
	private function preview( $body ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Mappings of every kind the preview treats differently.
	 *
	 * @return array<int, array<string, string>>
	 */
	private function mappings(): array {
		return array(
			array(
				'field'  => 'email',
				'source' => 'user.email',
			),
			array(
				'field'  => 'lead_source',
				'source' => 'static',
				'value'  => 'Website',
			),
			array(
				'field'  => 'page_title',
				'source' => 'post.title',
			),
			array(
				'field'   => 'utm_campaign',
				'source'  => 'query',
				'key'     => 'utm_campaign',
				'persist' => 'first',
			),
		);
	}

	public function test_route_is_registered_with_a_permission_callback(): void {
		$routes = rest_get_server()->get_routes();
		$this->assertArrayHasKey( self::ROUTE, $routes );
		foreach ( $routes[ self::ROUTE ] as $endpoint ) {
			$this->assertIsCallable( $endpoint['permission_callback'] );
			$this->assertSame( array( 'POST' => true ), $endpoint['methods'] );
		}
	}

	public function test_anonymous_is_refused_with_401(): void {
		$response = $this->preview( array( 'mappings' => $this->mappings() ) );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'rest_forbidden', $response->get_data()['code'] );
	}

	public function test_editor_is_refused_with_403(): void {
		wp_set_current_user( $this->create_user( 'editor' ) );
		$response = $this->preview( array( 'mappings' => $this->mappings() ) );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'rest_forbidden', $response->get_data()['code'] );
		$this->assertStringNotContainsString( '@', (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_admin_gets_server_fields_for_themselves_and_the_home_page(): void {
		$admin = $this->create_user( 'administrator' );
		wp_set_current_user( $admin );
		$front = wp_insert_post(
			array(
				'post_title'  => 'Welcome home',
				'post_type'   => 'page',
				'post_status' => 'publish',
			)
		);
		update_option( 'show_on_front', 'page' );
		update_option( 'page_on_front', $front );

		$response = $this->preview( array( 'mappings' => $this->mappings() ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );

		// Through JSON, as the admin screen receives it.
		$data = json_decode( (string) wp_json_encode( $response->get_data() ), true );
		$this->assertSame(
			array(
				'url'     => home_url( '/' ),
				'fields'  => array(
					'email'       => get_userdata( $admin )->user_email,
					'lead_source' => 'Website',
					'page_title'  => 'Welcome home',
				),
				'browser' => array(
					array(
						'field'   => 'utm_campaign',
						'source'  => 'query',
						'key'     => 'utm_campaign',
						'persist' => 'first',
					),
				),
			),
			$data
		);
	}

	public function test_latest_posts_home_page_has_no_post_fields_and_empty_fields_stay_an_object(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		update_option( 'show_on_front', 'posts' );
		$response = $this->preview(
			array(
				'mappings' => array(
					array(
						'field'  => 'page_title',
						'source' => 'post.title',
					),
				),
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( '{"url":"' . str_replace( '/', '\/', home_url( '/' ) ) . '","fields":{},"browser":[]}', wp_json_encode( $response->get_data() ) );
	}

	public function test_unsaved_mappings_are_previewed_and_nothing_is_stored(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$before = get_option( 'qualified_integration_settings' );
		$this->preview( array( 'mappings' => $this->mappings() ) );
		$this->assertSame( $before, get_option( 'qualified_integration_settings' ) );
	}

	/**
	 * Bodies the preview refuses, and an error path each must name.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public function data_bad_bodies(): array {
		return array(
			'no mappings'     => array( array( 'other' => 1 ), 'identity.mappings' ),
			'not an object'   => array( 'mappings', 'identity.mappings' ),
			'mappings null'   => array( array( 'mappings' => null ), 'identity.mappings' ),
			'mappings string' => array( array( 'mappings' => 'x' ), 'identity.mappings' ),
			'bad field name'  => array(
				array(
					'mappings' => array(
						array(
							'field'  => 'ok',
							'source' => 'site.name',
						),
						array(
							'field'  => '</script>',
							'source' => 'site.name',
						),
					),
				),
				'identity.mappings[1].field',
			),
			'unknown source'  => array(
				array(
					'mappings' => array(
						array(
							'field'  => 'x',
							'source' => 'user.password',
						),
					),
				),
				'identity.mappings[0].source',
			),
			'denied meta key' => array(
				array(
					'mappings' => array(
						array(
							'field'  => 'x',
							'source' => 'user.meta',
							'key'    => 'session_tokens',
						),
					),
				),
				'identity.mappings[0].key',
			),
		);
	}

	/**
	 * Bad input gets the same 400 as a save, with the error at its path.
	 *
	 * @dataProvider data_bad_bodies
	 *
	 * @param mixed  $body JSON body.
	 * @param string $path Error path that must be named.
	 */
	public function test_bad_mappings_get_a_400_naming_the_path( $body, string $path ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->preview( $body );
		$data     = $response->get_data();
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $data ) );
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertArrayHasKey( $path, $data['data']['params'], (string) wp_json_encode( $data ) );
	}
}
