<?php
/**
 * PSR-4 autoloader for the plugin's classes.
 *
 * Composer's autoloader is only installed for development (tests, phpcs), so
 * the shipped plugin maps its one namespace to includes/ itself.
 *
 * @package QualifiedIntegration
 */

defined( 'ABSPATH' ) || exit;

spl_autoload_register(
	static function ( $class_name ) {
		$prefix = 'QualifiedIntegration\\';
		if ( 0 !== strpos( $class_name, $prefix ) ) {
			return;
		}
		$relative = str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) );
		$file     = __DIR__ . '/' . $relative . '.php';
		if ( is_readable( $file ) ) {
			require $file;
		}
	}
);
