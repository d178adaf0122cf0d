<?php
/**
 * Reads and writes stored events.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

use DateTimeImmutable;
use DateTimeZone;

defined( 'ABSPATH' ) || exit;

/**
 * Every query of the events table, in one place: storing an event, the
 * admin's log (filters, sorting, paging), the names in the log, counts per
 * day per name in the site's time zone, batches for the CSV export, the
 * retention purge, the privacy exporter and eraser, and the counts the rate
 * limiter needs. Each query is prepared; table names are the plugin's own.
 *
 * Values are stored exactly as received (validated, never rewritten), and
 * answered as plain strings: whoever prints them escapes them for the place
 * they print to (JSON, CSV, HTML). Deleting an event also deletes its
 * webhook deliveries.
 *
 * Times are UTC in the table ('Y-m-d H:i:s', from PHP's clock, never the
 * database's, so the rate limiter and the rows agree); dates in filters and
 * statistics are days of the site's time zone.
 *
 * @phpstan-type EventRow array{id: int, kind: string, name: string, createdAt: string, pageUrl: string, experience: string, conversationId: string, fields: array<string, string>}
 * @phpstan-type Filters array{name?: string, kind?: string, search?: string, after?: string, before?: string}
 */
final class EventStore {

	/**
	 * Rows deleted per statement by the purge and the eraser.
	 */
	const DELETE_BATCH = 500;

	/**
	 * At most this many names are listed for the log's name filter.
	 */
	const MAX_NAMES = 1000;

	/**
	 * At most this many series (kind and name) in the statistics: the ones
	 * with most events in the range; the rest are counted in `others`.
	 */
	const MAX_SERIES = 50;

	/**
	 * Flags of wp_json_encode() for the stored fields JSON. The privacy search
	 * looks for values written with the same flags (json_string()).
	 */
	const JSON_FLAGS = JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES;

	/**
	 * Stores one event and answers its row, or null when the insert failed.
	 *
	 * @param array{kind: string, name: string, url: string, experience: string, conversationId: string, fields: array<string, string>, ipHash: string, email: string} $event Validated event.
	 * @return array<string, mixed>|null The stored row (EventRow).
	 * @phpstan-return EventRow|null
	 */
	public function insert( array $event ): ?array {
		global $wpdb;
		$created = UtcTime::from_timestamp( time() );
		$fields  = self::encode_fields( $event['fields'] );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- The plugin's own table; one insert per accepted event.
		$inserted = $wpdb->insert(
			EventsTable::events(),
			array(
				'created_at'      => $created,
				'kind'            => $event['kind'],
				'name'            => $event['name'],
				'page_url'        => $event['url'],
				'experience'      => $event['experience'],
				'conversation_id' => $event['conversationId'],
				'ip_hash'         => $event['ipHash'],
				'email'           => $event['email'],
				'fields'          => $fields,
			),
			array( '%s', '%s', '%s', '%s', '%s', '%s', '%s', '%s', '%s' )
		);
		if ( 1 !== $inserted ) {
			return null;
		}
		return self::to_row(
			array(
				'id'              => (int) $wpdb->insert_id,
				'created_at'      => $created,
				'kind'            => $event['kind'],
				'name'            => $event['name'],
				'page_url'        => $event['url'],
				'experience'      => $event['experience'],
				'conversation_id' => $event['conversationId'],
				'fields'          => $fields,
			)
		);
	}

