<?php
/**
 * What a page view reads of the settings.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend;

use QualifiedIntegration\Frontend\Experiences\CompiledRules;

defined( 'ABSPATH' ) || exit;

/**
 * The settings in force for a page view, with the Experience rules apart,
 * compiled (CompiledRules): `settings` holds every field but an empty rule
 * list, `rules` the compiled rules.
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
	 * The settings in force, with an empty rule list.
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
	 * Reads the settings in force in full, rules included.
	 *
	 * @var callable(): array<string, mixed>
	 */
	private $full;

	/**
	 * Constructor.
	 *
	 * @param array<string, mixed>     $settings The settings in force (their rules are not read).
	 * @param array<int, CompiledRule> $rules    The enabled rules, compiled.
	 * @param callable                 $full     Reads the settings in force in full.
	 * @phpstan-param callable(): array<string, mixed> $full
	 */
	public function __construct( array $settings, array $rules, callable $full ) {
		$this->settings = self::without_rules( $settings );
		$this->rules    = $rules;
		$this->full     = $full;
	}

	/**
	 * Settings with an empty rule list (page views read the rules compiled).
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @return array<string, mixed>
	 */
	public static function without_rules( array $settings ): array {
		if ( is_array( $settings['experiences'] ?? null ) ) {
			$settings['experiences']['rules'] = array();
		}
		return $settings;
	}

	/**
	 * Page settings of settings in force, their rules compiled now.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return PageSettings
	 */
	public static function of( array $settings ): PageSettings {
		return new self(
			$settings,
			CompiledRules::of_settings( $settings ),
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
	 * (the page view reads those compiled).
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
