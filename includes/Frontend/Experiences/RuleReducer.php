<?php
/**
 * Reduces Experience rules to what one page needs.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Experiences;

defined( 'ABSPATH' ) || exit;

/**
 * Tests each rule's page-fact conditions (post_type, post, term, logged_in,
 * role) against the page. A rule whose page facts do not all hold is dropped
 * from the page; a rule whose page facts all hold reaches the page with only
 * its browser conditions, which the runtime decides for each visitor (so a
 * cached page serves every visitor correctly).
 *
 * Rules are read defensively: the settings are validated on save and
 * cleaned on read, but a malformed rule (a filter, an old export) is skipped
 * alone, never a fatal and never the whole list. Disabled rules never reach
 * a page.
 */
final class RuleReducer {

	const MATCH    = 'match';
	const NO_MATCH = 'no_match';
	const NONE     = 'none';

	/**
	 * Actions that take the page's one decision.
	 */
	const DECISIONS = array( 'showExperience', 'hide' );

	/**
	 * The enabled, readable rules of the settings, in order, each as the page
	 * config carries it plus its page-fact conditions.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return array<int, array{rule: array<string, mixed>, facts: array<int, array<string, mixed>>}>
	 */
	public static function enabled_rules( array $settings ): array {
		$experiences = $settings['experiences'] ?? null;
		$rules       = is_array( $experiences ) && is_array( $experiences['rules'] ?? null ) ? $experiences['rules'] : array();
		$result      = array();
		foreach ( $rules as $rule ) {
			if ( ! is_array( $rule ) || true !== ( $rule['enabled'] ?? true ) ) {
				continue;
			}
			$split = self::split( $rule );
			if ( null !== $split ) {
				$result[] = $split;
			}
		}
		return $result;
	}

	/**
	 * A rule as the page config carries it (browser conditions only), and its
	 * page-fact conditions; null when the rule cannot be read.
	 *
	 * @param array<string, mixed> $rule Stored rule.
	 * @return array{rule: array<string, mixed>, facts: array<int, array<string, mixed>>}|null
	 */
	public static function split( array $rule ): ?array {
		$id     = $rule['id'] ?? null;
		$when   = $rule['when'] ?? array();
		$action = self::action( $rule['then'] ?? null );
		if ( ! is_string( $id ) || '' === $id || ! is_array( $when ) || null === $action ) {
			return null;
		}
		$browser = array();
		$facts   = array();
		foreach ( $when as $condition ) {
			$type  = is_array( $condition ) ? ( $condition['type'] ?? null ) : null;
			$where = is_string( $type ) ? ConditionTypes::where( $type ) : null;
			if ( 'page' === $where ) {
				$facts[] = $condition;
			} elseif ( 'browser' === $where ) {
				$browser[] = ConditionTypes::carried( $type, $condition );
			} else {
				// A type this code does not know: the rule cannot be decided, so it never fires.
				return null;
			}
		}
		$page_rule = array(
			'id'   => $id,
			'when' => $browser,
			'then' => $action,
		);
		if ( true === ( $rule['oncePerVisit'] ?? false ) ) {
			$page_rule['once'] = true;
		}
		return array(
			'rule'  => $page_rule,
			'facts' => $facts,
		);
	}

	/**
	 * Tests a split rule's page facts.
	 *
	 * `per_user` says whether the outcome depended on who is looking: the
	 * rule has a logged_in or role condition and its other page facts hold,
	 * so the page differs between visitors and must not be shared by caches.
	 *
	 * @param array{facts: array<int, array<string, mixed>>} $split From split() or CompiledRules (its page-fact conditions).
	 * @param PageFacts                                      $page  The page.
	 * @return array{status: string, per_user: bool}
	 */
	public static function test( array $split, PageFacts $page ): array {
		if ( array() === $split['facts'] ) {
			return array(
				'status'   => self::NONE,
				'per_user' => false,
			);
		}
		$user_facts = array();
		foreach ( $split['facts'] as $condition ) {
			if ( in_array( $condition['type'], ConditionTypes::USER_FACTS, true ) ) {
				$user_facts[] = $condition;
			} elseif ( ! $page->holds( $condition ) ) {
				return array(
					'status'   => self::NO_MATCH,
					'per_user' => false,
				);
			}
		}
		foreach ( $user_facts as $condition ) {
			if ( ! $page->holds( $condition ) ) {
				return array(
					'status'   => self::NO_MATCH,
					'per_user' => true,
				);
			}
		}
		return array(
			'status'   => self::MATCH,
			'per_user' => array() !== $user_facts,
		);
	}

	/**
	 * The action with only the keys it carries; null when it cannot be read.
	 *
	 * @param mixed $then Stored action.
	 * @return array<string, mixed>|null
	 */
	private static function action( $then ): ?array {
		if ( ! is_array( $then ) || ! is_string( $then['action'] ?? null ) ) {
			return null;
		}
		$name = $then['action'];
		switch ( $name ) {
			case 'showExperience':
				if ( ! is_string( $then['experience'] ?? null ) || '' === $then['experience'] ) {
					return null;
				}
				$action = array(
					'action'     => $name,
					'experience' => $then['experience'],
				);
				if ( is_bool( $then['startCollapsed'] ?? null ) ) {
					$action['startCollapsed'] = $then['startCollapsed'];
				}
				return $action;
			case 'open':
			case 'hide':
			case 'load':
				return array( 'action' => $name );
			case 'identify':
				$fields = array();
				$given  = $then['fields'] ?? null;
				// An object once reduced for a page (see below), read again by ExperiencesConfig.
				$given = is_object( $given ) ? get_object_vars( $given ) : $given;
				foreach ( is_array( $given ) ? $given : array() as $field => $value ) {
					if ( is_string( $field ) && '' !== $field && is_string( $value ) && '' !== $value ) {
						$fields[ $field ] = $value;
					}
				}
				if ( array() === $fields ) {
					return null;
				}
				return array(
					'action' => $name,
					// An object in JSON (Record<string, string>).
					'fields' => (object) $fields,
				);
		}
		return null;
	}
}
