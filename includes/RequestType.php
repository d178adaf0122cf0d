<?php
/**
 * What kind of request this is, as far as `init` can tell.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration;

defined( 'ABSPATH' ) || exit;

/**
 * Tells the requests that edit or describe content (admin screens, the REST
 * API, WP-CLI, XML-RPC) from page views, already on `init`.
 *
 * Registrations that only editors and API clients read (the post meta's
 * schema, the block, the Connectors entry) are made for those requests
 * only: on a page view each would cost time for nothing, and their
 * translated descriptions would make WordPress look up the plugin's
 * translation files on every page view (about 0.15 ms, measured).
 *
 * A REST request is not known as one before `parse_request`, which runs
 * after `init`: it is recognised by its URL (the REST prefix in the path,
 * or `?rest_route=`), as core routes it. A page whose path merely contains
 * the prefix only registers what it did not need; code that hooks
 * `rest_api_init` as well is sure to register for every REST request.
 */
final class RequestType {

	/**
	 * Whether this request may edit, list or describe content: an admin
	 * screen (admin-ajax too), the REST API, WP-CLI or XML-RPC.
	 *
	 * @return bool
	 */
	public static function edits(): bool {
		return is_admin()
			|| ( defined( 'WP_CLI' ) && WP_CLI )
			|| ( defined( 'XMLRPC_REQUEST' ) && XMLRPC_REQUEST )
			|| ( defined( 'REST_REQUEST' ) && REST_REQUEST )
			|| self::is_rest_url();
	}

	/**
	 * Whether the request's URL is one the REST API serves.
	 *
	 * @return bool
	 */
	private static function is_rest_url(): bool {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- Only its presence is tested, as core's router does.
		if ( isset( $_GET['rest_route'] ) ) {
			return true;
		}
		$uri  = isset( $_SERVER['REQUEST_URI'] ) ? (string) wp_unslash( $_SERVER['REQUEST_URI'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- Compared, never output or stored.
		$path = (string) strtok( $uri, '?' );
		return false !== strpos( $path . '/', '/' . rest_get_url_prefix() . '/' );
	}
}
