<?php
/**
 * Removes the plugin's data when it is deleted from the Plugins screen.
 *
 * @package QualifiedIntegration
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// Inlined rather than autoloaded: uninstall runs without the plugin booted.
// The settings, their snapshot for page views, the marker of the last upgrade, the save lock's row (left behind only when a save crashed), and the event tables' version.
$qualified_integration_options = array( 'qualified_integration_settings', 'qualified_integration_page_snapshot', 'qualified_integration_upgraded', 'qualified_integration_settings_lock', 'qualified_integration_db_version' );
// Each post's Qualified override (Experiences\PageOverride::META_KEY).
$qualified_integration_post_meta = 'qualified_integration_page';
// The stored events and their webhook deliveries (Events\EventsTable), without the site prefix.
$qualified_integration_tables = array( 'qualified_integration_deliveries', 'qualified_integration_events' );
// The daily purge (Events\Retention::HOOK) and the webhook deliveries' runs.
$qualified_integration_cron_hooks = array( 'qualified_integration_purge_events', 'qualified_integration_deliver_webhooks' );

// Drops the current site's event tables.
$qualified_integration_drop_tables = static function () use ( $qualified_integration_tables ): void {
	global $wpdb;
	foreach ( $qualified_integration_tables as $qualified_integration_table ) {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.DirectDatabaseQuery.SchemaChange, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own tables, with this site's prefix.
		$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}{$qualified_integration_table}" );
	}
};

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $qualified_integration_site_id ) {
		switch_to_blog( $qualified_integration_site_id );
		array_map( 'delete_option', $qualified_integration_options );
		delete_post_meta_by_key( $qualified_integration_post_meta );
		array_map( 'wp_unschedule_hook', $qualified_integration_cron_hooks );
		$qualified_integration_drop_tables();
		restore_current_blog();
	}
	// The network's defaults and locks (Network\NetworkSettings::OPTION), on every network.
	$qualified_integration_networks = get_networks(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	);
	foreach ( is_array( $qualified_integration_networks ) ? $qualified_integration_networks : array() as $qualified_integration_network_id ) {
		delete_network_option( (int) $qualified_integration_network_id, 'qualified_integration_network' );
	}
} else {
	array_map( 'delete_option', $qualified_integration_options );
	delete_post_meta_by_key( $qualified_integration_post_meta );
	array_map( 'wp_unschedule_hook', $qualified_integration_cron_hooks );
	$qualified_integration_drop_tables();
}
