<?php
/**
 * The script optimiser plugins known to delay or combine Qualified's scripts.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

defined( 'ABSPATH' ) || exit;

/**
 * The one list of the optimiser plugins that change how a page's scripts
 * run (delay them until an interaction, combine them into one file, defer
 * inline code, move them to the end) and what each needs to leave
 * Qualified alone, plus the reading of their settings.
 *
 * A plugin is found by its basename in `active_plugins` (and the network's
 * `active_sitewide_plugins`). Where its settings live in options whose
 * names and values we could establish from the plugin's published code, a
 * feature's `when` reads them (every condition must hold; a value missing
 * from the option counts as unknown unless the condition has a `default`),
 * `exclude` names the exclusion lists to look for Qualified in, and
 * `include` the keyword lists that opt scripts in (a feature that delays
 * only what a keyword matches is on for Qualified only when one matches).
 * A feature with `when` null cannot be read cheaply (W3 Total Cache keeps
 * its settings in a file): it is reported as something to check.
 *
 * A checkbox that a plugin leaves out of its option while unchecked
 * (Perfmatters), or a module option that exists once turned on (Jetpack
 * Boost), has a `default` of '' (off).
 *
 * `by` says what an exclusion entry matches: `tag` (any part of the script
 * tag: ID, address or code) or `handle` (a registered script handle, so
 * only the tags printed for a handle can be excluded).
 */
final class OptimizerPlugins {

