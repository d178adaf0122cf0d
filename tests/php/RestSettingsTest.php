<?php
/**
 * The settings REST endpoint, dispatched through core's REST server.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use WP_REST_Request;
use WP_REST_Response;

/**
 * REST tests.
 */
final class RestSettingsTest extends TestCase {

	const ROUTE = '/qualified-integration/v1/settings';

	/**
	 * Starts each test with a fresh REST server.
	 */
	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
	}

	/**
	 * Sends a request.
	 *
	 * @param string                    $method HTTP method.
	 * @param array<string, mixed>|null $body   JSON body.
	 * @return WP_REST_Response
	 */
	private function request( string $method, ?array $body = null ): WP_REST_Response {
		$request = new WP_REST_Request( $method, self::ROUTE );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	public function test_route_is_registered_with_a_permission_callback(): void {
		$routes = rest_get_server()->get_routes();
		$this->assertArrayHasKey( self::ROUTE, $routes );
		foreach ( $routes[ self::ROUTE ] as $endpoint ) {
			$this->assertIsCallable( $endpoint['permission_callback'] );
		}
	}

	/**
	 * Users who must be refused, with the status they get.
	 *
	 * @return array<string, array{string|null, int}>
	 */
	public function data_refused_users(): array {
		return array(
			'anonymous'  => array( null, 401 ),
			'subscriber' => array( 'subscriber', 403 ),
			'editor'     => array( 'editor', 403 ),
		);
	}

	/**
	 * Non-administrators can neither read nor write.
	 *
	 * @dataProvider data_refused_users
	 *
	 * @param string|null $role   Role, or null for a visitor.
	 * @param int         $status Expected HTTP status.
	 */
	public function test_non_administrators_are_refused( ?string $role, int $status ): void {
		if ( null !== $role ) {
			wp_set_current_user( $this->create_user( $role ) );
		}
		Plugin::instance()->settings->update( array( 'token' => 'Secret1' ) );

		$read = $this->request( 'GET' );
		$this->assertSame( $status, $read->get_status() );
		$this->assertSame( 'rest_forbidden', $read->get_data()['code'] );
		$this->assertStringNotContainsString( 'Secret1', (string) wp_json_encode( $read->get_data() ) );

		$write = $this->request( 'POST', array( 'token' => 'Hijack1' ) );
		$this->assertSame( $status, $write->get_status() );
		$this->assertSame( 'rest_forbidden', $write->get_data()['code'] );
		$this->assertSame( 'Secret1', Plugin::instance()->settings->get()['token'] );
	}

	public function test_administrator_reads_settings_and_locks(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Plugin::instance()->settings->update( array( 'token' => 'Read1' ) );

		$response = $this->request( 'GET' );

		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'Read1', $data['settings']['token'] );
		$this->assertSame( 1, $data['settings']['schemaVersion'] );
		$this->assertEquals( (object) array(), $data['locked'] );
	}

	public function test_administrator_saves_a_partial_change(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$response = $this->request(
			'POST',
			array(
				'token'        => 'NewToken42',
				'excludeRoles' => array( 'administrator' ),
			)
		);

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'NewToken42', $response->get_data()['settings']['token'] );
		$stored = Plugin::instance()->settings->get();
		$this->assertSame( 'NewToken42', $stored['token'] );
		$this->assertSame( array( 'administrator' ), $stored['excludeRoles'] );
		$this->assertTrue( $stored['enabled'] );
	}

	/**
	 * Bad bodies, with the field the error must name.
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public function data_bad_bodies(): array {
		return array(
			'token pattern'     => array( array( 'token' => 'has space' ), 'token' ),
			'token script'      => array( array( 'token' => '</script><script>alert(1)</script>' ), 'token' ),
			'enabled type'      => array( array( 'enabled' => 'sometimes' ), 'enabled' ),
			'unknown role'      => array( array( 'excludeRoles' => array( 'ghost' ) ), 'excludeRoles' ),
			'unknown field'     => array( array( 'colour' => 'red' ), 'colour' ),
			'read-only field'   => array( array( 'schemaVersion' => 7 ), 'schemaVersion' ),
			'one bad, one good' => array(
				array(
					'enabled' => false,
					'token'   => 'bad!',
				),
				'token',
			),
		);
	}

	/**
	 * Bad input gets a 400 naming the field and changes nothing.
	 *
	 * @dataProvider data_bad_bodies
	 *
	 * @param array<string, mixed> $body  Request body.
	 * @param string               $field Field the error must name.
	 */
	public function test_bad_input_is_refused_whole( array $body, string $field ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Plugin::instance()->settings->update( array( 'token' => 'Before1' ) );
		$before = get_option( 'qualified_integration_settings' );

		$response = $this->request( 'POST', $body );

		$this->assertSame( 400, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertArrayHasKey( $field, $data['data']['params'] );
		$this->assertStringContainsString( $field, $data['data']['params'][ $field ] );
		$this->assertSame( $before, get_option( 'qualified_integration_settings' ) );
	}
}
