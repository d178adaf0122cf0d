<?php
/**
 * Plugin Name:       Qualified Integration
 * Description:       Adds the Qualified messenger to your site and drives its client-side API from settings, without code.
 * Version:           0.6.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * Author:            Qualified Integration contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       qualified-integration
 *
 * @package QualifiedIntegration
 */

defined( 'ABSPATH' ) || exit;

define( 'QUALIFIED_INTEGRATION_VERSION', '0.6.0' );
define( 'QUALIFIED_INTEGRATION_FILE', __FILE__ );
define( 'QUALIFIED_INTEGRATION_DIR', plugin_dir_path( __FILE__ ) );
define( 'QUALIFIED_INTEGRATION_MIN_PHP', '7.4' );
define( 'QUALIFIED_INTEGRATION_MIN_WP', '6.5' );

// The requirements check must parse on any PHP, so it lives in a file with no namespaced syntax.
require_once QUALIFIED_INTEGRATION_DIR . 'includes/requirements.php';

if ( qualified_integration_requirements_met() ) {
	require_once QUALIFIED_INTEGRATION_DIR . 'includes/autoload.php';
	\QualifiedIntegration\Plugin::boot();
}
