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
 * It never sends: the request that stored the event is a visitor's, and a
 * slow or dead receiver must not slow it down. WP-Cron sends, later
 * (WebhookWorker).
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
		$ids = self::webhooks_for( $name, $this->webhooks() );
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
	 * Ids of the enabled webhooks that receive an event name.
	 *
	 * @param string                           $name     Event name.
	 * @param array<int, array<string, mixed>> $webhooks Webhooks from the settings.
	 * @return string[]
	 */
	public static function webhooks_for( string $name, array $webhooks ): array {
		$ids = array();
		foreach ( $webhooks as $webhook ) {
			if ( ! is_array( $webhook ) || ! isset( $webhook['id'] ) || ! is_string( $webhook['id'] ) || false === ( $webhook['enabled'] ?? true ) ) {
				continue;
			}
			if ( isset( $webhook['events'] ) && ! in_array( $name, (array) $webhook['events'], true ) ) {
				continue;
			}
			$ids[] = $webhook['id'];
		}
		return array_values( array_unique( $ids ) );
	}

	/**
	 * The webhooks in force.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function webhooks(): array {
		$events = $this->settings->get()['events'] ?? array();
		return is_array( $events ) && isset( $events['webhooks'] ) && is_array( $events['webhooks'] ) ? $events['webhooks'] : array();
	}
}
