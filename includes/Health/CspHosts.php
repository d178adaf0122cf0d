<?php
/**
 * The hosts a Content Security Policy must allow for Qualified.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Frontend\ScriptUrl;

defined( 'ABSPATH' ) || exit;

/**
 * The one list of what a site's Content-Security-Policy must allow so the
 * messenger works, per directive: qualified.js from its host, its API and
 * live connection (https and wss) and its frames and images from
 * qualified.com's subdomains. The Site Health test (CspHealth) checks a
 * policy against it and shows it to the site owner.
 *
 * The script host is the real one of ScriptUrl, so a base replaced by
 * QUALIFIED_INTEGRATION_SCRIPT_URL or its filter (a stand-in, a proxy) is
 * the host asked for.
 */
final class CspHosts {

	/**
	 * The sources to allow, by directive, each an origin (`*.` for any subdomain).
	 *
	 * @return array<string, string[]>
	 */
	public static function by_directive(): array {
		return array(
			'script-src'  => array( self::script_origin() ),
			'connect-src' => array( 'https://*.qualified.com', 'wss://*.qualified.com' ),
			'frame-src'   => array( 'https://*.qualified.com' ),
			'img-src'     => array( 'https://*.qualified.com' ),
		);
	}

	/**
	 * The origin qualified.js loads from: scheme, host and port of
	 * ScriptUrl (https://js.qualified.com unless replaced).
	 *
	 * @return string
	 */
	public static function script_origin(): string {
		$parts = wp_parse_url( ScriptUrl::for_token( '' ) );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
			return 'https://js.qualified.com';
		}
		$scheme = strtolower( (string) ( $parts['scheme'] ?? 'https' ) );
		return $scheme . '://' . strtolower( (string) $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '' );
	}
}
