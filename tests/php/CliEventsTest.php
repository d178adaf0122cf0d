<?php
/**
 * `wp qualified events list|tail|purge`, run through the real WP-CLI.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

/**
 * Event log command tests.
 */
final class CliEventsTest extends CliTestCase {

	use EventsFixtures;

	/**
	 * Stored events: three of them, a day apart, the newest first in the log.
	 *
	 * @return int[] Their IDs, oldest first.
	 */
	private static function three_events(): array {
		return array(
			self::insert_event_row(
				array(
					'created_at' => self::utc( -3 * 86400 ),
					'name'       => 'Conversation Started',
					'page_url'   => 'http://127.0.0.1:9/',
				)
			),
			self::insert_event_row(
				array(
					'created_at' => self::utc( -2 * 86400 ),
					'name'       => 'Meeting Booked',
					'page_url'   => 'http://127.0.0.1:9/pricing/',
					'fields'     => '{"email":"ada@example.org"}',
				)
			),
			self::insert_event_row(
				array(
					'created_at' => self::utc( -86400 ),
					'kind'       => 'messenger',
					'name'       => 'Messenger Opened',
				)
			),
		);
	}

	/**
	 * The IDs of the events stored now.
	 *
	 * @return int[]
	 */
	private static function stored_ids(): array {
		return array_map( 'intval', array_column( self::event_rows(), 'id' ) );
	}

	public function test_list_as_json_newest_first_with_fields_as_objects(): void {
		$ids    = self::three_events();
		$result = $this->wp( array( 'qualified', 'events', 'list', '--format=json' ) );

		$this->assertExit( 0, $result );
		$items = json_decode( $result['stdout'], true );
		$this->assertSame( array_reverse( $ids ), array_column( $items, 'id' ) );
		$this->assertSame( array( 'email' => 'ada@example.org' ), $items[1]['fields'] );
		$this->assertStringContainsString( '"fields":{}', $result['stdout'], 'No fields is an empty object.' );
		$this->assertMatchesRegularExpression( '/\A\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\z/', $items[0]['createdAt'] );
	}

	/**
	 * Filters and formats, and the IDs they list (by index into three_events()).
	 *
	 * @return array<string, array{string[], int[]}>
	 */
	public function data_filters(): array {
		return array(
			'by name'   => array( array( '--name=Meeting Booked' ), array( 1 ) ),
			'by kind'   => array( array( '--kind=messenger' ), array( 2 ) ),
			'by search' => array( array( '--search=ada@example' ), array( 1 ) ),
			'paged'     => array( array( '--per-page=1', '--page=2' ), array( 1 ) ),
			'to a day'  => array( array( '--before=' . gmdate( 'Y-m-d', time() - 2 * 86400 ) ), array( 1, 0 ) ),
		);
	}

	/**
	 * The list takes the log's filters.
	 *
	 * @dataProvider data_filters
	 *
	 * @param string[] $args    Options.
	 * @param int[]    $indexes Events listed, newest first.
	 */
	public function test_list_filters( array $args, array $indexes ): void {
		$ids    = self::three_events();
		$result = $this->wp( array_merge( array( 'qualified', 'events', 'list', '--format=ids' ), $args ) );

		$this->assertExit( 0, $result );
		$expected = array();
		foreach ( $indexes as $index ) {
			$expected[] = $ids[ $index ];
		}
		$this->assertSame( implode( ' ', $expected ) . "\n", $result['stdout'] );
	}

	public function test_list_count_and_table(): void {
		self::three_events();
		$count = $this->wp( array( 'qualified', 'events', 'list', '--format=count', '--kind=event' ) );
		$this->assertExit( 0, $count );
		$this->assertSame( "2\n", $count['stdout'] );

		$table = $this->wp( array( 'qualified', 'events', 'list', '--fields=id,kind,name', '--per-page=2' ) );
		$this->assertExit( 0, $table );
		// Not a terminal: WP-CLI prints the table's rows tab-separated.
		$this->assertStringStartsWith( "id\tkind\tname\n", $table['stdout'] );
		$this->assertMatchesRegularExpression( '/^\d+\tmessenger\tMessenger Opened$/m', $table['stdout'] );
		$this->assertStringContainsString( "Events 1 to 2 of 3; --page shows the others.\n", $table['stdout'] );
	}

	public function test_visitor_text_is_printed_inert(): void {
		self::insert_event_row(
			array(
				'name'     => 'Meeting Booked',
				'page_url' => "http://127.0.0.1:9/\x1b]0;owned\x07\x1b[2J",
				'fields'   => '{"note":"line1\nFAKE: line2 \u001b[31mred"}',
			)
		);
		foreach ( array( array( 'list' ), array( 'list', '--format=csv' ), array( 'tail', '--once' ) ) as $args ) {
			$result = $this->wp( array_merge( array( 'qualified', 'events' ), $args ) );
			$this->assertExit( 0, $result );
			$this->assertStringNotContainsString( "\x1b", $result['stdout'], implode( ' ', $args ) );
			$this->assertStringNotContainsString( "\x07", $result['stdout'] );
			$this->assertDoesNotMatchRegularExpression( '/^FAKE:/m', $result['stdout'], 'A value cannot forge a line.' );
		}
	}

