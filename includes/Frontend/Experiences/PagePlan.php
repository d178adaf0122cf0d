<?php
/**
 * What the Experience rules mean for one page.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Experiences;

use QualifiedIntegration\Frontend\PageSettings;

defined( 'ABSPATH' ) || exit;

/**
 * The rules and override of one page, reduced by its page facts, and the
 * three things the loader must know before it prints anything:
 *
 * - hidden(): page facts alone hide Qualified here (the post's override
 *   says hide, or an unconditional hide rule comes before any
 *   showExperience rule), so nothing at all is printed;
 * - holds_vendor(): hide rules with browser conditions remain, so
 *   qualified.js is not enqueued and the runtime adds it once it knows no
 *   hide applies (the page config then carries `loading`, see Loading);
 * - per_user(): the outcome depended on who is looking (logged_in, role),
 *   so the page must stay out of shared caches.
 *
 * The full precedence (override, first showExperience/hide, open, identify,
 * timed and once-per-visit rules) is decided by the runtime
 * (src/shared/experiences/decide.ts); hidden() only claims what holds for
 * every visitor whatever the browser facts, and otherwise leaves the
 * decision to the runtime.
 *
 * @phpstan-import-type CompiledRule from CompiledRules
 */
final class PagePlan {

	/**
	 * Every enabled rule, compiled (CompiledRules), in order.
	 *
	 * @var array<int, CompiledRule>
	 */
	private $all;

	/**
	 * Each rule's page-fact outcome (match, no_match, none), by position in $all.
	 *
	 * @var string[]
	 */
	private $statuses = array();

	/**
	 * Compiled rules that reach the page, in order.
	 *
	 * @var array<int, CompiledRule>
	 */
	private $rules = array();

	/**
	 * The post's override, cleaned; null when none.
	 *
	 * @var array<string, mixed>|null
	 */
	private $override;

	/**
	 * Whether page facts alone hide Qualified.
	 *
	 * @var bool
	 */
	private $hidden = false;

	/**
	 * Whether the outcome depended on who is looking.
	 *
	 * @var bool
	 */
	private $per_user = false;

	/**
	 * Whether SPA navigation is followed.
	 *
	 * @var bool
	 */
	private $spa;

	/**
	 * Constructor: reduces the rules.
	 *
	 * @param array<int, CompiledRule>  $rules    Enabled rules, compiled (CompiledRules), in order.
	 * @param bool                      $spa      Whether SPA navigation is followed.
	 * @param PageFacts                 $page     The page.
	 * @param array<string, mixed>|null $override The post's cleaned override, or null.
	 */
	public function __construct( array $rules, bool $spa, PageFacts $page, ?array $override ) {
		$this->all      = $rules;
		$this->override = ( null === $override || array() === $override ) ? null : $override;
		$this->spa      = $spa;

		// With an Experience set on the post, showExperience and hide rules can never take the decision.
		$decisions_free = ! isset( $this->override['experience'] );

		foreach ( $rules as $rule ) {
			$outcome          = RuleReducer::test( $rule, $page );
			$this->per_user   = $this->per_user || $outcome['per_user'];
			$this->statuses[] = $outcome['status'];
			if ( RuleReducer::NO_MATCH !== $outcome['status'] && ( $decisions_free || ! in_array( $rule['action'], RuleReducer::DECISIONS, true ) ) ) {
				$this->rules[] = $rule;
			}
		}

		$this->hidden = true === ( $this->override['hide'] ?? false ) || ( $decisions_free && self::first_decision_is_hide( $this->rules ) );
	}

	/**
	 * The plan of the current request, from the settings page views read.
	 *
	 * @param PageSettings $settings The page view's settings.
	 * @return PagePlan
	 */
	public static function for_request( PageSettings $settings ): PagePlan {
		return self::of( $settings->rules, $settings->spa(), PageFacts::for_request() );
	}

