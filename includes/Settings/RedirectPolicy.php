<?php
/**
 * Where an event handler may send the visitor.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * A redirect action runs in every visitor's browser, so its address is
 * checked when it is saved (and again when a filter hands the page config
 * a new one): a path on this site (`/thank-you/`), or an http(s) address
 * on this site's host or on a host the `qualified_integration_redirect_hosts`
 * filter adds. Nothing else: no `javascript:` or `data:` URL, no
 * protocol-relative `//elsewhere`, no backslash that a browser reads as a
 * slash, no credentials in the address. An open redirect on a marketing
 * site is a phishing tool.
 */
final class RedirectPolicy {

	/**
	 * Why an address is refused, or null when it is allowed.
	 *
	 * @param string $url The address as typed.
	 * @return string|null
	 */
	public static function problem( string $url ): ?string {
		if ( self::allows( $url ) ) {
			return null;
		}
		return sprintf(
			/* translators: %s: host names, comma-separated. */
			__( 'must be a path on this site (such as /thank-you/) or an http(s) address on %s.', 'qualified-integration' ),
			implode( ', ', self::hosts() )
		);
	}

	/**
	 * Whether an address is a safe redirect target.
	 *
	 * @param string $url The address.
	 * @return bool
	 */
	public static function allows( string $url ): bool {
		if ( '' === $url || false !== strpos( $url, '\\' ) || 1 === preg_match( '/[\x00-\x20\x7F]/', $url ) ) {
			return false;
		}
		if ( '/' === $url[0] ) {
			// A path, not "//host/...", which browsers read as another host.
			return ! isset( $url[1] ) || '/' !== $url[1];
		}
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) || isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
			return false;
		}
		if ( ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
			return false;
		}
		return in_array( strtolower( $parts['host'] ), self::hosts(), true );
	}

	/**
	 * The hosts a redirect may go to: this site's, and those the filter adds.
	 *
	 * @return string[] Lower-case host names.
	 */
	public static function hosts(): array {
		$home  = wp_parse_url( home_url(), PHP_URL_HOST );
		$hosts = is_string( $home ) ? array( $home ) : array();
		/**
		 * Filters the hosts an event handler's redirect may send visitors to
		 * (besides paths on this site).
		 *
		 * @param string[] $hosts Host names; this site's host by default.
		 */
		$filtered = apply_filters( 'qualified_integration_redirect_hosts', $hosts );
		$clean    = array();
		foreach ( is_array( $filtered ) ? $filtered : $hosts as $host ) {
			if ( is_string( $host ) && 1 === preg_match( '/\A[a-z0-9.-]{1,253}\z/i', $host ) ) {
				$clean[] = strtolower( $host );
			}
		}
		return array_values( array_unique( $clean ) );
	}
}
