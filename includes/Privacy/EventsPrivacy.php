<?php
/**
 * Personal data export and erasure of stored events.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Privacy;

use QualifiedIntegration\Events\EventStore;

defined( 'ABSPATH' ) || exit;

/**
 * Plugs stored events into core's privacy tools (Tools -> Export Personal
 * Data / Erase Personal Data): an event whose stored field values held an
 * email address keeps it, lower case, in its `email` column, and that is
 * what a request's address is matched against. The exporter lists each such
 * event with everything stored about it; the eraser deletes the events
 * (and their webhook deliveries) outright, since an event is nothing but
 * the visitor's data. Both work in pages, as core asks, so a visitor with
 * thousands of events never times a request out.
 */
final class EventsPrivacy {

	/**
	 * Key of the exporter and the eraser in core's lists.
	 */
	const ID = 'qualified-integration-events';

	/**
	 * Events per page of an export or erasure.
	 */
	const PER_PAGE = 100;

	/**
	 * Stored events.
	 *
	 * @var EventStore
	 */
	private $store;

	/**
	 * Constructor.
	 *
	 * @param EventStore $store Stored events.
	 */
	public function __construct( EventStore $store ) {
		$this->store = $store;
	}

	/**
	 * Adds the exporter and the eraser to core's lists.
	 */
	public function register(): void {
		add_filter( 'wp_privacy_personal_data_exporters', array( $this, 'add_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( $this, 'add_eraser' ) );
	}

	/**
	 * Lists the exporter.
	 *
	 * @param mixed $exporters Exporters by key.
	 * @return array<string, mixed>
	 */
	public function add_exporter( $exporters ): array {
		$exporters             = is_array( $exporters ) ? $exporters : array();
		$exporters[ self::ID ] = array(
			'exporter_friendly_name' => __( 'Qualified events', 'qualified-integration' ),
			'callback'               => array( $this, 'export' ),
		);
		return $exporters;
	}

	/**
	 * Lists the eraser.
	 *
	 * @param mixed $erasers Erasers by key.
	 * @return array<string, mixed>
	 */
	public function add_eraser( $erasers ): array {
		$erasers             = is_array( $erasers ) ? $erasers : array();
		$erasers[ self::ID ] = array(
			'eraser_friendly_name' => __( 'Qualified events', 'qualified-integration' ),
			'callback'             => array( $this, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * One page of the events stored with an email address, in core's export shape.
	 *
	 * @param string $email Email address.
	 * @param int    $page  Page, from 1.
	 * @return array{data: array<int, array<string, mixed>>, done: bool}
	 */
	public function export( $email, $page = 1 ): array {
		$page = max( 1, (int) $page );
		// Events without an address have '' there: an empty or invalid address matches nothing.
		$rows = is_email( (string) $email ) ? $this->store->by_email( (string) $email, ( $page - 1 ) * self::PER_PAGE, self::PER_PAGE ) : array();
		$data = array();
		foreach ( $rows as $row ) {
			$items = array(
				array(
					'name'  => __( 'Event', 'qualified-integration' ),
					'value' => $row['name'],
				),
				array(
					'name'  => __( 'Kind', 'qualified-integration' ),
					'value' => $row['kind'],
				),
				array(
					'name'  => __( 'Time (UTC)', 'qualified-integration' ),
					'value' => $row['createdAt'],
				),
				array(
					'name'  => __( 'Page', 'qualified-integration' ),
					'value' => $row['pageUrl'],
				),
				array(
					'name'  => __( 'Experience', 'qualified-integration' ),
					'value' => $row['experience'],
				),
				array(
					'name'  => __( 'Conversation ID', 'qualified-integration' ),
					'value' => $row['conversationId'],
				),
			);
			foreach ( $row['fields'] as $field => $value ) {
				$items[] = array(
					/* translators: %s: visitor field API name. */
					'name'  => sprintf( __( 'Field %s', 'qualified-integration' ), $field ),
					'value' => $value,
				);
			}
			$data[] = array(
				'group_id'          => self::ID,
				'group_label'       => __( 'Qualified events', 'qualified-integration' ),
				'group_description' => __( 'Events the Qualified messenger reported on this site, as stored by Qualified Integration.', 'qualified-integration' ),
				'item_id'           => 'qualified-integration-event-' . $row['id'],
				'data'              => $items,
			);
		}
		return array(
			'data' => $data,
			'done' => count( $rows ) < self::PER_PAGE,
		);
	}

	/**
	 * Deletes one page of the events stored with an email address.
	 *
	 * @param string $email Email address.
	 * @param int    $page  Page, from 1 (unused: erased rows are gone, so each call takes the first ones left).
	 * @return array{items_removed: bool, items_retained: bool, messages: string[], done: bool}
	 */
	public function erase( $email, $page = 1 ): array {
		unset( $page );
		$deleted = is_email( (string) $email ) ? $this->store->delete_by_email( (string) $email, self::PER_PAGE ) : 0;
		return array(
			'items_removed'  => $deleted > 0,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => $deleted < self::PER_PAGE,
		);
	}
}