	/**
	 * The known plugins, in the order they are reported.
	 *
	 * @return array<string, array{name: string, basenames: string[], features: array<int, array{kind: string, where: string, by: string, when: array<int, array{option: string, path: string[], on: string[], default?: string}>|null, exclude?: array<int, array{option: string, path: string[]}>, include?: array<int, array{option: string, path: string[]}>}>}>
	 */
	public static function known(): array {
		$rocket      = 'wp_rocket_settings';
		$perfmatters = 'perfmatters_options';
		return array(
			'wp-rocket'      => array(
				'name'      => 'WP Rocket',
				'basenames' => array( 'wp-rocket/wp-rocket.php' ),
				'features'  => array(
					array(
						'kind'    => 'delay',
						'by'      => 'tag',
						'when'    => array( self::is( $rocket, array( 'delay_js' ), array( '1' ) ) ),
						'exclude' => array( self::at( $rocket, array( 'delay_js_exclusions' ) ) ),
						'where'   => __( 'Settings -> WP Rocket -> File Optimization -> Delay JavaScript execution -> Excluded JavaScript Files', 'qualified-integration' ),
					),
					array(
						'kind'    => 'combine',
						'by'      => 'tag',
						'when'    => array( self::is( $rocket, array( 'minify_concatenate_js' ), array( '1' ) ) ),
						'exclude' => array( self::at( $rocket, array( 'exclude_js' ) ), self::at( $rocket, array( 'exclude_inline_js' ) ) ),
						'where'   => __( 'Settings -> WP Rocket -> File Optimization -> Combine JavaScript files -> Excluded JavaScript Files and Excluded Inline JavaScript', 'qualified-integration' ),
					),
				),
			),
			'autoptimize'    => array(
				'name'      => 'Autoptimize',
				'basenames' => array( 'autoptimize/autoptimize.php' ),
				'features'  => array(
					array(
						'kind'    => 'combine',
						'by'      => 'tag',
						'when'    => array( self::is( 'autoptimize_js', array(), array( 'on' ) ), self::is( 'autoptimize_js_aggregate', array(), array( 'on' ) ) ),
						'exclude' => array( self::at( 'autoptimize_js_exclude', array() ) ),
						'where'   => __( 'Settings -> Autoptimize -> JS, CSS & HTML -> Exclude scripts from Autoptimize', 'qualified-integration' ),
					),
					array(
						'kind'    => 'defer_inline',
						'by'      => 'tag',
						'when'    => array( self::is( 'autoptimize_js', array(), array( 'on' ) ), self::is( 'autoptimize_js_defer_not_aggregate', array(), array( 'on' ) ), self::is( 'autoptimize_js_defer_inline', array(), array( 'on' ) ) ),
						'exclude' => array( self::at( 'autoptimize_js_exclude', array() ) ),
						'where'   => __( 'Settings -> Autoptimize -> JS, CSS & HTML -> Exclude scripts from Autoptimize', 'qualified-integration' ),
					),
				),
			),
			'litespeed'      => array(
				'name'      => 'LiteSpeed Cache',
				'basenames' => array( 'litespeed-cache/litespeed-cache.php' ),
				'features'  => array(
					array(
						'kind'    => 'combine',
						'by'      => 'tag',
						'when'    => array( self::is( 'litespeed.conf.optm-js_comb', array(), array( '1' ) ) ),
						'exclude' => array( self::at( 'litespeed.conf.optm-js_exc', array() ) ),
						'where'   => __( 'LiteSpeed Cache -> Page Optimization -> Tuning -> JS Excludes', 'qualified-integration' ),
					),
					array(
						'kind'    => 'delay',
						'by'      => 'tag',
						'when'    => array( self::is( 'litespeed.conf.optm-js_defer', array(), array( '2' ) ) ),
						'exclude' => array( self::at( 'litespeed.conf.optm-js_defer_exc', array() ) ),
						'where'   => __( 'LiteSpeed Cache -> Page Optimization -> Tuning -> JS Deferred / Delayed Excludes', 'qualified-integration' ),
					),
					array(
						'kind'    => 'defer_inline',
						'by'      => 'tag',
						'when'    => array( self::is( 'litespeed.conf.optm-js_defer', array(), array( '1' ) ) ),
						'exclude' => array( self::at( 'litespeed.conf.optm-js_defer_exc', array() ) ),
						'where'   => __( 'LiteSpeed Cache -> Page Optimization -> Tuning -> JS Deferred / Delayed Excludes', 'qualified-integration' ),
					),
				),
			),
			'sg-optimizer'   => array(
				'name'      => 'Speed Optimizer (SiteGround)',
				'basenames' => array( 'sg-cachepress/sg-cachepress.php' ),
				'features'  => array(
					array(
						'kind'    => 'combine',
						'by'      => 'handle',
						'when'    => array( self::is( 'siteground_optimizer_combine_javascript', array(), array( '1' ) ) ),
						'exclude' => array( self::at( 'siteground_optimizer_combine_javascript_exclude', array() ) ),
						'where'   => __( 'Speed Optimizer -> Frontend -> JavaScript -> Combine JavaScript Files -> Exclude from Combination', 'qualified-integration' ),
					),
				),
			),
			'perfmatters'    => array(
				'name'      => 'Perfmatters',
				'basenames' => array( 'perfmatters/perfmatters.php' ),
				'features'  => array(
					array(
						'kind'    => 'delay',
						'by'      => 'tag',
						'when'    => array( self::is( $perfmatters, array( 'assets', 'delay_js' ), array( '1' ), '' ), self::is( $perfmatters, array( 'assets', 'delay_js_behavior' ), array( 'all' ), '' ) ),
						'exclude' => array( self::at( $perfmatters, array( 'assets', 'delay_js_exclusions' ) ) ),
						'where'   => __( 'Settings -> Perfmatters -> Assets -> Delay JavaScript -> Exclusions', 'qualified-integration' ),
					),
					array(
						'kind'    => 'delay',
						'by'      => 'tag',
						'when'    => array( self::is( $perfmatters, array( 'assets', 'delay_js' ), array( '1' ), '' ), self::is( $perfmatters, array( 'assets', 'delay_js_behavior' ), array( '' ), '' ) ),
						'include' => array( self::at( $perfmatters, array( 'assets', 'delay_js_inclusions' ) ) ),
						'where'   => __( 'Settings -> Perfmatters -> Assets -> Delay JavaScript -> Delayed scripts (remove what matches Qualified)', 'qualified-integration' ),
					),
				),
			),
			'flying-scripts' => array(
				'name'      => 'Flying Scripts',
				'basenames' => array( 'flying-scripts/flying-scripts.php' ),
				'features'  => array(
					array(
						'kind'    => 'delay',
						'by'      => 'tag',
						'when'    => array(),
						'include' => array( self::at( 'flying_scripts_include_list', array() ) ),
						'where'   => __( 'Settings -> Flying Scripts -> Include Keywords (remove what matches Qualified)', 'qualified-integration' ),
					),
				),
			),
			'jetpack-boost'  => array(
				'name'      => 'Jetpack Boost',
				'basenames' => array( 'jetpack-boost/jetpack-boost.php' ),
				'features'  => array(
					array(
						'kind'    => 'combine',
						'by'      => 'handle',
						'when'    => array( self::is( 'jetpack_boost_status_minify-js', array(), array( '1' ), '' ) ),
						'exclude' => array( self::at( 'jetpack_boost_ds_minify_js_excludes', array() ) ),
						'where'   => __( 'Jetpack -> Boost -> Concatenate JS -> Exclude JS Strings', 'qualified-integration' ),
					),
					array(
						'kind'  => 'move',
						'by'    => 'tag',
						'when'  => array( self::is( 'jetpack_boost_status_render-blocking-js', array(), array( '1' ), '' ) ),
						'where' => __( 'Jetpack -> Boost -> Defer Non-Essential JavaScript (it has no exclusion list: turn it off if the messenger starts too late)', 'qualified-integration' ),
					),
				),
			),
			'w3-total-cache' => array(
				'name'      => 'W3 Total Cache',
				'basenames' => array( 'w3-total-cache/w3-total-cache.php' ),
				'features'  => array(
					array(
						'kind'  => 'combine',
						'by'    => 'tag',
						'when'  => null,
						'where' => __( 'Performance -> Minify -> JS (combining) and Performance -> Minify -> Advanced -> Never minify the following JS files', 'qualified-integration' ),
					),
				),
			),
			'hummingbird'    => array(
				'name'      => 'Hummingbird',
				'basenames' => array( 'hummingbird-performance/wp-hummingbird.php', 'wp-hummingbird/wp-hummingbird.php' ),
				'features'  => array(
					array(
						'kind'  => 'delay',
						'by'    => 'tag',
						'when'  => null,
						'where' => __( 'Hummingbird -> Asset Optimization (Delay JavaScript execution, and file combining)', 'qualified-integration' ),
					),
				),
			),
			'flying-press'   => array(
				'name'      => 'FlyingPress',
				'basenames' => array( 'flying-press/flying-press.php' ),
				'features'  => array(
					array(
						'kind'  => 'delay',
						'by'    => 'tag',
						'when'  => null,
						'where' => __( 'FlyingPress -> JavaScript -> Delay JavaScript -> exclusions', 'qualified-integration' ),
					),
				),
			),
		);
	}

