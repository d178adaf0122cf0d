<?php
/**
 * Removes the plugin's data when it is deleted from the Plugins screen.
 *
 * @package QualifiedIntegration
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// Inlined rather than autoloaded: uninstall runs without the plugin booted.
// The settings, their snapshot for page views, the marker of the last upgrade, and the save lock's row (left behind only when a save crashed).
$qualified_integration_options = array( 'qualified_integration_settings', 'qualified_integration_page_snapshot', 'qualified_integration_upgraded', 'qualified_integration_settings_lock' );
// Each post's Qualified override (Experiences\PageOverride::META_KEY).
$qualified_integration_post_meta = 'qualified_integration_page';

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
		restore_current_blog();
	}
} else {
	array_map( 'delete_option', $qualified_integration_options );
	delete_post_meta_by_key( $qualified_integration_post_meta );
}
