<?php
/**
 * Requirements check, kept free of namespaces and modern syntax so that an
 * unsupported PHP shows an admin notice instead of a parse error.
 *
 * @package QualifiedIntegration
 */

defined( 'ABSPATH' ) || exit;

/**
 * Lists what this site lacks to run the plugin.
 *
 * @return string[] Human-readable problems; empty when everything is in place.
 */
function qualified_integration_requirement_problems() {
	$problems = array();

	if ( version_compare( PHP_VERSION, QUALIFIED_INTEGRATION_MIN_PHP, '<' ) ) {
		/* translators: 1: required PHP version, 2: current PHP version. */
		$problems[] = sprintf( __( 'PHP %1$s or newer is required; this site runs %2$s.', 'qualified-integration' ), QUALIFIED_INTEGRATION_MIN_PHP, PHP_VERSION );
	}

	if ( version_compare( get_bloginfo( 'version' ), QUALIFIED_INTEGRATION_MIN_WP, '<' ) ) {
		/* translators: 1: required WordPress version, 2: current WordPress version. */
		$problems[] = sprintf( __( 'WordPress %1$s or newer is required; this site runs %2$s.', 'qualified-integration' ), QUALIFIED_INTEGRATION_MIN_WP, get_bloginfo( 'version' ) );
	}

	if ( ! file_exists( QUALIFIED_INTEGRATION_DIR . 'build/frontend.asset.php' ) ) {
		$problems[] = __( 'The compiled assets are missing. If you run the plugin from a source checkout, run "npm install && npm run build".', 'qualified-integration' );
	}

	return $problems;
}

/**
 * Tells whether the plugin can boot, and queues an admin notice when it cannot.
 *
 * @return bool
 */
function qualified_integration_requirements_met() {
	$problems = qualified_integration_requirement_problems();
	if ( empty( $problems ) ) {
		return true;
	}

	add_action(
		'admin_notices',
		function () use ( $problems ) {
			if ( ! current_user_can( 'activate_plugins' ) ) {
				return;
			}
			echo '<div class="notice notice-error"><p><strong>' . esc_html__( 'Qualified Integration is not running:', 'qualified-integration' ) . '</strong></p><ul>';
			foreach ( $problems as $problem ) {
				echo '<li>' . esc_html( $problem ) . '</li>';
			}
			echo '</ul></div>';
		}
	);

	return false;
}
