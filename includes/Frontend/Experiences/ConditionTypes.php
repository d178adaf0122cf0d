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
	 * Where each type is decided ("page" or "browser") and the keys it
	 * carries, read from the list once per request: a page with 200 rules
	 * asks for every condition of every rule.
	 *
	 * @var array<string, array{where: string, carried: array<string, true>}>|null
	 */
	private static $types = null;

	/**
	 * Where a type is decided and the keys it carries; null when the list does not know it.
	 *
	 * @param string $type Condition type.
	 * @return array{where: string, carried: array<string, true>}|null
	 */
	private static function of( string $type ): ?array {
		if ( null === self::$types ) {
			self::$types = array();
			foreach ( Schema::conditions() as $name => $definition ) {
				$keys                 = is_array( $definition['keys'] ?? null ) ? $definition['keys'] : array();
				$keys                 = array_values( array_filter( $keys, 'is_string' ) );
				self::$types[ $name ] = array(
					'where'   => is_string( $definition['where'] ?? null ) ? $definition['where'] : '',
					'carried' => array_fill_keys( array_merge( array( 'type' ), $keys ), true ),
				);
			}
		}
		return self::$types[ $type ] ?? null;
	}

	/**
	 * Where a type is decided: "page" (PHP, from page facts), "browser" (the
	 * runtime), or null for a type the list does not know.
	 *
	 * @param string $type Condition type.
	 * @return string|null
	 */
	public static function where( string $type ): ?string {
		return self::of( $type )['where'] ?? null;
	}

	/**
	 * A browser condition with only the keys its type carries (`type` and its keys).
	 *
	 * @param string               $type      Condition type.
	 * @param array<string, mixed> $condition Condition.
	 * @return array<string, mixed>
	 */
	public static function carried( string $type, array $condition ): array {
		return array_intersect_key( $condition, self::of( $type )['carried'] ?? array( 'type' => true ) );
	}
}
