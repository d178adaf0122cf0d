<?php
/**
 * The event filters given on the command line.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use DateTimeImmutable;
use QualifiedIntegration\Settings\Validator;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Turns `--name`, `--kind`, `--search`, `--after` and `--before` into the
 * filters Events\EventStore takes, with the limits the event log's REST
 * route applies (a name up to 100 characters, a search up to 200, a kind
 * of event or messenger, days as YYYY-MM-DD that exist). Every bad option
 * is named at once.
 */
final class EventFilters {

	/**
	 * Options taken, with the longest value each accepts (0: an enum or a day).
	 */
	const OPTIONS = array(
		'name'   => 100,
		'kind'   => 0,
		'search' => 200,
		'after'  => 0,
		'before' => 0,
	);

	/**
	 * The filters, or why the options are refused.
	 *
	 * @param array<string, mixed> $assoc_args Options.
	 * @param string[]             $only       Option names to read (default all).
	 * @return array<string, string>|WP_Error
	 * @phpstan-return array{name?: string, kind?: string, search?: string, after?: string, before?: string}|WP_Error
	 */
	public static function from( array $assoc_args, array $only = array() ) {
		$filters = array();
		$errors  = array();
		foreach ( self::OPTIONS as $key => $max ) {
			if ( ( array() !== $only && ! in_array( $key, $only, true ) ) || ! isset( $assoc_args[ $key ] ) ) {
				continue;
			}
			$value = $assoc_args[ $key ];
			if ( ! is_string( $value ) || '' === $value ) {
				/* translators: %s: option name. */
				$errors[ $key ] = sprintf( __( '--%1$s: give a value, e.g. --%1$s=value.', 'qualified-integration' ), $key );
			} elseif ( 'kind' === $key && ! in_array( $value, array( 'event', 'messenger' ), true ) ) {
				$errors[ $key ] = __( '--kind: must be event or messenger.', 'qualified-integration' );
			} elseif ( in_array( $key, array( 'after', 'before' ), true ) && null === self::day( $value ) ) {
				/* translators: %s: option name. */
				$errors[ $key ] = sprintf( __( '--%s: must be a day, YYYY-MM-DD.', 'qualified-integration' ), $key );
			} elseif ( $max > 0 && mb_strlen( $value ) > $max ) {
				/* translators: 1: option name, 2: most characters allowed. */
				$errors[ $key ] = sprintf( __( '--%1$s: at most %2$d characters.', 'qualified-integration' ), $key, $max );
			} else {
				$filters[ $key ] = $value;
			}
		}
		return array() === $errors ? $filters : Validator::to_rest_error( $errors );
	}

	/**
	 * A day as YYYY-MM-DD that exists, or null.
	 *
	 * @param string $value Value.
	 * @return DateTimeImmutable|null
	 */
	public static function day( string $value ): ?DateTimeImmutable {
		if ( 1 !== preg_match( '/\A(\d{4})-(\d{2})-(\d{2})\z/', $value, $parts ) || ! checkdate( (int) $parts[2], (int) $parts[3], (int) $parts[1] ) ) {
			return null;
		}
		$day = DateTimeImmutable::createFromFormat( '!Y-m-d', $value, wp_timezone() );
		return false === $day ? null : $day;
	}
}
