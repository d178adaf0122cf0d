<?php
/**
 * One identify value, made safe to send.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

defined( 'ABSPATH' ) || exit;

/**
 * Turns whatever a source yields (a meta value, a list of roles, a number)
 * into the one shape Qualified gets: a trimmed string of at most
 * MAX_VALUE_LENGTH characters. An empty result means "leave the field out":
 * Qualified never receives "" or null.
 */
final class Value {

	/**
	 * Longest value sent, in characters. The runtime reads the same limit
	 * from src/shared; a test holds the two together.
	 */
	const MAX_VALUE_LENGTH = 255;

	/**
	 * Separator between the items of a list (roles, terms, a meta array).
	 */
	const LIST_SEPARATOR = ', ';

	/**
	 * The value as Qualified receives it; '' when it must be left out.
	 *
	 * @param mixed $value Raw value from a source or a filter.
	 * @return string
	 */
	public static function normalise( $value ): string {
		if ( is_array( $value ) ) {
			$items = array();
			foreach ( $value as $item ) {
				// One level only: nested structures (serialised objects in meta) are not text.
				$item = is_scalar( $item ) ? self::text( $item ) : '';
				if ( '' !== $item ) {
					$items[] = $item;
				}
			}
			$value = implode( self::LIST_SEPARATOR, $items );
		} elseif ( is_scalar( $value ) ) {
			$value = self::text( $value );
		} else {
			return '';
		}

		if ( mb_strlen( $value, 'UTF-8' ) > self::MAX_VALUE_LENGTH ) {
			$value = trim( mb_substr( $value, 0, self::MAX_VALUE_LENGTH, 'UTF-8' ) );
		}
		return $value;
	}

	/**
	 * Normalises a whole field map, dropping empty values and non-string names.
	 *
	 * @param mixed $fields Field name to raw value.
	 * @return array<string, string>
	 */
	public static function normalise_fields( $fields ): array {
		$result = array();
		foreach ( (array) $fields as $name => $value ) {
			$value = self::normalise( $value );
			if ( is_string( $name ) && '' !== $name && '' !== $value ) {
				$result[ $name ] = $value;
			}
		}
		return $result;
	}

	/**
	 * A scalar as trimmed, valid UTF-8 text.
	 *
	 * @param bool|int|float|string $value Scalar.
	 * @return string
	 */
	private static function text( $value ): string {
		return trim( wp_check_invalid_utf8( (string) $value, true ) );
	}
}
