<?php
/**
 * Constants in wp-config.php that lock settings fields.
 *
 * Constants cannot be undefined, so each test (and each data set) runs in
 * its own PHP process.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\SettingsHealth;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Constants;
use WP_REST_Request;

/**
 * Constant tests.
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */
final class ConstantsTest extends TestCase {

	public function test_constant_names_follow_the_field_names(): void {
		$this->assertSame( 'QUALIFIED_INTEGRATION_TOKEN', Constants::name_for( 'token' ) );
		$this->assertSame( 'QUALIFIED_INTEGRATION_EXCLUDE_ROLES', Constants::name_for( 'excludeRoles' ) );
		$this->assertSame( 'QUALIFIED_INTEGRATION_IDENTITY', Constants::name_for( 'identity' ) );
	}

	public function test_token_constant_overrides_locks_and_loads(): void {
		Plugin::instance()->settings->update( array( 'token' => 'FromDb1' ) );
		define( 'QUALIFIED_INTEGRATION_TOKEN', 'FromConfig1' );

		$this->assertSame( 'FromConfig1', Plugin::instance()->settings->get()['token'] );
		$this->assertSame( array( 'token' ), Plugin::instance()->settings->locked_fields() );
		$this->assertStringContainsString( 'qualified.js?token=FromConfig1', $this->render_head() );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$read   = rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/qualified-integration/v1/settings' ) );
		$locked = (array) $read->get_data()['locked'];
		$this->assertSame( 'QUALIFIED_INTEGRATION_TOKEN', $locked['token']['constant'] );
		$this->assertNull( $locked['token']['error'] );

		$write = new WP_REST_Request( 'POST', '/qualified-integration/v1/settings' );
		$write->set_header( 'Content-Type', 'application/json' );
		$write->set_body( '{"token":"Changed1"}' );
		$response = rest_get_server()->dispatch( $write );
		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'Site token: locked by the QUALIFIED_INTEGRATION_TOKEN constant', $response->get_data()['data']['params']['token'] );
		$this->assertSame( 'FromDb1', Plugin::instance()->settings->stored()['token'] );
	}

	/**
	 * Token constants a `$` anchor would have let through.
	 *
	 * @return array<string, array{string}>
	 */
	public function data_token_with_a_newline(): array {
		return array(
			'final newline' => array( "Abc\n" ),
			'only newline'  => array( "\n" ),
		);
	}

	/**
	 * A token constant with a newline is refused: no loader with an empty or broken token.
	 *
	 * @dataProvider data_token_with_a_newline
	 *
	 * @param string $token Constant value.
	 */
	public function test_token_constant_with_a_newline_is_refused( string $token ): void {
		Plugin::instance()->settings->update( array( 'token' => 'FromDb1' ) );
		define( 'QUALIFIED_INTEGRATION_TOKEN', $token );

		$locks = Constants::locks();
		$this->assertSame( '', $locks['token']['value'] );
		$this->assertStringContainsString( 'Site token', (string) $locks['token']['error'] );
		$this->assertStringContainsString( 'QUALIFIED_INTEGRATION_TOKEN', Plugin::instance()->settings->problems()['token'] );
		$this->assertStringNotContainsString( 'qualified.js', $this->render_head() );
	}

	/**
	 * Off-switch constants that are not real booleans.
	 *
	 * @return array<string, array{mixed}>
	 */
	public function data_invalid_enabled_constant(): array {
		return array(
			'off'     => array( 'off' ),
			'no'      => array( 'no' ),
			'yes'     => array( 'yes' ),
			'perhaps' => array( 'perhaps' ),
			'int 1'   => array( 1 ),
			'"false"' => array( 'false' ),
		);
	}

	/**
	 * An invalid off-switch constant fails closed, and the admin and Site Health say so.
	 *
	 * @dataProvider data_invalid_enabled_constant
	 *
	 * @param mixed $value Constant value.
	 */
	public function test_invalid_enabled_constant_fails_closed_and_is_reported( $value ): void {
		Plugin::instance()->settings->update(
			array(
				'token'   => 'Tok3n',
				'enabled' => true,
			)
		);
		define( 'QUALIFIED_INTEGRATION_ENABLED', $value );

		$locks = Constants::locks();
		$this->assertFalse( $locks['enabled']['value'] );
		$this->assertStringContainsString( 'Load Qualified', (string) $locks['enabled']['error'] );
		$this->assertFalse( Plugin::instance()->settings->get()['enabled'] );
		$this->assertStringNotContainsString( 'qualified.js', $this->render_head() );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$data = rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/qualified-integration/v1/settings' ) )->get_data();
		$this->assertFalse( $data['status']['live'] );
		$this->assertContains( 'invalid_enabled', array_column( $data['status']['reasons'], 'code' ) );
		$this->assertContains( 'enabled', array_column( $data['problems'], 'field' ) );
		$this->assertStringContainsString( 'QUALIFIED_INTEGRATION_ENABLED', (string) wp_json_encode( $data['problems'] ) );

		$health = ( new SettingsHealth( Plugin::instance()->settings ) )->run();
		$this->assertSame( 'critical', $health['status'] );
	}

	public function test_enabled_constant_false_locks_qualified_off(): void {
		Plugin::instance()->settings->update( array( 'token' => 'Tok3n' ) );
		define( 'QUALIFIED_INTEGRATION_ENABLED', false );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$data = rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/qualified-integration/v1/settings' ) )->get_data();
		$this->assertFalse( $data['status']['live'] );
		$this->assertSame( array( 'locked_off' ), array_column( $data['status']['reasons'], 'code' ) );
		$this->assertSame( array(), $data['problems'] );
		$this->assertSame( 'good', ( new SettingsHealth( Plugin::instance()->settings ) )->run()['status'] );
	}

	public function test_array_constant_sets_excluded_roles_dropping_a_stale_one_alone(): void {
		define( 'QUALIFIED_INTEGRATION_EXCLUDE_ROLES', array( 'editor', 'ghost' ) );
		$this->assertSame( array( 'editor' ), Plugin::instance()->settings->get()['excludeRoles'] );
		$this->assertArrayHasKey( 'excludeRoles', Plugin::instance()->settings->problems() );
		$this->assertStringContainsString( 'ghost', Plugin::instance()->settings->problems()['excludeRoles'] );
	}
}
