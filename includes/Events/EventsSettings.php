<?php
/**
 * The events settings in force, in one shape.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

defined( 'ABSPATH' ) || exit;

/**
 * Settings come validated from SettingsRepository, but an `events` part can
 * still be absent (a filter, an old option read before the migrations ran)
 * or hold a wrong type. Every reader of it (the public events route,
 * retention, the webhook queue and worker) needs the same guarantees, so
 * they live here once instead of an `?? array()` plus type checks in each:
 * of() always answers `handlers` and `webhooks` as lists and `retentionDays`
 * as an int of at least 1; enabled_webhooks() answers only the webhooks that
 * can be sent (id, url and secret strings, not switched off), by id.
 */
final class EventsSettings {

	/**
	 * Retention when the settings name none (the schema default).
	 */
	const DEFAULT_RETENTION_DAYS = 90;

	/**
	 * The events part of a settings object, with its lists and retention guaranteed.
	 *
	 * @param array<string, mixed> $settings Settings, as SettingsRepository::get() answers them.
	 * @return array<string, mixed> The events array; `handlers` and `webhooks` are
	 *                              lists (array<int, array<string, mixed>>), `retentionDays` an int >= 1.
	 */
	public static function of( array $settings ): array {
		$events = isset( $settings['events'] ) && is_array( $settings['events'] ) ? $settings['events'] : array();

		$events['handlers'] = self::list_of_arrays( $events['handlers'] ?? null );
		$events['webhooks'] = self::list_of_arrays( $events['webhooks'] ?? null );

		$days                    = $events['retentionDays'] ?? null;
		$events['retentionDays'] = is_int( $days ) || ( is_string( $days ) && ctype_digit( $days ) )
			? max( 1, (int) $days )
			: self::DEFAULT_RETENTION_DAYS;

		return $events;
	}

	/**
	 * The webhooks that can be sent, by id: id, url and secret are strings
	 * (id not empty) and `enabled` is not false. A repeated id keeps the first.
	 *
	 * @param array<string, mixed> $settings Settings, as SettingsRepository::get() answers them.
	 * @return array<string, array<string, mixed>>
	 */
	public static function enabled_webhooks( array $settings ): array {
		$hooks = array();
		foreach ( self::of( $settings )['webhooks'] as $webhook ) {
			if ( ! isset( $webhook['id'], $webhook['url'], $webhook['secret'] )
				|| ! is_string( $webhook['id'] ) || '' === $webhook['id']
				|| ! is_string( $webhook['url'] ) || ! is_string( $webhook['secret'] )
				|| false === ( $webhook['enabled'] ?? true )
				|| isset( $hooks[ $webhook['id'] ] ) ) {
				continue;
			}
			$hooks[ $webhook['id'] ] = $webhook;
		}
		return $hooks;
	}

	/**
	 * The array items of a value, as a list; anything else is no items.
	 *
	 * @param mixed $value A list from the settings, or anything.
	 * @return array<int, array<string, mixed>>
	 */
	private static function list_of_arrays( $value ): array {
		if ( ! is_array( $value ) ) {
			return array();
		}
		return array_values( array_filter( $value, 'is_array' ) );
	}
}