	/**
	 * The known plugins that are active, each feature with its state for
	 * Qualified: on, off, excluded (on, with Qualified in its exclusion
	 * list) or unknown (its setting could not be read).
	 *
	 * @return array<int, array{slug: string, name: string, features: array<int, array{kind: string, where: string, by: string, state: string}>}>
	 */
	public static function active(): array {
		$active = self::active_basenames();
		$found  = array();
		foreach ( self::known() as $slug => $plugin ) {
			if ( array() === array_intersect( $plugin['basenames'], $active ) ) {
				continue;
			}
			$features = array();
			foreach ( $plugin['features'] as $feature ) {
				$features[] = array(
					'kind'  => $feature['kind'],
					'where' => $feature['where'],
					'by'    => $feature['by'],
					'state' => self::state( $feature ),
				);
			}
			$found[] = array(
				'slug'     => $slug,
				'name'     => $plugin['name'],
				'features' => $features,
			);
		}
		return $found;
	}

	/**
	 * A feature's state for Qualified.
	 *
	 * @param array{kind: string, where: string, by: string, when: array<int, array{option: string, path: string[], on: string[], default?: string}>|null, exclude?: array<int, array{option: string, path: string[]}>, include?: array<int, array{option: string, path: string[]}>} $feature A feature of known().
	 * @return string on, off, excluded or unknown.
	 */
	public static function state( array $feature ): string {
		if ( null === $feature['when'] ) {
			return 'unknown';
		}
		$unknown = false;
		foreach ( $feature['when'] as $condition ) {
			$value = self::read( $condition['option'], $condition['path'] );
			if ( null === $value && isset( $condition['default'] ) ) {
				$value = $condition['default'];
			}
			if ( null === $value ) {
				$unknown = true;
			} elseif ( ! in_array( $value, $condition['on'], true ) ) {
				return 'off';
			}
		}
		if ( $unknown ) {
			return 'unknown';
		}
		if ( isset( $feature['include'] ) && ! self::matches_any( self::entries( $feature['include'] ), $feature['by'] ) ) {
			return 'off';
		}
		if ( isset( $feature['exclude'] ) && self::matches_all( self::entries( $feature['exclude'] ), $feature['by'] ) ) {
			return 'excluded';
		}
		return 'on';
	}