	/**
	 * One stored event, or null.
	 *
	 * @param int $id Event ID.
	 * @return array<string, mixed>|null
	 * @phpstan-return EventRow|null
	 */
	public function find( int $id ): ?array {
		global $wpdb;
		$table = EventsTable::events();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), 'ARRAY_A' );
		return is_array( $row ) ? self::to_row( $row ) : null;
	}

	/**
	 * A page of the log.
	 *
	 * @param array<string, string> $filters  Validated filters (name, kind, search, after, before).
	 * @param string                $orderby  createdAt or name.
	 * @param string                $order    asc or desc.
	 * @param int                   $page     Page, from 1.
	 * @param int                   $per_page Rows per page.
	 * @return array{items: array<int, array<string, mixed>>, total: int}
	 * @phpstan-param Filters $filters
	 * @phpstan-return array{items: array<int, EventRow>, total: int}
	 */
	public function query( array $filters, string $orderby, string $order, int $page, int $per_page ): array {
		global $wpdb;
		$table                = EventsTable::events();
		list( $where, $args ) = self::where( $filters );
		// phpcs:disable WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own table; $where holds placeholders only, $args their values.
		$total = (int) $wpdb->get_var( self::prepare( "SELECT COUNT(*) FROM {$table} WHERE {$where}", $args ) );
		$rows  = array();
		if ( $total > ( $page - 1 ) * $per_page ) {
			$sql  = "SELECT * FROM {$table} WHERE {$where} ORDER BY " . self::order_sql( $orderby, $order ) . ' LIMIT %d OFFSET %d';
			$rows = $wpdb->get_results( self::prepare( $sql, array_merge( $args, array( $per_page, ( $page - 1 ) * $per_page ) ) ), 'ARRAY_A' );
		}
		// phpcs:enable
		return array(
			'items' => array_map( array( self::class, 'to_row' ), is_array( $rows ) ? $rows : array() ),
			'total' => $total,
		);
	}

	/**
	 * A batch of rows for the CSV export, in the log's order.
	 *
	 * @param array<string, string> $filters Validated filters.
	 * @param string                $orderby createdAt or name.
	 * @param string                $order   asc or desc.
	 * @param int                   $offset  Rows to skip.
	 * @param int                   $limit   Rows to answer.
	 * @return array<int, array<string, mixed>>
	 * @phpstan-param Filters $filters
	 * @phpstan-return array<int, EventRow>
	 */
	public function batch( array $filters, string $orderby, string $order, int $offset, int $limit ): array {
		global $wpdb;
		$table                = EventsTable::events();
		list( $where, $args ) = self::where( $filters );
		$sql                  = "SELECT * FROM {$table} WHERE {$where} ORDER BY " . self::order_sql( $orderby, $order ) . ' LIMIT %d OFFSET %d';
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own table; $sql holds placeholders only.
		$rows = $wpdb->get_results( self::prepare( $sql, array_merge( $args, array( $limit, $offset ) ) ), 'ARRAY_A' );
		return array_map( array( self::class, 'to_row' ), is_array( $rows ) ? $rows : array() );
	}

	/**
	 * The distinct names stored, sorted.
	 *
	 * @return string[]
	 */
	public function names(): array {
		global $wpdb;
		$table = EventsTable::events();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table; the (name, created_at) index answers it.
		$names = $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT name FROM {$table} ORDER BY name ASC LIMIT %d", self::MAX_NAMES ) );
		return array_map( 'strval', is_array( $names ) ? $names : array() );
	}

	/**
	 * Events per day per kind and name over the last $days days of the
	 * site's time zone (today included), oldest day first. A day is a day
	 * of the site's calendar: its bounds are converted to UTC one by one,
	 * so days of a daylight-saving change have 23 or 25 hours.
	 *
	 * Names come from anonymous visitors (a '*' handler stores any name), so
	 * the series are capped: the MAX_SERIES kinds and names with most events
	 * in the range (ties by name, then kind), most first. `total` counts
	 * every event in the range, `others` the ones of the series left out.
	 * Two queries, however many names: the counts per day of the top series
	 * (a derived table picks them), then the total.
	 *
	 * @param int $days Number of days, from 1.
	 * @return array{days: string[], series: array<int, array{kind: string, name: string, counts: int[]}>, total: int, others: int}
	 */
	public function stats( int $days ): array {
		global $wpdb;
		$days   = max( 1, $days );
		$utc    = new DateTimeZone( 'UTC' );
		$start  = ( new DateTimeImmutable( 'now', wp_timezone() ) )->setTime( 0, 0 )->modify( '-' . ( $days - 1 ) . ' days' );
		$labels = array();
		$bounds = array();
		for ( $i = 0; $i <= $days; $i++ ) {
			$day = $start->modify( '+' . $i . ' days' );
			if ( $i < $days ) {
				$labels[] = $day->format( 'Y-m-d' );
			}
			$bounds[] = $day->setTimezone( $utc )->format( 'Y-m-d H:i:s' );
		}
		$range = array( $bounds[0], $bounds[ $days ] );
		$table = EventsTable::events();

		// CASE WHEN created_at < <start of day 2> THEN 0 WHEN ... ELSE <last day> END: one row per kind, name and day.
		$case = 'CASE';
		$args = array();
		for ( $i = 1; $i < $days; $i++ ) {
			$case  .= ' WHEN e.created_at < %s THEN ' . ( $i - 1 );
			$args[] = $bounds[ $i ];
		}
		$case = 1 === $days ? '0' : $case . ' ELSE ' . ( $days - 1 ) . ' END';
		$top  = "SELECT kind, name, COUNT(*) AS events FROM {$table} WHERE created_at >= %s AND created_at < %s GROUP BY kind, name ORDER BY events DESC, name ASC, kind ASC LIMIT %d";
		$sql  = "SELECT e.kind, e.name, {$case} AS day_index, COUNT(*) AS events FROM {$table} AS e"
			. " INNER JOIN ({$top}) AS top ON top.kind <=> e.kind AND top.name <=> e.name"
			. ' WHERE e.created_at >= %s AND e.created_at < %s GROUP BY e.kind, e.name, day_index';
		$args = array_merge( $args, $range, array( self::MAX_SERIES ), $range );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own table; $sql holds placeholders only.
		$rows = $wpdb->get_results( self::prepare( $sql, $args ), 'ARRAY_A' );
		// Counted after the series, so an event stored in between makes `others` larger, never negative.
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table; the created_at index answers it.
		$total = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE created_at >= %s AND created_at < %s", $range[0], $range[1] ) );

		$series = array();
		$shown  = 0;
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$key = (string) $row['kind'] . "\n" . (string) $row['name'];
			if ( ! isset( $series[ $key ] ) ) {
				$series[ $key ] = array(
					'kind'   => (string) $row['kind'],
					'name'   => (string) $row['name'],
					'counts' => array_fill( 0, $days, 0 ),
				);
			}
			$index                               = min( $days - 1, max( 0, (int) $row['day_index'] ) );
			$series[ $key ]['counts'][ $index ] += (int) $row['events'];
			$shown                              += (int) $row['events'];
		}
		$series = array_values( $series );
		usort(
			$series,
			static function ( array $a, array $b ): int {
				return array( array_sum( $b['counts'] ), $a['name'], $a['kind'] ) <=> array( array_sum( $a['counts'] ), $b['name'], $b['kind'] );
			}
		);
		return array(
			'days'   => $labels,
			'series' => $series,
			'total'  => $total,
			// Never below 0, should the purge delete events between the two queries.
			'others' => max( 0, $total - $shown ),
		);
	}

	/**
	 * Deletes up to $limit events stored more than $days days ago, and their deliveries.
	 *
	 * @param int $days  Age in days.
	 * @param int $limit Most events to delete in this call.
	 * @return int Events deleted.
	 */
	public function delete_older_than( int $days, int $limit = self::DELETE_BATCH ): int {
		global $wpdb;
		$table  = EventsTable::events();
		$cutoff = UtcTime::from_timestamp( time() - $days * 86400 );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- The plugin's own table; the created_at index answers it.
		$ids = $wpdb->get_col( $wpdb->prepare( "SELECT id FROM {$table} WHERE created_at < %s ORDER BY created_at ASC LIMIT %d", $cutoff, $limit ) );
		return $this->delete_ids( is_array( $ids ) ? array_map( 'intval', $ids ) : array() );
	}

	/**
	 * Events stored with an email address (privacy exporter), oldest first;
	 * none for an empty address (events without one hold '').
	 *
	 * An event matches when its `email` column holds the address (the field
	 * named `email`, else the first kept address: IncomingEvent) or when any
	 * kept field value is the address, in any letter case: a handler that
	 * keeps `email` and `work_email` stores both, and both belong to the
	 * person asking. See email_match().
	 *
	 * @param string $email  Email address.
	 * @param int    $offset Rows to skip.
	 * @param int    $limit  Rows to answer.
	 * @return array<int, array<string, mixed>>
	 * @phpstan-return array<int, EventRow>
	 */
	public function by_email( string $email, int $offset, int $limit ): array {
		global $wpdb;
		$match = self::email_match( $email );
		if ( null === $match ) {
			return array();
		}
		$table = EventsTable::events();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own table; $match[0] holds placeholders only, $match[1] their values.
		$rows = $wpdb->get_results( self::prepare( "SELECT * FROM {$table} WHERE {$match[0]} ORDER BY id ASC LIMIT %d OFFSET %d", array_merge( $match[1], array( $limit, $offset ) ) ), 'ARRAY_A' );
		return array_map( array( self::class, 'to_row' ), is_array( $rows ) ? $rows : array() );
	}

	/**
	 * Deletes up to $limit events stored with an email address (privacy
	 * eraser; the same events by_email() answers), and their deliveries.
	 *
	 * @param string $email Email address.
	 * @param int    $limit Most events to delete in this call.
	 * @return int Events deleted.
	 */
	public function delete_by_email( string $email, int $limit = self::DELETE_BATCH ): int {
		global $wpdb;
		$match = self::email_match( $email );
		if ( null === $match ) {
			return 0;
		}
		$table = EventsTable::events();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own table; $match[0] holds placeholders only, $match[1] their values.
		$ids = $wpdb->get_col( self::prepare( "SELECT id FROM {$table} WHERE {$match[0]} ORDER BY id ASC LIMIT %d", array_merge( $match[1], array( $limit ) ) ) );
		return $this->delete_ids( is_array( $ids ) ? array_map( 'intval', $ids ) : array() );
	}

	/**
	 * The WHERE clause (placeholders) and values that find an address's
	 * events, or null for an empty address.
	 *
	 * The `email` column holds the address in lower case. The fields column
	 * holds JSON written by encode_fields(); the address is looked for as
	 * the JSON string that function writes for it (same flags, quotes
	 * included, so `ada@example.org` does not match `nada@example.org`, and
	 * a key cannot match: keys hold no `@`). Both sides are lowered and then
	 * compared byte for byte, so the match ignores letter case whatever the
	 * column's collation (a `_bin` or case-sensitive one included) and
	 * nothing else: a `_ci` collation would also take an accented look-alike
	 * (`adá@…`, someone else's value) for the address. Stored values keep
	 * their case.
	 * A privacy request is rare and the LIKE reads every row's fields: no
	 * index can answer a value inside JSON text.
	 *
	 * @param string $email Email address.
	 * @return array{0: string, 1: array<int, string>}|null
	 */
	private static function email_match( string $email ): ?array {
		global $wpdb;
		$address = self::normalize_email( $email );
		if ( '' === $address ) {
			return null;
		}
		$json = self::json_string( $address );
		return array(
			'(email = %s OR CAST(LOWER(fields) AS BINARY) LIKE %s)',
			array( $address, '%' . $wpdb->esc_like( strtolower( $json ) ) . '%' ),
		);
	}

	/**
	 * Deletes events by ID, their deliveries first.
	 *
	 * @param int[] $ids Event IDs.
	 * @return int Events deleted.
	 */
	public function delete_ids( array $ids ): int {
		global $wpdb;
		if ( array() === $ids ) {
			return 0;
		}
		$in = implode( ',', array_fill( 0, count( $ids ), '%d' ) );
		// phpcs:disable WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own tables; $in is one %d per ID.
		$wpdb->query( self::prepare( 'DELETE FROM ' . EventsTable::deliveries() . " WHERE event_id IN ({$in})", $ids ) );
		$deleted = $wpdb->query( self::prepare( 'DELETE FROM ' . EventsTable::events() . " WHERE id IN ({$in})", $ids ) );
		// phpcs:enable
		return is_int( $deleted ) ? $deleted : 0;
	}

	/**
	 * How many events a client stored since a time, counting no further than $cap.
	 *
	 * @param string $ip_hash Client hash.
	 * @param string $since   UTC time, 'Y-m-d H:i:s' (exclusive).
	 * @param int    $cap     Stop counting there.
	 * @return int
	 */
	public function count_since( string $ip_hash, string $since, int $cap ): int {
		global $wpdb;
		$table = EventsTable::events();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- A live count: a cache would defeat the limit. The (ip_hash, created_at) index answers it.
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM (SELECT 1 FROM {$table} WHERE ip_hash = %s AND created_at > %s LIMIT %d) AS recent", $ip_hash, $since, $cap ) );
	}

	/**
	 * When a client stored its $nth most recent event after a time, or null.
	 *
	 * @param string $ip_hash Client hash.
	 * @param string $since   UTC time, 'Y-m-d H:i:s' (exclusive).
	 * @param int    $nth     1 for the newest.
	 * @return string|null UTC time, 'Y-m-d H:i:s'.
	 */
	public function nth_newest_since( string $ip_hash, string $since, int $nth ): ?string {
		global $wpdb;
		$table = EventsTable::events();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- A live read for Retry-After.
		$time = $wpdb->get_var( $wpdb->prepare( "SELECT created_at FROM {$table} WHERE ip_hash = %s AND created_at > %s ORDER BY created_at DESC LIMIT 1 OFFSET %d", $ip_hash, $since, max( 0, $nth - 1 ) ) );
		return is_string( $time ) ? $time : null;
	}

	/**
	 * The form an email address is stored and matched in.
	 *
	 * @param string $email Email address.
	 * @return string
	 */
	public static function normalize_email( string $email ): string {
		return strtolower( trim( $email ) );
	}

	/**
	 * The JSON text stored for the fields: an object, even when empty.
	 *
	 * @param array<string, string> $fields Field values.
	 * @return string
	 */
	public static function encode_fields( array $fields ): string {
		$json = wp_json_encode( (object) $fields, self::JSON_FLAGS );
		return is_string( $json ) ? $json : '{}';
	}

	/**
	 * A string as encode_fields() writes it inside the fields JSON, quotes included.
	 *
	 * @param string $value Value.
	 * @return string
	 */
	private static function json_string( string $value ): string {
		$json = wp_json_encode( $value, self::JSON_FLAGS );
		return is_string( $json ) ? $json : '"' . $value . '"';
	}

	/**
	 * A database row in the shape the API answers (EventRow).
	 *
	 * @param array<string, mixed> $row Row.
	 * @return array<string, mixed>
	 * @phpstan-return EventRow
	 */
	public static function to_row( array $row ): array {
		$fields  = array();
		$decoded = json_decode( (string) ( $row['fields'] ?? '' ), true );
		foreach ( is_array( $decoded ) ? $decoded : array() as $key => $value ) {
			if ( is_string( $value ) ) {
				$fields[ (string) $key ] = $value;
			}
		}
		return array(
			'id'             => (int) ( $row['id'] ?? 0 ),
			'kind'           => (string) ( $row['kind'] ?? '' ),
			'name'           => (string) ( $row['name'] ?? '' ),
			'createdAt'      => (string) UtcTime::to_iso( (string) ( $row['created_at'] ?? '' ) ),
			'pageUrl'        => (string) ( $row['page_url'] ?? '' ),
			'experience'     => (string) ( $row['experience'] ?? '' ),
			'conversationId' => (string) ( $row['conversation_id'] ?? '' ),
			'fields'         => $fields,
		);
	}

	/**
	 * The WHERE clause of the log's filters, with placeholders, and their values.
	 *
	 * @param array<string, string> $filters Validated filters.
	 * @return array{0: string, 1: array<int, string>}
	 * @phpstan-param Filters $filters
	 */
	private static function where( array $filters ): array {
		global $wpdb;
		$where = array( '1=1' );
		$args  = array();
		if ( isset( $filters['name'] ) && '' !== $filters['name'] ) {
			$where[] = 'name = %s';
			$args[]  = $filters['name'];
		}
		if ( isset( $filters['kind'] ) && '' !== $filters['kind'] ) {
			$where[] = 'kind = %s';
			$args[]  = $filters['kind'];
		}
		if ( isset( $filters['search'] ) && '' !== $filters['search'] ) {
			$like    = '%' . $wpdb->esc_like( $filters['search'] ) . '%';
			$where[] = '(name LIKE %s OR page_url LIKE %s OR experience LIKE %s OR conversation_id LIKE %s OR fields LIKE %s)';
			array_push( $args, $like, $like, $like, $like, $like );
		}
		if ( isset( $filters['after'] ) && '' !== $filters['after'] ) {
			$where[] = 'created_at >= %s';
			$args[]  = self::day_start_utc( $filters['after'], 0 );
		}
		if ( isset( $filters['before'] ) && '' !== $filters['before'] ) {
			$where[] = 'created_at < %s';
			$args[]  = self::day_start_utc( $filters['before'], 1 );
		}
		return array( implode( ' AND ', $where ), $args );
	}

	/**
	 * The UTC time at which a day of the site's calendar (plus $add days) starts.
	 *
	 * @param string $date Y-m-d, site time zone.
	 * @param int    $add  Days to add.
	 * @return string 'Y-m-d H:i:s', UTC.
	 */
	private static function day_start_utc( string $date, int $add ): string {
		$day = DateTimeImmutable::createFromFormat( '!Y-m-d', $date, wp_timezone() );
		if ( false === $day ) {
			return '1970-01-01 00:00:00';
		}
		return $day->modify( '+' . $add . ' days' )->setTimezone( new DateTimeZone( 'UTC' ) )->format( 'Y-m-d H:i:s' );
	}

	/**
	 * ORDER BY of the log: by time (ID breaks ties), or by name then newest first.
	 *
	 * @param string $orderby createdAt or name.
	 * @param string $order   asc or desc.
	 * @return string
	 */
	private static function order_sql( string $orderby, string $order ): string {
		$dir = 'asc' === strtolower( $order ) ? 'ASC' : 'DESC';
		if ( 'name' === $orderby ) {
			return "name {$dir}, created_at DESC, id DESC";
		}
		return "created_at {$dir}, id {$dir}";
	}

	/**
	 * $wpdb->prepare() with a list of values (none is fine).
	 *
	 * @param string            $sql  SQL with placeholders.
	 * @param array<int, mixed> $args Values.
	 * @return string
	 */
	private static function prepare( string $sql, array $args ): string {
		global $wpdb;
		if ( array() === $args ) {
			return $sql;
		}
		// phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- This is the prepare.
		return (string) $wpdb->prepare( $sql, $args );
	}
}
