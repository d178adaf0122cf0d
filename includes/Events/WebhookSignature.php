<?php
/**
 * The signature of a webhook request.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

defined( 'ABSPATH' ) || exit;

/**
 * Signs each webhook request so its receiver can tell it came from this
 * site (only the site and the receiver know the secret) and was not
 * replayed later (the timestamp is part of what is signed, and a receiver
 * refuses one too far from its own clock).
 *
 * The header reads `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`,
 * the scheme Stripe made familiar, so receivers can reuse what they know.
 * verify() is the receiver's side, in PHP; the docs show it and a Node
 * version, and the tests check real requests with it.
 */
final class WebhookSignature {

	/**
	 * The request header that carries the signature.
	 */
	const HEADER = 'X-Qualified-Integration-Signature';

	/**
	 * Seconds a receiver accepts between the signed time and its own clock.
	 */
	const TOLERANCE = 300;

	/**
	 * The header value for a body.
	 *
	 * @param string   $body      The raw request body, exactly as sent.
	 * @param string   $secret    The webhook's shared secret.
	 * @param int|null $timestamp Unix time to sign (now when null).
	 * @return string
	 */
	public static function header( string $body, string $secret, ?int $timestamp = null ): string {
		$timestamp = null === $timestamp ? time() : $timestamp;
		return 't=' . $timestamp . ',v1=' . self::hmac( $timestamp, $body, $secret );
	}

	/**
	 * Whether a header is a valid signature of a body: a v1 value equals the
	 * HMAC of "<t>.<body>" (compared in constant time) and t is within the
	 * tolerance of now. Several v1 values may be present (a receiver rotating
	 * secrets checks each against each secret it accepts).
	 *
	 * @param string   $header    The header value received.
	 * @param string   $body      The raw request body received (not re-encoded JSON).
	 * @param string   $secret    The shared secret.
	 * @param int      $tolerance Seconds allowed between t and now.
	 * @param int|null $now       Unix time to compare with (now when null).
	 * @return bool
	 */
	public static function verify( string $header, string $body, string $secret, int $tolerance = self::TOLERANCE, ?int $now = null ): bool {
		$timestamp = null;
		$received  = array();
		foreach ( explode( ',', $header ) as $part ) {
			$pair = explode( '=', trim( $part ), 2 );
			if ( 2 !== count( $pair ) ) {
				continue;
			}
			if ( 't' === $pair[0] && 1 === preg_match( '/\A[0-9]{1,12}\z/', $pair[1] ) ) {
				$timestamp = (int) $pair[1];
			} elseif ( 'v1' === $pair[0] ) {
				$received[] = $pair[1];
			}
		}
		if ( null === $timestamp || array() === $received ) {
			return false;
		}
		$now = null === $now ? time() : $now;
		if ( abs( $now - $timestamp ) > $tolerance ) {
			return false;
		}
		$expected = self::hmac( $timestamp, $body, $secret );
		foreach ( $received as $signature ) {
			if ( hash_equals( $expected, $signature ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Hex HMAC-SHA256 of "<t>.<body>".
	 *
	 * @param int    $timestamp Unix time.
	 * @param string $body      Raw body.
	 * @param string $secret    Secret.
	 * @return string
	 */
	private static function hmac( int $timestamp, string $body, string $secret ): string {
		return hash_hmac( 'sha256', $timestamp . '.' . $body, $secret );
	}
}