	/**
	 * Whether every part of the loader that the list can exclude is matched
	 * by an entry (by handle: the tags printed for the plugin's handles).
	 *
	 * @param string[] $entries Exclusion list entries.
	 * @param string   $by      tag or handle.
	 * @return bool
	 */
	private static function matches_all( array $entries, string $by ): bool {
		foreach ( self::markers( $by ) as $markers ) {
			if ( ! self::matches( $entries, $markers, $by ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether an entry matches any part of the loader.
	 *
	 * @param string[] $entries Keyword list entries.
	 * @param string   $by      tag or handle.
	 * @return bool
	 */
	private static function matches_any( array $entries, string $by ): bool {
		foreach ( self::markers( $by ) as $markers ) {
			if ( self::matches( $entries, $markers, $by ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether an entry matches one of a part's markers: by tag, when the
	 * entry (without a scheme or query) is part of the marker, as the
	 * optimisers match a string against the script tag; by handle, when it
	 * is the handle.
	 *
	 * @param string[] $entries Entries.
	 * @param string[] $markers A part's markers.
	 * @param string   $by      tag or handle.
	 * @return bool
	 */
	private static function matches( array $entries, array $markers, string $by ): bool {
		foreach ( $entries as $entry ) {
			$entry = trim( (string) preg_replace( '#\A(?:[a-z][a-z0-9+.-]*:)?//|\?.*\z#is', '', trim( $entry ) ) );
			if ( '' === $entry ) {
				continue;
			}
			foreach ( $markers as $marker ) {
				if ( 'handle' === $by ? $entry === $marker : false !== stripos( $marker, $entry ) ) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The parts of the loader an exclusion list can reach, with what
	 * identifies each: by tag, every part's markers; by handle, the handles.
	 *
	 * @param string $by tag or handle.
	 * @return array<string, string[]>
	 */
	private static function markers( string $by ): array {
		if ( 'handle' !== $by ) {
			return LoaderTags::markers();
		}
		$markers = array();
		foreach ( LoaderTags::handles() as $handle ) {
			$markers[ $handle ] = array( $handle );
		}
		return $markers;
	}

	/**
	 * The entries of some lists stored in options, whatever their storage:
	 * an array, a JSON array (LiteSpeed Cache), or text with one entry per
	 * line or comma (Autoptimize).
	 *
	 * @param array<int, array{option: string, path: string[]}> $lists Where the lists are.
	 * @return string[]
	 */
	private static function entries( array $lists ): array {
		$entries = array();
		foreach ( $lists as $list ) {
			$value = self::raw( $list['option'], $list['path'] );
			if ( is_string( $value ) && '[' === substr( ltrim( $value ), 0, 1 ) ) {
				$decoded = json_decode( $value, true );
				$value   = is_array( $decoded ) ? $decoded : $value;
			}
			if ( is_string( $value ) ) {
				$value = preg_split( '/[\r\n,]+/', $value );
			}
			foreach ( is_array( $value ) ? $value : array() as $entry ) {
				if ( is_string( $entry ) && '' !== trim( $entry ) ) {
					$entries[] = $entry;
				}
			}
		}
		return $entries;
	}

	/**
	 * A setting's value as text: true -> '1', false -> '', numbers as
	 * written; null when the option or the key is missing or not a scalar.
	 *
	 * @param string   $option Option name.
	 * @param string[] $path   Keys inside the option's array.
	 * @return string|null
	 */
	private static function read( string $option, array $path ): ?string {
		$value = self::raw( $option, $path );
		if ( is_bool( $value ) ) {
			return $value ? '1' : '';
		}
		return is_string( $value ) || is_int( $value ) || is_float( $value ) ? (string) $value : null;
	}

	/**
	 * A value inside an option, or null when missing.
	 *
	 * @param string   $option Option name.
	 * @param string[] $path   Keys inside the option's array.
	 * @return mixed
	 */
	private static function raw( string $option, array $path ) {
		$value = get_option( $option, null );
		foreach ( $path as $key ) {
			if ( ! is_array( $value ) || ! array_key_exists( $key, $value ) ) {
				return null;
			}
			$value = $value[ $key ];
		}
		return $value;
	}

	/**
	 * A condition: the setting holds one of these values.
	 *
	 * @param string      $option  Option name.
	 * @param string[]    $path    Keys inside the option's array.
	 * @param string[]    $on      Values that mean on, as text.
	 * @param string|null $default Value when the key is missing (null: unknown).
	 * @return array{option: string, path: string[], on: string[], default?: string}
	 */
	private static function is( string $option, array $path, array $on, ?string $default = null ): array {
		$condition = array(
			'option' => $option,
			'path'   => $path,
			'on'     => $on,
		);
		if ( null !== $default ) {
			$condition['default'] = $default;
		}
		return $condition;
	}

	/**
	 * Where a list is stored.
	 *
	 * @param string   $option Option name.
	 * @param string[] $path   Keys inside the option's array.
	 * @return array{option: string, path: string[]}
	 */
	private static function at( string $option, array $path ): array {
		return array(
			'option' => $option,
			'path'   => $path,
		);
	}

	/**
	 * Basenames of the active plugins, network-activated ones included.
	 *
	 * @return string[]
	 */
	private static function active_basenames(): array {
		$active = array_values( array_filter( (array) get_option( 'active_plugins', array() ), 'is_string' ) );
		if ( is_multisite() ) {
			// Network-activated plugins are the keys (the values are activation times).
			$active = array_merge( $active, array_map( 'strval', array_keys( (array) get_site_option( 'active_sitewide_plugins', array() ) ) ) );
		}
		return $active;
	}
}
