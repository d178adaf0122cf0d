<?php
/**
 * `wp qualified events list|tail|purge`.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use QualifiedIntegration\Events\EventStore;
use WP_CLI;
use WP_CLI\Formatter;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Lists, follows and deletes the events the site stored (the `wordpress`
 * event action), through the event log's own queries (Events\EventStore):
 * the same filters, order and deletions (an event's webhook deliveries
 * go with it) as the admin's log.
 *
 * Event names, pages and field values come from visitors: every format but
 * JSON prints them inert (Output::inert), so no escape sequence reaches the
 * terminal.
 *
 * ## EXAMPLES
 *
 *     $ wp qualified events list --name="Meeting Booked" --after=2026-05-01
 *     $ wp qualified events tail
 *     $ wp qualified events purge --before=2026-01-01 --yes
 */
final class EventsCommand {

	/**
	 * Columns of the list, in order.
	 */
	const FIELDS = array( 'id', 'createdAt', 'kind', 'name', 'pageUrl', 'experience', 'conversationId', 'fields' );

	/**
	 * Events read per query while tail catches up.
	 */
	const TAIL_PAGE = 100;

	/**
	 * Queries tail makes at most per poll (5000 events behind: it skips on).
	 */
	const TAIL_PAGES = 50;

	/**
	 * The stored events.
	 *
	 * @var EventStore
	 */
	private $store;

	/**
	 * Constructor.
	 *
	 * @param EventStore $store The stored events.
	 */
	public function __construct( EventStore $store ) {
		$this->store = $store;
	}

