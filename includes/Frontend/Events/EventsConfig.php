<?php
/**
 * The `events` part of the page config.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Events;

use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\Validator;

defined( 'ABSPATH' ) || exit;

/**
 * What the runtime needs to run the event handlers on a page:
 * `{ endpoint, handlers }`, where `endpoint` is the absolute URL of the
 * public POST /qualified-integration/v1/events route (for `wordpress`
 * actions) and `handlers` the enabled handlers as the settings hold them,
 * without `enabled`, each fbq action with the `method` the runtime calls:
 * `track` for Meta's standard event names (event-names.json,
 * `metaStandardEvents`, the one list), `trackCustom` for any other. Deciding
 * it here keeps the list out of every visitor's download.
 *
 * The part is the same on every page that loads Qualified and for every
 * visitor (no nonce, nothing per user), so it is compiled once, when the
 * settings are written (PageSnapshot stores compile()'s JSON); a page view
 * only adds the endpoint, which depends on the request's scheme. The part
 * is absent when no handler is enabled.
 *
 * After the `qualified_integration_page_config` filter, clean() reads the
 * part as the settings would (Validator against the settings schema:
 * kinds, names, action types and keys, redirects through RedirectPolicy),
 * drops what fails one handler at a time, and decides the fbq methods
 * again, so the runtime needs no checks of its own.
 */
final class EventsConfig {

	/**
	 * The ingestion route (Rest\SettingsController::NAMESPACE . '/events',
	 * written out: naming the REST classes would load their files on every
	 * page view).
	 */
	const ROUTE = 'qualified-integration/v1/events';

	/**
	 * The enabled handlers in their page-config form, in order.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return array<int, array<string, mixed>>
	 */
	public static function handlers( array $settings ): array {
		$standard = null;
		$handlers = array();
		foreach ( (array) ( $settings['events']['handlers'] ?? array() ) as $handler ) {
			if ( ! is_array( $handler ) || false === ( $handler['enabled'] ?? true ) ) {
				continue;
			}
			unset( $handler['enabled'] );
			$actions = array();
			foreach ( (array) ( $handler['actions'] ?? array() ) as $action ) {
				if ( is_array( $action ) && 'fbq' === ( $action['type'] ?? null ) ) {
					// Read only when an fbq action needs it (a filter's config is cleaned on every page view).
					$standard         = $standard ?? (array) ( Schema::event_names()['metaStandardEvents'] ?? array() );
					$action['method'] = in_array( $action['event'] ?? null, $standard, true ) ? 'track' : 'trackCustom';
				}
				$actions[] = $action;
			}
			$handler['actions'] = $actions;
			$handlers[]         = $handler;
		}
		return $handlers;
	}

	/**
	 * The enabled handlers as the JSON the page config carries (the HEX
	 * flags), made when the settings are written; '' when none is enabled.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return string
	 */
	public static function compile( array $settings ): string {
		$handlers = self::handlers( $settings );
		return array() === $handlers ? '' : (string) wp_json_encode( $handlers, Loader::JSON_FLAGS );
	}

	/**
	 * The part for some handlers; null when there are none.
	 *
	 * @param array<int, array<string, mixed>> $handlers Handlers in their page-config form.
	 * @return array{endpoint: string, handlers: array<int, array<string, mixed>>}|null
	 */
	public static function part( array $handlers ): ?array {
		if ( array() === $handlers ) {
			return null;
		}
		return array(
			'endpoint' => self::endpoint(),
			'handlers' => $handlers,
		);
	}

	/**
	 * The part as JSON from compiled handlers, byte for byte what
	 * wp_json_encode( part() ) gives; '' when there are none.
	 *
	 * @param string $handlers_json From compile().
	 * @return string
	 */
	public static function json( string $handlers_json ): string {
		if ( '' === $handlers_json ) {
			return '';
		}
		return '{"endpoint":' . wp_json_encode( self::endpoint(), Loader::JSON_FLAGS ) . ',"handlers":' . $handlers_json . '}';
	}

	/**
	 * Where `wordpress` actions send events: the ingestion route's absolute URL.
	 *
	 * @return string
	 */
	public static function endpoint(): string {
		return rest_url( self::ROUTE );
	}

	/**
	 * The part as the runtime may trust it, after the page_config filter:
	 * an http(s) `endpoint` (the route's when the filter left none), and
	 * each handler as a save of the settings would accept it, dropped alone
	 * when it is not (a redirect off this site, an unknown action type, a
	 * missing name), disabled ones left out; null when no handler is left.
	 *
	 * @param mixed $value The filtered `events` value.
	 * @return array{endpoint: string, handlers: array<int, array<string, mixed>>}|null
	 */
	public static function clean( $value ): ?array {
		if ( ! is_array( $value ) || ! is_array( $value['handlers'] ?? null ) ) {
			return null;
		}
		$handlers = array();
		foreach ( $value['handlers'] as $handler ) {
			// The page-config form's own key: decided again below, from the event name.
			if ( is_array( $handler ) && is_array( $handler['actions'] ?? null ) ) {
				foreach ( $handler['actions'] as $index => $action ) {
					if ( is_array( $action ) && 'fbq' === ( $action['type'] ?? null ) ) {
						unset( $handler['actions'][ $index ]['method'] );
					}
				}
			}
			$handlers[] = $handler;
		}
		$read = Validator::clean_field(
			array(
				'handlers'      => $handlers,
				'webhooks'      => array(),
				'retentionDays' => 1,
			),
			'events'
		);
		$part = self::part( self::handlers( array( 'events' => $read[0] ) ) );
		if ( null !== $part && is_string( $value['endpoint'] ?? null ) ) {
			$endpoint = esc_url_raw( $value['endpoint'], array( 'http', 'https' ) );
			if ( '' !== $endpoint ) {
				$part['endpoint'] = $endpoint;
			}
		}
		return $part;
	}
}
