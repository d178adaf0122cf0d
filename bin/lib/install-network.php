<?php
/**
 * Finishes a multisite test network that install-site.php set up: activates the plugin
 * for the whole network and adds sub-sites. Run by prepareSite() in bin/lib once the
 * multisite constants are in wp-config.php: php install-network.php SITE_DIR JSON_OPTIONS.
 *
 * @package QualifiedIntegration
 */

// phpcs:disable WordPress.Security, WordPress.WP.AlternativeFunctions, WordPress.NamingConventions.PrefixAllGlobals

$site_dir = $argv[1];
$options  = json_decode( $argv[2], true );

$_SERVER['HTTP_HOST']   = (string) parse_url( $options['url'], PHP_URL_HOST );
$_SERVER['REQUEST_URI'] = '/';
// wpmu_log_new_registrations() records the creator's address.
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
require $site_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

// Local sites have no mail transport; skip the new-site e-mails.
add_filter( 'pre_wp_mail', '__return_false' );

$admin = get_user_by( 'login', $options['user'] );
if ( ! $admin ) {
	fwrite( STDERR, "The network's administrator is missing.\n" );
	exit( 1 );
}
grant_super_admin( $admin->ID );
wp_set_current_user( $admin->ID );

$activated = activate_plugin( 'qualified-integration/qualified-integration.php', '', true );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() . "\n" );
	exit( 1 );
}

foreach ( $options['subsites'] ?? array() as $subsite ) {
	$site_id = wp_insert_site(
		array(
			'domain'  => get_network()->domain,
			'path'    => '/' . trim( $subsite, '/' ) . '/',
			'title'   => ucfirst( $subsite ),
			'user_id' => $admin->ID,
		)
	);
	if ( is_wp_error( $site_id ) ) {
		fwrite( STDERR, $site_id->get_error_message() . "\n" );
		exit( 1 );
	}
}
echo "installed\n";
