<?php
/**
 * What a page view reads of the settings.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend;

use QualifiedIntegration\Frontend\Events\EventsConfig;
use QualifiedIntegration\Frontend\Experiences\CompiledRules;

defined( 'ABSPATH' ) || exit;

/**
 * The settings in force for a page view, with the Experience rules and the
 * event handlers apart, compiled: `settings` holds every field but with
 * empty rule and handler lists, `rules` the compiled rules
 * (CompiledRules), `events` the enabled handlers' page-config JSON
 * (EventsConfig::compile()).
 *
 * A filter that receives the settings (qualified_integration_should_load,
 * _identify, _page_config) gets them whole, rules included: for_hooks()
 * reads them in full only when one of those filters is hooked.
 *
 * @phpstan-import-type CompiledRule from CompiledRules
 */
final class PageSettings {

	/**
	 * The filters that receive the settings in force.
	 */
	const SETTINGS_HOOKS = array( 'qualified_integration_should_load', 'qualified_integration_identify', 'qualified_integration_page_config' );

	/**
	 * The settings in force, with empty rule and handler lists.
	 *
	 * @var array<string, mixed>
	 */
	public $settings;

	/**
	 * The enabled rules, compiled, in order.
	 *
	 * @var array<int, CompiledRule>
	 */
	public $rules;

	/**
	 * The enabled event handlers as the page config's JSON; '' when none is enabled.
	 *
	 * @var string
	 */
	public $events;

	/**
	 * Reads the settings in force in full, rules included.
	 *
	 * @var callable(): array<string, mixed>
	 */
	private $full;

	/**
	 * Constructor.
	 *
	 * @param array<string, mixed>     $settings The settings in force (their rules and handlers are not read).
	 * @param array<int, CompiledRule> $rules    The enabled rules, compiled.
	 * @param string                   $events   The enabled handlers' JSON (EventsConfig::compile()).
	 * @param callable                 $full     Reads the settings in force in full.
	 * @phpstan-param callable(): array<string, mixed> $full
	 */
	public function __construct( array $settings, array $rules, string $events, callable $full ) {
		$this->settings = self::without_compiled( $settings );
		$this->rules    = $rules;
		$this->events   = $events;
		$this->full     = $full;
	}

	/**
	 * Settings with empty rule and handler lists (page views read both compiled).
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @return array<string, mixed>
	 */
	public static function without_compiled( array $settings ): array {
		if ( is_array( $settings['experiences'] ?? null ) ) {
			$settings['experiences']['rules'] = array();
		}
		if ( is_array( $settings['events'] ?? null ) ) {
			$settings['events']['handlers'] = array();
		}
		return $settings;
	}

	/**
	 * Page settings of settings in force, their rules and handlers compiled now.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return PageSettings
	 */
	public static function of( array $settings ): PageSettings {
		return new self(
			$settings,
			CompiledRules::of_settings( $settings ),
			EventsConfig::compile( $settings ),
			static function () use ( $settings ): array {
				return $settings;
			}
		);
	}

	/**
	 * Whether SPA navigation is followed.
	 *
	 * @return bool
	 */
	public function spa(): bool {
		return true === ( $this->settings['experiences']['spa'] ?? false );
	}

	/**
	 * The settings to hand to code that may pass them to a filter: in full
	 * when a filter that receives them is hooked, else without the rules
	 * and handlers (the page view reads those compiled).
	 *
	 * @return array<string, mixed>
	 */
	public function for_hooks(): array {
		foreach ( self::SETTINGS_HOOKS as $hook ) {
			if ( has_filter( $hook ) ) {
				return ( $this->full )();
			}
		}
		return $this->settings;
	}
}
