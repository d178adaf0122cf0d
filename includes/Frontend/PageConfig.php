<?php
/**
 * The per-page configuration handed to the runtime.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend;

use QualifiedIntegration\Frontend\Events\EventsConfig;
use QualifiedIntegration\Frontend\Experiences\ExperiencesConfig;
use QualifiedIntegration\Frontend\Experiences\PagePlan;
use QualifiedIntegration\Frontend\Identity\Context;
use QualifiedIntegration\Frontend\Identity\Resolver;
use QualifiedIntegration\Frontend\Identity\Value;

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
	 * `identity` is present only when a mapping applies to the page (or a filter
	 * added fields): `fields` holds the server-resolved values (an object, also
	 * when empty), `browser` the mappings the runtime resolves in the visit.
	 *
	 * `experiences` is present only when an Experience rule reaches the page
	 * or its post has an override: `spa`, the site's `timezone`, the `rules`
	 * reduced to their browser conditions, and the `override`.
	 *
	 * `events` is present only when an event handler is enabled: the
	 * ingestion route's `endpoint` and the enabled `handlers`
	 * (EventsConfig). It does not depend on the page or the visitor.
	 *
	 * `loading` is present only when qualified.js is held for the runtime
	 * (a strategy other than immediate, or a hide rule that may apply):
	 * its `src`, the `strategy`, and `maxDelay` or `category` (Loading).
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @param Context|null         $context  User and post to resolve against; the current request by default.
	 * @param PagePlan|null        $plan     The page's Experience plan; the current request's by default.
	 * @return array<string, mixed>
	 */
	public static function build( array $settings, ?Context $context = null, ?PagePlan $plan = null ): array {
		$config      = self::calls_and_identity( $settings, $context ?? Context::for_request() );
		$plan        = $plan ?? PagePlan::for_settings( $settings );
		$experiences = $plan->config();
		if ( null !== $experiences ) {
			$config['experiences'] = $experiences;
		}
		$events = EventsConfig::part( EventsConfig::handlers( $settings ) );
		if ( null !== $events ) {
			$config['events'] = $events;
		}
		$loading = self::loading( $settings, $plan );
		if ( null !== $loading ) {
			$config['loading'] = $loading;
		}

		return self::finish( $config, $settings, $loading );
	}

	/**
	 * The config for the current page as the JSON the loader prints, with
	 * the HEX flags: build()'s, and with no page_config filter hooked, the
	 * same built faster: the rules and the event handlers go in as the JSON
	 * compiled with the settings (PageSnapshot), not as arrays encoded again.
	 *
	 * @param array<string, mixed> $settings Settings in force (PageSettings::for_hooks()).
	 * @param PagePlan             $plan     The page's Experience plan.
	 * @param string               $events   The enabled handlers' JSON (PageSettings::$events).
	 * @return string
	 */
	public static function json( array $settings, PagePlan $plan, string $events ): string {
		if ( has_filter( 'qualified_integration_page_config' ) ) {
			return (string) wp_json_encode( self::build( $settings, null, $plan ), Loader::JSON_FLAGS );
		}
		$config      = self::finish_identity( self::calls_and_identity( $settings, Context::for_request() ), false );
		$experiences = $plan->config( false );
		$loading     = self::loading( $settings, $plan );
		// No handler, no file: a page view without events loads none of their code.
		$events = '' === $events ? '' : EventsConfig::json( $events );
		$json   = substr( (string) wp_json_encode( $config, Loader::JSON_FLAGS ), 0, -1 );
		if ( null !== $experiences ) {
			// As build() orders it: spa, timezone, rules, then the override when set.
			$head  = array_intersect_key( $experiences, array_flip( array( 'spa', 'timezone' ) ) );
			$tail  = array_diff_key( $experiences, $head );
			$json .= ',"experiences":' . substr( (string) wp_json_encode( $head, Loader::JSON_FLAGS ), 0, -1 )
				. ',"rules":[' . implode( ',', $plan->rules_json() ) . ']'
				. ( array() === $tail ? '}' : ',' . substr( (string) wp_json_encode( $tail, Loader::JSON_FLAGS ), 1 ) );
		}
		return $json . ( '' === $events ? '' : ',"events":' . $events )
			. ( null === $loading ? '' : ',"loading":' . wp_json_encode( $loading, Loader::JSON_FLAGS ) ) . '}';
	}

	/**
	 * The `loading` part: null when qualified.js is printed in the HTML.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @param PagePlan             $plan     The page's Experience plan (its override, whether a hide rule holds the script).
	 * @return array{src: string, strategy: string, maxDelay?: int, category?: string}|null
	 */
	public static function loading( array $settings, PagePlan $plan ): ?array {
		return Loading::part( $settings, $plan->override(), $plan->holds_vendor() );
	}

	/**
	 * The config's first parts: no calls yet, and `identity` when a mapping applies.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @param Context              $context  User and post to resolve against.
	 * @return array<string, mixed>
	 */
	private static function calls_and_identity( array $settings, Context $context ): array {
		$config = array(
			// Each entry is [method, ...arguments] for qualified(); the runtime replays them in order.
			'calls' => array(),
		);

		$identity = Resolver::identity( $settings, $context );
		if ( array() !== $identity['fields'] || array() !== $identity['browser'] ) {
			$config['identity'] = $identity;
		}
		return $config;
	}

	/**
	 * Applies the page_config filter to a built config and cleans what it returns.
	 *
	 * @param array<string, mixed>                                                         $config   Config.
	 * @param array<string, mixed>                                                         $settings Settings in force.
	 * @param array{src: string, strategy: string, maxDelay?: int, category?: string}|null $loading  The `loading` part before the filter.
	 * @return array<string, mixed>
	 */
	private static function finish( array $config, array $settings, ?array $loading ): array {
		/**
		 * Filters the per-page runtime config.
		 *
		 * Add API calls with `$config['calls'][] = array( 'identify', array( 'role' => 'buyer' ) );`.
		 * The runtime accepts the data-only methods: identify, showExperience, open and page.
		 * To change the identify payload, prefer `qualified_integration_identify`.
		 * Event handlers added to `$config['events']['handlers']` (create the part with
		 * `endpoint` when it is absent) are read as a settings save would read them.
		 *
		 * @param array<string, mixed> $config   Config.
		 * @param array<string, mixed> $settings Settings in force.
		 */
		$filtered = has_filter( 'qualified_integration_page_config' );
		$config   = (array) apply_filters( 'qualified_integration_page_config', $config, $settings );

		$config['calls'] = array_values( array_filter( (array) ( $config['calls'] ?? array() ), 'is_array' ) );
		// PagePlan's own output is clean already: reading 200 rules again costs a page view time for nothing.
		if ( $filtered && array_key_exists( 'experiences', $config ) ) {
			$config['experiences'] = ExperiencesConfig::clean( $config['experiences'] );
			if ( null === $config['experiences'] ) {
				unset( $config['experiences'] );
			}
		}
		// The vendor script is held or not by what PHP printed: a filter may change how the
		// runtime loads it, not whether the page config says it is held.
		if ( $filtered ) {
			$config['loading'] = Loading::clean( $config['loading'] ?? null, $loading );
			if ( null === $config['loading'] ) {
				unset( $config['loading'] );
			}
		}
		if ( $filtered && array_key_exists( 'events', $config ) ) {
			$config['events'] = EventsConfig::clean( $config['events'] );
			if ( null === $config['events'] ) {
				unset( $config['events'] );
			}
		}
		return self::finish_identity( $config, $filtered );
	}

	/**
	 * Puts identity back in its contract shape after the filter, or drops it
	 * when empty: fields normalised and, when a filter may have changed them,
	 * browser mappings the runtime can run (Resolver::browser_mapping(); the
	 * Resolver's own are), so the runtime needs no checks of its own.
	 *
	 * @param array<string, mixed> $config   Config.
	 * @param bool                 $filtered Whether a page_config filter may have changed it.
	 * @return array<string, mixed>
	 */
	private static function finish_identity( array $config, bool $filtered ): array {
		if ( ! isset( $config['identity'] ) ) {
			return $config;
		}
		$identity = (array) $config['identity'];
		$fields   = Value::normalise_fields( $identity['fields'] ?? array() );
		$browser  = (array) ( $identity['browser'] ?? array() );
		if ( $filtered ) {
			$browser = array_values( array_filter( array_map( array( Resolver::class, 'browser_mapping' ), $browser ) ) );
		}
		if ( array() === $fields && array() === $browser ) {
			unset( $config['identity'] );
			return $config;
		}
		$config['identity'] = array(
			// An object in JSON even when empty (Record<string, string>), never [].
			'fields'  => (object) $fields,
			'browser' => $browser,
		);
		return $config;
	}
}
