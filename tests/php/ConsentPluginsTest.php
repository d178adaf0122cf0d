<?php
/**
 * Which consent plugins the site runs.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Privacy\ConsentPlugins;

/**
 * Consent plugin detection.
 */
final class ConsentPluginsTest extends TestCase {

	/**
	 * Marks plugins active as core's option does (the plugin itself stays in the list).
	 *
	 * @param string[] $basenames Plugin basenames.
	 */
	private function activate( array $basenames ): void {
		update_option( 'active_plugins', array_merge( array( 'qualified-integration/qualified-integration.php' ), $basenames ) );
	}

	/**
	 * Slugs of the detected plugins, without the WP Consent API when only its
	 * functions (the stand-in another test of this process defined) make it count.
	 *
	 * @param string[] $basenames What the site has active.
	 * @return string[]
	 */
	private function detected( array $basenames ): array {
		$slugs = wp_list_pluck( ConsentPlugins::active(), 'slug' );
		if ( function_exists( 'wp_has_consent' ) && ! in_array( 'wp-consent-api/wp-consent-api.php', $basenames, true ) ) {
			$this->assertSame( 'wp-consent-api', $slugs[0], 'The API counts as active when its functions are defined.' );
			array_shift( $slugs );
		}
		return $slugs;
	}

	public function test_none_without_a_known_consent_plugin(): void {
		$this->activate( array( 'akismet/akismet.php', 'complianz-gdpr/other-file.php' ) );
		$this->assertSame( array(), $this->detected( array() ) );
	}

	public function test_known_plugins_are_listed_in_order_with_their_consent_api_support(): void {
		$basenames = array( 'real-cookie-banner-pro/index.php', 'cookiebot/cookiebot.php', 'complianz-gdpr/complianz-gpdr.php', 'wp-consent-api/wp-consent-api.php' );
		$this->activate( $basenames );
		$this->assertSame( array( 'wp-consent-api', 'complianz', 'cookiebot', 'real-cookie-banner' ), $this->detected( $basenames ) );

		$by_slug = array();
		foreach ( ConsentPlugins::active() as $plugin ) {
			$by_slug[ $plugin['slug'] ] = $plugin;
		}
		$this->assertSame(
			array(
				'slug'       => 'complianz',
				'name'       => 'Complianz',
				'consentApi' => true,
			),
			$by_slug['complianz']
		);
		$this->assertTrue( $by_slug['wp-consent-api']['consentApi'] );
		$this->assertTrue( $by_slug['cookiebot']['consentApi'] );
		$this->assertNull( $by_slug['real-cookie-banner']['consentApi'], 'Not established: unknown, not false.' );
	}

	/**
	 * Every known plugin, each alone.
	 *
	 * @return array<string, array{string, string}>
	 */
	public function data_known(): array {
		$cases = array();
		foreach ( ConsentPlugins::KNOWN as $slug => $plugin ) {
			foreach ( $plugin['basenames'] as $basename ) {
				$cases[ $basename ] = array( $basename, $slug );
			}
		}
		return $cases;
	}

	/**
	 * Each basename is detected as its plugin.
	 *
	 * @dataProvider data_known
	 *
	 * @param string $basename Plugin basename.
	 * @param string $slug     Expected slug.
	 */
	public function test_each_basename_is_detected( string $basename, string $slug ): void {
		$this->activate( array( $basename ) );
		$this->assertSame( array( $slug ), $this->detected( array( $basename ) ) );
	}

	public function test_a_malformed_active_plugins_option_is_read_safely(): void {
		update_option( 'active_plugins', 'complianz-gdpr/complianz-gpdr.php' );
		$this->assertSame( array( 'complianz' ), $this->detected( array() ), 'A string is one plugin, as (array) casts it.' );
		update_option( 'active_plugins', array( array( 'nested' ), 42 ) );
		$this->assertSame( array(), $this->detected( array() ) );
	}
}
