<?php
/**
 * The Experience rule tester's REST route, dispatched through core's REST server.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Plugin;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Rule tester route tests.
 */
final class ExperiencesPreviewTest extends TestCase {

	const ROUTE = '/qualified-integration/v1/experiences/preview';

	/**
	 * A page in nothing, with an override.
	 *
	 * @var int
	 */
	private $page;

	/**
	 * A post in the "news" category.
	 *
	 * @var int
	 */
	private $post;

	/**
	 * Fresh REST server, some content, pretty permalinks.
	 */
	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		$news       = (int) wp_insert_term( 'News', 'category', array( 'slug' => 'news' ) )['term_id'];
		$this->post = (int) wp_insert_post(
			array(
				'post_title'  => 'Launch &amp; more',
				'post_name'   => 'launch',
				'post_status' => 'publish',
			)
		);
		wp_set_post_terms( $this->post, array( $news ), 'category' );
		$this->page = (int) wp_insert_post(
			array(
				'post_title'  => 'Pricing',
				'post_name'   => 'pricing',
				'post_type'   => 'page',
				'post_status' => 'publish',
			)
		);
	}

	/**
	 * Sends a tester request.
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
	 * The response data as the admin receives it (through JSON).
	 *
	 * @param WP_REST_Response $response Response.
	 * @return array<string, mixed>
	 */
	private static function data( WP_REST_Response $response ): array {
		return json_decode( (string) wp_json_encode( $response->get_data() ), true );
	}

	/**
	 * Logs in an administrator.
	 */
	private function admin(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Rules of each page fact.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function rules(): array {
		return array(
			array(
				'id'    => 'pricing',
				'label' => 'Pricing from LinkedIn',
				'when'  => array(
					array(
						'type'   => 'post_type',
						'values' => array( 'page' ),
					),
					array(
						'type'  => 'query',
						'key'   => 'utm_source',
						'op'    => 'equals',
						'value' => 'linkedin',
					),
				),
				'then'  => array(
					'action'     => 'showExperience',
					'experience' => 'experience-1234',
				),
			),
			array(
				'id'   => 'news',
				'when' => array(
					array(
						'type'     => 'term',
						'taxonomy' => 'category',
						'slugs'    => array( 'news' ),
					),
				),
				'then' => array( 'action' => 'hide' ),
			),
			array(
				'id'   => 'editors',
				'when' => array(
					array(
						'type'  => 'role',
						'roles' => array( 'editor' ),
					),
				),
				'then' => array( 'action' => 'open' ),
			),
			array(
				'id'           => 'always',
				'oncePerVisit' => true,
				'when'         => array(
					array(
						'type'    => 'time_on_page',
						'seconds' => 30,
					),
				),
				'then'         => array( 'action' => 'open' ),
			),
			array(
				'id'      => 'off',
				'enabled' => false,
				'when'    => array(),
				'then'    => array( 'action' => 'open' ),
			),
		);
	}

	/**
	 * Rule id to page-fact outcome.
	 *
	 * @param array<string, mixed> $data Response data.
	 * @return array<string, string>
	 */
	private static function outcomes( array $data ): array {
		return array_column( $data['rules'], 'pageFacts', 'id' );
	}

	public function test_route_is_registered_with_a_permission_callback(): void {
		$routes = rest_get_server()->get_routes();
		$this->assertArrayHasKey( self::ROUTE, $routes );
		foreach ( $routes[ self::ROUTE ] as $endpoint ) {
			$this->assertIsCallable( $endpoint['permission_callback'] );
			$this->assertSame( array( 'POST' => true ), $endpoint['methods'] );
		}
	}

	public function test_anonymous_is_refused_with_401_and_an_editor_with_403(): void {
		$body     = array( 'url' => home_url( '/' ) );
		$response = $this->preview( $body );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'rest_forbidden', $response->get_data()['code'] );

		wp_set_current_user( $this->create_user( 'editor' ) );
		$response = $this->preview( $body );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'rest_forbidden', $response->get_data()['code'] );
	}

	public function test_a_page_url_resolves_its_facts_override_and_reduced_rules(): void {
		update_option( 'timezone_string', 'America/New_York' );
		update_post_meta(
			$this->page,
			PageOverride::META_KEY,
			array(
				'open'       => true,
				'experience' => 'experience-9',
			)
		);
		$this->admin();
		$url      = get_permalink( $this->page ) . ( false === strpos( get_permalink( $this->page ), '?' ) ? '?' : '&' ) . 'utm_source=linkedin';
		$response = $this->preview(
			array(
				'url'   => $url,
				'rules' => $this->rules(),
			)
		);
		$data     = self::data( $response );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $data ) );

		$this->assertSame( $url, $data['url'] );
		$this->assertSame(
			array(
				'postId'   => $this->page,
				'postType' => 'page',
				'title'    => 'Pricing',
				'found'    => true,
			),
			$data['page']
		);
		$this->assertFalse( $data['hidden'] );
		$this->assertSame(
			array(
				'experience'     => 'experience-9',
				'startCollapsed' => false,
				'open'           => true,
			),
			$data['override']
		);
		$this->assertSame( 'America/New_York', $data['timezone'] );
		$this->assertSame(
			array(
				'pricing' => 'match',
				'news'    => 'no_match',
				'editors' => 'no_match',
				'always'  => 'none',
			),
			self::outcomes( $data )
		);
		$this->assertSame(
			array(
				'id'   => 'pricing',
				'when' => array(
					array(
						'type'  => 'query',
						'key'   => 'utm_source',
						'op'    => 'equals',
						'value' => 'linkedin',
					),
				),
				'then' => array(
					'action'     => 'showExperience',
					'experience' => 'experience-1234',
				),
			),
			$data['rules'][0]['rule']
		);
		$this->assertSame( true, $data['rules'][3]['rule']['once'] );
	}

	public function test_a_post_url_uses_its_terms_and_page_facts_can_hide(): void {
		$this->admin();
		$data = self::data(
			$this->preview(
				array(
					'url'   => get_permalink( $this->post ),
					'rules' => $this->rules(),
				)
			)
		);
		$this->assertSame( 'Launch & more', $data['page']['title'] );
		$this->assertSame( 'post', $data['page']['postType'] );
		$this->assertSame( 'match', self::outcomes( $data )['news'] );
		$this->assertTrue( $data['hidden'], 'The news hide rule is unconditional on this post.' );
		$this->assertNull( $data['override'] );
	}

	public function test_the_home_url_is_the_static_front_page_and_an_override_hide_hides(): void {
		update_option( 'show_on_front', 'page' );
		update_option( 'page_on_front', $this->page );
		update_post_meta( $this->page, PageOverride::META_KEY, array( 'hide' => true ) );
		$this->admin();
		$data = self::data( $this->preview( array( 'url' => home_url( '/?utm_source=x' ) ) ) );
		$this->assertSame( $this->page, $data['page']['postId'] );
		$this->assertTrue( $data['hidden'] );
		$this->assertSame( array( 'hide' => true ), $data['override'] );

		update_option( 'show_on_front', 'posts' );
		$data = self::data( $this->preview( array( 'url' => home_url( '/' ) ) ) );
		$this->assertSame(
			array(
				'postId'   => null,
				'postType' => null,
				'title'    => null,
				'found'    => false,
			),
			$data['page']
		);
		$this->assertFalse( $data['hidden'] );
	}

	public function test_saved_rules_are_used_when_none_are_sent_and_the_visitor_is_simulated(): void {
		$this->store_settings(
			array(
				'experiences' => array(
					'spa'   => false,
					'rules' => $this->rules(),
				),
			)
		);
		$this->assertCount( 5, Plugin::instance()->settings->get()['experiences']['rules'] );
		$this->admin();

		$anonymous = self::data( $this->preview( array( 'url' => get_permalink( $this->page ) ) ) );
		$this->assertSame( 'no_match', self::outcomes( $anonymous )['editors'], 'An anonymous visitor by default, not the admin.' );
		$this->assertArrayNotHasKey( 'off', self::outcomes( $anonymous ), 'Disabled rules never reach a page.' );

		$editor = self::data(
			$this->preview(
				array(
					'url'  => get_permalink( $this->page ),
					'role' => 'editor',
				)
			)
		);
		$this->assertSame( 'match', self::outcomes( $editor )['editors'] );

		$logged_in_rule = array(
			array(
				'id'   => 'members',
				'when' => array(
					array(
						'type'  => 'logged_in',
						'value' => true,
					),
				),
				'then' => array( 'action' => 'open' ),
			),
		);
		foreach ( array( array( true, 'match' ), array( false, 'no_match' ) ) as list( $logged_in, $outcome ) ) {
			$data = self::data(
				$this->preview(
					array(
						'url'      => get_permalink( $this->page ),
						'rules'    => $logged_in_rule,
						'loggedIn' => $logged_in,
					)
				)
			);
			$this->assertSame( $outcome, self::outcomes( $data )['members'] );
		}
	}

	public function test_unsaved_rules_are_tested_and_nothing_is_stored(): void {
		$this->admin();
		$before = get_option( 'qualified_integration_settings' );
		$data   = self::data(
			$this->preview(
				array(
					'url'   => get_permalink( $this->page ),
					'rules' => $this->rules(),
				)
			)
		);
		$this->assertSame( array( 'pricing', 'news', 'editors', 'always' ), array_keys( self::outcomes( $data ) ) );
		$this->assertSame( $before, get_option( 'qualified_integration_settings' ) );
	}

	/**
	 * Bodies the tester refuses, and an error path each must name.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public function data_bad_bodies(): array {
		return array(
			'not an object'        => array( 'x', 'url' ),
			'no url'               => array( array( 'rules' => array() ), 'url' ),
			'url null'             => array( array( 'url' => null ), 'url' ),
			'another site'         => array( array( 'url' => 'https://evil.example/pricing/' ), 'url' ),
			'not http'             => array( array( 'url' => 'javascript:alert(1)' ), 'url' ),
			'a relative url'       => array( array( 'url' => '/pricing/' ), 'url' ),
			'loggedIn null'        => array(
				array(
					'url'      => 'HOME',
					'loggedIn' => null,
				),
				'loggedIn',
			),
			'unknown role'         => array(
				array(
					'url'  => 'HOME',
					'role' => 'overlord',
				),
				'role',
			),
			'role when logged out' => array(
				array(
					'url'      => 'HOME',
					'role'     => 'editor',
					'loggedIn' => false,
				),
				'role',
			),
			'a bad rule'           => array(
				array(
					'url'   => 'HOME',
					'rules' => array(
						array(
							'id'   => 'ok',
							'when' => array(),
							'then' => array( 'action' => 'open' ),
						),
						array(
							'id'   => 'bad',
							'when' => array(
								array(
									'type'  => 'path',
									'op'    => 'regex',
									'value' => '(a+)+$',
								),
							),
							'then' => array( 'action' => 'open' ),
						),
					),
				),
				'experiences.rules[1].when[0].value',
			),
			'rules not a list'     => array(
				array(
					'url'   => 'HOME',
					'rules' => 'x',
				),
				'experiences.rules',
			),
		);
	}

	/**
	 * Bad input gets a 400 naming the path, with the same paths a save uses for rules.
	 *
	 * @dataProvider data_bad_bodies
	 *
	 * @param mixed  $body JSON body ("HOME" as url means the home URL).
	 * @param string $path Error path that must be named.
	 */
	public function test_bad_bodies_get_a_400_naming_the_path( $body, string $path ): void {
		if ( is_array( $body ) && 'HOME' === ( $body['url'] ?? null ) ) {
			$body['url'] = home_url( '/' );
		}
		$this->admin();
		$response = $this->preview( $body );
		$data     = $response->get_data();
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $data ) );
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertArrayHasKey( $path, $data['data']['params'], (string) wp_json_encode( $data ) );
	}

	public function test_every_bad_field_is_named_at_once(): void {
		$this->admin();
		$data = $this->preview(
			array(
				'url'      => 'https://evil.example/',
				'loggedIn' => 'yes',
				'role'     => 7,
				'rules'    => array( array( 'id' => 'Bad Id' ) ),
			)
		)->get_data();
		foreach ( array( 'url', 'loggedIn', 'role', 'experiences.rules[0].id' ) as $path ) {
			$this->assertArrayHasKey( $path, $data['data']['params'], (string) wp_json_encode( $data ) );
		}
	}
}
