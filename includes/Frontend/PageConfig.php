<?php
/**
 * The per-page configuration handed to the runtime.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend;

defined( 'ABSPATH' ) || exit;

/**
 * Reduces the settings to what one page needs, as plain data the runtime
 * turns into qualified(...) calls. It never holds the token (that is in the
 * vendor script's URL) nor, for anonymous visitors, anything per-user, so a
 * full-page cache may store the page.
 */
final class PageConfig {

	/**
	 * The config for the current page.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return array{calls: array<int, array<int, mixed>>}
	 */
	public static function build( array $settings ): array {
		$config = array(
			// Each entry is [method, ...arguments] for qualified(); the runtime replays them in order.
			'calls' => array(),
		);

		/**
		 * Filters the per-page runtime config.
		 *
		 * Add API calls with `$config['calls'][] = array( 'identify', array( 'role' => 'buyer' ) );`.
		 * The runtime accepts the data-only methods: identify, showExperience, open and page.
		 *
		 * @param array<string, mixed> $config   Config.
		 * @param array<string, mixed> $settings Settings in force.
		 */
		$config = (array) apply_filters( 'qualified_integration_page_config', $config, $settings );

		$config['calls'] = array_values( array_filter( (array) ( $config['calls'] ?? array() ), 'is_array' ) );
		return $config;
	}
}
