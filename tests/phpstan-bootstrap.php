<?php
/**
 * Constants WordPress and the main plugin file define at run time, for PHPStan.
 *
 * @package QualifiedIntegration
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress's own constants, named as WordPress names them.

define( 'ABSPATH', __DIR__ . '/' );
define( 'QUALIFIED_INTEGRATION_VERSION', '0.0.0' );
define( 'QUALIFIED_INTEGRATION_FILE', dirname( __DIR__ ) . '/qualified-integration.php' );
define( 'QUALIFIED_INTEGRATION_DIR', dirname( __DIR__ ) . '/' );
define( 'WP_UNINSTALL_PLUGIN', 'qualified-integration/qualified-integration.php' );
