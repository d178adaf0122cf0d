<?php
/**
 * Sends the queued webhook deliveries, from WP-Cron.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * The handler of the `qualified_integration_deliver_webhooks` cron event:
 * claims due deliveries a few at a time (WebhookDeliveries::claim(), so two
 * nodes or two overlapping runs never send one row twice), sends each once,
 * and records the attempt in the row's log. A 2xx is delivered; anything
 * else (no answer, a timeout, a 3xx, a 4xx or 5xx) is tried again after 1,
 * 5 and 30 minutes, and after the fourth try the row is failed. A row whose
 * webhook was removed or turned off meanwhile (or whose event was deleted)
 * fails at once, with no request.
 *
 * Each run sends at most a batch (25, filter
 * qualified_integration_webhook_batch_size) within a time budget (20 s,
 * filter qualified_integration_webhook_time_budget), so a run stays well
 * inside PHP's time limit even when every receiver times out; rows it
 * claimed but had no time for are let go at once. At the end the cron event
 * is scheduled again for the earliest row still pending (now, when the batch
 * ran out), or removed when nothing is pending. It works the same when a real
 * cron calls wp-cron.php with DISABLE_WP_CRON: nothing here depends on how
 * the cron run was started.
 *
 * wp-cron takes a single event off the schedule before it runs it, so a run
 * that dies (a fatal error, max_execution_time) would leave its pending rows
 * with no run at all until the next stored event. A run therefore first
 * schedules a watchdog run for when its claims' lease ends; the end of a run
 * that finishes moves that event to where it belongs (earlier or later) or
 * removes it. WebhookSchedule::ensure() is the backstop for anything else
 * that loses the event (the daily purge and admin page loads call it).
 */
final class WebhookWorker {

	/**
	 * Tries in all (the first and three retries).
	 */
	const TRIES = 4;

	/**
	 * Seconds to wait before the 2nd, 3rd and 4th try.
	 */
	const BACKOFF = array( 60, 300, 1800 );

	/**
	 * Rows sent per run, by default.
	 */
	const BATCH_SIZE = 25;

	/**
	 * Seconds a run may spend sending, by default.
	 */
	const TIME_BUDGET = 20.0;

	/**
	 * Rows claimed at a time.
	 */
	const CLAIM_SIZE = 5;

	/**
	 * Settings repository (the webhooks' addresses and secrets).
	 *
	 * @var SettingsRepository
	 */
	private $settings;

	/**
	 * Sends one attempt.
	 *
	 * @var WebhookSender
	 */
	private $sender;

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
	 * @param WebhookSender|null     $sender     Sends one attempt.
	 * @param WebhookDeliveries|null $deliveries The deliveries table.
	 */
	public function __construct( SettingsRepository $settings, ?WebhookSender $sender = null, ?WebhookDeliveries $deliveries = null ) {
		$this->settings   = $settings;
		$this->sender     = null === $sender ? new WebhookSender() : $sender;
		$this->deliveries = null === $deliveries ? new WebhookDeliveries() : $deliveries;
	}

	/**
	 * Hooks the cron handler.
	 */
	public function register(): void {
		add_action( WebhookSchedule::HOOK, array( $this, 'run' ) );
	}

	/**
	 * One run: sends what is due, within the batch and the time budget, then
	 * schedules the next run.
	 *
	 * @return array{sent: int, delivered: int, retrying: int, failed: int, released: int}
	 */
	public function run(): array {
		$stats  = array(
			'sent'      => 0,
			'delivered' => 0,
			'retrying'  => 0,
			'failed'    => 0,
			'released'  => 0,
		);
		$start  = microtime( true );
		$batch  = self::batch_size();
		$budget = self::time_budget();
		$wait   = WebhookSender::timeout();
		$hooks  = EventsSettings::enabled_webhooks( $this->settings->get() );
		$done   = 0;

		// The watchdog: should this run die, the rows it claims are taken again by a run at the
		// end of their lease (a claim made later in the run holds longer; that run then
		// schedules the next one for it). The end of this run moves or removes it.
		WebhookSchedule::at( time() + self::lease( min( self::CLAIM_SIZE, $batch ), $wait ) );

		while ( $done < $batch ) {
			$limit = min( self::CLAIM_SIZE, $batch - $done );
			// The lease outlasts every attempt of the claim, even if each one times out.
			list( $token, $rows ) = $this->deliveries->claim( $limit, time(), self::lease( $limit, $wait ) );
			if ( array() === $rows ) {
				break;
			}
			foreach ( $rows as $row ) {
				// Always one attempt per run; after that, only while another fits in the budget.
				if ( $done > 0 && microtime( true ) - $start + $wait > $budget ) {
					$stats['released'] += $this->deliveries->release( $token );
					break 2;
				}
				++$done;
				$this->deliver( $row, $token, $hooks, $stats );
			}
		}

		$this->schedule_next();
		return $stats;
	}

