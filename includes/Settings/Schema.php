<?php
/**
 * The settings schema.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Reads settings-schema.json, the single source of truth for the settings
 * object: its fields, their types, limits and defaults. PHP validation, the
 * REST arguments, the defaults and (at compile time) the TypeScript types
 * all come from this one file.
 */
final class Schema {

	/**
	 * Version of the settings shape this code writes. Must equal the
	 * schemaVersion default in the JSON file; a test holds them together.
	 */
	const VERSION = 1;

	/**
	 * Decoded schema, kept for the request: the file is read once at most.
	 *
	 * @var array<string, mixed>|null
	 */
	private static $schema = null;

	/**
	 * The whole schema as an array.
	 *
	 * @return array<string, mixed>
	 */
	public static function get(): array {
		if ( null === self::$schema ) {
			// Reading a plugin file from disk, not a remote URL.
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			$json         = file_get_contents( __DIR__ . '/settings-schema.json' );
			self::$schema = is_string( $json ) ? (array) json_decode( $json, true ) : array();
		}
		return self::$schema;
	}

	/**
	 * The schema of each field, keyed by field name.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function properties(): array {
		$schema = self::get();
		return isset( $schema['properties'] ) && is_array( $schema['properties'] ) ? $schema['properties'] : array();
	}

	/**
	 * Fields a user may set (REST, CLI, constants): every field but the read-only ones.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function editable_properties(): array {
		return array_filter(
			self::properties(),
			static function ( array $property ): bool {
				return empty( $property['readonly'] );
			}
		);
	}

	/**
	 * Default value of every field.
	 *
	 * @return array<string, mixed>
	 */
	public static function defaults(): array {
		$defaults = array();
		foreach ( self::properties() as $name => $property ) {
			$defaults[ $name ] = $property['default'] ?? null;
		}
		return $defaults;
	}
}
