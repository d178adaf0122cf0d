<?php
/**
 * Site Health: script optimiser plugins.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\LoaderTags;
use QualifiedIntegration\Health\OptimizerHealth;
use QualifiedIntegration\Health\OptimizerPlugins;
use QualifiedIntegration\Plugin;

/**
 * Optimisers are marked active in `active_plugins` and configured through
 * the options they store their settings in, as they would be on a site.
 */
final class OptimizerHealthTest extends TestCase {

	/**
	 * Qualified configured, so the test applies.
	 */
	protected function set_up() {
		parent::set_up();
		$this->store_settings( array( 'token' => 'AbCd1234EfGh5678' ) );
	}

	/**
	 * Marks plugins active as core's option does (the plugin itself stays in the list).
	 *
	 * @param string[] $basenames Plugin basenames.
	 */
	private function activate( array $basenames ): void {
		update_option( 'active_plugins', array_merge( array( 'qualified-integration/qualified-integration.php' ), $basenames ) );
	}

	/**
	 * Runs the test.
	 *
	 * @return array<string, mixed>
	 */
	private function run_test(): array {
		return ( new OptimizerHealth( Plugin::instance()->settings ) )->run();
	}

	/**
	 * States of an active plugin's features, in order.
	 *
	 * @param string $slug Plugin slug in OptimizerPlugins::known().
	 * @return string[]
	 */
	private function states( string $slug ): array {
		foreach ( OptimizerPlugins::active() as $plugin ) {
			if ( $slug === $plugin['slug'] ) {
				return wp_list_pluck( $plugin['features'], 'state' );
			}
		}
		$this->fail( $slug . ' is not active.' );
	}

	public function test_added_only_while_qualified_is_configured(): void {
		$health = new OptimizerHealth( Plugin::instance()->settings );
		$this->assertArrayHasKey( OptimizerHealth::TEST, $health->add_test( array() )['direct'] );
		$this->store_settings( array( 'token' => '' ) );
		$this->assertArrayNotHasKey( 'direct', $health->add_test( array() ) );
	}

	public function test_no_known_optimiser_is_good(): void {
		$this->activate( array( 'akismet/akismet.php', 'wp-rocket/other.php' ) );
		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'] );
		$this->assertSame( 'No script optimiser known to delay Qualified is active', $result['label'] );
		$this->assertStringContainsString( 'WP Rocket, Autoptimize, LiteSpeed Cache', $result['description'] );
	}

