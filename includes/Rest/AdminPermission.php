<?php
/**
 * The capability check of the plugin's REST routes.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Rest;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Every route of the plugin is for administrators (`manage_options`): the
 * settings hold the site token, and the previews show the site's
 * configuration and the admin's own data. One check, with a message that
 * says what the refused request was for.
 */
final class AdminPermission {

	/**
	 * Allows administrators; refuses anyone else with core's `rest_forbidden`
	 * (401 when logged out, 403 when logged in).
	 *
	 * @param string $message What the user may not do, in plain words.
	 * @return true|WP_Error
	 */
	public static function check( string $message ) {
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		return new WP_Error( 'rest_forbidden', $message, array( 'status' => rest_authorization_required_code() ) );
	}
}
