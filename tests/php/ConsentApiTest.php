<?php
/**
 * The WP Consent API integration, against the API's stand-in.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Privacy\ConsentApi;

/**
 * Consent API registration and cookie declarations.
 */
final class ConsentApiTest extends TestCase {

	const BASENAME = 'qualified-integration/qualified-integration.php';

	/**
	 * The ConsentApi the plugin hooked on init.
	 *
	 * @return ConsentApi
	 */
	private function hooked_service(): ConsentApi {
		global $wp_filter;
		foreach ( $wp_filter['init']->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof ConsentApi ) {
					return $callback['function'][0];
				}
			}
		}
		$this->fail( 'No ConsentApi hooked on init.' );
	}

	/**
	 * Defines the stand-in's API (once per process; it cannot be undefined) and empties its store.
	 */
	private function load_fake_api(): void {
		require_once dirname( __DIR__ ) . '/fixtures/wp-consent-api/wp-consent-api.php';
		qi_fake_consent_api_load( true );
		qi_fake_consent_api_cookie_store( array() );
	}

	public function test_the_plugin_declares_itself_consent_aware_under_its_basename(): void {
		$this->assertSame( 'wp_consent_api_registered_' . self::BASENAME, ConsentApi::registered_filter() );
		$this->assertTrue( apply_filters( 'wp_consent_api_registered_' . self::BASENAME, false ) );
		$this->assertFalse( apply_filters( 'wp_consent_api_registered_other-plugin/other-plugin.php', false ) ); // phpcs:ignore WordPress.NamingConventions.ValidHookName.UseUnderscores -- The API's hook name holds a plugin basename.

		// As the API's own Site Health test asks, for each active plugin.
		$this->load_fake_api();
		$this->assertTrue( consent_api_registered( self::BASENAME ) );
		$this->assertFalse( consent_api_registered( 'other-plugin/other-plugin.php' ) );
	}

	public function test_cookies_are_declared_after_the_api_defines_its_functions(): void {
		$service = $this->hooked_service();
		// The API defines its functions on plugins_loaded (9); the declarations come on init.
		$this->assertSame( 10, has_action( 'init', array( $service, 'declare_cookies' ) ) );
		$this->assertFalse( has_action( 'plugins_loaded', array( $service, 'declare_cookies' ) ) );
	}

	public function test_each_cookie_is_declared_in_the_configured_category(): void {
		$this->store_settings(
			array(
				'token'   => 'Tok3n',
				'loading' => array(
					'strategy'        => 'consent',
					'maxDelay'        => 0,
					'consentCategory' => 'statistics',
				),
			)
		);
		$this->load_fake_api();
		$this->hooked_service()->declare_cookies();

		$cookies = wp_get_cookie_info();
		$this->assertSame( array( '__q_state_Tok3n', '__q_domainTest', 'qualified_session' ), array_keys( $cookies ) );
		foreach ( $cookies as $name => $cookie ) {
			$this->assertSame( 'statistics', $cookie['category'], $name );
			$this->assertSame( 'Qualified', $cookie['plugin_or_service'], $name );
			$this->assertStringContainsString( 'Set by Qualified', $cookie['function'], $name );
			$this->assertStringContainsString( 'Set by Qualified', $cookie['expires'], $name );
			$this->assertSame( 'HTTP', $cookie['type'], $name );
			$this->assertSame( site_url(), $cookie['domain'], "$name is this site's cookie." );
			$this->assertFalse( $cookie['memberCookie'] );
			$this->assertFalse( $cookie['administratorCookie'] );
		}
		$this->assertNotSame( '', $cookies['__q_state_Tok3n']['collectedPersonalData'] );
		$this->assertSame( '', $cookies['__q_domainTest']['collectedPersonalData'] );
	}

	public function test_the_category_defaults_to_marketing(): void {
		$this->store_settings( array( 'token' => 'Tok3n' ) );
		$this->load_fake_api();
		$this->hooked_service()->declare_cookies();
		$this->assertSame( 'marketing', wp_get_cookie_info( 'qualified_session' )['category'] );

		$this->assertSame( 'marketing', ConsentApi::category( array() ), 'Settings from before `loading`.' );
		$this->assertSame( 'marketing', ConsentApi::category( array( 'loading' => 'consent' ) ) );
		$this->assertSame( 'marketing', ConsentApi::category( array( 'loading' => array( 'consentCategory' => 'statistics-anonymous' ) ) ), 'Not a category of the settings.' );
		$this->assertSame( 'preferences', ConsentApi::category( array( 'loading' => array( 'consentCategory' => 'preferences' ) ) ) );
	}

	public function test_no_cookie_is_declared_while_qualified_is_off(): void {
		$this->load_fake_api();
		foreach ( array(
			array( 'token' => '' ),
			array(
				'token'   => 'Tok3n',
				'enabled' => false,
			),
		) as $settings ) {
			$this->store_settings( $settings );
			$this->hooked_service()->declare_cookies();
			$this->assertSame( array(), wp_get_cookie_info(), (string) wp_json_encode( $settings ) );
		}
	}

	/**
	 * Without the API (a fresh process: once defined, the stand-in's functions stay), the
	 * declaration reads nothing and declares nothing; the filter is still there.
	 *
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_without_the_api_nothing_is_read_or_declared(): void {
		$this->assertFalse( function_exists( 'wp_add_cookie_info' ), 'The API is not loaded in this process.' );
		$this->store_settings( array( 'token' => 'Tok3n' ) );

		$reads = 0;
		add_filter(
			'pre_option_qualified_integration_settings',
			static function ( $value ) use ( &$reads ) {
				++$reads;
				return $value;
			}
		);
		$this->hooked_service()->declare_cookies();
		$this->assertSame( 0, $reads, 'The settings are not read without the API.' );
		$this->assertTrue( apply_filters( 'wp_consent_api_registered_' . self::BASENAME, false ) );
	}
}
