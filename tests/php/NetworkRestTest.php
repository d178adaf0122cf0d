<?php
/**
 * The network settings route.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Network\NetworkSettings;

/**
 * GET and POST /qualified-integration/v1/network/settings.
 *
 * @group multisite
 */
final class NetworkRestTest extends NetworkTestCase {

	const ROUTE = '/network/settings';

	public function test_the_route_has_a_permission_callback(): void {
		$routes = rest_get_server()->get_routes();
		$this->assertArrayHasKey( '/qualified-integration/v1' . self::ROUTE, $routes );
		foreach ( $routes[ '/qualified-integration/v1' . self::ROUTE ] as $endpoint ) {
			$this->assertIsCallable( $endpoint['permission_callback'] );
		}
	}

	public function test_a_site_administrator_without_manage_network_options_is_refused(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertTrue( current_user_can( 'manage_options' ), 'An administrator of the site.' );
		foreach ( array( 'GET', 'POST' ) as $method ) {
			$response = $this->rest( $method, self::ROUTE, 'POST' === $method ? array( 'token' => 'Sneak1' ) : null );
			$this->assertSame( 403, $response->get_status(), $method );
			$this->assertSame( 'rest_forbidden', $response->get_data()['code'] );
		}
		wp_set_current_user( 0 );
		$this->assertSame( 401, $this->rest( 'GET', self::ROUTE )->get_status() );
		$this->assertFalse( get_site_option( NetworkSettings::OPTION, false ), 'Nothing was written.' );
	}

	public function test_a_network_administrator_reads_and_writes_defaults_and_locks(): void {
		$this->log_in_network_admin();
		$read = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 200, $read->get_status() );
		$data = $read->get_data();
		foreach ( array( 'settings', 'locked', 'revision', 'status', 'problems', 'network' ) as $key ) {
			$this->assertArrayHasKey( $key, $data );
		}
		$this->assertSame( array(), $data['network']['defaults'] );
		$this->assertSame( '', $data['settings']['token'], 'The schema defaults, before the network sets anything.' );

		$write = $this->rest(
			'POST',
			self::ROUTE,
			array(
				'token'    => 'NetTok1',
				'locked'   => array( 'token' ),
				'revision' => $data['revision'],
			)
		);
		$this->assertSame( 200, $write->get_status(), (string) wp_json_encode( $write->get_data() ) );
		$this->assertSame( 'NetTok1', $write->get_data()['settings']['token'] );
		$this->assertSame( array( 'token' ), $write->get_data()['network']['defaults'] );
		$this->assertSame( array( 'token' ), $write->get_data()['network']['locked'] );
		$this->assertSame( '"' . $write->get_data()['revision'] . '"', $write->get_headers()['ETag'] );

		// A save made on the old revision is refused.
		$stale = $this->rest(
			'POST',
			self::ROUTE,
			array(
				'token'    => 'NetTok2',
				'revision' => $data['revision'],
			)
		);
		$this->assertSame( 409, $stale->get_status() );
		$this->assertSame( 'NetTok1', NetworkSettings::get()['settings']['token'] );

		// Reset removes the default (the lock stays, at the schema default).
		$reset = $this->rest( 'POST', self::ROUTE, array( 'reset' => array( 'token' ) ) );
		$this->assertSame( 200, $reset->get_status() );
		$this->assertSame( array(), $reset->get_data()['network']['defaults'] );
		$this->assertSame( array( 'token' ), $reset->get_data()['network']['locked'] );
	}

	/**
	 * Bodies the route refuses, with a path the error names.
	 *
	 * @return array<string, array{mixed, string|null}>
	 */
	public function data_bad_bodies(): array {
		return array(
			'null token'        => array( array( 'token' => null ), 'token' ),
			'wrong type'        => array( array( 'excludeRoles' => 'editor' ), 'excludeRoles' ),
			'unknown field'     => array( array( 'colour' => 'red' ), 'colour' ),
			'locked not a list' => array( array( 'locked' => 'token' ), 'locked' ),
			'locked unknown'    => array( array( 'locked' => array( 'tokens' ) ), 'locked[0]' ),
			'not an object'     => array( array( 'token' ), null ),
			'hostile string'    => array( array( 'token' => '<script>alert(1)</script>' ), 'token' ),
		);
	}

	/**
	 * Bad bodies are refused in the site route's error shape, and change nothing.
	 *
	 * @dataProvider data_bad_bodies
	 *
	 * @param array<mixed> $body Body.
	 * @param string|null  $path Path named.
	 */
	public function test_bad_bodies_are_refused_with_the_same_error_shape( array $body, ?string $path ): void {
		$this->log_in_network_admin();
		$response = $this->rest( 'POST', self::ROUTE, $body );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		if ( null !== $path ) {
			$this->assertArrayHasKey( $path, (array) $response->get_data()['data']['params'] );
		}
		$this->assertFalse( get_site_option( NetworkSettings::OPTION, false ) );
	}
}
