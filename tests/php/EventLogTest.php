<?php
/**
 * The admin's event log routes: log, stats and CSV export.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- The tests read and write the plugin's own tables by name; values go through prepare().

use QualifiedIntegration\Events\CsvExport;
use QualifiedIntegration\Events\EventStore;
use WP_REST_Request;
use WP_REST_Response;

/**
 * GET /events/log, /events/stats and /events/export, dispatched through
 * core's REST server on rows written straight into the table.
 */
final class EventLogTest extends TestCase {

	use EventsFixtures;

	const NS = '/qualified-integration/v1';

	/**
	 * A fresh REST server, an administrator, the site in Tokyo (UTC+9, no daylight saving).
	 */
	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		update_option( 'timezone_string', 'Asia/Tokyo' );
		update_option( 'gmt_offset', '' );
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * GETs a route.
	 *
	 * @param string               $route  Route after the namespace.
	 * @param array<string, mixed> $params Query parameters.
	 * @return WP_REST_Response
	 */
	private function get( string $route, array $params = array() ): WP_REST_Response {
		$request = new WP_REST_Request( 'GET', self::NS . $route );
		$request->set_query_params( $params );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * The log's item names for some parameters.
	 *
	 * @param array<string, mixed> $params Query parameters.
	 * @return string[]
	 */
	private function names_of( array $params ): array {
		$response = $this->get( '/events/log', $params );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return array_column( $response->get_data()['items'], 'name' );
	}

	/**
	 * The CSV an export serves, through rest_pre_serve_request as the REST server would.
	 *
	 * @param array<string, mixed> $params Query parameters.
	 * @param WP_REST_Response     $response Receives the response.
	 * @return string
	 */
	private function export( array $params = array(), &$response = null ): string {
		$request = new WP_REST_Request( 'GET', self::NS . '/events/export' );
		$request->set_query_params( $params );
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 200, $response->get_status() );
		ob_start();
		$served = apply_filters( 'rest_pre_serve_request', false, $response, $request, rest_get_server() );
		$csv    = (string) ob_get_clean();
		$this->assertTrue( $served, 'Served raw, not as JSON.' );
		return $csv;
	}

	/**
	 * Parses CSV text into rows.
	 *
	 * @param string $csv CSV.
	 * @return array<int, array<int, string|null>>
	 */
	private static function parse_csv( string $csv ): array {
		// phpcs:disable WordPress.WP.AlternativeFunctions -- An in-memory stream for fgetcsv, the reference parser.
		$handle = fopen( 'php://memory', 'r+' );
		fwrite( $handle, $csv );
		rewind( $handle );
		$rows = array();
		$row  = fgetcsv( $handle, 0, ',', '"', '' );
		while ( false !== $row ) {
			$rows[] = $row;
			$row    = fgetcsv( $handle, 0, ',', '"', '' );
		}
		fclose( $handle );
		// phpcs:enable WordPress.WP.AlternativeFunctions
		return $rows;
	}

