<?php
/**
 * Deleting the plugin on a network removes its data from every site and the network.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared -- The tests read the plugin's own tables by name.

use QualifiedIntegration\Events\EventsTable;
use QualifiedIntegration\Frontend\PageSnapshot;
use QualifiedIntegration\Network\NetworkSettings;
use QualifiedIntegration\Network\NetworkSites;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Migrations;
use QualifiedIntegration\Settings\SettingsRepository;

/**
 * Uninstall on the test network; WP_UNINSTALL_PLUGIN is a constant, hence a
 * process of its own. Dropping tables is DDL, which commits: afterwards the
 * test sets every site up again (as network activation does) and commits,
 * so later tests see the network as installed.
 *
 * @group multisite
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */
final class NetworkUninstallTest extends NetworkTestCase {

	public function test_uninstall_cleans_every_site_and_the_network_option(): void {
		global $wpdb;
		try {
			$this->assertIsArray( NetworkSettings::update( array( 'token' => 'NetGone1' ), array( 'token' ) ) );
			switch_to_blog( self::site( 'two' ) );
			$this->assertIsArray( self::repository()->update( array( 'enabled' => true ) ) );
			restore_current_blog();

			define( 'WP_UNINSTALL_PLUGIN', 'qualified-integration/qualified-integration.php' );
			require QUALIFIED_INTEGRATION_DIR . 'uninstall.php';

			wp_cache_flush();
			$this->assertFalse( get_site_option( NetworkSettings::OPTION, false ), 'The network option is gone.' );
			$sites = NetworkSites::each(
				function () use ( $wpdb ): void {
					$site = get_current_blog_id();
					foreach ( array( SettingsRepository::OPTION, PageSnapshot::OPTION, Migrations::MARKER_OPTION, EventsTable::VERSION_OPTION ) as $option ) {
						$this->assertNull( get_option( $option, null ), "{$option} on site {$site}." );
					}
					foreach ( array( EventsTable::events(), EventsTable::deliveries() ) as $table ) {
						$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ), "{$table} is dropped." );
					}
				}
			);
			$this->assertSame( 3, $sites );
		} finally {
			while ( ms_is_switched() ) {
				restore_current_blog();
			}
			delete_site_option( NetworkSettings::OPTION );
			NetworkSites::each(
				static function (): void {
					delete_option( EventsTable::VERSION_OPTION );
				}
			);
			Plugin::instance()->migrations->activate( true );
			$wpdb->query( 'COMMIT' );
			wp_cache_flush();
		}
	}
}
