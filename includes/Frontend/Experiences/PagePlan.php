<?php
/**
 * What the Experience rules mean for one page.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Experiences;

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
 *   hide applies (the page config then carries `vendorSrc`);
 * - per_user(): the outcome depended on who is looking (logged_in, role),
 *   so the page must stay out of shared caches.
 *
 * The full precedence (override, first showExperience/hide, open, identify,
 * timed and once-per-visit rules) is decided by the runtime
 * (src/shared/experiences/decide.ts); hidden() only claims what holds for
 * every visitor whatever the browser facts, and otherwise leaves the
 * decision to the runtime.
 */
final class PagePlan {

	/**
	 * Every enabled rule with its page-fact outcome, in order (the rule tester lists them).
	 *
	 * @var array<int, array{id: string, pageFacts: string, rule: array<string, mixed>}>
	 */
	private $results = array();

	/**
	 * Rules that reach the page, in order.
	 *
	 * @var array<int, array<string, mixed>>
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
	 * @param array<string, mixed>      $settings Settings in force.
	 * @param PageFacts                 $page     The page.
	 * @param array<string, mixed>|null $override The post's cleaned override, or null.
	 */
	public function __construct( array $settings, PageFacts $page, ?array $override ) {
		$this->override = ( null === $override || array() === $override ) ? null : $override;
		$this->spa      = true === ( $settings['experiences']['spa'] ?? false );

		// With an Experience set on the post, showExperience and hide rules can never take the decision.
		$decisions_free = ! isset( $this->override['experience'] );

		foreach ( RuleReducer::enabled_rules( $settings ) as $split ) {
			$outcome         = RuleReducer::test( $split, $page );
			$this->per_user  = $this->per_user || $outcome['per_user'];
			$this->results[] = array(
				'id'        => $split['rule']['id'],
				'pageFacts' => $outcome['status'],
				'rule'      => $split['rule'],
			);
			$takes_decision  = in_array( $split['rule']['then']['action'], RuleReducer::DECISIONS, true );
			if ( RuleReducer::NO_MATCH !== $outcome['status'] && ( $decisions_free || ! $takes_decision ) ) {
				$this->rules[] = $split['rule'];
			}
		}

		$this->hidden = true === ( $this->override['hide'] ?? false ) || ( $decisions_free && self::first_decision_is_hide( $this->rules ) );
	}

	/**
	 * The plan of the current request.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return PagePlan
	 */
	public static function for_request( array $settings ): PagePlan {
		$page = PageFacts::for_request();
		return new self( $settings, $page, Override::of_post( $page->post ) );
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
			if ( 'hide' === $rule['then']['action'] ) {
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
		return $this->results;
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
	 * @param string $vendor_src The qualified.js URL, sent only when the vendor script is held.
	 * @return array<string, mixed>|null
	 */
	public function config( string $vendor_src ): ?array {
		$override = $this->override;
		unset( $override['hide'] );
		if ( $this->hidden || ( array() === $this->rules && empty( $override ) ) ) {
			return null;
		}
		$config = array(
			'spa'      => $this->spa,
			'timezone' => wp_timezone_string(),
			'rules'    => $this->rules,
		);
		if ( ! empty( $override ) ) {
			$config['override'] = $override;
		}
		if ( $this->holds_vendor() ) {
			$config['vendorSrc'] = $vendor_src;
		}
		return $config;
	}

	/**
	 * Whether the first rule that can take the decision for every visitor is
	 * an unconditional hide: no browser condition, not limited to once per
	 * visit (the runtime skips such a rule on later pages, which PHP cannot
	 * know), and no showExperience rule (conditional or not) before it.
	 *
	 * @param array<int, array<string, mixed>> $rules Page rules, in order.
	 * @return bool
	 */
	private static function first_decision_is_hide( array $rules ): bool {
		foreach ( $rules as $rule ) {
			$action = $rule['then']['action'];
			if ( 'showExperience' === $action ) {
				return false;
			}
			if ( 'hide' === $action && array() === $rule['when'] && empty( $rule['once'] ) ) {
				return true;
			}
		}
		return false;
	}
}
