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
 * all come from this one file. The identity sources come from their own
 * file, identity-sources.json (the one list of sources, which TypeScript
 * imports too); get() adds their names as the `source` enum, so the schema
 * file holds no second copy.
 *
 * Patterns in the file are ECMA-262 patterns written as `^...$`, which in
 * JavaScript match the whole string. PHP never hands them to preg_match()
 * as they are (`$` would let a trailing newline through): Validator applies
 * them with \A...\z, see Validator::matches().
 */
final class Schema {

	/**
	 * Version of the settings shape this code writes. Must equal the
	 * schemaVersion default in the JSON file; a test holds them together.
	 */
	const VERSION = 2;

	/**
	 * Decoded schema, kept for the request: the file is read once at most.
	 *
	 * @var array<string, mixed>|null
	 */
	private static $schema = null;

	/**
	 * Decoded identity-sources.json, kept for the request.
	 *
	 * @var array<string, array<string, mixed>>|null
	 */
	private static $sources = null;

	/**
	 * The whole schema as an array.
	 *
	 * @return array<string, mixed>
	 */
	public static function get(): array {
		if ( null === self::$schema ) {
			// Reading a plugin file from disk, not a remote URL.
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			$json   = file_get_contents( __DIR__ . '/settings-schema.json' );
			$schema = is_string( $json ) ? (array) json_decode( $json, true ) : array();
			if ( isset( $schema['properties']['identity']['properties']['mappings']['items']['properties']['source'] ) ) {
				$schema['properties']['identity']['properties']['mappings']['items']['properties']['source']['enum'] = array_keys( self::sources() );
			}
			self::$schema = $schema;
		}
		return self::$schema;
	}

	/**
	 * The identity sources, keyed by name: group, where it is resolved
	 * (server or browser), what it needs (key or value) and whether a value
	 * may persist for the visit.
	 *
	 * @return array<string, array{group: string, where: string, needs?: string, persist?: bool}>
	 */
	public static function sources(): array {
		if ( null === self::$sources ) {
			// Reading a plugin file from disk, not a remote URL.
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			$json          = file_get_contents( __DIR__ . '/identity-sources.json' );
			$decoded       = is_string( $json ) ? json_decode( $json, true ) : null;
			self::$sources = is_array( $decoded ) ? $decoded : array();
		}
		return self::$sources;
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

	/**
	 * The value a field takes in force when its stored or constant value is
	 * invalid: `onInvalid` when the schema sets one (an off-switch fails
	 * closed: enabled falls back to false, not to its default true), else
	 * the default.
	 *
	 * @param string $field Field name.
	 * @return mixed
	 */
	public static function fallback( string $field ) {
		$property = self::properties()[ $field ] ?? array();
		return array_key_exists( 'onInvalid', $property ) ? $property['onInvalid'] : ( $property['default'] ?? null );
	}
}
