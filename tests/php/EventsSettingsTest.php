<?php
/**
 * The events settings in force, as every reader of them gets them.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Events\EventsSettings;
use QualifiedIntegration\Events\EventStore;
use QualifiedIntegration\Events\Retention;
use QualifiedIntegration\Plugin;

/**
 * EventsSettings::of() and ::enabled_webhooks() on good, missing and
 * malformed `events` parts, and the readers that use them.
 */
final class EventsSettingsTest extends TestCase {

	use EventsFixtures;

	/**
	 * A webhook.
	 *
	 * @param string               $id      Id.
	 * @param array<string, mixed> $changes Keys to set.
	 * @return array<string, mixed>
	 */
	private static function webhook( string $id, array $changes = array() ): array {
		return array_merge(
			array(
				'id'     => $id,
				'url'    => 'https://hooks.example.org/' . $id,
				'secret' => str_repeat( 's', 16 ),
			),
			$changes
		);
	}

	public function test_a_missing_or_malformed_events_part_still_has_its_lists_and_retention(): void {
		$empty = array(
			'handlers'      => array(),
			'webhooks'      => array(),
			'retentionDays' => 90,
		);
		$this->assertSame( $empty, EventsSettings::of( array() ) );
		$this->assertSame( $empty, EventsSettings::of( array( 'events' => 'x' ) ) );
		$this->assertSame( $empty, EventsSettings::of( array( 'events' => null ) ) );
		$this->assertSame(
			$empty,
			EventsSettings::of(
				array(
					'events' => array(
						'handlers'      => 'x',
						'webhooks'      => null,
						'retentionDays' => 'many',
					),
				)
			)
		);

		$handler = self::storing_handler( 'Meeting Booked' );
		$events  = EventsSettings::of(
			array(
				'events' => array(
					'handlers'      => array(
						3 => $handler,
						4 => 'not a handler',
					),
					'webhooks'      => array( self::webhook( 'crm' ) ),
					'retentionDays' => 0,
					'extra'         => true,
				),
			)
		);
		$this->assertSame( array( $handler ), $events['handlers'], 'A list of arrays.' );
		$this->assertSame( array( self::webhook( 'crm' ) ), $events['webhooks'] );
		$this->assertSame( 1, $events['retentionDays'], 'At least one day.' );
		$this->assertTrue( $events['extra'], 'Other keys kept.' );
		$this->assertSame( 30, EventsSettings::of( array( 'events' => array( 'retentionDays' => 30 ) ) )['retentionDays'] );
	}

	public function test_enabled_webhooks_are_keyed_by_id_and_need_an_id_url_and_secret(): void {
		$settings = array(
			'events' => array(
				'webhooks' => array(
					self::webhook( 'crm' ),
					self::webhook( 'off', array( 'enabled' => false ) ),
					self::webhook( 'on', array( 'enabled' => true ) ),
					self::webhook( 'no-url', array( 'url' => null ) ),
					self::webhook( 'bad-secret', array( 'secret' => 123 ) ),
					self::webhook( '' ),
					array_diff_key( self::webhook( 'no-secret' ), array( 'secret' => true ) ),
					self::webhook( 'crm', array( 'url' => 'https://second.example.org/' ) ),
					'not a webhook',
				),
			),
		);
		$hooks    = EventsSettings::enabled_webhooks( $settings );
		$this->assertSame( array( 'crm', 'on' ), array_keys( $hooks ) );
		$this->assertSame( self::webhook( 'crm' ), $hooks['crm'], 'A repeated id keeps the first.' );
		$this->assertSame( array(), EventsSettings::enabled_webhooks( array() ) );
	}

	public function test_the_retention_reads_the_settings_in_force_through_it(): void {
		$this->configure_handlers( array(), 12 );
		$retention = new Retention( Plugin::instance()->settings, new EventStore() );
		$this->assertSame( 12, $retention->days() );
		$this->assertSame( EventsSettings::of( Plugin::instance()->settings->get() )['retentionDays'], $retention->days() );
	}
}
