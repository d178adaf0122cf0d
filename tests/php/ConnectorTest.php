<?php
/**
 * Qualified in WordPress 7's Connectors registry.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Connectors\QualifiedConnector;
use QualifiedIntegration\Plugin;
use WP_Connector_Registry;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Connector tests: each runs on the WordPress versions it is about and is
 * skipped, saying why, on the others.
 */
final class ConnectorTest extends TestCase {

	/**
	 * Starts each test with a fresh REST server and a stored token.
	 */
	protected function set_up() {
		parent::set_up();
		// PHPUnit's request is a page view, which registers no connector (RequestType): register it as an admin or REST request does.
		if ( QualifiedConnector::is_supported() && ! wp_is_connector_registered( QualifiedConnector::ID ) ) {
			( new QualifiedConnector( Plugin::instance()->settings ) )->register_connector( WP_Connector_Registry::get_instance() );
		}
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		$this->store_settings( array( 'token' => 'Old1Token' ) );
	}

	/**
	 * Skips a test written for WordPress 7.0+ on older versions.
	 */
	private function require_connectors(): void {
		if ( ! QualifiedConnector::is_supported() ) {
			$this->markTestSkipped( 'WordPress ' . get_bloginfo( 'version' ) . ' has no Connectors API (7.0+).' );
		}
	}

	/**
	 * Sends a request to core's settings endpoint as an administrator.
	 *
	 * @param string                    $method HTTP method.
	 * @param array<string, mixed>|null $body   JSON body.
	 * @return WP_REST_Response
	 */
	private function settings_request( string $method, ?array $body = null ): WP_REST_Response {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$request = new WP_REST_Request( $method, '/wp/v2/settings' );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	public function test_qualified_is_a_registered_connector_with_its_token_setting(): void {
		$this->require_connectors();
		$connector = wp_get_connector( QualifiedConnector::ID );

		$this->assertIsArray( $connector );
		$this->assertSame( 'Qualified', $connector['name'] );
		$this->assertNotSame( '', $connector['description'] );
		$this->assertStringEndsWith( '/qualified-integration/assets/connector-logo.svg', $connector['logo_url'] ?? '' );
		$this->assertSame( 'api_key', $connector['authentication']['method'] );
		$this->assertSame( QualifiedConnector::SETTING, $connector['authentication']['setting_name'] ?? '' );
		$this->assertSame( 'QUALIFIED_INTEGRATION_TOKEN', $connector['authentication']['constant_name'] ?? '' );
		$this->assertSame( QualifiedConnector::CREDENTIALS_URL, $connector['authentication']['credentials_url'] ?? '' );
		$this->assertTrue( (bool) call_user_func( $connector['plugin']['is_active'] ) );
	}

	public function test_a_page_view_registers_no_connector_an_admin_or_rest_request_does(): void {
		$this->require_connectors();
		$connector = new QualifiedConnector( Plugin::instance()->settings );
		$registry  = new WP_Connector_Registry();
		$connector->register_for_editing( $registry );
		$this->assertFalse( $registry->is_registered( QualifiedConnector::ID ), 'A page view has no use for it.' );
		unregister_setting( 'connectors', QualifiedConnector::SETTING );
		$connector->register_setting_for_editing();
		$this->assertArrayNotHasKey( QualifiedConnector::SETTING, get_registered_settings() );

		$_SERVER['REQUEST_URI'] = '/' . rest_get_url_prefix() . '/wp/v2/settings';
		$connector->register_for_editing( $registry );
		$this->assertTrue( $registry->is_registered( QualifiedConnector::ID ), 'The REST API masks the key with it.' );
		$connector->register_setting_for_editing();
		$this->assertArrayHasKey( QualifiedConnector::SETTING, get_registered_settings() );
	}

	public function test_the_token_schema_is_registered_for_rest_requests_only(): void {
		$this->require_connectors();
		$connector = new QualifiedConnector( Plugin::instance()->settings );
		$connector->register_setting();
		$this->assertSame( array( 'type' => 'string' ), get_registered_settings()[ QualifiedConnector::SETTING ]['show_in_rest']['schema'], 'A page view decodes no schema.' );

		$connector->register_rest_schema();
		$schema = get_registered_settings()[ QualifiedConnector::SETTING ]['show_in_rest']['schema'];
		$this->assertSame( 'string', $schema['type'] );
		$this->assertGreaterThan( 0, $schema['maxLength'] );
		$this->assertStringStartsWith( '\A(?:', $schema['pattern'] );
	}

	public function test_reading_the_connector_setting_reads_the_one_settings_object(): void {
		$this->require_connectors();
		$this->assertSame( 'Old1Token', get_option( QualifiedConnector::SETTING ) );

		$response = $this->settings_request( 'GET' );
		$this->assertSame( 200, $response->get_status() );
		$data = (array) $response->get_data();
		$this->assertArrayHasKey( QualifiedConnector::SETTING, $data );
		// Core masks connector keys in REST answers, keeping the last four characters.
		$this->assertStringEndsWith( 'oken', (string) $data[ QualifiedConnector::SETTING ] );
	}

	public function test_saving_on_the_connectors_screen_writes_the_plugin_settings_and_nothing_else(): void {
		global $wpdb;
		$this->require_connectors();

		$response = $this->settings_request( 'POST', array( QualifiedConnector::SETTING => 'New2Token' ) );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'New2Token', Plugin::instance()->settings->stored()['token'] );
		$rows = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name = %s", QualifiedConnector::SETTING ) );
		$this->assertSame( 0, $rows, 'No second copy of the token is stored.' );
	}

	public function test_a_bad_token_from_the_connectors_screen_is_refused_and_changes_nothing(): void {
		$this->require_connectors();
		foreach ( array( 'bad token!', "Abc\n", '</script><script>alert(1)</script>' ) as $bad ) {
			$response = $this->settings_request( 'POST', array( QualifiedConnector::SETTING => $bad ) );
			$this->assertSame( 400, $response->get_status(), wp_json_encode( $bad ) );
			$this->assertSame( 'Old1Token', Plugin::instance()->settings->stored()['token'] );
		}
	}

	public function test_before_wordpress_7_nothing_is_registered(): void {
		if ( QualifiedConnector::is_supported() ) {
			$this->markTestSkipped( 'WordPress ' . get_bloginfo( 'version' ) . ' has the Connectors API; this test is for 6.x.' );
		}
		$this->assertArrayNotHasKey( QualifiedConnector::SETTING, get_registered_settings() );
		$this->assertFalse( has_filter( 'pre_option_' . QualifiedConnector::SETTING ) );
		$this->assertFalse( has_action( 'wp_connectors_init' ) );
	}
}
