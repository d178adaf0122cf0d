<?php
/**
 * Installs WordPress into an empty database and activates the plugin.
 * Run from the command line by prepareSite() in bin/lib: php install-site.php SITE_DIR JSON_OPTIONS.
 *
 * @package QualifiedIntegration
 */

// phpcs:disable WordPress.Security, WordPress.WP.AlternativeFunctions, WordPress.NamingConventions.PrefixAllGlobals

$site_dir = $argv[1];
$options  = json_decode( $argv[2], true );

$_SERVER['HTTP_HOST']   = (string) qi_url_host( $options['url'] );
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
require $site_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/**
 * Host of a URL, before WordPress (and wp_parse_url) is loaded.
 *
 * @param string $url URL.
 * @return string
 */
function qi_url_host( $url ) {
	$host = parse_url( $url, PHP_URL_HOST );
	$port = parse_url( $url, PHP_URL_PORT );
	return $host . ( $port ? ':' . $port : '' );
}

// Local sites have no mail transport; skip the welcome e-mail.
add_filter( 'pre_wp_mail', '__return_false' );

$result = wp_install( $options['title'], $options['user'], $options['email'], true, '', wp_slash( $options['password'] ) );
if ( is_wp_error( $result ) ) {
	fwrite( STDERR, $result->get_error_message() . "\n" );
	exit( 1 );
}
update_option( 'permalink_structure', '/%postname%/' );
update_option( 'blog_public', '0' );

// A subdirectory network on the install's own host: the tables and rows of network setup
// (Network Admin -> Tools -> Network Setup). prepareSite() then writes the multisite constants
// and runs install-network.php, which activates the plugin for the network.
if ( ! empty( $options['multisite'] ) ) {
	require_once ABSPATH . 'wp-admin/includes/network.php';
	// As wp-admin/network.php does: a single site's wpdb does not name the network tables.
	foreach ( $wpdb->tables( 'ms_global' ) as $qi_table => $qi_prefixed_table ) {
		$wpdb->$qi_table = $qi_prefixed_table;
	}
	install_network();
	$populated = populate_network( 1, (string) qi_url_host( $options['url'] ), $options['email'], $options['title'], '/', false );
	if ( is_wp_error( $populated ) ) {
		fwrite( STDERR, $populated->get_error_message() . "\n" );
		exit( 1 );
	}
	echo "installed\n";
	exit( 0 );
}

$activated = activate_plugin( 'qualified-integration/qualified-integration.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() . "\n" );
	exit( 1 );
}

if ( ! empty( $options['settings'] ) ) {
	// Through the plugin's own sanitizer (registered on init, which this script runs before),
	// as any save would: validated, and stamped as checked.
	\QualifiedIntegration\Plugin::instance()->settings->register_setting();
	$settings = get_option( 'qualified_integration_settings', array() );
	update_option( 'qualified_integration_settings', array_merge( (array) $settings, $options['settings'] ) );
}

// The first post's content, for a benchmark scenario that measures a page with plugin content (buttons).
if ( ! empty( $options['postContent'] ) ) {
	wp_update_post(
		array(
			'ID'           => 1,
			'post_content' => $options['postContent'],
		)
	);
}

foreach ( $options['users'] ?? array() as $extra_user ) {
	$user_id = wp_insert_user(
		array(
			'user_login' => $extra_user['login'],
			'user_pass'  => $extra_user['password'],
			'user_email' => $extra_user['login'] . '@example.org',
			'first_name' => $extra_user['first_name'] ?? '',
			'role'       => $extra_user['role'],
		)
	);
	foreach ( $extra_user['meta'] ?? array() as $meta_key => $meta_value ) {
		update_user_meta( $user_id, $meta_key, $meta_value );
	}
}
echo "installed\n";