	/**
	 * The plan of a page for some settings, their rules compiled now (the
	 * rule tester, and callers that hold settings rather than a PageSettings).
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @param PageFacts|null       $page     The page; the current request's by default.
	 * @return PagePlan
	 */
	public static function for_settings( array $settings, ?PageFacts $page = null ): PagePlan {
		return self::of( CompiledRules::of_settings( $settings ), true === ( $settings['experiences']['spa'] ?? false ), $page ?? PageFacts::for_request() );
	}

	/**
	 * The plan of a page, with its post's override.
	 *
	 * @param array<int, CompiledRule> $rules Compiled rules.
	 * @param bool                     $spa   Whether SPA navigation is followed.
	 * @param PageFacts                $page  The page.
	 * @return PagePlan
	 */
	private static function of( array $rules, bool $spa, PageFacts $page ): PagePlan {
		return new self( $rules, $spa, $page, Override::of_post( $page->post ) );
	}

	/**
	 * Whether page facts alone hide Qualified on this page.
	 *
	 * @return bool
	 */
	public function hidden(): bool {
		return $this->hidden;
	}

	/**
	 * Whether qualified.js waits for the runtime: a hide rule reaches the page.
	 *
	 * @return bool
	 */
	public function holds_vendor(): bool {
		if ( $this->hidden ) {
			return false;
		}
		foreach ( $this->rules as $rule ) {
			if ( 'hide' === $rule['action'] ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the page depended on who is looking (a logged_in or role condition was decisive).
	 *
	 * @return bool
	 */
	public function per_user(): bool {
		return $this->per_user;
	}

	/**
	 * Every enabled rule with its page-fact outcome (match, no_match, none) and its reduced form.
	 *
	 * @return array<int, array{id: string, pageFacts: string, rule: array<string, mixed>}>
	 */
	public function results(): array {
		$results = array();
		foreach ( $this->all as $index => $rule ) {
			$results[] = array(
				'id'        => (string) $rule['id'],
				'pageFacts' => $this->statuses[ $index ],
				'rule'      => CompiledRules::page_rule( $rule ),
			);
		}
		return $results;
	}

	/**
	 * The post's cleaned override, or null.
	 *
	 * @return array<string, mixed>|null
	 */
	public function override(): ?array {
		return $this->override;
	}

	/**
	 * The page config's `experiences` block; null when no rule reaches the
	 * page and the post has no override (or the page is hidden: nothing is printed).
	 *
	 * The override's `hide` and `load` are PHP's (nothing printed; Loading), not the runtime's.
	 *
	 * @param bool $rules Whether to include `rules` (as arrays); without, the caller adds rules_json().
	 * @return array<string, mixed>|null
	 */
	public function config( bool $rules = true ): ?array {
		$override = $this->override;
		unset( $override['hide'], $override['load'] );
		if ( $this->hidden || ( array() === $this->rules && empty( $override ) ) ) {
			return null;
		}
		$config = array(
			'spa'      => $this->spa,
			'timezone' => wp_timezone_string(),
		);
		if ( $rules ) {
			$config['rules'] = array_map( array( CompiledRules::class, 'page_rule' ), $this->rules );
		}
		if ( ! empty( $override ) ) {
			$config['override'] = $override;
		}
		return $config;
	}

	/**
	 * The rules that reach the page, each as the JSON the page config carries.
	 *
	 * @return string[]
	 */
	public function rules_json(): array {
		return array_column( $this->rules, 'json' );
	}

	/**
	 * Whether the first rule that can take the decision for every visitor is
	 * an unconditional hide: no browser condition, not limited to once per
	 * visit (the runtime skips such a rule on later pages, which PHP cannot
	 * know), and no showExperience rule (conditional or not) before it.
	 *
	 * @param array<int, CompiledRule> $rules Compiled page rules, in order.
	 * @return bool
	 */
	private static function first_decision_is_hide( array $rules ): bool {
		foreach ( $rules as $rule ) {
			if ( 'showExperience' === $rule['action'] ) {
				return false;
			}
			if ( 'hide' === $rule['action'] && $rule['bare'] && ! $rule['once'] ) {
				return true;
			}
		}
		return false;
	}
}
