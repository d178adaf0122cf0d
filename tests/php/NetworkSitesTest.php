<?php
/**
 * Network activation, new sites, and every site's page snapshot.
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
 * What happens to each site of the network.
 *
 * @group multisite
 */
final class NetworkSitesTest extends NetworkTestCase {

	public function test_the_test_network_has_the_plugin_network_active(): void {
		$this->assertTrue( NetworkSites::network_active() );
		$this->assertSame( 3, NetworkSites::each( '__return_null' ) );
	}

	public function test_network_activation_sets_up_every_site(): void {
		$this->assertNotFalse( has_action( 'activate_' . plugin_basename( QUALIFIED_INTEGRATION_FILE ) ), 'The activation hook is registered.' );
		$sites = array( get_main_site_id(), self::site( 'one' ), self::site( 'two' ) );
		foreach ( $sites as $site ) {
			switch_to_blog( $site );
			delete_option( SettingsRepository::OPTION );
			delete_option( PageSnapshot::OPTION );
			restore_current_blog();
		}

		Plugin::instance()->migrations->activate( true );

		foreach ( $sites as $site ) {
			switch_to_blog( $site );
			wp_cache_delete( 'alloptions', 'options' );
			$raw = get_option( SettingsRepository::OPTION, null );
			$this->assertIsArray( $raw, "Site {$site} has its settings." );
			$this->assertTrue( $raw[ SettingsRepository::PARTIAL_KEY ] );
			$this->assertIsArray( get_option( PageSnapshot::OPTION, null ), "Site {$site} has its page snapshot." );
			$this->assertArrayHasKey( SettingsRepository::OPTION, wp_load_alloptions(), 'Autoloaded: no query on a page view.' );
			$this->assertSame( EventsTable::VERSION, get_option( EventsTable::VERSION_OPTION ), "Site {$site} has its event tables." );
			restore_current_blog();
		}
	}

	public function test_a_site_created_later_is_set_up_and_inherits_the_network_defaults(): void {
		global $wpdb;
		$site = 0;
		try {
			// Creating a site is DDL, which commits: the test cleans up after itself.
			$this->assertIsArray( NetworkSettings::update( array( 'token' => 'NetTok9' ) ) );
			$site = wp_insert_site(
				array(
					'domain' => get_network()->domain,
					'path'   => '/later/',
					'title'  => 'Later',
				)
			);
			$this->assertIsInt( $site );
			switch_to_blog( $site );
			$this->assertIsArray( get_option( SettingsRepository::OPTION, null ), 'Set up when created.' );
			$this->assertSame( 'NetTok9', self::repository()->get()['token'] );
			$snapshot = get_option( PageSnapshot::OPTION, null );
			$this->assertIsArray( $snapshot );
			$this->assertSame( 'NetTok9', $snapshot['settings']['token'], 'Its page snapshot holds the inherited token.' );
			$events = EventsTable::events();
			$this->assertSame( $events, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $events ) ) );
			restore_current_blog();

			wp_delete_site( $site );
			$site = 0;
			$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $events ) ), 'Its event tables go with it.' );
		} finally {
			while ( ms_is_switched() ) {
				restore_current_blog();
			}
			if ( $site > 0 ) {
				wp_delete_site( $site );
			}
			delete_site_option( NetworkSettings::OPTION );
			$wpdb->query( 'COMMIT' );
		}
	}

	public function test_a_change_of_the_network_settings_compiles_every_site_snapshot_again(): void {
		$this->assertIsArray( NetworkSettings::update( array( 'token' => 'Snap1' ) ) );
		switch_to_blog( self::site( 'one' ) );
		$this->assertIsArray( self::repository()->update( array( 'token' => 'Mine1' ) ) );
		restore_current_blog();

		$this->assertIsArray( NetworkSettings::update( array( 'token' => 'Snap2' ) ) );
		foreach ( array(
			get_main_site_id()  => 'Snap2',
			self::site( 'one' ) => 'Mine1',
			self::site( 'two' ) => 'Snap2',
		) as $site => $token ) {
			switch_to_blog( $site );
			wp_cache_delete( 'alloptions', 'options' );
			$this->assertSame( $token, get_option( PageSnapshot::OPTION )['settings']['token'], "Site {$site}." );
			restore_current_blog();
		}

		// A lock too, and removing the option altogether.
		$this->assertIsArray( NetworkSettings::update( array(), array( 'token' ) ) );
		switch_to_blog( self::site( 'one' ) );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertSame( 'Snap2', get_option( PageSnapshot::OPTION )['settings']['token'] );
		restore_current_blog();
		delete_site_option( NetworkSettings::OPTION );
		switch_to_blog( self::site( 'two' ) );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertSame( '', get_option( PageSnapshot::OPTION )['settings']['token'] );
	}

	public function test_a_page_view_on_a_network_site_adds_no_database_query_and_never_reads_the_network_option(): void {
		$this->assertIsArray(
			NetworkSettings::update(
				array(
					'token'   => 'NetPage1',
					'enabled' => true,
				)
			)
		);
		// A new request: the network option is not in the (non-persistent) object cache.
		wp_cache_flush();
		wp_load_alloptions();
		$this->go_to( '/' );
		$reads   = 0;
		$counter = static function ( $value ) use ( &$reads ) {
			++$reads;
			return $value;
		};
		add_filter( 'pre_site_option_' . NetworkSettings::OPTION, $counter );

		$off = static function () {
			return false;
		};
		// With the loader switched off twice (the first warms core's caches), then on.
		add_filter( 'qualified_integration_should_load', $off );
		$this->count_queries_of_head();
		$without = $this->count_queries_of_head();
		remove_filter( 'qualified_integration_should_load', $off );
		$with = $this->count_queries_of_head( $head );

		$this->assertStringContainsString( 'qualified.js?token=NetPage1', $head, 'The page loads the inherited token.' );
		$this->assertSame( $without, $with, 'No query added by the plugin on a network site.' );
		$this->assertSame( 0, $reads, 'The page view never read the network option, even with a filter that gets the settings whole.' );
		$this->assertSame( Migrations::marker(), get_option( Migrations::MARKER_OPTION ), 'No migration pending that would read it either.' );
	}

	/**
	 * Renders <head> from a clean script registry and counts the queries it ran.
	 *
	 * @param string|null $head Receives the rendered head.
	 * @return int
	 */
	private function count_queries_of_head( &$head = null ): int {
		global $wpdb;
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		Plugin::instance()->loader->reset();
		$before = $wpdb->num_queries;
		$head   = $this->render_head();
		return $wpdb->num_queries - $before;
	}
}
