<?php
/**
 * The event log as CSV.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

defined( 'ABSPATH' ) || exit;

/**
 * Writes the stored events that match the log's filters as CSV, in batches,
 * so an export of 50,000 rows never holds them all in memory. It is the data
 * of the export route's response; the controller echoes it raw through
 * `rest_pre_serve_request` instead of letting the REST server JSON-encode it.
 *
 * Every value came from an anonymous request, so it is written inert for a
 * spreadsheet: each cell is quoted (RFC 4180, quotes doubled), and a cell
 * starting with = + - @ a tab or a carriage return gets a leading ' so that
 * Excel, LibreOffice and Google Sheets show it as text instead of running
 * it as a formula (CSV injection).
 */
final class CsvExport implements \JsonSerializable {

	/**
	 * Most rows one export writes.
	 */
	const MAX_ROWS = 50000;

	/**
	 * Rows read per query.
	 */
	const BATCH = 1000;

	/**
	 * The columns, in order.
	 */
	const COLUMNS = array( 'id', 'created_at', 'kind', 'name', 'page_url', 'experience', 'conversation_id', 'fields' );

	/**
	 * Stored events.
	 *
	 * @var EventStore
	 */
	private $store;

	/**
	 * Validated filters.
	 *
	 * @var array<string, string>
	 */
	private $filters;

	/**
	 * Sort column: createdAt or name.
	 *
	 * @var string
	 */
	private $orderby;

	/**
	 * Sort direction: asc or desc.
	 *
	 * @var string
	 */
	private $order;

	/**
	 * Constructor.
	 *
	 * @param EventStore            $store   Stored events.
	 * @param array<string, string> $filters Validated filters (name, kind, search, after, before).
	 * @param string                $orderby createdAt or name.
	 * @param string                $order   asc or desc.
	 */
	public function __construct( EventStore $store, array $filters, string $orderby, string $order ) {
		$this->store   = $store;
		$this->filters = $filters;
		$this->orderby = $orderby;
		$this->order   = $order;
	}

	/**
	 * The file's name for a download: qualified-events-YYYY-MM-DD.csv (today, site time zone).
	 *
	 * @return string
	 */
	public static function filename(): string {
		return 'qualified-events-' . wp_date( 'Y-m-d' ) . '.csv';
	}

	/**
	 * Writes the CSV, batch by batch, to a callback (echo, by default).
	 *
	 * @param callable(string): void|null $write Receives each chunk.
	 */
	public function send( ?callable $write = null ): void {
		$write = $write ?? static function ( string $chunk ): void {
			echo $chunk; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CSV, each cell escaped for CSV by line().
		};
		$write( self::line( self::COLUMNS ) );
		for ( $offset = 0; $offset < self::MAX_ROWS; $offset += self::BATCH ) {
			$rows = $this->store->batch( $this->filters, $this->orderby, $this->order, $offset, min( self::BATCH, self::MAX_ROWS - $offset ) );
			$text = '';
			foreach ( $rows as $row ) {
				$fields = wp_json_encode( (object) $row['fields'], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
				$text  .= self::line(
					array(
						(string) $row['id'],
						str_replace( array( 'T', 'Z' ), array( ' ', '' ), $row['createdAt'] ),
						$row['kind'],
						$row['name'],
						$row['pageUrl'],
						$row['experience'],
						$row['conversationId'],
						is_string( $fields ) ? $fields : '{}',
					)
				);
			}
			$write( $text );
			if ( count( $rows ) < self::BATCH ) {
				break;
			}
		}
	}

	/**
	 * The whole CSV as one string (tests, and a JSON rendering by a caller
	 * that did not let the controller serve it raw).
	 *
	 * @return string
	 */
	public function to_string(): string {
		$csv = '';
		$this->send(
			static function ( string $chunk ) use ( &$csv ): void {
				$csv .= $chunk;
			}
		);
		return $csv;
	}

	/**
	 * JSON of the export: its CSV text.
	 *
	 * @return string
	 */
	#[\ReturnTypeWillChange]
	public function jsonSerialize() {
		return $this->to_string();
	}

	/**
	 * One CSV line: every cell quoted, quotes doubled, CRLF at the end.
	 *
	 * @param string[] $cells Cells.
	 * @return string
	 */
	public static function line( array $cells ): string {
		return implode( ',', array_map( array( self::class, 'cell' ), $cells ) ) . "\r\n";
	}

	/**
	 * One CSV cell, inert in a spreadsheet.
	 *
	 * @param string $value Value.
	 * @return string
	 */
	public static function cell( string $value ): string {
		if ( '' !== $value && false !== strpos( "=+-@\t\r", $value[0] ) ) {
			$value = "'" . $value;
		}
		return '"' . str_replace( '"', '""', $value ) . '"';
	}
}