	public function test_wp_rocket_delay_without_an_exclusion_is_recommended_with_what_to_exclude(): void {
		$this->activate( array( 'wp-rocket/wp-rocket.php' ) );
		update_option(
			'wp_rocket_settings',
			array(
				'delay_js'              => 1,
				'delay_js_exclusions'   => array( '/jquery-?[0-9.](.*)(.min|.slim|.slim.min)?.js' ),
				'minify_concatenate_js' => 0,
			)
		);
		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'A script optimiser may delay or break Qualified', $result['label'] );
		$this->assertStringContainsString( '<p><strong>WP Rocket</strong></p>', $result['description'] );
		$this->assertStringContainsString( 'It delays JavaScript until the visitor scrolls', $result['description'] );
		$this->assertStringContainsString( 'Where: Settings -&gt; WP Rocket -&gt; File Optimization -&gt; Delay JavaScript execution -&gt; Excluded JavaScript Files', $result['description'] );
		foreach ( array( 'qualified-integration', 'js.qualified.com', 'QualifiedObject', 'qualifiedIntegrationConfig' ) as $keyword ) {
			$this->assertStringContainsString( '<li><code>' . $keyword . '</code></li>', $result['description'] );
		}
		$this->assertStringContainsString( 'WP Rocket: combining JavaScript is off for Qualified.', $result['description'] );
		$this->assertStringContainsString( 'page=qualified-integration#loading', $result['actions'] );
		$this->assertSame( array( 'on', 'off' ), $this->states( 'wp-rocket' ) );
	}

	public function test_wp_rocket_with_qualified_excluded_is_good(): void {
		$this->activate( array( 'wp-rocket/wp-rocket.php' ) );
		update_option(
			'wp_rocket_settings',
			array(
				'delay_js'              => 1,
				'delay_js_exclusions'   => array( 'qualified-integration' ),
				'minify_concatenate_js' => 1,
				'exclude_js'            => array( 'https://js.qualified.com/qualified.js', '/wp-content/plugins/qualified-integration/build/frontend.js' ),
				'exclude_inline_js'     => array( 'QualifiedObject', 'qualifiedIntegrationConfig' ),
			)
		);
		$this->assertSame( array( 'excluded', 'excluded' ), $this->states( 'wp-rocket' ) );
		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'], $result['description'] );
		$this->assertSame( 'Your script optimisers leave Qualified alone', $result['label'] );
		$this->assertStringContainsString( 'WP Rocket: delaying JavaScript, with Qualified&#039;s scripts excluded.', $result['description'] );
	}

	public function test_an_exclusion_that_misses_a_tag_leaves_the_feature_on(): void {
		$this->activate( array( 'wp-rocket/wp-rocket.php' ) );
		update_option(
			'wp_rocket_settings',
			array(
				'delay_js'              => 1,
				'delay_js_exclusions'   => array( 'js.qualified.com' ),
				'minify_concatenate_js' => 0,
			)
		);
		$this->assertSame( array( 'on', 'off' ), $this->states( 'wp-rocket' ), 'The stub, the config and the runtime are still delayed.' );
	}

	public function test_wp_rocket_without_its_settings_is_something_to_check(): void {
		$this->activate( array( 'wp-rocket/wp-rocket.php' ) );
		$this->assertSame( array( 'unknown', 'unknown' ), $this->states( 'wp-rocket' ) );
		$this->assertStringContainsString( 'Its setting could not be read here', $this->run_test()['description'] );
	}

	public function test_autoptimize_reads_its_text_exclusion_list(): void {
		$this->activate( array( 'autoptimize/autoptimize.php' ) );
		update_option( 'autoptimize_js', 'on' );
		update_option( 'autoptimize_js_aggregate', 'on' );
		update_option( 'autoptimize_js_defer_not_aggregate', '' );
		update_option( 'autoptimize_js_defer_inline', '' );
		update_option( 'autoptimize_js_exclude', 'wp-includes/js/dist/, wp-includes/js/tinymce/, js/jquery/jquery.min.js' );
		$this->assertSame( array( 'on', 'off' ), $this->states( 'autoptimize' ) );

		update_option( 'autoptimize_js_exclude', "wp-includes/js/dist/, qualified-integration,\njs.qualified.com" );
		$this->assertSame( array( 'excluded', 'off' ), $this->states( 'autoptimize' ) );

		update_option( 'autoptimize_js', '' );
		$this->assertSame( array( 'off', 'off' ), $this->states( 'autoptimize' ) );
		$this->assertSame( 'good', $this->run_test()['status'] );
	}

	public function test_litespeed_reads_its_delay_mode_and_json_lists(): void {
		$this->activate( array( 'litespeed-cache/litespeed-cache.php' ) );
		update_option( 'litespeed.conf.optm-js_comb', '' );
		update_option( 'litespeed.conf.optm-js_defer', 2 );
		update_option( 'litespeed.conf.optm-js_defer_exc', '["jquery.js","jquery.min.js"]' );
		$this->assertSame( array( 'off', 'on', 'off' ), $this->states( 'litespeed' ) );

		update_option( 'litespeed.conf.optm-js_defer', 1 );
		update_option( 'litespeed.conf.optm-js_defer_exc', '["jquery.js","qualified-integration"]' );
		$this->assertSame( array( 'off', 'off', 'excluded' ), $this->states( 'litespeed' ) );
	}

	public function test_siteground_combining_is_excluded_by_handle(): void {
		$this->activate( array( 'sg-cachepress/sg-cachepress.php' ) );
		update_option( 'siteground_optimizer_combine_javascript', 1 );
		update_option( 'siteground_optimizer_combine_javascript_exclude', array( 'jquery', LoaderTags::handles()[0] ) );
		$this->assertSame( array( 'on' ), $this->states( 'sg-optimizer' ) );
		$result = $this->run_test();
		$this->assertStringContainsString( 'Where the list takes script handles', $result['description'] );
		$this->assertStringContainsString( '<li><code>qualified-integration-vendor</code></li><li><code>qualified-integration-runtime</code></li>', $result['description'] );
		$this->assertStringNotContainsString( '<li><code>QualifiedObject</code></li>', $result['description'], 'Only handles for a list of handles.' );

		update_option( 'siteground_optimizer_combine_javascript_exclude', array( 'qualified-integration-vendor', 'qualified-integration-runtime' ) );
		$this->assertSame( array( 'excluded' ), $this->states( 'sg-optimizer' ) );
	}

	public function test_perfmatters_delays_all_scripts_or_only_listed_ones(): void {
		$this->activate( array( 'perfmatters/perfmatters.php' ) );
		update_option(
			'perfmatters_options',
			array(
				'assets' => array(
					'delay_js'            => '1',
					'delay_js_inclusions' => array( 'gtag', 'qualified' ),
				),
			)
		);
		$this->assertSame( array( 'off', 'on' ), $this->states( 'perfmatters' ), 'Only listed scripts, and a keyword matches Qualified.' );

		update_option(
			'perfmatters_options',
			array(
				'assets' => array(
					'delay_js'            => '1',
					'delay_js_inclusions' => array( 'gtag' ),
				),
			)
		);
		$this->assertSame( array( 'off', 'off' ), $this->states( 'perfmatters' ) );

		update_option(
			'perfmatters_options',
			array(
				'assets' => array(
					'delay_js'            => '1',
					'delay_js_behavior'   => 'all',
					'delay_js_exclusions' => array( 'qualified-integration' ),
				),
			)
		);
		$this->assertSame( array( 'excluded', 'off' ), $this->states( 'perfmatters' ) );

		update_option( 'perfmatters_options', array( 'assets' => array() ) );
		$this->assertSame( array( 'off', 'off' ), $this->states( 'perfmatters' ), 'An unchecked box is left out of the option.' );
	}

	public function test_flying_scripts_delays_what_its_keywords_match(): void {
		$this->activate( array( 'flying-scripts/flying-scripts.php' ) );
		update_option( 'flying_scripts_include_list', array( 'adsbygoogle', 'googletagmanager' ) );
		$this->assertSame( array( 'off' ), $this->states( 'flying-scripts' ) );
		update_option( 'flying_scripts_include_list', array( 'adsbygoogle', 'qualified.js' ) );
		$this->assertSame( array( 'on' ), $this->states( 'flying-scripts' ) );
		$this->assertStringContainsString( 'Include Keywords (remove what matches Qualified)', $this->run_test()['description'] );
	}

	public function test_jetpack_boost_modules_are_off_until_turned_on(): void {
		$this->activate( array( 'jetpack-boost/jetpack-boost.php' ) );
		$this->assertSame( array( 'off', 'off' ), $this->states( 'jetpack-boost' ) );
		update_option( 'jetpack_boost_status_minify-js', true );
		update_option( 'jetpack_boost_status_render-blocking-js', true );
		$this->assertSame( array( 'on', 'on' ), $this->states( 'jetpack-boost' ) );
		$this->assertStringContainsString( 'It moves scripts to the end of the page', $this->run_test()['description'] );
	}

	public function test_plugins_whose_settings_cannot_be_read_are_something_to_check(): void {
		$this->activate( array( 'w3-total-cache/w3-total-cache.php', 'wp-hummingbird/wp-hummingbird.php', 'flying-press/flying-press.php' ) );
		$this->assertSame( array( 'unknown' ), $this->states( 'w3-total-cache' ) );
		$this->assertSame( array( 'unknown' ), $this->states( 'hummingbird' ) );
		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( '<p><strong>W3 Total Cache</strong></p>', $result['description'] );
		$this->assertStringContainsString( '<p><strong>FlyingPress</strong></p>', $result['description'] );
	}

	public function test_the_list_is_complete_data(): void {
		foreach ( OptimizerPlugins::known() as $slug => $plugin ) {
			$this->assertNotSame( '', $plugin['name'], $slug );
			$this->assertNotEmpty( $plugin['basenames'], $slug );
			$this->assertNotEmpty( $plugin['features'], $slug );
			foreach ( $plugin['features'] as $feature ) {
				$this->assertContains( $feature['kind'], array( 'delay', 'combine', 'defer_inline', 'move' ), $slug );
				$this->assertContains( $feature['by'], array( 'tag', 'handle' ), $slug );
				$this->assertNotSame( '', $feature['where'], $slug );
				$this->assertContains( OptimizerPlugins::state( $feature ), array( 'on', 'off', 'excluded', 'unknown' ), $slug );
			}
		}
	}

	public function test_a_keyword_matches_every_part_of_the_loader(): void {
		foreach ( LoaderTags::markers() as $part => $markers ) {
			$matched = false;
			foreach ( $markers as $marker ) {
				$matched = $matched || false !== stripos( $marker, 'qualified-integration' );
			}
			$this->assertTrue( $matched, $part );
		}
	}
}
