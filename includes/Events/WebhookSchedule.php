<?php
/**
 * When the webhook worker runs next.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps exactly one single `qualified_integration_deliver_webhooks` cron
 * event, at the earliest moment a delivery is due. The queue asks for "now"
 * when it adds rows (a retry scheduled half an hour away must not hold a
 * new event back); the worker asks for a watchdog run when it starts (wp-cron
 * already took its own event off the schedule, and a run can die) and, once
 * it is done, replaces it by the earliest retry, or by nothing.
 *
 * The backstop for a run lost anyway (an event removed by another plugin,
 * a run killed between its last write and its scheduling) is ensure(): the
 * daily purge and admin page loads (when webhooks are configured) put the
 * event back for any pending delivery.
 *
 * Single events, not a recurring schedule: nothing runs while nothing is
 * pending. They also run when a real cron calls wp-cron.php with
 * DISABLE_WP_CRON set (DISABLE_WP_CRON only stops page views from spawning
 * it).
 */
final class WebhookSchedule {

	/**
	 * The cron hook of the worker.
	 */
	const HOOK = 'qualified_integration_deliver_webhooks';

	/**
	 * Makes sure the worker runs at $timestamp or earlier: keeps an event
	 * already due by then, else replaces the later one.
	 *
	 * @param int $timestamp Unix time.
	 * @return bool Whether an event is scheduled by then.
	 */
	public static function at( int $timestamp ): bool {
		$next = wp_next_scheduled( self::HOOK );
		if ( false !== $next && $next <= $timestamp ) {
			return true;
		}
		if ( false !== $next ) {
			// One event only: the later one would find nothing left to send.
			wp_clear_scheduled_hook( self::HOOK );
		}
		return true === wp_schedule_single_event( $timestamp, self::HOOK );
	}

	/**
	 * Schedules the worker for the earliest pending delivery (now, when it is
	 * due already) unless a run is scheduled by then; does nothing when no
	 * delivery is pending. One query.
	 *
	 * @param WebhookDeliveries $deliveries The deliveries table.
	 * @return bool Whether a run is scheduled for a pending delivery.
	 */
	public static function ensure( WebhookDeliveries $deliveries ): bool {
		$next = $deliveries->next_due();
		return null !== $next && self::at( max( $next, time() ) );
	}

	/**
	 * Removes the scheduled run (nothing left to send).
	 */
	public static function clear(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}
}
