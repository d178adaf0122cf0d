<?php
/**
 * The webhook deliveries table: every query the webhook code makes.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes `{prefix}qualified_integration_deliveries` (the DDL is
 * EventsTable's): one row per stored event per webhook, with its status,
 * attempts, next attempt and the log of each attempt.
 *
 * Claims are what make several web nodes (or two overlapping cron runs)
 * safe: claim() marks due rows with a random token and a lease in ONE
 * UPDATE, which the database serialises row by row, so a row is claimed by
 * one worker only; a worker then reads back the rows holding its token, and
 * writes an outcome only while it still holds it. A worker that dies leaves
 * its rows to be claimed again when the lease ends.
 *
 * Times are DATETIME in UTC, from PHP's clock (UtcTime).
 */
final class WebhookDeliveries {

	const PENDING   = 'pending';
	const DELIVERED = 'delivered';
	const FAILED    = 'failed';

	/**
	 * The deliveries table.
	 *
	 * @return string
	 */
	public static function table(): string {
		return EventsTable::deliveries();
	}

	/**
	 * The events table (read for the payload and the event's name).
	 *
	 * @return string
	 */
	public static function events_table(): string {
		return EventsTable::events();
	}

	/**
	 * Adds one pending delivery of an event per webhook, due now.
	 *
	 * @param int      $event_id    Stored event id.
	 * @param string[] $webhook_ids Webhook ids.
	 * @param int      $now         Unix time.
	 * @return int Rows added.
	 */
	public function queue( int $event_id, array $webhook_ids, int $now ): int {
		global $wpdb;
		if ( array() === $webhook_ids ) {
			return 0;
		}
		$time   = UtcTime::from_timestamp( $now );
		$values = array();
		$args   = array();
		foreach ( $webhook_ids as $webhook_id ) {
			$values[] = "( %d, %s, 'pending', 0, %s, '', '', '[]', %s, %s )";
			array_push( $args, $event_id, $webhook_id, $time, $time, $time );
		}
		$table = self::table();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- The plugin's own table; the placeholders are built above, one row each.
		$inserted = $wpdb->query(
			$wpdb->prepare(
				"INSERT INTO {$table} ( event_id, webhook_id, status, attempts, next_attempt_at, claim_token, last_error, log, created_at, updated_at ) VALUES " . implode( ', ', $values ),
				$args
			)
		);
		// phpcs:enable
		return is_int( $inserted ) ? $inserted : 0;
	}