	/**
	 * Replaces the watchdog by the run the pending rows need: at the earliest
	 * due row (now, when it is due already), or none when nothing is pending.
	 *
	 * The event is removed BEFORE the rows are read: a row queued meanwhile by
	 * another request either is read here, or its own scheduling ("now")
	 * comes after the removal and stays (at() only moves an event earlier).
	 */
	private function schedule_next(): void {
		WebhookSchedule::clear();
		$next = $this->deliveries->next_due();
		if ( null !== $next ) {
			WebhookSchedule::at( max( $next, time() ) );
		}
	}

	/**
	 * Seconds a claim of $rows holds: longer than every attempt of it, even
	 * if each one times out.
	 *
	 * @param int   $rows Rows claimed.
	 * @param float $wait Timeout of one attempt, in seconds.
	 * @return int
	 */
	private static function lease( int $rows, float $wait ): int {
		return (int) ceil( $rows * ( $wait + 5 ) ) + 60;
	}

	/**
	 * Sends one claimed row and records the attempt.
	 *
	 * @param array<string, mixed>                                                        $row   Claimed row, with the event's columns.
	 * @param string                                                                      $token Claim token.
	 * @param array<string, array<string, mixed>>                                         $hooks Enabled webhooks by id.
	 * @param array{sent: int, delivered: int, retrying: int, failed: int, released: int} $stats Counts of the run:
	 *        sent (HTTP attempts made), delivered, retrying and failed (outcomes written).
	 */
	private function deliver( array $row, string $token, array $hooks, array &$stats ): void {
		$id      = (int) $row['id'];
		$log     = json_decode( (string) ( $row['log'] ?? '' ), true );
		$log     = is_array( $log ) ? array_values( $log ) : array();
		$webhook = $hooks[ (string) $row['webhook_id'] ] ?? null;

		if ( null === $webhook || null === ( $row['event_name'] ?? null ) ) {
			// Nothing to send: the webhook was removed or turned off, or the event deleted.
			$error = null === $webhook
				? __( 'Not sent: the webhook was removed or turned off.', 'qualified-integration' )
				: __( 'Not sent: the event is no longer stored.', 'qualified-integration' );
			$log[] = self::log_entry( time(), null, $error, 0 );
			$kept  = $this->deliveries->finish( $id, $token, self::outcome( WebhookDeliveries::FAILED, null, $error, $log ), time() );

			$stats['failed'] += $kept ? 1 : 0;
			return;
		}

		$name   = (string) $row['event_name'];
		$result = $this->sender->send( (string) $webhook['url'], (string) $webhook['secret'], $name, (string) $id, WebhookSender::body( self::payload( $row ) ) );
		$now    = time();
		$tries  = (int) $row['attempts'] + 1;
		++$stats['sent'];
		$log[] = self::log_entry( $now, $result['code'], $result['error'], $result['durationMs'] );

		if ( $result['ok'] ) {
			$status  = WebhookDeliveries::DELIVERED;
			$next    = null;
			$outcome = 'delivered';
		} elseif ( $tries >= self::TRIES ) {
			$status  = WebhookDeliveries::FAILED;
			$next    = null;
			$outcome = 'failed';
		} else {
			$status  = WebhookDeliveries::PENDING;
			$next    = UtcTime::from_timestamp( $now + self::BACKOFF[ min( $tries, count( self::BACKOFF ) ) - 1 ] );
			$outcome = 'retrying';
		}
		$columns = self::outcome( $status, $next, $result['error'], $log ) + array(
			'attempts'  => $tries,
			'last_code' => $result['code'],
		);
		$kept    = $this->deliveries->finish( $id, $token, $columns, $now );
		// A claim lost meanwhile (its lease ran out) leaves the row to the worker that holds it now.
		$stats[ $outcome ] += $kept ? 1 : 0;
	}

