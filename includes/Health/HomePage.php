<?php
/**
 * The site's home page, as a logged-out visitor gets it.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Asks the home page over a loopback request, the way core's own loopback
 * tests do: no cookies (so as a logged-out visitor, whatever the user
 * running Site Health), a short timeout, a local certificate that need not
 * verify, and `Cache-Control: no-cache` so a cache in front may fetch a
 * fresh copy (many still answer from their copy: LoaderHealth says so).
 *
 * The answer is kept for the life of this object, so the Site Health tests
 * that read the home page (CspHealth, LoaderHealth, SnippetHealth) share one
 * request when they run in the same PHP request (WP-CLI, the weekly
 * scheduled check); the screen runs each in its own REST request.
 */
final class HomePage {

	/**
	 * Seconds the loopback request may take (core's loopback tests take 10).
	 */
	const TIMEOUT = 5;

	/**
	 * The answer, once asked.
	 *
	 * @var array<string, mixed>|WP_Error|null
	 */
	private $response = null;

	/**
	 * The URL asked.
	 *
	 * @return string
	 */
	public static function url(): string {
		return home_url( '/' );
	}

	/**
	 * The HTTP API response for the home page, or why there is none.
	 *
	 * @return array<string, mixed>|WP_Error
	 */
	public function fetch() {
		if ( null === $this->response ) {
			$this->response = wp_remote_get(
				self::url(),
				array(
					'timeout'   => self::TIMEOUT,
					// As core's loopback requests: a local certificate need not verify.
					'sslverify' => apply_filters( 'https_local_ssl_verify', false ), // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- Core's filter.
					'headers'   => array( 'Cache-Control' => 'no-cache' ),
				)
			);
		}
		return $this->response;
	}

	/**
	 * Every value of one response header (a header sent twice has two).
	 *
	 * @param array<string, mixed> $response HTTP API response.
	 * @param string               $name     Header name, any case.
	 * @return string[]
	 */
	public static function header_values( array $response, string $name ): array {
		$values = array();
		foreach ( wp_remote_retrieve_headers( $response ) as $header => $value ) {
			if ( strtolower( $name ) === strtolower( (string) $header ) ) {
				foreach ( (array) $value as $one ) {
					$values[] = (string) $one;
				}
			}
		}
		return $values;
	}
}
