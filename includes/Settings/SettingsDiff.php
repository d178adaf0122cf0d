<?php
/**
 * What changes between two settings values.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Lists the differences between two values of a settings field, one line
 * per leaf path that changes (`experiences.rules[3].label`), so that an
 * import preview and `wp qualified import --dry-run` say exactly what would
 * change before anything is written.
 *
 * Objects are compared key by key, whatever order the keys were written in
 * (a hand-edited file is not "different" for its order); lists item by
 * item, by position. An item or key that exists on one side only is one
 * line with null on the other side, holding the whole item. Secrets are
 * shown as SecretFields::MASK, never as themselves.
 */
final class SettingsDiff {

	/**
	 * The changes from $before to $after.
	 *
	 * @param mixed  $before Value in force (null: none).
	 * @param mixed  $after  Value to be (null: none).
	 * @param string $path   Path of the values (a field name at the top).
	 * @return array<int, array{path: string, before: mixed, after: mixed}>
	 */
	public static function between( $before, $after, string $path ): array {
		$lines = array();
		self::compare( $before, $after, $path, $lines );
		return $lines;
	}

	/**
	 * Whether two values are the same setting (keys in any order).
	 *
	 * @param mixed $a A value.
	 * @param mixed $b Another value.
	 * @return bool
	 */
	public static function same( $a, $b ): bool {
		return array() === self::between( $a, $b, '' );
	}

	/**
	 * Adds the differences of two values to $lines.
	 *
	 * @param mixed                                                        $before Old value.
	 * @param mixed                                                        $after  New value.
	 * @param string                                                       $path   Their path.
	 * @param array<int, array{path: string, before: mixed, after: mixed}> $lines  Receives the lines.
	 */
	private static function compare( $before, $after, string $path, array &$lines ): void {
		if ( is_array( $before ) && is_array( $after ) && self::same_kind( $before, $after ) ) {
			$list = DotPath::is_list( $before ) && DotPath::is_list( $after );
			$keys = array_keys( $before + $after );
			foreach ( $keys as $key ) {
				$child = $list ? $path . '[' . $key . ']' : ( '' === $path ? (string) $key : $path . '.' . $key );
				if ( ! array_key_exists( $key, $before ) ) {
					self::add( $lines, $child, null, $after[ $key ] );
				} elseif ( ! array_key_exists( $key, $after ) ) {
					self::add( $lines, $child, $before[ $key ], null );
				} else {
					self::compare( $before[ $key ], $after[ $key ], $child, $lines );
				}
			}
			return;
		}
		if ( $before !== $after ) {
			self::add( $lines, $path, $before, $after );
		}
	}

	/**
	 * Whether two arrays are both lists or both objects (an empty one is either).
	 *
	 * @param array<mixed> $a An array.
	 * @param array<mixed> $b Another.
	 * @return bool
	 */
	private static function same_kind( array $a, array $b ): bool {
		return array() === $a || array() === $b || DotPath::is_list( $a ) === DotPath::is_list( $b );
	}

	/**
	 * Adds one line, secrets masked.
	 *
	 * @param array<int, array{path: string, before: mixed, after: mixed}> $lines  Lines.
	 * @param string                                                       $path   Path.
	 * @param mixed                                                        $before Old value.
	 * @param mixed                                                        $after  New value.
	 */
	private static function add( array &$lines, string $path, $before, $after ): void {
		$lines[] = array(
			'path'   => $path,
			'before' => SecretFields::mask( $before, $path ),
			'after'  => SecretFields::mask( $after, $path ),
		);
	}
}