	/**
	 * Claims up to $limit due rows for one worker: pending, due by $now and
	 * not claimed by another worker whose lease still runs. One UPDATE, so two
	 * workers never claim the same row.
	 *
	 * @param int $limit Most rows.
	 * @param int $now   Unix time.
	 * @param int $lease Seconds the claim holds.
	 * @return array{0: string, 1: array<int, array<string, mixed>>} The claim token, and the rows claimed
	 *         (oldest due first), each with the event's columns as event_kind, event_name, event_url,
	 *         event_experience, event_conversation_id, event_fields, event_created_at (null when the event
	 *         is gone).
	 */
	public function claim( int $limit, int $now, int $lease ): array {
		global $wpdb;
		$token  = bin2hex( random_bytes( 16 ) );
		$time   = UtcTime::from_timestamp( $now );
		$table  = self::table();
		$events = self::events_table();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The claim must hit the plugin's own table itself: a cache would defeat it.
		$claimed = $wpdb->query(
			$wpdb->prepare(
				"UPDATE {$table} SET claim_token = %s, claimed_until = %s
				WHERE status = 'pending' AND next_attempt_at <= %s AND ( claimed_until IS NULL OR claimed_until < %s )
				ORDER BY next_attempt_at ASC, id ASC LIMIT %d",
				$token,
				UtcTime::from_timestamp( $now + $lease ),
				$time,
				$time,
				$limit
			)
		);
		if ( ! is_int( $claimed ) || $claimed < 1 ) {
			return array( $token, array() );
		}
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT d.*, e.kind AS event_kind, e.name AS event_name, e.page_url AS event_url, e.experience AS event_experience,
					e.conversation_id AS event_conversation_id, e.fields AS event_fields, e.created_at AS event_created_at
				FROM {$table} d LEFT JOIN {$events} e ON e.id = d.event_id
				WHERE d.claim_token = %s AND d.status = 'pending'
				ORDER BY d.next_attempt_at ASC, d.id ASC",
				$token
			),
			'ARRAY_A'
		);
		// phpcs:enable
		return array( $token, is_array( $rows ) ? $rows : array() );
	}

	/**
	 * Writes the outcome of a claimed row and lets go of it, only while the
	 * claim is still this worker's.
	 *
	 * @param int                  $id      Delivery id.
	 * @param string               $token   Claim token.
	 * @param array<string, mixed> $changes Columns: status, attempts, next_attempt_at, last_code, last_error, log.
	 * @param int                  $now     Unix time.
	 * @return bool Whether the row was still claimed by $token (and is now written).
	 */
	public function finish( int $id, string $token, array $changes, int $now ): bool {
		global $wpdb;
		$changes['claim_token']   = '';
		$changes['claimed_until'] = null;
		$changes['updated_at']    = UtcTime::from_timestamp( $now );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- A queue row, written once per attempt.
		$updated = $wpdb->update(
			self::table(),
			$changes,
			array(
				'id'          => $id,
				'claim_token' => $token,
			)
		);
		return 1 === $updated;
	}

	/**
	 * Lets go of the rows of a claim that were not sent (the run's time ran
	 * out), so the next run takes them at once.
	 *
	 * @param string $token Claim token.
	 * @return int Rows released.
	 */
	public function release( string $token ): int {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- Queue rows of the plugin's own table.
		$released = $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET claim_token = '', claimed_until = NULL WHERE claim_token = %s AND status = 'pending'", $token ) );
		return is_int( $released ) ? $released : 0;
	}

	/**
	 * When the earliest pending row can next be claimed: its next attempt,
	 * or the end of another worker's lease on it.
	 *
	 * @return int|null Unix time; null when nothing is pending.
	 */
	public function next_due(): ?int {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- Read right after the run's own writes, from the plugin's own table.
		$next = $wpdb->get_var( "SELECT MIN( GREATEST( next_attempt_at, COALESCE( claimed_until, next_attempt_at ) ) ) FROM {$table} WHERE status = 'pending'" );
		if ( ! is_string( $next ) || '' === $next ) {
			return null;
		}
		$time = strtotime( $next . ' UTC' );
		return false === $time ? null : $time;
	}

	/**
	 * The latest deliveries, newest first, with their event's name.
	 *
	 * @param string|null $webhook_id Only this webhook's (all when null).
	 * @param int         $limit      Most rows.
	 * @return array<int, array<string, mixed>>
	 */
	public function recent( ?string $webhook_id, int $limit ): array {
		global $wpdb;
		$table  = self::table();
		$events = self::events_table();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- Admin reads of the plugin's own queue table.
		$rows = null === $webhook_id
			? $wpdb->get_results( $wpdb->prepare( "SELECT d.*, e.name AS event_name FROM {$table} d LEFT JOIN {$events} e ON e.id = d.event_id ORDER BY d.id DESC LIMIT %d", $limit ), 'ARRAY_A' )
			: $wpdb->get_results( $wpdb->prepare( "SELECT d.*, e.name AS event_name FROM {$table} d LEFT JOIN {$events} e ON e.id = d.event_id WHERE d.webhook_id = %s ORDER BY d.id DESC LIMIT %d", $webhook_id, $limit ), 'ARRAY_A' );
		// phpcs:enable
		return is_array( $rows ) ? $rows : array();
	}
}