	/**
	 * Lists stored events, newest first.
	 *
	 * ## OPTIONS
	 *
	 * [--name=<name>]
	 * : Only events of this name.
	 *
	 * [--kind=<kind>]
	 * : Only events of this kind: event or messenger.
	 *
	 * [--search=<text>]
	 * : Text searched in the name, page, experience, conversation and fields.
	 *
	 * [--after=<day>]
	 * : First day (YYYY-MM-DD, site time zone), included.
	 *
	 * [--before=<day>]
	 * : Last day (YYYY-MM-DD, site time zone), included.
	 *
	 * [--per-page=<number>]
	 * : Events per page, 1 to 1000.
	 * ---
	 * default: 20
	 * ---
	 *
	 * [--page=<number>]
	 * : Page, from 1.
	 * ---
	 * default: 1
	 * ---
	 *
	 * [--fields=<fields>]
	 * : Columns to show, comma-separated (id, createdAt, kind, name, pageUrl, experience, conversationId, fields).
	 *
	 * [--format=<format>]
	 * : How to print the events.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - csv
	 *   - json
	 *   - ids
	 *   - count
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified events list --kind=event --per-page=5 --fields=id,createdAt,name
	 *     $ wp qualified events list --search=ada@example.org --format=json
	 *     $ wp qualified events list --format=count
	 *
	 * @subcommand list
	 *
	 * @param string[]              $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$filters  = Output::or_fail( EventFilters::from( $assoc_args ) );
		$per_page = Output::or_fail( self::number( $assoc_args, 'per-page', 20, 1, 1000 ) );
		$page     = Output::or_fail( self::number( $assoc_args, 'page', 1, 1, PHP_INT_MAX ) );
		$format   = (string) ( $assoc_args['format'] ?? 'table' );
		$result   = $this->store->query( $filters, 'createdAt', 'desc', $page, $per_page );

		if ( 'count' === $format ) {
			WP_CLI::line( (string) $result['total'] );
			return;
		}
		if ( 'ids' === $format ) {
			WP_CLI::line( implode( ' ', array_column( $result['items'], 'id' ) ) );
			return;
		}
		$items = array();
		foreach ( $result['items'] as $row ) {
			$items[] = 'json' === $format ? self::json_item( $row ) : self::text_item( $row );
		}
		$options = array(
			'format' => $format,
			'fields' => (string) ( $assoc_args['fields'] ?? implode( ',', self::FIELDS ) ),
		);
		( new Formatter( $options ) )->display_items( $items );
		if ( 'table' === $format && $result['total'] > count( $items ) ) {
			$first = ( $page - 1 ) * $per_page + 1;
			WP_CLI::log(
				sprintf(
					/* translators: 1: first event shown, 2: last event shown, 3: number of events found. */
					__( 'Events %1$d to %2$d of %3$d; --page shows the others.', 'qualified-integration' ),
					array() === $items ? 0 : $first,
					$first + count( $items ) - 1,
					$result['total']
				)
			);
		}
	}

	/**
	 * Prints the newest stored events, then each new one as it is stored.
	 *
	 * It checks for new events every --interval seconds until stopped
	 * (Ctrl-C), or until --count new events were printed.
	 *
	 * ## OPTIONS
	 *
	 * [--lines=<number>]
	 * : How many of the newest events to print first.
	 * ---
	 * default: 10
	 * ---
	 *
	 * [--interval=<seconds>]
	 * : Seconds between checks, 0.1 to 3600.
	 * ---
	 * default: 2
	 * ---
	 *
	 * [--count=<number>]
	 * : Stop after this many new events.
	 *
	 * [--once]
	 * : Print the newest events and stop, without waiting for new ones.
	 *
	 * [--name=<name>]
	 * : Only events of this name.
	 *
	 * [--kind=<kind>]
	 * : Only events of this kind: event or messenger.
	 *
	 * [--format=<format>]
	 * : text prints one line per event; json one JSON object per line.
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified events tail --kind=event
	 *     2026-05-01T10:00:00Z  #12  event  Meeting Booked  https://example.com/pricing/  {"email":"ada@example.org"}
	 *
	 *     $ wp qualified events tail --lines=0 --count=1 --format=json
	 *
	 * @param string[]              $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options.
	 */
	public function tail( array $args, array $assoc_args ): void {
		$filters  = Output::or_fail( EventFilters::from( $assoc_args, array( 'name', 'kind' ) ) );
		$lines    = Output::or_fail( self::number( $assoc_args, 'lines', 10, 0, 1000 ) );
		$count    = Output::or_fail( self::number( $assoc_args, 'count', 0, 1, PHP_INT_MAX ) );
		$interval = Output::or_fail( self::seconds( $assoc_args ) );
		$json     = 'json' === ( $assoc_args['format'] ?? 'text' );

		$newest = $this->store->query( $filters, 'createdAt', 'desc', 1, max( 1, $lines ) )['items'];
		$last   = array() === $newest ? 0 : max( array_column( $newest, 'id' ) );
		foreach ( array_reverse( array_slice( $newest, 0, $lines ) ) as $row ) {
			self::print_event( $row, $json );
		}
		if ( isset( $assoc_args['once'] ) ) {
			return;
		}

		$printed = 0;
		while ( 0 === $count || $printed < $count ) {
			usleep( (int) round( $interval * 1000000 ) );
			foreach ( $this->newer_than( $last, $filters ) as $row ) {
				self::print_event( $row, $json );
				$last = max( $last, $row['id'] );
				++$printed;
				if ( 0 !== $count && $printed >= $count ) {
					return;
				}
			}
		}
	}

	/**
	 * Deletes stored events (and their webhook deliveries).
	 *
	 * Asks first, unless --yes is given. Without --before, every stored
	 * event is deleted. The daily purge (Keep events for, in the settings)
	 * goes on as before.
	 *
	 * ## OPTIONS
	 *
	 * [--before=<day>]
	 * : Only events stored before this day (YYYY-MM-DD, site time zone); that day's events are kept.
	 *
	 * [--yes]
	 * : Delete without asking.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified events purge --before=2026-01-01
	 *     Delete 120 stored events (and their webhook deliveries)? This cannot be undone. [y/n] y
	 *     Success: Deleted 120 events.
	 *
	 * @param string[]              $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options.
	 */
	public function purge( array $args, array $assoc_args ): void {
		$filters = Output::or_fail( EventFilters::from( $assoc_args, array( 'before' ) ) );
		if ( isset( $filters['before'] ) ) {
			// The store's `before` keeps its day in; this option keeps it out: the day before, then.
			$day               = EventFilters::day( $filters['before'] );
			$filters['before'] = null === $day ? $filters['before'] : $day->modify( '-1 day' )->format( 'Y-m-d' );
		}
		$total = $this->store->query( $filters, 'createdAt', 'asc', 1, 1 )['total'];
		if ( 0 === $total ) {
			WP_CLI::success( __( 'No stored events to delete.', 'qualified-integration' ) );
			return;
		}
		WP_CLI::confirm(
			/* translators: %d: number of events. */
			sprintf( _n( 'Delete %d stored event (and its webhook deliveries)? This cannot be undone.', 'Delete %d stored events (and their webhook deliveries)? This cannot be undone.', $total, 'qualified-integration' ), $total ),
			$assoc_args
		);
		$deleted = 0;
		do {
			$ids      = array_column( $this->store->batch( $filters, 'createdAt', 'asc', 0, EventStore::DELETE_BATCH ), 'id' );
			$batch    = $this->store->delete_ids( $ids );
			$deleted += $batch;
		} while ( array() !== $ids && $batch > 0 );
		/* translators: %d: number of events deleted. */
		WP_CLI::success( sprintf( _n( 'Deleted %d event.', 'Deleted %d events.', $deleted, 'qualified-integration' ), $deleted ) );
	}

	/**
	 * The events stored after the one with ID $last (matching the filters),
	 * oldest first: newest pages first, until one reaches back to $last.
	 *
	 * @param int                   $last    ID of the last event printed.
	 * @param array<string, string> $filters Filters.
	 * @return array<int, array<string, mixed>>
	 * @phpstan-param array{name?: string, kind?: string} $filters
	 * @phpstan-return array<int, array{id: int, kind: string, name: string, createdAt: string, pageUrl: string, experience: string, conversationId: string, fields: array<string, string>}>
	 */
	private function newer_than( int $last, array $filters ): array {
		$found = array();
		for ( $page = 1; $page <= self::TAIL_PAGES; $page++ ) {
			$items = $this->store->query( $filters, 'createdAt', 'desc', $page, self::TAIL_PAGE )['items'];
			$older = false;
			foreach ( $items as $row ) {
				if ( $row['id'] > $last ) {
					$found[ $row['id'] ] = $row;
				} else {
					$older = true;
				}
			}
			if ( $older || count( $items ) < self::TAIL_PAGE ) {
				break;
			}
		}
		ksort( $found );
		return array_values( $found );
	}

	/**
	 * Prints one event: a line of text, or a line of JSON.
	 *
	 * @param array<string, mixed> $row  EventRow.
	 * @param bool                 $json Whether to print JSON.
	 */
	private static function print_event( array $row, bool $json ): void {
		if ( $json ) {
			WP_CLI::line( (string) wp_json_encode( self::json_item( $row ), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
			return;
		}
		$parts = array( (string) $row['createdAt'], '#' . $row['id'], (string) $row['kind'], (string) $row['name'], (string) $row['pageUrl'] );
		if ( array() !== (array) $row['fields'] ) {
			$parts[] = (string) wp_json_encode( $row['fields'], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		}
		WP_CLI::line( Output::inert( implode( '  ', $parts ) ) );
	}

	/**
	 * An event for JSON output: fields an object even when empty.
	 *
	 * @param array<string, mixed> $row EventRow.
	 * @return array<string, mixed>
	 */
	private static function json_item( array $row ): array {
		$row['fields'] = (object) $row['fields'];
		return $row;
	}

	/**
	 * An event for a table or CSV: every value one inert line of text.
	 *
	 * @param array<string, mixed> $row EventRow.
	 * @return array<string, string>
	 */
	private static function text_item( array $row ): array {
		$item = array();
		foreach ( $row as $key => $value ) {
			$text         = is_array( $value ) ? ( array() === $value ? '' : (string) wp_json_encode( $value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) ) : (string) $value;
			$item[ $key ] = Output::inert( $text );
		}
		return $item;
	}

	/**
	 * A whole-number option within bounds, its default when absent.
	 *
	 * @param array<string, mixed> $assoc_args Options.
	 * @param string               $key        Option name.
	 * @param int                  $default    Value when absent.
	 * @param int                  $min        Smallest value.
	 * @param int                  $max        Largest value.
	 * @return int|WP_Error
	 */
	private static function number( array $assoc_args, string $key, int $default, int $min, int $max ) {
		if ( ! isset( $assoc_args[ $key ] ) ) {
			return $default;
		}
		// A synopsis default arrives as a number (WP-CLI reads it as YAML), a typed value as text.
		$value = is_int( $assoc_args[ $key ] ) ? (string) $assoc_args[ $key ] : $assoc_args[ $key ];
		if ( ! is_string( $value ) || 1 !== preg_match( '/\A\d{1,18}\z/', $value ) || (int) $value < $min || (int) $value > $max ) {
			return new WP_Error(
				'qualified_integration_option',
				/* translators: 1: option name, 2: smallest value, 3: largest value. */
				sprintf( __( '--%1$s: must be a whole number from %2$d to %3$d.', 'qualified-integration' ), $key, $min, $max )
			);
		}
		return (int) $value;
	}

	/**
	 * The --interval option, in seconds.
	 *
	 * @param array<string, mixed> $assoc_args Options.
	 * @return float|WP_Error
	 */
	private static function seconds( array $assoc_args ) {
		$value = $assoc_args['interval'] ?? '2';
		$value = is_int( $value ) || is_float( $value ) ? (string) $value : $value;
		if ( ! is_string( $value ) || 1 !== preg_match( '/\A\d{1,4}(\.\d{1,3})?\z/', $value ) || (float) $value < 0.1 || (float) $value > 3600 ) {
			return new WP_Error( 'qualified_integration_option', __( '--interval: must be a number of seconds from 0.1 to 3600.', 'qualified-integration' ) );
		}
		return (float) $value;
	}
}
