<?php
/**
 * Where each Experience condition type is decided.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Experiences;

use QualifiedIntegration\Settings\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * Reads includes/Settings/experience-conditions.json (through Schema, which
 * the validator uses too; the TypeScript matcher imports the same file),
 * the one list of condition types, and answers the two questions page
 * rendering asks: is a type decided by PHP from page facts, and which keys
 * does a browser condition carry to the runtime.
 */
final class ConditionTypes {

	/**
	 * Page-fact types that depend on who is looking (the page becomes per-user).
	 */
	const USER_FACTS = array( 'logged_in', 'role' );

	/**
	 * The definition of a type; null when the list does not know it.
	 *
	 * @param string $type Condition type.
	 * @return array<string, mixed>|null
	 */
	private static function of( string $type ): ?array {
		$definition = Schema::conditions()[ $type ] ?? null;
		return is_array( $definition ) ? $definition : null;
	}

	/**
	 * Whether PHP decides this type from the page (post, terms, user).
	 *
	 * @param string $type Condition type.
	 * @return bool
	 */
	public static function is_page_fact( string $type ): bool {
		return 'page' === ( self::of( $type )['where'] ?? null );
	}

	/**
	 * Whether the runtime decides this type in the browser.
	 *
	 * @param string $type Condition type.
	 * @return bool
	 */
	public static function is_browser( string $type ): bool {
		return 'browser' === ( self::of( $type )['where'] ?? null );
	}

	/**
	 * The keys a condition of this type carries besides `type`.
	 *
	 * @param string $type Condition type.
	 * @return string[]
	 */
	public static function keys( string $type ): array {
		$keys = self::of( $type )['keys'] ?? array();
		return is_array( $keys ) ? array_values( array_filter( $keys, 'is_string' ) ) : array();
	}
}
