<?php
/**
 * Suggested privacy-policy text.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Privacy\PolicyText;

/**
 * Privacy tests.
 */
final class PrivacyTest extends TestCase {

	public function test_text_names_the_cookies_and_the_third_party(): void {
		$text = PolicyText::text();
		foreach ( array( '__q_state_', '__q_domainTest', 'qualified_session', 'third-party', 'email address' ) as $needle ) {
			$this->assertStringContainsString( $needle, $text );
		}
		$this->assertSame( wp_kses_post( $text ), $text, 'Only post-safe HTML.' );
		$this->assertStringContainsString( '__q_state_&lt;token&gt;', $text, 'The placeholder is escaped, not a tag.' );
	}

	public function test_plugin_offers_the_text_on_admin_init(): void {
		global $wp_filter;
		$found = null;
		foreach ( $wp_filter['admin_init']->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof PolicyText ) {
					$found = $callback['function'];
				}
			}
		}
		$this->assertNotNull( $found, 'A PolicyText hooked on admin_init.' );

		// Call it as core would: in wp-admin, during admin_init.
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-privacy-policy-content.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		set_current_screen( 'dashboard' );
		$GLOBALS['wp_current_filter'][] = 'admin_init';
		try {
			call_user_func( $found );
		} finally {
			array_pop( $GLOBALS['wp_current_filter'] );
		}

		$content = ( new \ReflectionClass( \WP_Privacy_Policy_Content::class ) )->getStaticPropertyValue( 'policy_content' );
		$texts   = wp_list_pluck( (array) $content, 'policy_text', 'plugin_name' );
		$this->assertArrayHasKey( 'Qualified Integration', $texts );
		$this->assertSame( PolicyText::text(), $texts['Qualified Integration'] );
	}
}
