<?php
/**
 * Address of the vendor script.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the qualified.js URL. The base can be replaced, by the
 * QUALIFIED_INTEGRATION_SCRIPT_URL constant or the
 * `qualified_integration_script_url` filter, so tests and staging sites can
 * load a stand-in; it is deliberately not a settings field.
 */
final class ScriptUrl {

	const DEFAULT_BASE = 'https://js.qualified.com/qualified.js';

	/**
	 * The vendor script URL for a token.
	 *
	 * @param string $token Site token.
	 * @return string
	 */
	public static function for_token( string $token ): string {
		$base = defined( 'QUALIFIED_INTEGRATION_SCRIPT_URL' ) ? (string) QUALIFIED_INTEGRATION_SCRIPT_URL : self::DEFAULT_BASE;

		/**
		 * Filters the base URL of qualified.js (without the token).
		 *
		 * @param string $base Base URL.
		 */
		$base = (string) apply_filters( 'qualified_integration_script_url', $base );

		// Only an absolute http(s) URL may replace the vendor's; anything else falls back to it.
		if ( '' === esc_url_raw( $base, array( 'http', 'https' ) ) || ! preg_match( '#^https?://#i', $base ) ) {
			$base = self::DEFAULT_BASE;
		}
		return add_query_arg( 'token', rawurlencode( $token ), $base );
	}
}
