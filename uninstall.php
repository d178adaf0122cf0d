<?php
/**
 * Removes the plugin's data when it is deleted from the Plugins screen.
 *
 * @package QualifiedIntegration
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// Inlined rather than autoloaded: uninstall runs without the plugin booted.
$qualified_integration_option = 'qualified_integration_settings';

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $qualified_integration_site_id ) {
		switch_to_blog( $qualified_integration_site_id );
		delete_option( $qualified_integration_option );
		restore_current_blog();
	}
} else {
	delete_option( $qualified_integration_option );
}
