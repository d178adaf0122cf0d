<?php
/**
 * Experience rules in the form page views use them.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Experiences;

use QualifiedIntegration\Frontend\Loader;

defined( 'ABSPATH' ) || exit;

/**
 * Each enabled, readable rule reduced once (RuleReducer::split()) to what a
 * page needs: its page-fact conditions, which PHP tests per page, and the
 * rest as the JSON the page config carries, encoded once.
 *
 * PageSnapshot compiles the stored rules when the settings are written, so
 * a page view with 200 rules tests their page facts and joins 200 strings:
 * it neither reads the rules as arrays nor reduces nor encodes them.
 *
 * @phpstan-type CompiledRule array{id: string, facts: array<int, array<string, mixed>>, action: string, bare: bool, once: bool, json: string, rule?: array<string, mixed>}
 */
final class CompiledRules {

	/**
	 * The compiled rules of some settings, in order.
	 *
	 * Each entry: `id`; `facts`, the page-fact conditions; `action`;
	 * `bare`, whether it has no browser condition; `once`, whether it is
	 * limited to once per visit; `json`, the rule as the page config carries
	 * it; and `rule`, the same as an array (the rule tester shows it; a
	 * stored snapshot leaves it out).
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @return array<int, CompiledRule>
	 */
	public static function of_settings( array $settings ): array {
		$compiled = array();
		foreach ( RuleReducer::enabled_rules( $settings ) as $split ) {
			$rule       = $split['rule'];
			$compiled[] = array(
				'id'     => (string) $rule['id'],
				'facts'  => $split['facts'],
				'action' => (string) $rule['then']['action'],
				'bare'   => array() === $rule['when'],
				'once'   => ! empty( $rule['once'] ),
				'json'   => (string) wp_json_encode( $rule, Loader::JSON_FLAGS ),
				'rule'   => $rule,
			);
		}
		return $compiled;
	}

	/**
	 * The compiled rules of a list that have the shape of one (a stored
	 * snapshot is read back; an item that is not one is dropped alone).
	 *
	 * @param array<mixed> $rules Compiled rules, as stored.
	 * @return array<int, CompiledRule>
	 */
	public static function readable( array $rules ): array {
		$readable = array();
		foreach ( $rules as $rule ) {
			if (
				is_array( $rule ) && is_string( $rule['id'] ?? null ) && is_string( $rule['action'] ?? null ) && is_bool( $rule['bare'] ?? null ) && is_bool( $rule['once'] ?? null ) && is_string( $rule['json'] ?? null )
				&& is_array( $rule['facts'] ?? null ) && count( array_filter( $rule['facts'], 'is_array' ) ) === count( $rule['facts'] )
			) {
				$readable[] = $rule;
			}
		}
		return $readable;
	}

	/**
	 * Whether any rule tests who is looking (logged_in, role).
	 *
	 * @param array<int, CompiledRule> $rules Compiled rules.
	 * @return bool
	 */
	public static function use_user_facts( array $rules ): bool {
		foreach ( $rules as $rule ) {
			foreach ( $rule['facts'] as $condition ) {
				if ( in_array( $condition['type'] ?? null, ConditionTypes::USER_FACTS, true ) ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A compiled rule as an array, as the page config carries it.
	 *
	 * @param array $compiled Compiled rule.
	 * @phpstan-param CompiledRule $compiled
	 * @return array<string, mixed>
	 */
	public static function page_rule( array $compiled ): array {
		if ( isset( $compiled['rule'] ) ) {
			return $compiled['rule'];
		}
		// Read back as a filter's rule is: in RuleReducer's shape (identify fields as an object).
		return ExperiencesConfig::page_rule( (array) json_decode( $compiled['json'], true ) ) ?? array();
	}
}
