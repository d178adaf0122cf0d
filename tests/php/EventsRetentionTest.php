<?php
/**
 * The daily purge of stored events.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- The tests read and write the plugin's own tables by name; values go through prepare().

use QualifiedIntegration\Events\EventStore;
use QualifiedIntegration\Events\EventsTable;
use QualifiedIntegration\Events\Retention;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Migrations;

/**
 * Retention: what the cron event deletes, and when it is scheduled.
 */
final class EventsRetentionTest extends TestCase {

	use EventsFixtures;

	/**
	 * Writes $count events of an age in one statement.
	 *
	 * @param int    $count   Events.
	 * @param string $created UTC time.
	 */
	private static function bulk_insert( int $count, string $created ): void {
		global $wpdb;
		$row    = $wpdb->prepare( '(%s, %s, %s, %s, %s)', $created, 'event', 'Old', home_url( '/' ), '{}' );
		$values = implode( ',', array_fill( 0, $count, $row ) );
		$wpdb->query( 'INSERT INTO ' . EventsTable::events() . " (created_at, kind, name, page_url, fields) VALUES {$values}" );
	}

	/**
	 * How many events are stored.
	 *
	 * @return int
	 */
	private static function count_events(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . EventsTable::events() );
	}

	public function test_the_cron_event_deletes_events_past_the_retention_and_their_deliveries(): void {
		$this->configure_handlers( array(), 30 );
		$old    = self::insert_event_row( array( 'created_at' => self::utc( -31 * DAY_IN_SECONDS ) ) );
		$edge   = self::insert_event_row( array( 'created_at' => self::utc( -30 * DAY_IN_SECONDS - 60 ) ) );
		$recent = self::insert_event_row( array( 'created_at' => self::utc( -29 * DAY_IN_SECONDS ) ) );
		$now    = self::insert_event_row( array() );
		foreach ( array( $old, $edge, $recent, $now ) as $id ) {
			self::insert_delivery_row( $id );
		}

		$this->assertSame( Retention::HOOK, 'qualified_integration_purge_events' );
		$this->assertNotFalse( has_action( Retention::HOOK ), 'Wired (lazily) in Plugin.php under that name.' );
		do_action( Retention::HOOK );

		$this->assertSame( array( $recent, $now ), array_map( 'intval', array_column( self::event_rows(), 'id' ) ) );
		$this->assertSame( array( $recent, $now ), self::delivery_event_ids() );
	}

	public function test_the_default_retention_is_ninety_days(): void {
		$kept = self::insert_event_row( array( 'created_at' => self::utc( -89 * DAY_IN_SECONDS ) ) );
		self::insert_event_row( array( 'created_at' => self::utc( -91 * DAY_IN_SECONDS ) ) );
		$this->assertSame( 90, Plugin::instance()->settings->get()['events']['retentionDays'] );
		do_action( Retention::HOOK );
		$this->assertSame( array( $kept ), array_map( 'intval', array_column( self::event_rows(), 'id' ) ) );
	}

	public function test_a_large_backlog_is_deleted_in_batches_and_continued_by_a_follow_up_run(): void {
		$this->configure_handlers( array(), 1 );
		$budget = Retention::BATCHES_PER_RUN * EventStore::DELETE_BATCH;
		self::bulk_insert( $budget + 7, self::utc( -2 * DAY_IN_SECONDS ) );
		$kept = self::insert_event_row( array() );

		do_action( Retention::HOOK );
		$this->assertSame( 8, self::count_events(), 'One run deletes its budget.' );
		$follow_up = wp_next_scheduled( Retention::HOOK, array( 'more' ) );
		$this->assertIsInt( $follow_up, 'The rest is left to a follow-up run.' );
		$this->assertLessThanOrEqual( time() + 60, $follow_up );

		do_action( Retention::HOOK, 'more' );
		$this->assertSame( array( $kept ), array_map( 'intval', array_column( self::event_rows(), 'id' ) ) );
	}

	public function test_a_small_backlog_schedules_no_follow_up(): void {
		$this->configure_handlers( array(), 1 );
		self::bulk_insert( EventStore::DELETE_BATCH * 2 + 3, self::utc( -2 * DAY_IN_SECONDS ) );
		do_action( Retention::HOOK );
		$this->assertSame( 0, self::count_events() );
		$this->assertFalse( wp_next_scheduled( Retention::HOOK, array( 'more' ) ) );
	}

	public function test_activation_and_an_update_schedule_the_daily_purge_and_deactivation_clears_it(): void {
		Retention::unschedule();
		$this->assertFalse( wp_next_scheduled( Retention::HOOK ) );

		Plugin::instance()->migrations->activate();
		$this->assertSame( 'daily', wp_get_schedule( Retention::HOOK ) );
		$first = wp_next_scheduled( Retention::HOOK );
		Retention::schedule();
		$this->assertSame( $first, wp_next_scheduled( Retention::HOOK ), 'Scheduled once.' );

		wp_schedule_single_event( time() + 60, Retention::HOOK, array( 'more' ) );
		do_action( 'deactivate_' . plugin_basename( QUALIFIED_INTEGRATION_FILE ) );
		$this->assertFalse( wp_next_scheduled( Retention::HOOK ) );
		$this->assertFalse( wp_next_scheduled( Retention::HOOK, array( 'more' ) ), 'Follow-ups too.' );

		update_option( Migrations::MARKER_OPTION, 'older', true );
		$this->assertTrue( Plugin::instance()->migrations->maybe_run() );
		$this->assertSame( 'daily', wp_get_schedule( Retention::HOOK ), 'An update schedules it again.' );
	}
}
