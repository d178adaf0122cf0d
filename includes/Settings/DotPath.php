<?php
/**
 * Paths into the settings object: experiences.rules[3].label.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Reads, writes and prints paths into the settings object, in the one
 * notation the plugin speaks everywhere: the validation errors' keys, the
 * import preview's diff and WP-CLI's `get` / `set` (names joined by dots,
 * list indexes in brackets, from 0: `events.webhooks[1].url`). A bare
 * number between dots (`experiences.rules.0.label`) is taken as an index
 * too, as shells and other tools often write one.
 *
 * It knows nothing of the schema: whether a path names a setting, and
 * whether a value fits there, is the Validator's to say, so that a command
 * line gives the very message REST gives.
 */
final class DotPath {

	/**
	 * Splits a path into its steps: names (strings) and list indexes (ints).
	 *
	 * @param string $path Path, e.g. identity.mappings[0].key.
	 * @return array<int, string|int>|WP_Error The steps, or why the path cannot be read.
	 */
	public static function parse( string $path ) {
		$steps = array();
		$rest  = $path;
		while ( '' !== $rest ) {
			if ( 1 === preg_match( '/\A\[(0|[1-9][0-9]{0,8})\]/', $rest, $match ) ) {
				$steps[] = (int) $match[1];
			} elseif ( array() === $steps && 1 === preg_match( '/\A([A-Za-z_][A-Za-z0-9_]{0,63})/', $rest, $match ) ) {
				$steps[] = $match[1];
			} elseif ( array() !== $steps && 1 === preg_match( '/\A\.(0|[1-9][0-9]{0,8})(?=[.[]|\z)/', $rest, $match ) ) {
				$steps[] = (int) $match[1];
			} elseif ( array() !== $steps && 1 === preg_match( '/\A\.([A-Za-z_][A-Za-z0-9_]{0,63})/', $rest, $match ) ) {
				$steps[] = $match[1];
			} else {
				return self::bad_path( $path );
			}
			$rest = (string) substr( $rest, strlen( $match[0] ) );
		}
		return array() === $steps ? self::bad_path( $path ) : $steps;
	}

	/**
	 * Prints steps back as a path: names joined by dots, indexes in brackets.
	 *
	 * @param array<int, string|int> $steps Steps.
	 * @return string
	 */
	public static function format( array $steps ): string {
		$path = '';
		foreach ( $steps as $step ) {
			$path .= is_int( $step ) ? '[' . $step . ']' : ( '' === $path ? $step : '.' . $step );
		}
		return $path;
	}

	/**
	 * Whether a value holds something at the steps.
	 *
	 * @param mixed                  $data  Settings (or part of them).
	 * @param array<int, string|int> $steps Steps.
	 * @return bool
	 */
	public static function exists( $data, array $steps ): bool {
		foreach ( $steps as $step ) {
			if ( ! is_array( $data ) || ! self::fits( $data, $step ) || ! array_key_exists( $step, $data ) ) {
				return false;
			}
			$data = $data[ $step ];
		}
		return true;
	}

	/**
	 * The value at the steps (call exists() first: a missing step reads as null).
	 *
	 * @param mixed                  $data  Settings (or part of them).
	 * @param array<int, string|int> $steps Steps.
	 * @return mixed
	 */
	public static function get( $data, array $steps ) {
		foreach ( $steps as $step ) {
			if ( ! is_array( $data ) || ! self::fits( $data, $step ) || ! array_key_exists( $step, $data ) ) {
				return null;
			}
			$data = $data[ $step ];
		}
		return $data;
	}

	/**
	 * A copy of a value with the one at the steps replaced (or added: a new
	 * name in an object, or the index just past a list's end, which appends).
	 * Anything else (a step into text or a number, an index past the end, a
	 * name in a list) is an error that names the path.
	 *
	 * @param mixed                  $data  Settings (or part of them).
	 * @param array<int, string|int> $steps Steps; none replaces the whole value.
	 * @param mixed                  $value New value.
	 * @param string                 $done  Path walked so far, for messages.
	 * @return mixed|WP_Error
	 */
	public static function set( $data, array $steps, $value, string $done = '' ) {
		if ( array() === $steps ) {
			return $value;
		}
		$step = array_shift( $steps );
		$here = self::format( array_merge( '' === $done ? array() : array( $done ), array( $step ) ) );
		if ( ! is_array( $data ) ) {
			return new WP_Error(
				'qualified_integration_path',
				/* translators: %s: settings path, e.g. experiences.rules[0]. */
				sprintf( __( '%s: there is nothing to go into here (the value above it is not an object or a list).', 'qualified-integration' ), $here )
			);
		}
		if ( ! self::fits( $data, $step ) ) {
			return new WP_Error(
				'qualified_integration_path',
				is_int( $step )
					/* translators: %s: settings path, e.g. identity.mappings[0]. */
					? sprintf( __( '%s: this value is an object; name one of its keys instead of a number.', 'qualified-integration' ), $here )
					/* translators: %s: settings path, e.g. excludeRoles.first. */
					: sprintf( __( '%s: this value is a list; give an item number in brackets, e.g. [0].', 'qualified-integration' ), $here )
			);
		}
		if ( is_int( $step ) && $step > count( $data ) ) {
			return new WP_Error(
				'qualified_integration_path',
				/* translators: 1: settings path, 2: number of items in the list. */
				sprintf( __( '%1$s: the list has %2$d items (numbered from 0); a new item goes at the end.', 'qualified-integration' ), $here, count( $data ) )
			);
		}
		$inner = self::set( $data[ $step ] ?? array(), $steps, $value, $here );
		if ( is_wp_error( $inner ) ) {
			return $inner;
		}
		$data[ $step ] = $inner;
		return $data;
	}

	/**
	 * Whether a step suits an array: an index for a list, a name for an
	 * object (an empty array is either).
	 *
	 * @param array<mixed> $data Array.
	 * @param string|int   $step Step.
	 * @return bool
	 */
	private static function fits( array $data, $step ): bool {
		if ( array() === $data ) {
			return true;
		}
		return is_int( $step ) === self::is_list( $data );
	}

	/**
	 * Whether an array is a JSON list (keys 0..n-1 in order).
	 *
	 * @param array<mixed> $data Array.
	 * @return bool
	 */
	public static function is_list( array $data ): bool {
		return array() === $data || array_keys( $data ) === range( 0, count( $data ) - 1 );
	}

	/**
	 * The error for a path that cannot be read.
	 *
	 * @param string $path Path received.
	 * @return WP_Error
	 */
	private static function bad_path( string $path ): WP_Error {
		$shown = 1 === preg_match( '/\A[\x21-\x7E]{1,200}\z/', $path ) ? $path : __( '(empty or with characters that are not allowed)', 'qualified-integration' );
		return new WP_Error(
			'qualified_integration_path',
			/* translators: %s: the path received. */
			sprintf( __( '"%s" is not a settings path. Write names joined by dots and list items by number in brackets, e.g. experiences.rules[0].label.', 'qualified-integration' ), $shown )
		);
	}
}
