<?php
/**
 * The plugin across the sites of a network.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Network;

use QualifiedIntegration\Frontend\PageSnapshot;
use QualifiedIntegration\Settings\Migrations;
use WP_Site;

defined( 'ABSPATH' ) || exit;

/**
 * What happens to every site when something changes for the network: a
 * site created while the plugin is network-active is set up at once (its
 * settings option, their page snapshot, the event tables); a deleted site
 * takes its event tables with it; and when the network's defaults or locks
 * change, every site's page snapshot is compiled again, so that a page view
 * keeps reading only its own autoloaded options and never the network option
 * (a query on multisite without a persistent object cache).
 *
 * Cost: a change of the network settings compiles one snapshot per site in
 * that request (a switch_to_blog(), a read of the site's settings and one
 * option write each: roughly a few milliseconds per site, so seconds for a
 * thousand sites). Network settings change rarely; page views stay free.
 */
final class NetworkSites {

	/**
	 * Settings migrations, which set a site up.
	 *
	 * @var Migrations
	 */
	private $migrations;

	/**
	 * The settings compiled for page views.
	 *
	 * @var PageSnapshot
	 */
	private $snapshot;

	/**
	 * Constructor.
	 *
	 * @param Migrations   $migrations Settings migrations.
	 * @param PageSnapshot $snapshot   The settings compiled for page views.
	 */
	public function __construct( Migrations $migrations, PageSnapshot $snapshot ) {
		$this->migrations = $migrations;
		$this->snapshot   = $snapshot;
	}

	/**
	 * Hooks the network events (multisite only).
	 */
	public function register(): void {
		$option = NetworkSettings::OPTION;
		add_action( "add_site_option_{$option}", array( $this, 'rebuild_snapshots' ), 10, 0 );
		add_action( "update_site_option_{$option}", array( $this, 'rebuild_snapshots' ), 10, 0 );
		add_action( "delete_site_option_{$option}", array( $this, 'rebuild_snapshots' ), 10, 0 );
		// After core's own set-up of the new site (priority 10): its tables and options exist.
		add_action( 'wp_initialize_site', array( $this, 'initialize_site' ), 20, 1 );
		add_filter( 'wpmu_drop_tables', array( $this, 'drop_tables' ), 10, 1 );
	}

	/**
	 * Runs a callback on every site of the current network, switched to it.
	 *
	 * @param callable $callback Called with no argument, once per site.
	 * @return int The number of sites.
	 */
	public static function each( callable $callback ): int {
		$ids = get_sites(
			array(
				'fields'     => 'ids',
				'number'     => 0,
				'network_id' => get_current_network_id(),
			)
		);
		foreach ( $ids as $id ) {
			switch_to_blog( (int) $id );
			try {
				$callback();
			} finally {
				restore_current_blog();
			}
		}
		return count( $ids );
	}

	/**
	 * Compiles every site's page snapshot again, from the new network
	 * settings. A site without the plugin's settings has no snapshot; the
	 * rebuild only deletes the row there is none of.
	 */
	public function rebuild_snapshots(): void {
		self::each( array( $this->snapshot, 'rebuild' ) );
	}

	/**
	 * Sets up a new site when the plugin is active for the whole network.
	 *
	 * @param WP_Site $site The new site.
	 */
	public function initialize_site( $site ): void {
		if ( ! $site instanceof WP_Site || ! self::network_active() ) {
			return;
		}
		switch_to_blog( (int) $site->blog_id );
		try {
			$this->migrations->activate_site();
		} finally {
			restore_current_blog();
		}
	}

	/**
	 * Adds the site's event tables to those core drops with the site.
	 *
	 * @param string[] $tables Table names, with the site's prefix.
	 * @return string[]
	 */
	public function drop_tables( $tables ): array {
		$tables = is_array( $tables ) ? $tables : array();
		foreach ( array( \QualifiedIntegration\Events\EventsTable::events(), \QualifiedIntegration\Events\EventsTable::deliveries() ) as $table ) {
			$tables[] = $table;
		}
		return $tables;
	}

	/**
	 * Whether the plugin is active for the whole network (without loading
	 * wp-admin/includes/plugin.php, which a front-end site creation lacks).
	 *
	 * @return bool
	 */
	public static function network_active(): bool {
		$active = get_site_option( 'active_sitewide_plugins', array() );
		return is_array( $active ) && isset( $active[ plugin_basename( QUALIFIED_INTEGRATION_FILE ) ] );
	}
}