	/**
	 * Options the list refuses.
	 *
	 * @return array<string, array{string, string}>
	 */
	public function data_bad_options(): array {
		return array(
			'a kind'          => array( '--kind=visitor', 'Error: --kind: must be event or messenger.' ),
			'a day'           => array( '--after=2026-02-30', 'Error: --after: must be a day, YYYY-MM-DD.' ),
			'a day in words'  => array( '--before=yesterday', 'Error: --before: must be a day, YYYY-MM-DD.' ),
			'a page size'     => array( '--per-page=0', 'Error: --per-page: must be a whole number from 1 to 1000.' ),
			'a long name'     => array( '--name=' . str_repeat( 'n', 101 ), 'Error: --name: at most 100 characters.' ),
			'an empty search' => array( '--search=', 'Error: --search: give a value, e.g. --search=value.' ),
		);
	}

	/**
	 * A bad option exits 1 with a message naming it.
	 *
	 * @dataProvider data_bad_options
	 *
	 * @param string $option Option.
	 * @param string $stderr Message.
	 */
	public function test_list_refuses_bad_options( string $option, string $stderr ): void {
		$result = $this->wp( array( 'qualified', 'events', 'list', $option ) );
		$this->assertExit( 1, $result );
		$this->assertSame( $stderr . "\n", $result['stderr'] );
	}

	public function test_tail_once_prints_the_newest_events_oldest_first(): void {
		$ids    = self::three_events();
		$result = $this->wp( array( 'qualified', 'events', 'tail', '--once', '--lines=2' ) );

		$this->assertExit( 0, $result );
		$lines = explode( "\n", trim( $result['stdout'] ) );
		$this->assertCount( 2, $lines );
		$this->assertMatchesRegularExpression( '/\A\d{4}-\d\d-\d\dT\S+Z  #' . $ids[1] . '  event  Meeting Booked  http:\/\/127\.0\.0\.1:9\/pricing\/  \{"email":"ada@example\.org"\}\z/', $lines[0] );
		$this->assertStringContainsString( '#' . $ids[2] . '  messenger  Messenger Opened', $lines[1] );
	}

	public function test_tail_prints_events_stored_while_it_runs_and_stops_at_count(): void {
		$ids = self::three_events();
		$run = CliRunner::start( array( 'qualified', 'events', 'tail', '--lines=0', '--count=2', '--interval=0.2', '--format=json', '--kind=event' ) );
		// Give it time to boot and note the newest event, so that these are new to it.
		usleep( 2500000 );
		$first  = self::insert_event_row( array( 'name' => 'Email Captured' ) );
		$skip   = self::insert_event_row(
			array(
				'kind' => 'messenger',
				'name' => 'Messenger Closed',
			)
		);
		$second = self::insert_event_row( array( 'name' => 'Meeting Booked' ) );

		$result = CliRunner::wait( $run );

		$this->assertExit( 0, $result );
		$lines = array_map(
			static function ( string $line ): array {
				return (array) json_decode( $line, true );
			},
			explode( "\n", trim( $result['stdout'] ) )
		);
		$this->assertSame( array( $first, $second ), array_column( $lines, 'id' ), 'Only the new events of the kind, in order.' );
		$this->assertNotContains( $skip, array_column( $lines, 'id' ) );
		$this->assertNotContains( $ids[1], array_column( $lines, 'id' ) );
		$this->assertSame( 'Email Captured', $lines[0]['name'] );
	}

	public function test_purge_before_a_day_keeps_that_day_and_deletes_deliveries(): void {
		$ids = self::three_events();
		self::insert_delivery_row( $ids[0] );
		self::insert_delivery_row( $ids[2] );

		$result = $this->wp( array( 'qualified', 'events', 'purge', '--before=' . gmdate( 'Y-m-d', time() - 2 * 86400 ), '--yes' ) );

		$this->assertExit( 0, $result );
		$this->assertSame( "Success: Deleted 1 event.\n", $result['stdout'] );
		$this->assertSame( array( $ids[1], $ids[2] ), array_values( array_intersect( $ids, self::stored_ids() ) ) );
		$this->assertSame( array( $ids[2] ), array_values( array_intersect( $ids, self::delivery_event_ids() ) ), 'The purged event\'s delivery went with it.' );
	}

	public function test_purge_asks_first(): void {
		$ids = self::three_events();

		$no = $this->wp( array( 'qualified', 'events', 'purge' ), "n\n" );
		$this->assertExit( 0, $no );
		$this->assertStringContainsString( 'Delete 3 stored events (and their webhook deliveries)? This cannot be undone. [y/n] ', $no['stdout'] );
		$this->assertSame( $ids, array_values( array_intersect( $ids, self::stored_ids() ) ), 'Nothing deleted.' );

		$closed = $this->wp( array( 'qualified', 'events', 'purge' ) );
		$this->assertExit( 0, $closed );
		$this->assertSame( $ids, array_values( array_intersect( $ids, self::stored_ids() ) ), 'No answer deletes nothing.' );

		$yes = $this->wp( array( 'qualified', 'events', 'purge' ), "y\n" );
		$this->assertExit( 0, $yes );
		$this->assertStringEndsWith( "Success: Deleted 3 events.\n", $yes['stdout'] );
		$this->assertSame( array(), array_values( array_intersect( $ids, self::stored_ids() ) ) );
	}

	public function test_purge_with_nothing_to_delete_and_a_bad_day(): void {
		self::three_events();
		$none = $this->wp( array( 'qualified', 'events', 'purge', '--before=1970-01-02', '--yes' ) );
		$this->assertExit( 0, $none );
		$this->assertSame( "Success: No stored events to delete.\n", $none['stdout'] );

		$bad = $this->wp( array( 'qualified', 'events', 'purge', '--before=01/02/2026', '--yes' ) );
		$this->assertExit( 1, $bad );
		$this->assertSame( "Error: --before: must be a day, YYYY-MM-DD.\n", $bad['stderr'] );
	}
}
