<?php
/**
 * Shared set-up of the stored-event tests.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- The tests read and write the plugin's own tables by name; values go through prepare().

use QualifiedIntegration\Events\EventsTable;
use QualifiedIntegration\Plugin;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Handlers in the settings, events sent through the REST server as a page
 * would send them, and rows written straight into the tables (for times in
 * the past, which the route never writes).
 */
trait EventsFixtures {

	/**
	 * Stores event handlers (and optionally webhooks, retention) in the
	 * settings, with Qualified turned on (enabled, a token): the event route
	 * takes nothing while it is off.
	 *
	 * @param array<int, array<string, mixed>> $handlers Handlers.
	 * @param int                              $days     Retention.
	 */
	protected function configure_handlers( array $handlers, int $days = 90 ): void {
		$this->store_settings(
			array(
				'enabled' => true,
				'token'   => 'Tok3n',
				'events'  => array(
					'handlers'      => $handlers,
					'webhooks'      => array(),
					'retentionDays' => $days,
				),
			)
		);
		$this->assertSame( $handlers, Plugin::instance()->settings->get()['events']['handlers'], 'The handlers are valid settings.' );
	}

	/**
	 * A handler that stores events of a kind and name, keeping some fields.
	 *
	 * @param string   $name   Name or '*'.
	 * @param string[] $fields storeFields.
	 * @param string   $kind   Kind.
	 * @return array<string, mixed>
	 */
	protected static function storing_handler( string $name, array $fields = array(), string $kind = 'event' ): array {
		$action = array( 'type' => 'wordpress' );
		if ( array() !== $fields ) {
			$action['storeFields'] = $fields;
		}
		return array(
			'kind'    => $kind,
			'name'    => $name,
			'actions' => array( $action ),
		);
	}

	/**
	 * POSTs a raw body to /events, as sendBeacon does (text/plain by default).
	 *
	 * @param string $body         Raw body.
	 * @param string $content_type Content-Type.
	 * @return WP_REST_Response
	 */
	protected function send_event( string $body, string $content_type = 'text/plain;charset=UTF-8' ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', '/qualified-integration/v1/events' );
		$request->set_header( 'Content-Type', $content_type );
		$request->set_body( $body );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * A JSON body for /events: a Meeting Booked on this site's pricing page, with changes.
	 *
	 * @param array<string, mixed> $changes Keys to set (null values are sent as null).
	 * @return string
	 */
	protected static function event_body( array $changes = array() ): string {
		return (string) wp_json_encode(
			array_merge(
				array(
					'kind' => 'event',
					'name' => 'Meeting Booked',
					'url'  => home_url( '/pricing/' ),
				),
				$changes
			)
		);
	}

	/**
	 * Every stored event row, oldest first.
	 *
	 * @return array<int, array<string, string>>
	 */
	protected static function event_rows(): array {
		global $wpdb;
		return (array) $wpdb->get_results( 'SELECT * FROM ' . EventsTable::events() . ' ORDER BY id ASC', ARRAY_A );
	}

	/**
	 * Writes an event row directly.
	 *
	 * @param array<string, mixed> $row Columns (created_at a UTC 'Y-m-d H:i:s'); defaults fill the rest.
	 * @return int Its ID.
	 */
	protected static function insert_event_row( array $row ): int {
		global $wpdb;
		$row = array_merge(
			array(
				'created_at'      => gmdate( 'Y-m-d H:i:s' ),
				'kind'            => 'event',
				'name'            => 'Meeting Booked',
				'page_url'        => home_url( '/' ),
				'experience'      => '',
				'conversation_id' => '',
				'ip_hash'         => str_repeat( 'a', 64 ),
				'email'           => '',
				'fields'          => '{}',
			),
			$row
		);
		$wpdb->insert( EventsTable::events(), $row );
		return (int) $wpdb->insert_id;
	}

	/**
	 * Writes a delivery row for an event directly.
	 *
	 * @param int $event_id Event ID.
	 * @return int Its ID.
	 */
	protected static function insert_delivery_row( int $event_id ): int {
		global $wpdb;
		$now = gmdate( 'Y-m-d H:i:s' );
		$wpdb->insert(
			EventsTable::deliveries(),
			array(
				'event_id'   => $event_id,
				'webhook_id' => 'crm',
				'status'     => 'pending',
				'created_at' => $now,
				'updated_at' => $now,
			)
		);
		return (int) $wpdb->insert_id;
	}

	/**
	 * IDs of the events whose deliveries are stored.
	 *
	 * @return int[]
	 */
	protected static function delivery_event_ids(): array {
		global $wpdb;
		return array_map( 'intval', (array) $wpdb->get_col( 'SELECT event_id FROM ' . EventsTable::deliveries() . ' ORDER BY event_id ASC' ) );
	}

	/**
	 * A UTC time some seconds from now, as the table stores it.
	 *
	 * @param int $seconds Offset (negative for the past).
	 * @return string
	 */
	protected static function utc( int $seconds ): string {
		return gmdate( 'Y-m-d H:i:s', time() + $seconds );
	}
}
