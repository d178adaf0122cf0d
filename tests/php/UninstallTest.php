<?php
/**
 * Deleting the plugin removes its data.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\PageSnapshot;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Migrations;
use QualifiedIntegration\Settings\SaveLock;
use QualifiedIntegration\Settings\SettingsRepository;

/**
 * Uninstall tests; WP_UNINSTALL_PLUGIN is a constant, hence a process of its own.
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */
final class UninstallTest extends TestCase {

	public function test_uninstall_deletes_the_options_and_post_overrides(): void {
		$this->store_settings( array( 'token' => 'Gone1' ) );
		$this->assertIsArray( get_option( SettingsRepository::OPTION ) );
		// A lock row a crashed save left behind.
		add_option( SaveLock::NAME, '1', '', false );
		Plugin::instance()->migrations->maybe_run();
		$post = wp_insert_post(
			array(
				'post_title'  => 'Careers',
				'post_status' => 'publish',
			)
		);
		update_post_meta( $post, PageOverride::META_KEY, array( 'hide' => true ) );
		$this->assertSame( Migrations::marker(), get_option( Migrations::MARKER_OPTION ) );
		$this->assertIsArray( get_option( PageSnapshot::OPTION ), 'The settings have their snapshot for page views.' );

		define( 'WP_UNINSTALL_PLUGIN', 'qualified-integration/qualified-integration.php' );
		require QUALIFIED_INTEGRATION_DIR . 'uninstall.php';

		wp_cache_delete( 'alloptions', 'options' );
		$this->assertNull( get_option( SettingsRepository::OPTION, null ) );
		$this->assertNull( get_option( SaveLock::NAME, null ) );
		$this->assertNull( get_option( Migrations::MARKER_OPTION, null ) );
		$this->assertNull( get_option( PageSnapshot::OPTION, null ) );
		$this->assertFalse( metadata_exists( 'post', $post, PageOverride::META_KEY ), 'The post override is gone too.' );
	}
}
