<?php
/**
 * Loads a real WordPress site, with the plugin active, for PHPUnit.
 *
 * The script bin/phpunit.mjs installs the site (fresh database, plugin activated) and
 * passes its directory in QI_SITE_DIR; run the suite through `npm run test:php`.
 *
 * @package QualifiedIntegration
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals

$qi_site_dir = getenv( 'QI_SITE_DIR' );
if ( ! $qi_site_dir || ! is_file( $qi_site_dir . '/wp-load.php' ) ) {
	fwrite( STDERR, "QI_SITE_DIR is not a WordPress site; run the PHP tests with `npm run test:php`.\n" ); // phpcs:ignore
	exit( 1 );
}

require dirname( __DIR__, 2 ) . '/vendor/autoload.php';

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PORT'] = '80';

require $qi_site_dir . '/wp-load.php';

if ( ! class_exists( \QualifiedIntegration\Plugin::class ) || null === \QualifiedIntegration\Plugin::instance() ) {
	fwrite( STDERR, "The plugin did not boot in the test site.\n" ); // phpcs:ignore
	exit( 1 );
}
