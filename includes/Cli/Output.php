<?php
/**
 * How the WP-CLI commands print values and errors.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use WP_CLI;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * One way to print for every `wp qualified` command: JSON indented and
 * readable (slashes and letters as they are), an error with every message
 * it carries (a validation error names each bad field on its own line, the
 * first line being the message REST answers), and text from visitors made
 * inert for a terminal (no escape sequence reaches it).
 */
final class Output {

	/**
	 * A value as indented JSON.
	 *
	 * @param mixed $value Value.
	 * @return string
	 */
	public static function json( $value ): string {
		return (string) wp_json_encode( $value, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	}

	/**
	 * A value on one line: JSON (text in quotes), "(none)" for nothing.
	 *
	 * @param mixed $value Value (null: none).
	 * @return string
	 */
	public static function inline( $value ): string {
		if ( null === $value ) {
			return __( '(none)', 'qualified-integration' );
		}
		return self::inert( (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
	}

	/**
	 * Text with control characters (terminal escape sequences among them,
	 * and line breaks that would forge a line of output) replaced, for text
	 * that came from visitors or files.
	 *
	 * @param string $text Text.
	 * @return string
	 */
	public static function inert( string $text ): string {
		return (string) preg_replace( '/[\x00-\x08\x0A-\x1F\x7F]|\xC2[\x80-\x9F]/', "\u{FFFD}", $text );
	}

	/**
	 * The lines of an error: each field's message when it names fields,
	 * else its message.
	 *
	 * @param WP_Error $error Error.
	 * @return string[]
	 */
	public static function error_lines( WP_Error $error ): array {
		$data   = $error->get_error_data();
		$params = is_array( $data ) && isset( $data['params'] ) ? (array) $data['params'] : array();
		$lines  = array();
		foreach ( $params as $message ) {
			$lines[] = self::inert( (string) $message );
		}
		return array() === $lines ? array( self::inert( $error->get_error_message() ) ) : $lines;
	}

	/**
	 * The value itself, unless it is an error: then prints it and exits 1.
	 *
	 * @template T
	 * @param T|WP_Error $value Value or error.
	 * @return T
	 */
	public static function or_fail( $value ) {
		if ( $value instanceof WP_Error ) {
			self::fail( $value );
		}
		return $value;
	}

	/**
	 * Prints an error and exits 1.
	 *
	 * @param WP_Error $error Error.
	 * @return void
	 * @phpstan-return never
	 */
	public static function fail( WP_Error $error ) {
		WP_CLI::error( implode( "\n", self::error_lines( $error ) ) );
		exit( 1 ); // WP_CLI::error() exits already; this tells PHP (and PHPStan) so.
	}
}
