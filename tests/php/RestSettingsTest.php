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
		$this->assertSame( 5, $data['settings']['schemaVersion'] );
		$this->assertSame( array( 'mappings' => array() ), $data['settings']['identity'] );
		$this->assertSame(
			array(
				'spa'   => false,
				'rules' => array(),
			),
			$data['settings']['experiences']
		);
		$this->assertSame(
			array(
				'handlers'      => array(),
				'webhooks'      => array(),
				'retentionDays' => 90,
			),
			$data['settings']['events']
		);
		$this->assertEquals( (object) array(), $data['locked'] );
		$this->assertSame( Plugin::instance()->settings->revision(), $data['revision'] );
		$this->assertMatchesRegularExpression( '/\A[0-9a-f]{16}\z/', $data['revision'] );
		$this->assertSame( '"' . $data['revision'] . '"', $response->get_headers()['ETag'] );
		$this->assertSame( array(), $data['problems'] );
		$this->assertSame( array( 'live', 'reasons', 'homeUrl' ), array_keys( $data['status'] ) );
		$this->assertSame( home_url( '/' ), $data['status']['homeUrl'] );
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
		$this->assertSame( Plugin::instance()->settings->revision(), $response->get_data()['revision'] );
		$this->assertSame( '"' . $response->get_data()['revision'] . '"', $response->get_headers()['ETag'] );
		$stored = Plugin::instance()->settings->get();
		$this->assertSame( 'NewToken42', $stored['token'] );
		$this->assertSame( array( 'administrator' ), $stored['excludeRoles'] );
		$this->assertTrue( $stored['enabled'] );
	}

	/**
	 * Bad bodies, with the path the error must name and the start of its message.
	 *
	 * @return array<string, array{array<string, mixed>, string, string}>
	 */
	public function data_bad_bodies(): array {
		return array(
			'token pattern'         => array( array( 'token' => 'has space' ), 'token', 'Site token:' ),
			'token script'          => array( array( 'token' => '</script><script>alert(1)</script>' ), 'token', 'Site token:' ),
			'token final newline'   => array( array( 'token' => "Abc\n" ), 'token', 'Site token:' ),
			'token only a newline'  => array( array( 'token' => "\n" ), 'token', 'Site token:' ),
			'token null'            => array( array( 'token' => null ), 'token', 'Site token: must be text, not null.' ),
			'enabled type'          => array( array( 'enabled' => 'sometimes' ), 'enabled', 'Load Qualified:' ),
			'enabled "false"'       => array( array( 'enabled' => 'false' ), 'enabled', 'Load Qualified:' ),
			'enabled null'          => array( array( 'enabled' => null ), 'enabled', 'Load Qualified: must be true or false, not null.' ),
			'unknown role'          => array( array( 'excludeRoles' => array( 'ghost' ) ), 'excludeRoles[0]', 'Never load for these roles: ghost' ),
			'roles null'            => array( array( 'excludeRoles' => null ), 'excludeRoles', 'Never load for these roles: must be a list, not null.' ),
			'identity null'         => array( array( 'identity' => null ), 'identity', 'Identity:' ),
			'experiences null'      => array( array( 'experiences' => null ), 'experiences', 'Experiences: must be an object, not null.' ),
			'bad rule value'        => array(
				array(
					'experiences' => array(
						'spa'   => false,
						'rules' => array(
							array(
								'id'   => 'a',
								'when' => array(),
								'then' => array( 'action' => 'open' ),
							),
							array(
								'id'   => 'b',
								'when' => array(
									array(
										'type'  => 'device',
										'value' => 'mobile',
									),
									array(
										'type'  => 'path',
										'op'    => 'regex',
										'value' => '^(\\d+)*$',
									),
								),
								'then' => array( 'action' => 'open' ),
							),
						),
					),
				),
				'experiences.rules[1].when[1].value',
				'Rule 2, Condition 2, Value: a repeated group',
			),
			'unknown field'         => array( array( 'colour' => 'red' ), 'colour', 'colour' ),
			'read-only field'       => array( array( 'schemaVersion' => 7 ), 'schemaVersion', 'schemaVersion' ),
			'revision not a string' => array( array( 'revision' => 7 ), 'revision', 'revision' ),
			'one bad, one good'     => array(
				array(
					'enabled' => false,
					'token'   => 'bad!',
				),
				'token',
				'Site token:',
			),
		);
	}

	/**
	 * Bad input gets a 400 naming the field and changes nothing.
	 *
	 * @dataProvider data_bad_bodies
	 *
	 * @param array<string, mixed> $body    Request body.
	 * @param string               $field   Path the error must name.
	 * @param string               $message Start of its message.
	 */
	public function test_bad_input_is_refused_whole( array $body, string $field, string $message ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Plugin::instance()->settings->update( array( 'token' => 'Before1' ) );
		$before = get_option( 'qualified_integration_settings' );

		$response = $this->request( 'POST', $body );

		$this->assertSame( 400, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertArrayHasKey( $field, $data['data']['params'] );
		$this->assertStringStartsWith( $message, $data['data']['params'][ $field ] );
		$this->assertArrayHasKey( $field, $data['data']['details'] );
		$this->assertSame( $before, get_option( 'qualified_integration_settings' ) );
	}

	public function test_several_bad_fields_are_all_reported(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->request(
			'POST',
			array(
				'token'        => null,
				'enabled'      => 'yes',
				'excludeRoles' => array( 'administrator', 'ghost' ),
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( array( 'token', 'enabled', 'excludeRoles[1]' ), array_keys( $response->get_data()['data']['params'] ) );
	}

	/**
	 * Bodies that are valid JSON but not an object.
	 *
	 * @return array<string, array{string}>
	 */
	public function data_non_object_bodies(): array {
		return array(
			'string'     => array( '"token"' ),
			'number'     => array( '42' ),
			'empty list' => array( '[]' ),
			'list'       => array( '["token"]' ),
			'null'       => array( 'null' ),
			'true'       => array( 'true' ),
			'nothing'    => array( '' ),
		);
	}

	/**
	 * A body that is not a JSON object gets a 400 with a clear message, and nothing changes.
	 *
	 * @dataProvider data_non_object_bodies
	 *
	 * @param string $body Raw body.
	 */
	public function test_a_body_that_is_not_an_object_is_refused( string $body ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Plugin::instance()->settings->update( array( 'token' => 'Before1' ) );
		$before = get_option( 'qualified_integration_settings' );

		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( $body );
		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertStringContainsString( 'JSON object', $response->get_data()['message'] );
		$this->assertSame( $before, get_option( 'qualified_integration_settings' ) );
	}

	public function test_malformed_json_is_refused_by_core(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( '{"token":' );
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_json', $response->get_data()['code'] );
	}

	public function test_status_is_live_with_a_token_and_says_why_not_otherwise(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$this->assertSame( array( 'no_token' ), $this->reason_codes() );

		Plugin::instance()->settings->update( array( 'token' => 'Live1' ) );
		$status = $this->request( 'GET' )->get_data()['status'];
		$this->assertTrue( $status['live'] );
		$this->assertSame( array(), $status['reasons'] );

		Plugin::instance()->settings->update( array( 'enabled' => false ) );
		$this->assertSame( array( 'disabled' ), $this->reason_codes() );

		Plugin::instance()->settings->update(
			array(
				'enabled'      => true,
				'excludeRoles' => array( 'editor' ),
			)
		);
		$this->assertSame( array(), $this->reason_codes(), 'Another role excluded does not concern this admin.' );

		Plugin::instance()->settings->update( array( 'excludeRoles' => array( 'administrator' ) ) );
		$status = $this->request( 'GET' )->get_data()['status'];
		$this->assertFalse( $status['live'] );
		$this->assertSame( array( 'role_excluded' ), array_column( $status['reasons'], 'code' ) );
		$this->assertNotSame( '', $status['reasons'][0]['message'] );
	}

	public function test_a_stored_invalid_off_switch_is_reported_and_off(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->store_raw_settings(
			array(
				'schemaVersion' => 2,
				'enabled'       => 'yes',
				'token'         => 'Tok1',
			)
		);

		$data = $this->request( 'GET' )->get_data();
		$this->assertFalse( $data['settings']['enabled'] );
		$this->assertFalse( $data['status']['live'] );
		$this->assertSame( array( 'invalid_enabled' ), array_column( $data['status']['reasons'], 'code' ) );
		$this->assertSame( array( 'enabled' ), array_column( $data['problems'], 'field' ) );
		$this->assertStringStartsWith( 'Load Qualified:', $data['problems'][0]['message'] );
	}

	/**
	 * Two valid rules.
	 *
	 * @return array{spa: bool, rules: array<int, array<string, mixed>>}
	 */
	private static function experiences(): array {
		return array(
			'spa'   => true,
			'rules' => array(
				array(
					'id'    => 'pricing',
					'label' => 'Pricing',
					'when'  => array(
						array(
							'type'  => 'path',
							'op'    => 'prefix',
							'value' => '/pricing',
						),
					),
					'then'  => array(
						'action'     => 'showExperience',
						'experience' => 'experience-1234',
					),
				),
				array(
					'id'   => 'careers',
					'when' => array(
						array(
							'type'   => 'post_type',
							'values' => array( 'page' ),
						),
					),
					'then' => array( 'action' => 'hide' ),
				),
			),
		);
	}

	public function test_experiences_are_saved_alone_and_returned_like_the_other_fields(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Plugin::instance()->settings->update(
			array(
				'token'    => 'Keep1',
				'identity' => array(
					'mappings' => array(
						array(
							'field'  => 'email',
							'source' => 'user.email',
						),
					),
				),
			)
		);
		$revision = $this->request( 'GET' )->get_data()['revision'];

		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_header( 'If-Match', '"' . $revision . '"' );
		$request->set_body( (string) wp_json_encode( array( 'experiences' => self::experiences() ) ) );
		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( self::experiences(), $data['settings']['experiences'] );
		$this->assertSame( 'Keep1', $data['settings']['token'], 'Fields not sent are kept.' );
		$this->assertSame( 'email', $data['settings']['identity']['mappings'][0]['field'] );
		$this->assertNotSame( $revision, $data['revision'] );
		$this->assertSame( self::experiences(), $this->request( 'GET' )->get_data()['settings']['experiences'] );
		$this->assertSame( self::experiences(), get_option( 'qualified_integration_settings' )['experiences'] );
	}

	public function test_a_stale_experiences_save_gets_409_and_changes_nothing(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$stale = $this->request( 'GET' )->get_data()['revision'];
		Plugin::instance()->settings->update( array( 'token' => 'Other1' ) );
		$before = get_option( 'qualified_integration_settings' );

		foreach ( array( 'header', 'body' ) as $how ) {
			$body    = array( 'experiences' => self::experiences() );
			$request = new WP_REST_Request( 'POST', self::ROUTE );
			$request->set_header( 'Content-Type', 'application/json' );
			if ( 'header' === $how ) {
				$request->set_header( 'If-Match', '"' . $stale . '"' );
			} else {
				$body['revision'] = $stale;
			}
			$request->set_body( (string) wp_json_encode( $body ) );
			$response = rest_get_server()->dispatch( $request );

			$this->assertSame( 409, $response->get_status(), $how );
			$this->assertSame( 'qualified_integration_conflict', $response->get_data()['code'] );
			$this->assertSame(
				array(
					'spa'   => false,
					'rules' => array(),
				),
				$response->get_data()['data']['current']['settings']['experiences']
			);
			$this->assertSame( $before, get_option( 'qualified_integration_settings' ), $how );
		}
	}

	public function test_bad_rules_are_all_reported_with_other_bad_fields_and_nothing_changes(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Plugin::instance()->settings->update( array( 'experiences' => self::experiences() ) );
		$before = get_option( 'qualified_integration_settings' );

		$experiences                       = self::experiences();
		$experiences['rules'][1]['id']     = 'pricing';
		$experiences['rules'][1]['when'][] = array(
			'type'    => 'scroll',
			'percent' => 40,
		);
		$experiences['rules'][]            = array(
			'id'   => 'third',
			'when' => array(
				array(
					'type'  => 'query',
					'key'   => 'utm_source',
					'op'    => 'regex',
					'value' => '(?<=x)y',
				),
			),
			'then' => array(
				'action'     => 'showExperience',
				'experience' => 'Pricing page',
			),
		);
		$response                          = $this->request(
			'POST',
			array(
				'token'       => 'bad token',
				'experiences' => $experiences,
			)
		);

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame(
			array(
				'token'                                => 'Site token: use only letters and digits (A-Z, a-z, 0-9).',
				'experiences.rules[1].when[1].type'    => 'Rule 2, Condition 2, Type: a rule that hides Qualified cannot wait for time on page or scroll (the messenger would already be on screen).',
				'experiences.rules[1].id'              => 'Rule 2, ID: pricing is already the ID of rule 1.',
				'experiences.rules[2].when[0].value'   => 'Rule 3, Condition 1, Value: lookbehind and named groups ("(?<") are not supported.',
				'experiences.rules[2].then.experience' => 'Rule 3, Experience: use the Experience\'s API name: "experience-" followed by digits (in Qualified: Settings, Experiences, Manual, the Experience, API NAME).',
			),
			$response->get_data()['data']['params']
		);
		$this->assertSame( array_keys( $response->get_data()['data']['params'] ), array_keys( $response->get_data()['data']['details'] ) );
		$this->assertSame( $before, get_option( 'qualified_integration_settings' ) );
	}

	/**
	 * The status reason codes a GET answers with.
	 *
	 * @return string[]
	 */
	private function reason_codes(): array {
		return array_column( $this->request( 'GET' )->get_data()['status']['reasons'], 'code' );
	}
}
