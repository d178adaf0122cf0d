<?php
/**
 * Turns identity mappings into the identify payload of a page.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

use QualifiedIntegration\Settings\MetaKeyPolicy;
use QualifiedIntegration\Settings\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * Resolves the server-side mappings (static, user, post, site) to values
 * for one context and lists the browser-side ones for the runtime. Stale or
 * malformed mappings are skipped one by one, never the whole list, and
 * resolution adds no notice and no database query.
 */
final class Resolver {

	/**
	 * Resolver of each server-side group, by group name.
	 *
	 * @var array<string, SourceGroup>|null
	 */
	private static $groups = null;

	/**
	 * The identity of a page: resolved server fields and the browser mappings.
	 *
	 * @param array<string, mixed> $settings Settings in force (their identity.mappings are used).
	 * @param Context              $context  User and post of the page.
	 * @return array{fields: array<string, string>, browser: array<int, array<string, string>>}
	 */
	public static function identity( array $settings, Context $context ): array {
		$fields  = array();
		$browser = array();
		foreach ( self::mappings( $settings ) as $mapping ) {
			$source = self::source_of( $mapping );
			if ( null === $source ) {
				continue;
			}
			if ( 'browser' === ( $source['where'] ?? '' ) ) {
				$browser[] = self::browser_entry( $mapping, $source );
				continue;
			}
			$group = self::groups()[ $source['group'] ?? '' ] ?? null;
			if ( null === $group || array_key_exists( $mapping['field'], $fields ) ) {
				continue;
			}
			$value = Value::normalise( $group->resolve( $mapping['source'], $mapping, $context ) );
			if ( '' !== $value ) {
				$fields[ $mapping['field'] ] = $value;
			}
		}

		/**
		 * Filters the identify fields resolved on the server for this request.
		 *
		 * Runs on every page that loads Qualified, with or without mappings, and for
		 * the admin preview (a REST request: no main query there). Values
		 * are normalised afterwards (strings, trimmed, capped, empty ones dropped).
		 * Keep per-user values to logged-in requests: anonymous pages may be cached.
		 *
		 * @param array<string, string> $fields   Qualified field API name to value.
		 * @param array<string, mixed>  $settings Settings in force.
		 */
		$fields = Value::normalise_fields( apply_filters( 'qualified_integration_identify', $fields, $settings ) );

		return array(
			'fields'  => $fields,
			'browser' => $browser,
		);
	}

	/**
	 * The configured mappings; none when the settings predate them.
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @return array<int, mixed>
	 */
	public static function mappings( array $settings ): array {
		$mappings = $settings['identity']['mappings'] ?? array();
		return is_array( $mappings ) ? array_values( $mappings ) : array();
	}

	/**
	 * Whether any mapping reads a group of sources ("user" for the cache header).
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @param string               $group    Group name.
	 * @return bool
	 */
	public static function uses_group( array $settings, string $group ): bool {
		foreach ( self::mappings( $settings ) as $mapping ) {
			$source = self::source_of( $mapping );
			if ( null !== $source && ( $source['group'] ?? '' ) === $group ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The source definition of a usable mapping, or null to skip it.
	 *
	 * A mapping is usable when it has a field name, a known source, the key
	 * or value that source needs, and no key the deny-list forbids (the
	 * validator refuses those on write; a stored or filtered one is still
	 * never read).
	 *
	 * @param mixed $mapping One mapping.
	 * @return array<string, mixed>|null
	 */
	private static function source_of( $mapping ): ?array {
		if ( ! is_array( $mapping ) || ! is_string( $mapping['field'] ?? null ) || '' === $mapping['field'] || ! is_string( $mapping['source'] ?? null ) ) {
			return null;
		}
		$source = Schema::sources()[ $mapping['source'] ] ?? null;
		if ( ! is_array( $source ) ) {
			return null;
		}
		$needs = $source['needs'] ?? null;
		if ( null !== $needs && ( ! is_string( $mapping[ $needs ] ?? null ) || '' === trim( $mapping[ $needs ] ) ) ) {
			return null;
		}
		if ( 'key' === $needs && ! MetaKeyPolicy::allows( $mapping['source'], $mapping['key'] ) ) {
			return null;
		}
		return $source;
	}

	/**
	 * A browser mapping of a page config as the runtime may trust it: a
	 * field, a browser source, the key it needs and a persist mode it
	 * allows; null when it is not one (a filter's mistake).
	 *
	 * @param mixed $entry Browser mapping from a filtered page config.
	 * @return array<string, string>|null
	 */
	public static function browser_mapping( $entry ): ?array {
		$source = self::source_of( $entry );
		return is_array( $entry ) && null !== $source && 'browser' === ( $source['where'] ?? '' ) ? self::browser_entry( $entry, $source ) : null;
	}

	/**
	 * What the runtime needs to resolve a browser-side mapping.
	 *
	 * @param array<string, mixed> $mapping Mapping.
	 * @param array<string, mixed> $source  Its source definition.
	 * @return array<string, string>
	 */
	private static function browser_entry( array $mapping, array $source ): array {
		$entry = array(
			'field'  => $mapping['field'],
			'source' => $mapping['source'],
		);
		if ( 'key' === ( $source['needs'] ?? null ) ) {
			$entry['key'] = $mapping['key'];
		}
		if ( ! empty( $source['persist'] ) && in_array( $mapping['persist'] ?? null, array( 'first', 'last' ), true ) ) {
			$entry['persist'] = $mapping['persist'];
		}
		return $entry;
	}

	/**
	 * The server-side group resolvers.
	 *
	 * @return array<string, SourceGroup>
	 */
	private static function groups(): array {
		if ( null === self::$groups ) {
			self::$groups = array(
				'static' => new StaticSource(),
				'user'   => new UserSource(),
				'post'   => new PostSource(),
				'site'   => new SiteSource(),
			);
		}
		return self::$groups;
	}
}
