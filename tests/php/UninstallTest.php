<?php
/**
 * Deleting the plugin removes its data.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- The tests read and write the plugin's own tables by name; values go through prepare().

use QualifiedIntegration\Events\EventsTable;
use QualifiedIntegration\Events\Retention;
use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\PageSnapshot;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Migrations;
use QualifiedIntegration\Settings\SaveLock;
use QualifiedIntegration\Settings\SettingsRepository;

/**
 * Uninstall tests; WP_UNINSTALL_PLUGIN is a constant, hence a process of its own.
 *
 * Dropping the event tables is DDL, which commits the test's transaction:
 * the test therefore puts the site back as it found it (option rows, the
 * tables, no extra post) and commits that, so later tests see a normal site.
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */
final class UninstallTest extends TestCase {

	use EventsFixtures;

	/**
	 * Options the test changes, restored raw afterwards.
	 */
	const OPTIONS = array( SettingsRepository::OPTION, PageSnapshot::OPTION, Migrations::MARKER_OPTION, SaveLock::NAME, EventsTable::VERSION_OPTION, 'cron' );

	public function test_uninstall_deletes_the_options_post_overrides_event_tables_and_cron_events(): void {
		$saved = self::option_rows();
		$post  = 0;
		try {
			$this->store_settings( array( 'token' => 'Gone1' ) );
			$this->assertIsArray( get_option( SettingsRepository::OPTION ) );
			// A lock row a crashed save left behind.
			add_option( SaveLock::NAME, '1', '', false );
			Plugin::instance()->migrations->maybe_run();
			$post = (int) wp_insert_post(
				array(
					'post_title'  => 'Careers',
					'post_status' => 'publish',
				)
			);
			update_post_meta( $post, PageOverride::META_KEY, array( 'hide' => true ) );
			$this->assertSame( Migrations::marker(), get_option( Migrations::MARKER_OPTION ) );
			$this->assertIsArray( get_option( PageSnapshot::OPTION ), 'The settings have their snapshot for page views.' );
			self::insert_delivery_row( self::insert_event_row( array() ) );
			$this->assertSame( EventsTable::VERSION, get_option( EventsTable::VERSION_OPTION ) );
			Retention::schedule();
			wp_schedule_single_event( time() + 60, 'qualified_integration_deliver_webhooks' );
			wp_schedule_single_event( time() + 60, Retention::HOOK, array( 'more' ) );

			define( 'WP_UNINSTALL_PLUGIN', 'qualified-integration/qualified-integration.php' );
			require QUALIFIED_INTEGRATION_DIR . 'uninstall.php';

			wp_cache_delete( 'alloptions', 'options' );
			wp_cache_delete( 'cron', 'options' );
			$this->assertNull( get_option( SettingsRepository::OPTION, null ) );
			$this->assertNull( get_option( SaveLock::NAME, null ) );
			$this->assertNull( get_option( Migrations::MARKER_OPTION, null ) );
			$this->assertNull( get_option( PageSnapshot::OPTION, null ) );
			$this->assertNull( get_option( EventsTable::VERSION_OPTION, null ) );
			$this->assertFalse( metadata_exists( 'post', $post, PageOverride::META_KEY ), 'The post override is gone too.' );
			global $wpdb;
			foreach ( array( EventsTable::events(), EventsTable::deliveries() ) as $table ) {
				$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ), $table . ' is dropped.' );
			}
			$this->assertFalse( wp_next_scheduled( Retention::HOOK ) );
			$this->assertFalse( wp_next_scheduled( Retention::HOOK, array( 'more' ) ) );
			$this->assertFalse( wp_next_scheduled( 'qualified_integration_deliver_webhooks' ) );
		} finally {
			self::restore( $saved, $post );
		}
	}

	/**
	 * The raw rows of the options the test changes.
	 *
	 * @return array<int, array<string, string>>
	 */
	private static function option_rows(): array {
		global $wpdb;
		$in = implode( ',', array_fill( 0, count( self::OPTIONS ), '%s' ) );
		return (array) $wpdb->get_results( $wpdb->prepare( "SELECT option_name, option_value, autoload FROM {$wpdb->options} WHERE option_name IN ({$in})", self::OPTIONS ), ARRAY_A );
	}

	/**
	 * Puts the site back as the test found it, and commits: the tables
	 * (empty, as every test starts), the option rows byte for byte, no post.
	 *
	 * @param array<int, array<string, string>> $rows Option rows saved first.
	 * @param int                               $post The post the test made.
	 */
	private static function restore( array $rows, int $post ): void {
		global $wpdb;
		if ( $post > 0 ) {
			wp_delete_post( $post, true );
		}
		delete_option( EventsTable::VERSION_OPTION );
		EventsTable::install();
		$wpdb->query( 'DELETE FROM ' . EventsTable::deliveries() );
		$wpdb->query( 'DELETE FROM ' . EventsTable::events() );
		$in = implode( ',', array_fill( 0, count( self::OPTIONS ), '%s' ) );
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name IN ({$in})", self::OPTIONS ) );
		foreach ( $rows as $row ) {
			$wpdb->insert( $wpdb->options, $row );
		}
		$wpdb->query( 'COMMIT' );
		wp_cache_flush();
	}
}