	/**
	 * The columns an outcome writes.
	 *
	 * @param string            $status Status.
	 * @param string|null       $next   Next attempt (DATETIME), null when none.
	 * @param string            $error  Last error.
	 * @param array<int, mixed> $log    Every attempt so far.
	 * @return array<string, mixed>
	 */
	private static function outcome( string $status, ?string $next, string $error, array $log ): array {
		return array(
			'status'          => $status,
			'next_attempt_at' => $next,
			'last_error'      => $error,
			'log'             => (string) wp_json_encode( $log ),
		);
	}

	/**
	 * The JSON body of a delivery: its id, the stored event and the site.
	 *
	 * @param array<string, mixed> $row Claimed row, with the event's columns.
	 * @return array<string, mixed>
	 */
	public static function payload( array $row ): array {
		// The event as the log answers it (EventStore::to_row: fields decoded, time in ISO 8601).
		$event = EventStore::to_row(
			array(
				'id'              => $row['event_id'] ?? 0,
				'kind'            => $row['event_kind'] ?? '',
				'name'            => $row['event_name'] ?? '',
				'created_at'      => $row['event_created_at'] ?? '',
				'page_url'        => $row['event_url'] ?? '',
				'experience'      => $row['event_experience'] ?? '',
				'conversation_id' => $row['event_conversation_id'] ?? '',
				'fields'          => $row['event_fields'] ?? '',
			)
		);
		return array(
			'id'    => (int) $row['id'],
			'event' => array(
				'id'             => $event['id'],
				'kind'           => $event['kind'],
				'name'           => $event['name'],
				'url'            => $event['pageUrl'],
				'experience'     => $event['experience'],
				'conversationId' => $event['conversationId'],
				// An object even when empty ({} in JSON, not []).
				'fields'         => (object) $event['fields'],
				'createdAt'      => $event['createdAt'],
			),
			'site'  => home_url(),
		);
	}

	/**
	 * One attempt, as the log keeps it.
	 *
	 * @param int      $at          Unix time of the attempt.
	 * @param int|null $code        HTTP status, null when none came.
	 * @param string   $error       Why it failed ('' when it did not).
	 * @param int      $duration_ms Milliseconds it took.
	 * @return array{at: string, code: int|null, error: string, durationMs: int}
	 */
	public static function log_entry( int $at, ?int $code, string $error, int $duration_ms ): array {
		return array(
			'at'         => UtcTime::iso_from_timestamp( $at ),
			'code'       => $code,
			'error'      => $error,
			'durationMs' => $duration_ms,
		);
	}

	/**
	 * Rows sent per run: 25, or what qualified_integration_webhook_batch_size says (at least 1).
	 *
	 * @return int
	 */
	private static function batch_size(): int {
		/**
		 * Filters how many webhook deliveries one cron run sends at most.
		 *
		 * @param int $size Rows (default 25).
		 */
		$size = apply_filters( 'qualified_integration_webhook_batch_size', self::BATCH_SIZE );
		return is_numeric( $size ) ? max( 1, (int) $size ) : self::BATCH_SIZE;
	}

	/**
	 * Seconds a run may spend: 20, or what qualified_integration_webhook_time_budget says.
	 *
	 * @return float
	 */
	private static function time_budget(): float {
		/**
		 * Filters the seconds one cron run may spend sending webhooks. A run
		 * starts no attempt that could end past it (but always makes one).
		 *
		 * @param float $seconds Seconds (default 20).
		 */
		$budget = apply_filters( 'qualified_integration_webhook_time_budget', self::TIME_BUDGET );
		return is_numeric( $budget ) ? max( 0.0, (float) $budget ) : self::TIME_BUDGET;
	}
}
