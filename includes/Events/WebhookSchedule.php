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
 * new event back); the worker asks for the earliest retry after its run.
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
	 * Removes the scheduled run (nothing left to send).
	 */
	public static function clear(): void {
		wp_clear_scheduled_hook( self::HOOK );
	}
}
