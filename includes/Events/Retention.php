<?php
/**
 * Deletes stored events past their retention.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Stored events hold what visitors sent, personal data included, so they
 * are kept only `events.retentionDays` days (90 by default): a daily WP-Cron
 * event, `qualified_integration_purge_events`, deletes older ones with their
 * webhook deliveries. It is scheduled on activation and whenever the
 * migrations run (an update), re-scheduled by an admin page load if
 * something removed it, and cleared on deactivation.
 *
 * A purge deletes in batches; when one run hits its budget it schedules a
 * follow-up run a minute later instead of holding the cron request for
 * minutes. Two nodes running it at once only delete the same rows twice
 * (the second DELETE matches nothing): no claim is needed.
 */
final class Retention {

	/**
	 * The daily cron hook. Plugin.php names it as a literal, so a page view
	 * need not load this file to wire it; a test checks they agree.
	 */
	const HOOK = 'qualified_integration_purge_events';

	/**
	 * Batches one run deletes before it leaves the rest to a follow-up run.
	 */
	const BATCHES_PER_RUN = 40;

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Stored events.
	 *
	 * @var EventStore
	 */
	private $store;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $settings Settings repository.
	 * @param EventStore         $store    Stored events.
	 */
	public function __construct( SettingsRepository $settings, EventStore $store ) {
		$this->settings = $settings;
		$this->store    = $store;
	}

	/**
	 * Hooks the purge on its cron event.
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'purge' ) );
	}

	/**
	 * Schedules the daily purge unless it is scheduled.
	 */
	public static function schedule(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_event( time() + 3600, 'daily', self::HOOK );
		}
	}

	/**
	 * Removes every scheduled purge, follow-ups included (deactivation).
	 */
	public static function unschedule(): void {
		wp_unschedule_hook( self::HOOK );
	}

	/**
	 * The retention in force, in days.
	 *
	 * @return int
	 */
	public function days(): int {
		return EventsSettings::of( $this->settings->get() )['retentionDays'];
	}

	/**
	 * Deletes events older than the retention, and their deliveries.
	 *
	 * @return int Events deleted by this run.
	 */
	public function purge(): int {
		// Daily backstop of the webhook worker: pending deliveries whose run was lost get one again.
		WebhookSchedule::ensure( new WebhookDeliveries() );
		$days    = $this->days();
		$deleted = 0;
		for ( $batch = 0; $batch < self::BATCHES_PER_RUN; $batch++ ) {
			$count    = $this->store->delete_older_than( $days, EventStore::DELETE_BATCH );
			$deleted += $count;
			if ( $count < EventStore::DELETE_BATCH ) {
				return $deleted;
			}
		}
		// More left: carry on shortly, in another request. A single event
		// with no arguments, so the daily one is untouched.
		if ( false === wp_next_scheduled( self::HOOK, array( 'more' ) ) ) {
			wp_schedule_single_event( time() + 60, self::HOOK, array( 'more' ) );
		}
		return $deleted;
	}
}
