<?php
/**
 * Personal data export and erasure of stored events, and the policy text about them.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Privacy\EventsPrivacy;
use QualifiedIntegration\Privacy\PolicyText;

/**
 * The exporter and eraser as core's privacy tools call them: from the
 * filtered lists, page by page.
 */
final class EventsPrivacyTest extends TestCase {

	use EventsFixtures;

	/**
	 * The callback core would call for an exporter or eraser of ours.
	 *
	 * @param string $list exporters or erasers.
	 * @return callable
	 */
	private static function privacy_callback( string $list ): callable {
		$entries = apply_filters( 'wp_privacy_personal_data_' . $list, array() );
		self::assertArrayHasKey( EventsPrivacy::ID, $entries );
		self::assertIsCallable( $entries[ EventsPrivacy::ID ]['callback'] );
		return $entries[ EventsPrivacy::ID ]['callback'];
	}

	/**
	 * Writes $count events for an address.
	 *
	 * @param string $email Stored address ('' for none).
	 * @param int    $count Events.
	 * @return int[] Their IDs.
	 */
	private static function events_of( string $email, int $count ): array {
		$ids = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$ids[] = self::insert_event_row(
				array(
					'email'  => $email,
					'name'   => 'Meeting Booked',
					'fields' => '' === $email ? '{}' : (string) wp_json_encode(
						array(
							'email'   => $email,
							'company' => 'Acme ' . $i,
						)
					),
				)
			);
		}
		return $ids;
	}

	public function test_both_lists_name_the_exporter_and_eraser_whichever_is_asked_first(): void {
		$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$this->assertSame( 'Qualified events', $erasers[ EventsPrivacy::ID ]['eraser_friendly_name'] );
		$exporters = apply_filters( 'wp_privacy_personal_data_exporters', array() );
		$this->assertSame( 'Qualified events', $exporters[ EventsPrivacy::ID ]['exporter_friendly_name'] );
		$this->assertSame( array( EventsPrivacy::class, 'erase' ), array( get_class( $erasers[ EventsPrivacy::ID ]['callback'][0] ), $erasers[ EventsPrivacy::ID ]['callback'][1] ) );
		$this->assertSame( array( EventsPrivacy::class, 'export' ), array( get_class( $exporters[ EventsPrivacy::ID ]['callback'][0] ), $exporters[ EventsPrivacy::ID ]['callback'][1] ) );
	}

	public function test_the_exporter_lists_every_stored_value_of_the_address_events_only(): void {
		$mine = self::insert_event_row(
			array(
				'email'           => 'visitor@example.org',
				'name'            => 'Meeting Booked',
				'page_url'        => home_url( '/pricing/' ),
				'experience'      => 'experience-1',
				'conversation_id' => 'conv-1',
				'created_at'      => '2024-03-01 10:00:00',
				'fields'          => '{"email":"Visitor@Example.org","company":"<b>Acme</b>"}',
			)
		);
		self::events_of( 'someone@example.org', 2 );
		self::events_of( '', 2 );

		$export = call_user_func( self::privacy_callback( 'exporters' ), 'Visitor@EXAMPLE.org', 1 );
		$this->assertTrue( $export['done'] );
		$this->assertCount( 1, $export['data'] );
		$item = $export['data'][0];
		$this->assertSame( EventsPrivacy::ID, $item['group_id'] );
		$this->assertSame( 'qualified-integration-event-' . $mine, $item['item_id'] );
		$this->assertSame(
			array(
				'Event'           => 'Meeting Booked',
				'Kind'            => 'event',
				'Time (UTC)'      => '2024-03-01T10:00:00Z',
				'Page'            => home_url( '/pricing/' ),
				'Experience'      => 'experience-1',
				'Conversation ID' => 'conv-1',
				'Field email'     => 'Visitor@Example.org',
				'Field company'   => '<b>Acme</b>',
			),
			array_column( $item['data'], 'value', 'name' ),
			'Values as stored (core escapes them in the export file).'
		);
	}

	public function test_the_exporter_pages(): void {
		self::events_of( 'many@example.org', EventsPrivacy::PER_PAGE + 5 );
		$export = self::privacy_callback( 'exporters' );

		$first = call_user_func( $export, 'many@example.org', 1 );
		$this->assertCount( EventsPrivacy::PER_PAGE, $first['data'] );
		$this->assertFalse( $first['done'] );
		$second = call_user_func( $export, 'many@example.org', 2 );
		$this->assertCount( 5, $second['data'] );
		$this->assertTrue( $second['done'] );
		$this->assertSame( array(), array_intersect( array_column( $first['data'], 'item_id' ), array_column( $second['data'], 'item_id' ) ) );
	}

	public function test_the_eraser_deletes_the_address_events_and_their_deliveries_only(): void {
		$mine   = self::events_of( 'visitor@example.org', 2 );
		$theirs = self::events_of( 'someone@example.org', 1 );
		$none   = self::events_of( '', 1 );
		foreach ( array_merge( $mine, $theirs, $none ) as $id ) {
			self::insert_delivery_row( $id );
		}

		$erased = call_user_func( self::privacy_callback( 'erasers' ), 'VISITOR@example.org', 1 );
		$this->assertSame(
			array(
				'items_removed'  => true,
				'items_retained' => false,
				'messages'       => array(),
				'done'           => true,
			),
			$erased
		);
		$left = array_map( 'intval', array_column( self::event_rows(), 'id' ) );
		$this->assertSame( array_merge( $theirs, $none ), $left );
		$this->assertSame( array_merge( $theirs, $none ), self::delivery_event_ids(), 'Their deliveries went with them.' );

		$again = call_user_func( self::privacy_callback( 'erasers' ), 'visitor@example.org', 1 );
		$this->assertFalse( $again['items_removed'] );
		$this->assertTrue( $again['done'] );
	}

	public function test_the_eraser_pages(): void {
		self::events_of( 'many@example.org', EventsPrivacy::PER_PAGE + 5 );
		$erase = self::privacy_callback( 'erasers' );
		$first = call_user_func( $erase, 'many@example.org', 1 );
		$this->assertTrue( $first['items_removed'] );
		$this->assertFalse( $first['done'] );
		$this->assertCount( 5, self::event_rows() );
		$second = call_user_func( $erase, 'many@example.org', 2 );
		$this->assertTrue( $second['done'] );
		$this->assertSame( array(), self::event_rows() );
	}

	public function test_an_empty_or_invalid_address_matches_no_event(): void {
		self::events_of( '', 3 );
		foreach ( array( '', ' ', 'not an address' ) as $email ) {
			$this->assertSame( array(), call_user_func( self::privacy_callback( 'exporters' ), $email, 1 )['data'] );
			$this->assertFalse( call_user_func( self::privacy_callback( 'erasers' ), $email, 1 )['items_removed'] );
		}
		$this->assertCount( 3, self::event_rows(), 'Events without an address are not erased by an empty one.' );
	}

	public function test_an_event_sent_with_an_email_field_is_found_by_it(): void {
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		$this->configure_handlers( array( self::storing_handler( 'Email Captured', array( 'work_email', 'company' ) ) ) );
		$response = $this->send_event(
			self::event_body(
				array(
					'name'   => 'Email Captured',
					'fields' => array(
						'company'    => 'Acme',
						'work_email' => 'Lead@Example.com',
					),
				)
			)
		);
		$this->assertSame( 201, $response->get_status() );
		$this->assertSame( 'lead@example.com', self::event_rows()[0]['email'], 'Any kept field holding an address.' );
		$this->assertCount( 1, call_user_func( self::privacy_callback( 'exporters' ), 'lead@example.com', 1 )['data'] );
		$this->assertTrue( call_user_func( self::privacy_callback( 'erasers' ), 'lead@example.com', 1 )['items_removed'] );
		$this->assertSame( array(), self::event_rows() );
	}

	public function test_an_address_in_any_kept_field_is_exported_and_erased_whatever_its_case(): void {
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		$this->configure_handlers( array( self::storing_handler( 'Email Captured', array( 'email', 'work_email', 'company' ) ) ) );
		$send = function ( array $fields ): int {
			$response = $this->send_event(
				self::event_body(
					array(
						'name'   => 'Email Captured',
						'fields' => $fields,
					)
				)
			);
			$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			return (int) $response->get_data()['id'];
		};
		// Two addresses: the `email` column indexes the field named email; the work address is only in the fields.
		$both = $send(
			array(
				'email'      => 'Home@Example.org',
				'work_email' => 'Ada.Work@Example.COM',
				'company'    => 'Acme',
			)
		);
		$only = $send( array( 'work_email' => 'ada.work@example.com' ) );
		// A slash and LIKE wildcards in the address, as the JSON holds them.
		$odd = $send(
			array(
				'email'      => 'home2@example.org',
				'work_email' => 'O/B_x%y@Example.org',
			)
		);
		// Near misses: longer addresses, what `_` / `%` would match as wildcards, an accented look-alike.
		$others = array(
			$send( array( 'work_email' => 'nada.work@example.com' ) ),
			$send( array( 'work_email' => 'ada.work@example.community' ) ),
			$send( array( 'work_email' => 'o/bzxqqy@example.org' ) ),
			$send( array( 'work_email' => 'adá.work@example.com' ) ),
			$send( array( 'company' => 'ada.work@example.com is not a field holding only it' ) ),
		);
		$rows   = self::event_rows();
		$this->assertSame( 'home@example.org', $rows[0]['email'], 'The column holds the field named email.' );
		$this->assertStringContainsString( '"O/B_x%y@Example.org"', $rows[2]['fields'], 'Slashes are not escaped in the stored JSON.' );
		foreach ( $others as $id ) {
			self::insert_delivery_row( $id );
		}
		self::insert_delivery_row( $both );

		$export = call_user_func( self::privacy_callback( 'exporters' ), 'ADA.work@example.com', 1 );
		$this->assertSame(
			array( 'qualified-integration-event-' . $both, 'qualified-integration-event-' . $only ),
			array_column( $export['data'], 'item_id' ),
			'Found by the second address field too, in any case, and nothing that only resembles it.'
		);
		$this->assertSame( array( 'qualified-integration-event-' . $both ), array_column( call_user_func( self::privacy_callback( 'exporters' ), 'home@example.org', 1 )['data'], 'item_id' ) );
		$this->assertSame( array( 'qualified-integration-event-' . $odd ), array_column( call_user_func( self::privacy_callback( 'exporters' ), 'o/b_x%y@example.org', 1 )['data'], 'item_id' ) );

		$erased = call_user_func( self::privacy_callback( 'erasers' ), 'Ada.Work@example.com', 1 );
		$this->assertTrue( $erased['items_removed'] );
		$this->assertTrue( $erased['done'] );
		$this->assertTrue( call_user_func( self::privacy_callback( 'erasers' ), 'O/B_X%Y@example.org', 1 )['items_removed'] );
		$this->assertSame( $others, array_map( 'intval', array_column( self::event_rows(), 'id' ) ), 'Only the events holding the addresses are erased.' );
		$this->assertSame( $others, self::delivery_event_ids(), 'With their deliveries.' );
	}

	public function test_the_policy_text_describes_stored_events(): void {
		// The text follows the settings: a handler that stores events, and a webhook.
		$this->configure_handlers( array( self::storing_handler( 'Meeting Booked', array( 'email' ) ) ) );
		$settings = \QualifiedIntegration\Plugin::instance()->settings;
		$events   = $settings->get()['events'];
		$this->store_settings(
			array(
				'events' => array_merge(
					$events,
					array(
						'webhooks' => array(
							array(
								'id'     => 'crm',
								'url'    => 'https://hooks.example.com/x',
								'secret' => 'a-secret-of-sixteen-chars',
								'events' => array( 'Meeting Booked' ),
							),
						),
					)
				),
			)
		);
		$text = PolicyText::for_settings( $settings->get() );
		foreach ( array( 'store it in its own database', 'hash of your IP address', 'webhook', 'without any login', 'deleted automatically', 'erasure' ) as $needle ) {
			$this->assertStringContainsString( $needle, $text );
		}
		$this->assertSame( wp_kses_post( $text ), $text );
	}
}
