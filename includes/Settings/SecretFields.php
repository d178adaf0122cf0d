<?php
/**
 * The settings values that are secrets (webhook secrets).
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Knows which settings values are secrets, from the schema (a property
 * marked `"secret": true`, today `events.webhooks[].secret`), so that an
 * export leaves them out unless asked, an import preview never prints them
 * and an import of a file without them keeps the ones the site has.
 *
 * A new secret field needs only its mark in settings-schema.json. Keeping a
 * stored secret on import works for secrets of items of a keyed list
 * (Validator::KEYED_LISTS, matched by that key): the only place secrets
 * live.
 */
final class SecretFields {

	/**
	 * What an import preview shows instead of a secret.
	 */
	const MASK = '(secret)';

	/**
	 * The secret paths, found once per request (the schema does not change).
	 *
	 * @var string[]|null
	 */
	private static $paths = null;

	/**
	 * Schema paths of the secret properties (events.webhooks[].secret).
	 *
	 * @return string[]
	 */
	public static function paths(): array {
		if ( null === self::$paths ) {
			$paths = array();
			foreach ( Schema::editable_properties() as $field => $schema ) {
				self::collect( $schema, (string) $field, $paths );
			}
			self::$paths = $paths;
		}
		return self::$paths;
	}

	/**
	 * Whether a path with indexes (events.webhooks[2].secret) holds a secret.
	 *
	 * @param string $path Path.
	 * @return bool
	 */
	public static function is_secret( string $path ): bool {
		return in_array( self::schema_path( $path ), self::paths(), true );
	}

	/**
	 * A value with every secret under it left out (an export without secrets).
	 *
	 * @param mixed  $value Value found at $path.
	 * @param string $path  Its path, with indexes.
	 * @return mixed
	 */
	public static function strip( $value, string $path ) {
		return self::rewrite( $value, $path, false );
	}

	/**
	 * A value with every secret under it shown as MASK (a diff line).
	 *
	 * @param mixed  $value Value found at $path.
	 * @param string $path  Its path, with indexes.
	 * @return mixed
	 */
	public static function mask( $value, string $path ) {
		if ( null !== $value && self::is_secret( $path ) ) {
			return self::MASK;
		}
		return self::rewrite( $value, $path, true );
	}

	/**
	 * Imported fields in which each keyed-list item without its secret gets
	 * the secret of the item with the same key in the settings in force
	 * (a webhook exported without its secret keeps working once imported
	 * back). An item with no such twin is left as it is: the schema then
	 * says what a missing secret means.
	 *
	 * @param array<string, mixed> $fields  Imported top-level fields.
	 * @param array<string, mixed> $current Settings in force.
	 * @return array<string, mixed>
	 */
	public static function keep( array $fields, array $current ): array {
		foreach ( self::paths() as $spath ) {
			if ( 1 !== preg_match( '/\A([^\[\]]+)\[\]\.([A-Za-z0-9_]+)\z/', $spath, $match ) ) {
				continue;
			}
			$id_key = Validator::KEYED_LISTS[ $match[1] . '[]' ] ?? null;
			$steps  = DotPath::parse( $match[1] );
			if ( null === $id_key || is_wp_error( $steps ) || ! DotPath::exists( $fields, $steps ) ) {
				continue;
			}
			$list = DotPath::get( $fields, $steps );
			$kept = self::secrets_by_key( DotPath::get( $current, $steps ), $id_key, $match[2] );
			if ( ! is_array( $list ) || array() === $kept ) {
				continue;
			}
			foreach ( $list as $index => $item ) {
				$id = is_array( $item ) ? ( $item[ $id_key ] ?? null ) : null;
				if ( is_string( $id ) && isset( $kept[ $id ] ) && ! array_key_exists( $match[2], (array) $item ) ) {
					$list[ $index ][ $match[2] ] = $kept[ $id ];
				}
			}
			$next = DotPath::set( $fields, $steps, $list );
			if ( is_array( $next ) ) {
				$fields = $next;
			}
		}
		return $fields;
	}

	/**
	 * The secrets of a list's items, by the items' key.
	 *
	 * @param mixed  $list   List in force.
	 * @param string $id_key Key that tells items apart.
	 * @param string $secret Name of the secret property.
	 * @return array<string, mixed>
	 */
	private static function secrets_by_key( $list, string $id_key, string $secret ): array {
		$kept = array();
		foreach ( is_array( $list ) ? $list : array() as $item ) {
			if ( is_array( $item ) && is_string( $item[ $id_key ] ?? null ) && array_key_exists( $secret, $item ) ) {
				$kept[ $item[ $id_key ] ] = $item[ $secret ];
			}
		}
		return $kept;
	}

	/**
	 * A value with its secrets removed ($mask false) or masked ($mask true).
	 *
	 * @param mixed  $value Value.
	 * @param string $path  Its path, with indexes.
	 * @param bool   $mask  Mask instead of removing.
	 * @return mixed
	 */
	private static function rewrite( $value, string $path, bool $mask ) {
		if ( ! is_array( $value ) ) {
			return $value;
		}
		$list = DotPath::is_list( $value );
		foreach ( $value as $key => $item ) {
			$child = $list ? $path . '[' . $key . ']' : $path . '.' . $key;
			if ( self::is_secret( $child ) ) {
				if ( $mask ) {
					$value[ $key ] = self::MASK;
				} else {
					unset( $value[ $key ] );
				}
				continue;
			}
			$value[ $key ] = self::rewrite( $item, $child, $mask );
		}
		return $value;
	}

	/**
	 * Collects the secret paths under a schema node.
	 *
	 * @param array<string, mixed> $schema Schema node.
	 * @param string               $path   Its schema path.
	 * @param string[]             $paths  Receives the paths.
	 */
	private static function collect( array $schema, string $path, array &$paths ): void {
		if ( ! empty( $schema['secret'] ) ) {
			$paths[] = $path;
		}
		if ( isset( $schema['items'] ) && is_array( $schema['items'] ) ) {
			self::collect( $schema['items'], $path . '[]', $paths );
		}
		foreach ( (array) ( $schema['properties'] ?? array() ) as $name => $property ) {
			if ( is_array( $property ) ) {
				self::collect( $property, $path . '.' . $name, $paths );
			}
		}
	}

	/**
	 * A path with its indexes as "[]", as the schema paths write them.
	 *
	 * @param string $path Path with indexes.
	 * @return string
	 */
	private static function schema_path( string $path ): string {
		return (string) preg_replace( '/\[\d+\]/', '[]', $path );
	}
}