	public function test_the_log_lists_newest_first_as_event_rows_with_the_stored_names(): void {
		$first  = self::insert_event_row(
			array(
				'created_at'      => '2024-03-01 10:00:00',
				'name'            => 'Meeting Booked',
				'page_url'        => home_url( '/pricing/' ),
				'experience'      => 'experience-1',
				'conversation_id' => 'c1',
				'fields'          => '{"email":"a@example.org"}',
			)
		);
		$second = self::insert_event_row(
			array(
				'created_at' => '2024-03-02 10:00:00',
				'kind'       => 'messenger',
				'name'       => 'messenger:opened',
			)
		);

		$response = $this->get( '/events/log' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 2, $data['total'] );
		$this->assertSame( 1, $data['totalPages'] );
		$this->assertSame( array( 'Meeting Booked', 'messenger:opened' ), $data['names'] );
		$this->assertSame( '2', $response->get_headers()['X-WP-Total'] );

		$json = json_decode( (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) ), true );
		$this->assertSame(
			array(
				array(
					'id'             => $second,
					'kind'           => 'messenger',
					'name'           => 'messenger:opened',
					'createdAt'      => '2024-03-02T10:00:00Z',
					'pageUrl'        => home_url( '/' ),
					'experience'     => '',
					'conversationId' => '',
					'fields'         => array(),
				),
				array(
					'id'             => $first,
					'kind'           => 'event',
					'name'           => 'Meeting Booked',
					'createdAt'      => '2024-03-01T10:00:00Z',
					'pageUrl'        => home_url( '/pricing/' ),
					'experience'     => 'experience-1',
					'conversationId' => 'c1',
					'fields'         => array( 'email' => 'a@example.org' ),
				),
			),
			$json['items']
		);
		$this->assertStringContainsString( '"fields":{}', (string) wp_json_encode( rest_get_server()->response_to_data( $response, false ) ), 'No fields is an empty object, not a list.' );
	}

	public function test_filters_by_name_kind_and_search(): void {
		self::insert_event_row(
			array(
				'name'   => 'Meeting Booked',
				'fields' => '{"company":"Acme Widgets"}',
			)
		);
		self::insert_event_row(
			array(
				'name'     => 'Email Captured',
				'page_url' => home_url( '/blog/acme-story/' ),
			)
		);
		self::insert_event_row(
			array(
				'kind' => 'messenger',
				'name' => 'Meeting Booked',
			)
		);
		self::insert_event_row(
			array(
				'name'            => '100% sure',
				'conversation_id' => 'conv_1',
			)
		);

		$this->assertSame( array( 'Meeting Booked', 'Meeting Booked' ), $this->names_of( array( 'name' => 'Meeting Booked' ) ) );
		$this->assertCount( 1, $this->names_of( array( 'kind' => 'messenger' ) ) );
		$this->assertSame(
			array( 'Meeting Booked' ),
			$this->names_of(
				array(
					'name' => 'Meeting Booked',
					'kind' => 'event',
				)
			)
		);
		$this->assertEqualsCanonicalizing( array( 'Meeting Booked', 'Email Captured' ), $this->names_of( array( 'search' => 'acme' ) ), 'In fields and in the page URL.' );
		$this->assertSame( array( '100% sure' ), $this->names_of( array( 'search' => '100%' ) ), 'LIKE wildcards are literal.' );
		$this->assertSame( array(), $this->names_of( array( 'search' => 'conv%1' ) ) );
		$this->assertSame( array( '100% sure' ), $this->names_of( array( 'search' => 'conv_1' ) ) );
		$this->assertSame( array(), $this->names_of( array( 'name' => 'Nothing' ) ) );
	}

	public function test_after_and_before_are_days_of_the_site_time_zone(): void {
		// Tokyo is UTC+9: 2024-03-01 16:00 UTC is already March 2 there, 14:59 UTC still March 1.
		self::insert_event_row(
			array(
				'created_at' => '2024-03-01 14:59:59',
				'name'       => 'March 1',
			)
		);
		self::insert_event_row(
			array(
				'created_at' => '2024-03-01 15:00:00',
				'name'       => 'March 2 early',
			)
		);
		self::insert_event_row(
			array(
				'created_at' => '2024-03-02 14:59:59',
				'name'       => 'March 2 late',
			)
		);
		self::insert_event_row(
			array(
				'created_at' => '2024-03-02 15:00:00',
				'name'       => 'March 3',
			)
		);

		$this->assertSame(
			array( 'March 2 early', 'March 2 late' ),
			$this->names_of(
				array(
					'after'  => '2024-03-02',
					'before' => '2024-03-02',
					'order'  => 'asc',
				)
			)
		);
		$this->assertSame( array( 'March 1' ), $this->names_of( array( 'before' => '2024-03-01' ) ) );
		$this->assertSame( array( 'March 3' ), $this->names_of( array( 'after' => '2024-03-03' ) ) );
	}

	public function test_sorting_by_time_and_by_name(): void {
		self::insert_event_row(
			array(
				'created_at' => '2024-03-01 10:00:00',
				'name'       => 'b',
			)
		);
		self::insert_event_row(
			array(
				'created_at' => '2024-03-03 10:00:00',
				'name'       => 'a',
			)
		);
		self::insert_event_row(
			array(
				'created_at' => '2024-03-02 10:00:00',
				'name'       => 'c',
			)
		);

		$this->assertSame( array( 'a', 'c', 'b' ), $this->names_of( array() ), 'Newest first by default.' );
		$this->assertSame( array( 'b', 'c', 'a' ), $this->names_of( array( 'order' => 'asc' ) ) );
		$this->assertSame(
			array( 'a', 'b', 'c' ),
			$this->names_of(
				array(
					'orderby' => 'name',
					'order'   => 'asc',
				)
			)
		);
		$this->assertSame(
			array( 'c', 'b', 'a' ),
			$this->names_of(
				array(
					'orderby' => 'name',
					'order'   => 'desc',
				)
			)
		);
	}

	public function test_paging(): void {
		for ( $i = 1; $i <= 5; $i++ ) {
			self::insert_event_row(
				array(
					'created_at' => '2024-03-0' . $i . ' 10:00:00',
					'name'       => 'e' . $i,
				)
			);
		}
		$page = $this->get(
			'/events/log',
			array(
				'perPage' => 2,
				'page'    => 2,
			)
		)->get_data();
		$this->assertSame( array( 'e3', 'e2' ), array_column( $page['items'], 'name' ) );
		$this->assertSame( 5, $page['total'] );
		$this->assertSame( 3, $page['totalPages'] );
		$this->assertSame(
			array( 'e1' ),
			$this->names_of(
				array(
					'perPage' => 2,
					'page'    => 3,
				)
			)
		);
		$this->assertSame(
			array(),
			$this->names_of(
				array(
					'perPage' => 2,
					'page'    => 4,
				)
			),
			'Past the end: no items.'
		);
		$this->assertCount( 5, $this->names_of( array() ), 'perPage defaults to 20.' );
	}

	/**
	 * Parameters refused by the log.
	 *
	 * @return array<string, array{0: array<string, mixed>, 1: string}>
	 */
	public function bad_log_params(): array {
		return array(
			'page 0'         => array( array( 'page' => 0 ), 'page' ),
			'perPage 0'      => array( array( 'perPage' => 0 ), 'perPage' ),
			'perPage 101'    => array( array( 'perPage' => 101 ), 'perPage' ),
			'perPage text'   => array( array( 'perPage' => 'many' ), 'perPage' ),
			'unknown kind'   => array( array( 'kind' => 'visitor' ), 'kind' ),
			'unknown sort'   => array( array( 'orderby' => 'id' ), 'orderby' ),
			'unknown order'  => array( array( 'order' => 'up' ), 'order' ),
			'no such day'    => array( array( 'after' => '2024-02-30' ), 'after' ),
			'not a day'      => array( array( 'before' => '03/01/2024' ), 'before' ),
			'SQL in a day'   => array( array( 'after' => "2024-01-01' OR 1=1 --" ), 'after' ),
			'name too long'  => array( array( 'name' => str_repeat( 'n', 101 ) ), 'name' ),
			'search too big' => array( array( 'search' => str_repeat( 's', 201 ) ), 'search' ),
		);
	}

	/**
	 * Bad parameters are a 400 naming the parameter.
	 *
	 * @dataProvider bad_log_params
	 *
	 * @param array<string, mixed> $params Query parameters.
	 * @param string               $param  The parameter named.
	 */
	public function test_bad_parameters_are_refused( array $params, string $param ): void {
		foreach ( array( '/events/log', '/events/export' ) as $route ) {
			if ( '/events/export' === $route && in_array( $param, array( 'page', 'perPage' ), true ) ) {
				continue;
			}
			$response = $this->get( $route, $params );
			$this->assertSame( 400, $response->get_status(), $route );
			$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
			$this->assertArrayHasKey( $param, $response->get_data()['data']['params'] );
		}
	}

	public function test_stats_count_per_day_per_name_in_the_site_time_zone(): void {
		$tz    = wp_timezone();
		$today = ( new \DateTimeImmutable( 'now', $tz ) )->setTime( 0, 0 );
		$utc   = new \DateTimeZone( 'UTC' );
		$at    = static function ( \DateTimeImmutable $local ) use ( $utc ): string {
			return $local->setTimezone( $utc )->format( 'Y-m-d H:i:s' );
		};
		// Today's first minute (in Tokyo: the previous UTC day) and yesterday's last.
		self::insert_event_row(
			array(
				'created_at' => $at( $today->modify( '+1 minute' ) ),
				'name'       => 'Meeting Booked',
			)
		);
		self::insert_event_row(
			array(
				'created_at' => $at( $today->modify( '-1 minute' ) ),
				'name'       => 'Meeting Booked',
			)
		);
		self::insert_event_row(
			array(
				'created_at' => $at( $today->modify( '-1 minute' ) ),
				'name'       => 'Meeting Booked',
			)
		);
		self::insert_event_row(
			array(
				'created_at' => $at( $today->modify( '-29 days +1 minute' ) ),
				'kind'       => 'messenger',
				'name'       => 'messenger:opened',
			)
		);
		// Just before the first day: not counted.
		self::insert_event_row(
			array(
				'created_at' => $at( $today->modify( '-29 days -1 minute' ) ),
				'name'       => 'Too old',
			)
		);

		$response = $this->get( '/events/stats' );
		$this->assertSame( 200, $response->get_status() );
		$stats = $response->get_data();
		$this->assertCount( 30, $stats['days'] );
		$this->assertSame( $today->format( 'Y-m-d' ), end( $stats['days'] ), 'Today in Tokyo is the last day.' );
		$this->assertSame( $today->modify( '-29 days' )->format( 'Y-m-d' ), $stats['days'][0], 'Oldest first.' );
		$this->assertSame( 4, $stats['total'] );
		$this->assertSame( 0, $stats['others'], 'Every name has its series.' );

		$expected_meetings     = array_fill( 0, 30, 0 );
		$expected_meetings[29] = 1;
		$expected_meetings[28] = 2;
		$expected_messenger    = array_fill( 0, 30, 0 );
		$expected_messenger[0] = 1;
		$this->assertSame(
			array(
				array(
					'kind'   => 'event',
					'name'   => 'Meeting Booked',
					'counts' => $expected_meetings,
				),
				array(
					'kind'   => 'messenger',
					'name'   => 'messenger:opened',
					'counts' => $expected_messenger,
				),
			),
			$stats['series'],
			'Most events first.'
		);

		$week = $this->get( '/events/stats', array( 'days' => 7 ) )->get_data();
		$this->assertCount( 7, $week['days'] );
		$this->assertSame( 3, $week['total'] );
		$this->assertCount( 1, $week['series'] );

		$one = $this->get( '/events/stats', array( 'days' => 1 ) )->get_data();
		$this->assertSame( array( $today->format( 'Y-m-d' ) ), $one['days'] );
		$this->assertSame( 1, $one['total'] );

		foreach ( array( 0, 366, 'x' ) as $bad ) {
			$this->assertSame( 400, $this->get( '/events/stats', array( 'days' => $bad ) )->get_status() );
		}
	}

	public function test_stats_keep_the_fifty_names_with_most_events_and_count_the_rest_as_others(): void {
		global $wpdb;
		// 60 names (a '*' handler stores whatever visitors send): N21..N60 with 2 to 5 events,
		// N01..N20 with one each, so the 50th place is decided among equals, by name.
		$expected = array();
		$total    = 0;
		for ( $i = 1; $i <= 60; $i++ ) {
			$name  = sprintf( 'N%02d', $i );
			$count = $i <= 20 ? 1 : 2 + intdiv( $i - 21, 10 );
			for ( $n = 0; $n < $count; $n++ ) {
				self::insert_event_row(
					array(
						'name'       => $name,
						'created_at' => self::utc( -60 - $n ),
					)
				);
			}
			$expected[ $name ] = $count;
			$total            += $count;
		}
		// Outside the range: neither in a series nor in the total.
		self::insert_event_row(
			array(
				'name'       => 'N60',
				'created_at' => self::utc( -40 * DAY_IN_SECONDS ),
			)
		);
		$this->assertSame( 160, $total );

		$response = $this->get( '/events/stats' );
		$this->assertSame( 200, $response->get_status() );
		$stats = $response->get_data();
		$this->assertCount( 50, $stats['series'] );
		$this->assertSame( 160, $stats['total'], 'The true total.' );
		$this->assertSame( 10, $stats['others'], 'N11..N20, one event each.' );

		$names = array();
		for ( $i = 60; $i > 20; $i -= 10 ) {
			for ( $j = $i - 9; $j <= $i; $j++ ) {
				$names[] = sprintf( 'N%02d', $j );
			}
		}
		for ( $j = 1; $j <= 10; $j++ ) {
			$names[] = sprintf( 'N%02d', $j );
		}
		$this->assertSame( $names, array_column( $stats['series'], 'name' ), 'Most events first; among equals, by name.' );
		foreach ( $stats['series'] as $series ) {
			$this->assertSame( 'event', $series['kind'] );
			$this->assertSame( $expected[ $series['name'] ], array_sum( $series['counts'] ), $series['name'] );
		}
		$this->assertSame( 150, array_sum( array_map( 'array_sum', array_column( $stats['series'], 'counts' ) ) ) );

		// However many names: a fixed number of queries, none per name.
		$before = $wpdb->num_queries;
		( new EventStore() )->stats( 30 );
		$this->assertSame( 2, $wpdb->num_queries - $before );
	}

	public function test_stats_with_nothing_stored(): void {
		$stats = $this->get( '/events/stats' )->get_data();
		$this->assertCount( 30, $stats['days'] );
		$this->assertSame( array(), $stats['series'] );
		$this->assertSame( 0, $stats['total'] );
		$this->assertSame( 0, $stats['others'] );
	}

	public function test_export_is_csv_with_formula_cells_neutralised(): void {
		$hostile = array(
			"=cmd|' /C calc'!A0",
			'+1+1',
			'-2+3',
			'@SUM(A1:A2)',
			"\t=1",
			"\r=1",
		);
		foreach ( $hostile as $i => $value ) {
			self::insert_event_row(
				array(
					'created_at' => '2024-03-01 10:00:0' . $i,
					'name'       => $value,
					'experience' => $value,
					'fields'     => (string) wp_json_encode( array( 'note' => $value ) ),
				)
			);
		}
		$quoted = self::insert_event_row(
			array(
				'created_at'      => '2024-03-01 11:00:00',
				'name'            => 'Say "hi", then
go',
				'conversation_id' => 'a,b',
			)
		);

		$csv = $this->export( array( 'order' => 'asc' ), $response );
		$this->assertSame( 'text/csv; charset=utf-8', $response->get_headers()['Content-Type'] );
		$this->assertSame( 'attachment; filename=qualified-events-' . wp_date( 'Y-m-d' ) . '.csv', $response->get_headers()['Content-Disposition'] );
		$this->assertStringStartsWith( "\"id\",\"created_at\",\"kind\",\"name\",\"page_url\",\"experience\",\"conversation_id\",\"fields\"\r\n", $csv );
		$this->assertStringContainsString( "\"'=cmd|' /C calc'!A0\"", $csv );

		$rows = self::parse_csv( $csv );
		$this->assertSame( CsvExport::COLUMNS, $rows[0] );
		$this->assertCount( 8, $rows );
		foreach ( $hostile as $i => $value ) {
			$row = $rows[ $i + 1 ];
			$this->assertSame( "'" . $value, $row[3], 'name' );
			$this->assertSame( "'" . $value, $row[5], 'experience' );
			$this->assertSame( '2024-03-01 10:00:0' . $i, $row[1] );
			$this->assertSame( array( 'note' => $value ), json_decode( (string) $row[7], true ), 'The fields cell is JSON (starting with {, so never a formula).' );
		}
		$this->assertSame( (string) $quoted, $rows[7][0] );
		$this->assertSame( "Say \"hi\", then\ngo", $rows[7][3], 'Quotes doubled, the comma and the line break inside one cell.' );
		$this->assertSame( 'a,b', $rows[7][6] );
		$this->assertSame( '{}', $rows[7][7] );
	}

	public function test_export_takes_the_log_filters(): void {
		self::insert_event_row( array( 'name' => 'Meeting Booked' ) );
		self::insert_event_row( array( 'name' => 'Email Captured' ) );
		$rows = self::parse_csv( $this->export( array( 'name' => 'Email Captured' ) ) );
		$this->assertCount( 2, $rows );
		$this->assertSame( 'Email Captured', $rows[1][3] );
		$this->assertCount( 1, self::parse_csv( $this->export( array( 'kind' => 'messenger' ) ) ), 'Only the header.' );
	}

	public function test_export_reads_in_batches(): void {
		global $wpdb;
		$values = array();
		for ( $i = 0; $i < CsvExport::BATCH + 5; $i++ ) {
			$values[] = $wpdb->prepare( '(%s, %s, %s, %s, %s, %s, %s, %s, %s)', '2024-03-01 10:00:00', 'event', 'n' . $i, home_url( '/' ), '', '', '', '', '{}' );
		}
		$wpdb->query( 'INSERT INTO ' . \QualifiedIntegration\Events\EventsTable::events() . ' (created_at, kind, name, page_url, experience, conversation_id, ip_hash, email, fields) VALUES ' . implode( ',', $values ) );
		$rows = self::parse_csv( $this->export() );
		$this->assertCount( CsvExport::BATCH + 6, $rows );
		$this->assertCount( CsvExport::BATCH + 5, array_unique( array_column( array_slice( $rows, 1 ), 0 ) ), 'No row twice across batches.' );
	}

	public function test_a_json_rendering_of_the_export_is_its_csv_text(): void {
		self::insert_event_row( array( 'name' => '=1+1' ) );
		$response = $this->get( '/events/export' );
		$data     = $response->get_data();
		$this->assertInstanceOf( CsvExport::class, $data );
		$this->assertStringContainsString( '"\'=1+1"', (string) json_decode( (string) wp_json_encode( $data ) ) );
	}

	/**
	 * Users who may not read the log.
	 *
	 * @return array<string, array{0: string|null, 1: int}>
	 */
	public function refused_users(): array {
		return array(
			'anonymous'  => array( null, 401 ),
			'subscriber' => array( 'subscriber', 403 ),
			'editor'     => array( 'editor', 403 ),
		);
	}

	/**
	 * Every route needs manage_options.
	 *
	 * @dataProvider refused_users
	 *
	 * @param string|null $role   Role, or null for no user.
	 * @param int         $status Status expected.
	 */
	public function test_the_log_routes_need_manage_options( ?string $role, int $status ): void {
		self::insert_event_row( array( 'name' => 'Secret' ) );
		wp_set_current_user( null === $role ? 0 : $this->create_user( $role ) );
		foreach ( array( '/events/log', '/events/stats', '/events/export' ) as $route ) {
			$response = $this->get( $route );
			$this->assertSame( $status, $response->get_status(), $route );
			$this->assertSame( 'rest_forbidden', $response->get_data()['code'], $route );
			$this->assertStringNotContainsString( 'Secret', (string) wp_json_encode( $response->get_data() ) );
			ob_start();
			$served = apply_filters( 'rest_pre_serve_request', false, $response, new WP_REST_Request( 'GET', self::NS . $route ), rest_get_server() );
			$this->assertSame( '', ob_get_clean() );
			$this->assertFalse( $served, 'A refusal is served as JSON.' );
		}
	}

	public function test_every_log_route_has_a_permission_callback(): void {
		$routes = rest_get_server()->get_routes();
		foreach ( array( '/events/log', '/events/stats', '/events/export' ) as $route ) {
			$this->assertArrayHasKey( self::NS . $route, $routes );
			foreach ( $routes[ self::NS . $route ] as $handler ) {
				$this->assertIsCallable( $handler['permission_callback'] );
				$this->assertSame( array( 'GET' => true ), $handler['methods'] );
			}
		}
	}
}
