<?php
/**
 * The `experiences` part of the page config, as the runtime may trust it.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Experiences;

use QualifiedIntegration\Experiences\PageOverride;

defined( 'ABSPATH' ) || exit;

/**
 * Cleans the `experiences` part after the `qualified_integration_page_config`
 * filter, so the runtime needs no checks of its own (bytes every visitor
 * would download): `spa` a boolean, `timezone` a string, each rule as
 * RuleReducer reads it (id, browser conditions with their keys, action,
 * `once`), the override as PageOverride cleans it (without PHP's `hide` and `load`).
 *
 * A rule that cannot be read is dropped alone. So is a rule with a page-fact
 * condition (post_type, post, term, logged_in, role): PHP decides those
 * before the config is built, the browser cannot, so a filter must add
 * rules with browser conditions only.
 */
final class ExperiencesConfig {

	/**
	 * The clean part; null when it is not an array (the page then has no Experiences).
	 *
	 * @param mixed $value The filtered `experiences` value.
	 * @return array<string, mixed>|null
	 */
	public static function clean( $value ): ?array {
		if ( ! is_array( $value ) ) {
			return null;
		}
		$clean = array(
			'spa'      => true === ( $value['spa'] ?? false ),
			'timezone' => is_string( $value['timezone'] ?? null ) ? $value['timezone'] : wp_timezone_string(),
			'rules'    => array(),
		);
		foreach ( is_array( $value['rules'] ?? null ) ? $value['rules'] : array() as $rule ) {
			$page_rule = is_array( $rule ) ? self::page_rule( $rule ) : null;
			if ( null !== $page_rule ) {
				$clean['rules'][] = $page_rule;
			}
		}
		$override = PageOverride::clean( $value['override'] ?? null );
		unset( $override['hide'], $override['load'] );
		if ( array() !== $override ) {
			$clean['override'] = $override;
		}
		return $clean;
	}

	/**
	 * A page rule (`once`, not the stored `oncePerVisit`) as RuleReducer reads
	 * it; null when it cannot be read or has a page-fact condition.
	 *
	 * @param array<string, mixed> $rule Page rule.
	 * @return array<string, mixed>|null
	 */
	public static function page_rule( array $rule ): ?array {
		$rule['oncePerVisit'] = true === ( $rule['once'] ?? false );
		$split                = RuleReducer::split( $rule );
		return null === $split || array() !== $split['facts'] ? null : $split['rule'];
	}
}
