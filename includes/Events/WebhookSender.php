<?php
/**
 * One HTTP attempt at a webhook.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

defined( 'ABSPATH' ) || exit;

/**
 * Posts one signed JSON body to a webhook address, once, and says how it
 * went. The worker (background deliveries) and the admin's "send test event"
 * both send through here, so a test shows exactly what a delivery does.
 *
 * Core's wp_safe_remote_post() refuses addresses that resolve to this machine or a
 * private network (a settings screen must not become a way to probe the
 * intranet) and ports other than 80, 443 and 8080; a site that posts to an
 * internal receiver allows it with core's http_request_host_is_external and
 * http_allowed_safe_ports filters. Redirects are not followed (a 3xx is a
 * failure): the signature covers the body, not where a third party sends it.
 * The timeout is short (5 s, filter qualified_integration_webhook_timeout) so
 * a dead endpoint costs the background run little.
 */
final class WebhookSender {

	/**
	 * Seconds an attempt may take, by default.
	 */
	const TIMEOUT = 5.0;

	/**
	 * Longest error text kept (the column is VARCHAR(255)).
	 */
	const MAX_ERROR = 255;

	/**
	 * The JSON text of a payload, as sent and signed.
	 *
	 * @param array<string, mixed> $payload Payload.
	 * @return string
	 */
	public static function body( array $payload ): string {
		return (string) wp_json_encode( $payload, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	}

	/**
	 * The timeout of one attempt, in seconds: 5, or what the
	 * qualified_integration_webhook_timeout filter says (0.1 to 30).
	 *
	 * @return float
	 */
	public static function timeout(): float {
		/**
		 * Filters the seconds one webhook attempt may take.
		 *
		 * @param float $timeout Seconds (default 5).
		 */
		$timeout = apply_filters( 'qualified_integration_webhook_timeout', self::TIMEOUT );
		return is_numeric( $timeout ) ? max( 0.1, min( 30.0, (float) $timeout ) ) : self::TIMEOUT;
	}

	/**
	 * Sends one attempt.
	 *
	 * @param string $url      Webhook address.
	 * @param string $secret   Shared secret the signature is made with.
	 * @param string $name     Event name (X-Qualified-Integration-Event).
	 * @param string $delivery Delivery id (X-Qualified-Integration-Delivery).
	 * @param string $body     JSON body (self::body()).
	 * @return array{ok: bool, code: int|null, error: string, durationMs: int} Whether it was
	 *         delivered (a 2xx, the one test of success: the worker and the test route both read
	 *         it), the HTTP status (null when no answer came), why it failed ('' on a 2xx) and how
	 *         long it took.
	 */
	public function send( string $url, string $secret, string $name, string $delivery, string $body ): array {
		if ( false === wp_http_validate_url( $url ) ) {
			// wp_safe_remote_post() would refuse it with "A valid URL was not provided."; say why.
			return array(
				'ok'         => false,
				'code'       => null,
				'error'      => self::cap( __( 'Not sent: the address is not a valid URL, or points to this server or a private network, or uses a port other than 80, 443 or 8080 (see the http_request_host_is_external and http_allowed_safe_ports filters).', 'qualified-integration' ) ),
				'durationMs' => 0,
			);
		}
		$start    = microtime( true );
		$response = wp_safe_remote_post(
			$url,
			array(
				'timeout'             => self::timeout(),
				'redirection'         => 0,
				'blocking'            => true,
				'limit_response_size' => 4096,
				'user-agent'          => 'Qualified-Integration/' . QUALIFIED_INTEGRATION_VERSION . '; ' . home_url( '/' ),
				'headers'             => array(
					'Content-Type'                     => 'application/json',
					'X-Qualified-Integration-Event'    => self::header_value( $name ),
					'X-Qualified-Integration-Delivery' => self::header_value( $delivery ),
					WebhookSignature::HEADER           => WebhookSignature::header( $body, $secret ),
				),
				'body'                => $body,
			)
		);
		$duration = (int) round( ( microtime( true ) - $start ) * 1000 );

		if ( is_wp_error( $response ) ) {
			return array(
				'ok'         => false,
				'code'       => null,
				'error'      => self::cap( $response->get_error_message() ),
				'durationMs' => $duration,
			);
		}
		$code = (int) wp_remote_retrieve_response_code( $response );
		$ok   = $code >= 200 && $code < 300;
		if ( $ok ) {
			$error = '';
		} elseif ( $code >= 300 && $code < 400 ) {
			/* translators: %d: HTTP status code. */
			$error = sprintf( __( 'Redirected (HTTP %d). Redirects are not followed: use the final address.', 'qualified-integration' ), $code );
		} else {
			/* translators: %d: HTTP status code. */
			$error = sprintf( __( 'The receiver answered HTTP %d.', 'qualified-integration' ), $code );
		}
		return array(
			'ok'         => $ok,
			'code'       => $code > 0 ? $code : null,
			'error'      => self::cap( $error ),
			'durationMs' => $duration,
		);
	}

	/**
	 * A header value without control characters (no header injection).
	 *
	 * @param string $value Value.
	 * @return string
	 */
	private static function header_value( string $value ): string {
		return (string) preg_replace( '/[\x00-\x1F\x7F]+/', ' ', $value );
	}

	/**
	 * Text cut to the column's length.
	 *
	 * @param string $text Text.
	 * @return string
	 */
	private static function cap( string $text ): string {
		return mb_substr( $text, 0, self::MAX_ERROR );
	}
}
