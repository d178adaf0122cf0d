<?php
/**
 * Queues webhook deliveries for each stored event.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Listens to `qualified_integration_event` (fired after an event row is
 * stored) and adds one pending delivery per enabled webhook that wants the
 * event (its `events` list is absent, or names it), then makes sure the
 * worker's cron event is scheduled now.
 *
 * Which webhooks are enabled is EventsSettings::enabled_webhooks(), the
 * worker's own test: a row queued here is never failed there as "removed".
 *
 * It never sends: the request that stored the event is a visitor's, and a
 * slow or dead receiver must not slow it down. WP-Cron sends, later
 * (WebhookWorker).
 *
 * backstop() (admin_init) puts the worker's run back for pending rows that
 * lost it, and costs no query on a site without webhooks.
 */
final class WebhookQueue {

	/**
	 * Settings repository (the webhooks).
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * The deliveries table.
	 *
	 * @var WebhookDeliveries
	 */
	private $deliveries;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository     $settings   Settings repository.
	 * @param WebhookDeliveries|null $deliveries The deliveries table.
	 */
	public function __construct( SettingsRepository $settings, ?WebhookDeliveries $deliveries = null ) {
		$this->settings   = $settings;
		$this->deliveries = null === $deliveries ? new WebhookDeliveries() : $deliveries;
	}

	/**
	 * Hooks the listener, after other listeners at the default priority.
	 */
	public function register(): void {
		add_action( 'qualified_integration_event', array( $this, 'enqueue' ), 20, 2 );
	}

	/**
	 * Queues the deliveries of one stored event.
	 *
	 * @param mixed $name Event name.
	 * @param mixed $data The stored event (id, kind, name, url, ...).
	 * @return int Deliveries queued.
	 */
	public function enqueue( $name, $data ): int {
		if ( ! is_string( $name ) || ! is_array( $data ) || ! isset( $data['id'] ) || ! is_numeric( $data['id'] ) || (int) $data['id'] <= 0 ) {
			return 0;
		}
		$ids = self::webhooks_for( $name, $this->settings->get() );
		if ( array() === $ids ) {
			return 0;
		}
		$now    = time();
		$queued = $this->deliveries->queue( (int) $data['id'], $ids, $now );
		if ( $queued > 0 ) {
			WebhookSchedule::at( $now );
		}
		return $queued;
	}

	/**
	 * Puts the worker's run back when a pending delivery has none (admin_init).
	 * Without any webhook in the settings (read from the autoloaded option) it
	 * makes no query.
	 *
	 * @return bool Whether a run is scheduled for a pending delivery.
	 */
	public function backstop(): bool {
		// Not on admin-ajax (the heartbeat comes every minute): a real admin screen is enough.
		if ( wp_doing_ajax() || array() === EventsSettings::of( $this->settings->get() )['webhooks'] ) {
			return false;
		}
		return WebhookSchedule::ensure( $this->deliveries );
	}

	/**
	 * Ids of the enabled webhooks (EventsSettings::enabled_webhooks()) that
	 * receive an event name: their `events` list is absent or names it.
	 *
	 * @param string               $name     Event name.
	 * @param array<string, mixed> $settings Settings, as SettingsRepository::get() answers them.
	 * @return string[]
	 */
	public static function webhooks_for( string $name, array $settings ): array {
		$ids = array();
		foreach ( EventsSettings::enabled_webhooks( $settings ) as $id => $webhook ) {
			if ( isset( $webhook['events'] ) && ! in_array( $name, (array) $webhook['events'], true ) ) {
				continue;
			}
			$ids[] = (string) $id;
		}
		return $ids;
	}
}
