<?php
/**
 * Constants in wp-config.php that lock settings fields.
 *
 * Constants cannot be undefined, so each test runs in its own PHP process.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

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

		$write = new WP_REST_Request( 'POST', '/qualified-integration/v1/settings' );
		$write->set_header( 'Content-Type', 'application/json' );
		$write->set_body( '{"token":"Changed1"}' );
		$response = rest_get_server()->dispatch( $write );
		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'QUALIFIED_INTEGRATION_TOKEN', $response->get_data()['data']['params']['token'] );
		$this->assertSame( 'FromDb1', Plugin::instance()->settings->stored()['token'] );
	}

	public function test_invalid_constant_locks_the_field_to_its_default_and_reports_why(): void {
		define( 'QUALIFIED_INTEGRATION_ENABLED', 'perhaps' );

		$locks = Constants::locks();
		$this->assertTrue( $locks['enabled']['value'] );
		$this->assertStringContainsString( 'enabled', (string) $locks['enabled']['error'] );
	}

	public function test_array_constant_sets_excluded_roles(): void {
		define( 'QUALIFIED_INTEGRATION_EXCLUDE_ROLES', array( 'editor' ) );
		$this->assertSame( array( 'editor' ), Plugin::instance()->settings->get()['excludeRoles'] );
	}
}
