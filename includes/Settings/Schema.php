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
 * file holds no second copy. The same goes for the Experiences condition
 * types (experience-conditions.json: where each is decided, whether it is
 * timed, its keys) and actions (experience-actions.json): get() adds them as
 * the `type` and `action` enums, and condition_schema() / action_schema()
 * narrow a condition or an action to the keys its type or action allows.
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
	const VERSION = 5;

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
	 * Decoded experience-conditions.json, kept for the request.
	 *
	 * @var array<string, array<string, mixed>>|null
	 */
	private static $conditions = null;

	/**
	 * Decoded experience-actions.json, kept for the request.
	 *
	 * @var array<string, array<string, mixed>>|null
	 */
	private static $actions = null;

	/**
	 * Decoded event-actions.json, kept for the request.
	 *
	 * @var array<string, array<string, mixed>>|null
	 */
	private static $event_actions = null;

	/**
	 * Decoded event-names.json, kept for the request.
	 *
	 * @var array<string, mixed>|null
	 */
	private static $event_names = null;

	/**
	 * Narrowed event action schemas by type, kept for the request.
	 *
	 * @var array<string, array<string, mixed>>
	 */
	private static $event_action_schemas = array();

	/**
	 * Narrowed condition schemas by type, kept for the request.
	 *
	 * @var array<string, array<string, mixed>>
	 */
	private static $condition_schemas = array();

	/**
	 * Narrowed action schemas by action, kept for the request.
	 *
	 * @var array<string, array<string, mixed>>
	 */
	private static $action_schemas = array();

	/**
	 * The whole schema as an array.
	 *
	 * @return array<string, mixed>
	 */
	public static function get(): array {
		if ( null === self::$schema ) {
			$schema = self::read( 'settings-schema.json' );
			if ( isset( $schema['properties']['identity']['properties']['mappings']['items']['properties']['source'] ) ) {
				$schema['properties']['identity']['properties']['mappings']['items']['properties']['source']['enum'] = array_keys( self::sources() );
			}
			if ( isset( $schema['properties']['experiences']['properties']['rules']['items']['properties'] ) ) {
				$rule = &$schema['properties']['experiences']['properties']['rules']['items']['properties'];
				if ( isset( $rule['when']['items']['properties']['type'] ) ) {
					$rule['when']['items']['properties']['type']['enum'] = array_keys( self::conditions() );
				}
				if ( isset( $rule['then']['properties']['action'] ) ) {
					$rule['then']['properties']['action']['enum'] = array_keys( self::actions() );
				}
				unset( $rule );
			}
			if ( isset( $schema['properties']['events']['properties']['handlers']['items']['properties']['actions']['items']['properties']['type'] ) ) {
				$schema['properties']['events']['properties']['handlers']['items']['properties']['actions']['items']['properties']['type']['enum'] = array_keys( self::event_actions() );
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
			self::$sources = self::read( 'identity-sources.json' );
		}
		return self::$sources;
	}

	/**
	 * The Experiences condition types, keyed by type, in the admin's order:
	 * where each is decided ("browser", or "page" for page facts PHP
	 * resolves), whether it is timed (decided when its moment comes), its
	 * keys (all required, no others) and, for a key whose schema differs
	 * from the shared one in settings-schema.json, keySchemas.
	 *
	 * @return array<string, array{where: string, keys: string[], timed?: bool, keySchemas?: array<string, array<string, mixed>>}>
	 */
	public static function conditions(): array {
		if ( null === self::$conditions ) {
			self::$conditions = self::read( 'experience-conditions.json' );
		}
		return self::$conditions;
	}

	/**
	 * The Experiences actions, keyed by action: required keys, optional keys,
	 * and whether the action refuses timed conditions (hide: a messenger
	 * already shown cannot be taken back without a flash).
	 *
	 * @return array<string, array{keys: string[], optional?: string[], refusesTimed?: bool}>
	 */
	public static function actions(): array {
		if ( null === self::$actions ) {
			self::$actions = self::read( 'experience-actions.json' );
		}
		return self::$actions;
	}

	/**
	 * The event handler action types, keyed by type: required keys,
	 * optional keys, keySchemas (a key whose schema differs from the shared
	 * one: a GA4 or Meta event name), whether it is an analytics
	 * destination (field values only when asked) and whether it runs last
	 * (redirect).
	 *
	 * @return array<string, array{keys: string[], optional?: string[], keySchemas?: array<string, array<string, mixed>>, analytics?: bool, last?: bool}>
	 */
	public static function event_actions(): array {
		if ( null === self::$event_actions ) {
			self::$event_actions = self::read( 'event-actions.json' );
		}
		return self::$event_actions;
	}

	/**
	 * Event names the admin suggests per kind, and Meta's standard event
	 * names (sent with fbq('track'); any other name goes with trackCustom).
	 *
	 * @return array{suggested?: array<string, string[]>, metaStandardEvents?: string[]}
	 */
	public static function event_names(): array {
		if ( null === self::$event_names ) {
			self::$event_names = self::read( 'event-names.json' );
		}
		return self::$event_names;
	}

	/**
	 * Condition types that are timed (time_on_page, scroll).
	 *
	 * @return string[]
	 */
	public static function timed_condition_types(): array {
		return array_keys(
			array_filter(
				self::conditions(),
				static function ( array $condition ): bool {
					return ! empty( $condition['timed'] );
				}
			)
		);
	}

	/**
	 * The schema of one condition, narrowed to what its type allows: `type`
	 * plus the type's keys, all required. A condition whose type is missing
	 * or unknown gets a schema that checks `type` alone (its other keys mean
	 * nothing without a type, so they are not reported one by one).
	 *
	 * @param array<string, mixed> $condition The condition (an object).
	 * @return array<string, mixed>
	 */
	public static function condition_schema( array $condition ): array {
		$base       = self::properties()['experiences']['properties']['rules']['items']['properties']['when']['items'] ?? array();
		$type       = isset( $condition['type'] ) && is_string( $condition['type'] ) ? $condition['type'] : '';
		$conditions = self::conditions();
		if ( ! isset( $conditions[ $type ] ) ) {
			$schema                         = $base;
			$schema['properties']           = array( 'type' => $base['properties']['type'] ?? array() );
			$schema['additionalProperties'] = true;
			return $schema;
		}
		if ( ! isset( self::$condition_schemas[ $type ] ) ) {
			$schema     = $base;
			$properties = array( 'type' => $base['properties']['type'] ?? array() );
			foreach ( (array) $conditions[ $type ]['keys'] as $key ) {
				$properties[ $key ] = $conditions[ $type ]['keySchemas'][ $key ] ?? ( $base['properties'][ $key ] ?? array() );
			}
			$schema['properties']             = $properties;
			$schema['required']               = array_keys( $properties );
			self::$condition_schemas[ $type ] = $schema;
		}
		return self::$condition_schemas[ $type ];
	}

	/**
	 * The schema of one rule action, narrowed to what the action allows:
	 * `action`, its required keys and its optional ones. An action that is
	 * missing or unknown gets a schema that checks `action` alone.
	 *
	 * @param array<string, mixed> $then The action (an object).
	 * @return array<string, mixed>
	 */
	public static function action_schema( array $then ): array {
		$base = self::properties()['experiences']['properties']['rules']['items']['properties']['then'] ?? array();
		return self::narrow( $base, 'action', self::actions(), $then, self::$action_schemas );
	}

	/**
	 * The schema of one event handler action, narrowed to what its type
	 * allows (event-actions.json), as action_schema() does for rule actions.
	 *
	 * @param array<string, mixed> $action The action (an object).
	 * @return array<string, mixed>
	 */
	public static function event_action_schema( array $action ): array {
		$base = self::properties()['events']['properties']['handlers']['items']['properties']['actions']['items'] ?? array();
		return self::narrow( $base, 'type', self::event_actions(), $action, self::$event_action_schemas );
	}

	/**
	 * Narrows an object schema whose shape depends on one of its keys (the
	 * discriminator): the discriminator, the entry's required keys and its
	 * optional ones, each with the entry's keySchemas when it has one. An
	 * object whose discriminator is missing or unknown gets a schema that
	 * checks the discriminator alone (the other keys mean nothing without
	 * it, so they are not reported one by one).
	 *
	 * @param array<string, mixed>                $base          The shared schema of the object.
	 * @param string                              $discriminator The key that decides the shape.
	 * @param array<string, array<string, mixed>> $catalogue     Entries keyed by discriminator value.
	 * @param array<string, mixed>                $value         The object.
	 * @param array<string, array<string, mixed>> $cache         Narrowed schemas made so far.
	 * @return array<string, mixed>
	 */
	private static function narrow( array $base, string $discriminator, array $catalogue, array $value, array &$cache ): array {
		$which = isset( $value[ $discriminator ] ) && is_string( $value[ $discriminator ] ) ? $value[ $discriminator ] : '';
		if ( ! isset( $catalogue[ $which ] ) ) {
			$schema                         = $base;
			$schema['properties']           = array( $discriminator => $base['properties'][ $discriminator ] ?? array() );
			$schema['additionalProperties'] = true;
			return $schema;
		}
		if ( ! isset( $cache[ $which ] ) ) {
			$entry      = $catalogue[ $which ];
			$schema     = $base;
			$required   = array_merge( array( $discriminator ), (array) ( $entry['keys'] ?? array() ) );
			$properties = array();
			foreach ( array_merge( $required, (array) ( $entry['optional'] ?? array() ) ) as $key ) {
				$properties[ $key ] = $entry['keySchemas'][ $key ] ?? ( $base['properties'][ $key ] ?? array() );
			}
			$schema['properties'] = $properties;
			$schema['required']   = $required;
			$cache[ $which ]      = $schema;
		}
		return $cache[ $which ];
	}

	/**
	 * Decodes a JSON file of this folder.
	 *
	 * @param string $file File name.
	 * @return array<string, mixed> Empty when the file is missing or not a JSON object.
	 */
	private static function read( string $file ): array {
		// Reading a plugin file from disk, not a remote URL.
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		$json    = file_get_contents( __DIR__ . '/' . $file );
		$decoded = is_string( $json ) ? json_decode( $json, true ) : null;
		return is_array( $decoded ) ? $decoded : array();
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
