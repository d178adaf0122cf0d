<?php
/**
 * REST endpoints of the admin's event log.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Rest;

use QualifiedIntegration\Events\CsvExport;
use QualifiedIntegration\Events\EventStore;
use WP_Error;
use WP_HTTP_Response;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * GET /events/log (a page of stored events, filtered and sorted, with the
 * stored names for the filter), GET /events/stats (events per day per name
 * in the site's time zone, for the chart: the 50 names with most events,
 * since visitors can send any name to a '*' handler, with the true `total`
 * and the rest as `others`) and GET /events/export (the same
 * filters as CSV, served raw). Administrators only: the log holds what
 * visitors sent, field values included.
 *
 * Stored values are unauthenticated input; they leave here as JSON strings
 * (the REST server's encoding, with nosniff) or as CSV cells neutralised
 * for spreadsheets, never as markup. The admin prints them as text.
 */
final class EventLogController {

	const NAMESPACE = SettingsController::NAMESPACE;
	const LOG       = '/events/log';
	const STATS     = '/events/stats';
	const EXPORT    = '/events/export';

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
	 * Hooks route registration and the raw CSV answer.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_serve_request', array( $this, 'serve_csv' ), 10, 3 );
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		$permission = array( $this, 'permissions_check' );
		register_rest_route(
			self::NAMESPACE,
			self::LOG,
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'log' ),
				'permission_callback' => $permission,
				'args'                => self::filter_args() + array(
					'page'    => array(
						'description' => __( 'Page of the log, from 1.', 'qualified-integration' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'default'     => 1,
					),
					'perPage' => array(
						'description' => __( 'Events per page.', 'qualified-integration' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 100,
						'default'     => 20,
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			self::STATS,
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'stats' ),
				'permission_callback' => $permission,
				'args'                => array(
					'days' => array(
						'description' => __( 'Number of days, today included, in the site time zone.', 'qualified-integration' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 365,
						'default'     => 30,
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			self::EXPORT,
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'export' ),
				'permission_callback' => $permission,
				'args'                => self::filter_args(),
			)
		);
	}

	/**
	 * Only administrators: stored events hold what visitors sent.
	 *
	 * @return true|WP_Error
	 */
	public function permissions_check() {
		return AdminPermission::check( __( 'Sorry, you are not allowed to see the Qualified event log.', 'qualified-integration' ) );
	}

	/**
	 * A page of the log.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function log( WP_REST_Request $request ): WP_REST_Response {
		$per_page = (int) $request['perPage'];
		$result   = $this->store->query( self::filters( $request ), (string) $request['orderby'], (string) $request['order'], (int) $request['page'], $per_page );
		$pages    = (int) ceil( $result['total'] / $per_page );
		$response = new WP_REST_Response(
			array(
				'items'      => array_map( array( self::class, 'item' ), $result['items'] ),
				'total'      => $result['total'],
				'totalPages' => $pages,
				'names'      => $this->store->names(),
			)
		);
		$response->header( 'X-WP-Total', (string) $result['total'] );
		$response->header( 'X-WP-TotalPages', (string) $pages );
		return $response;
	}

	/**
	 * Events per day per kind and name: { days, series (at most
	 * EventStore::MAX_SERIES, most events first), total (every event in the
	 * range), others (events of the names left out) }.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>
	 */
	public function stats( WP_REST_Request $request ): array {
		return $this->store->stats( (int) $request['days'] );
	}

	/**
	 * The filtered log as CSV; serve_csv() writes it raw.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function export( WP_REST_Request $request ): WP_REST_Response {
		$response = new WP_REST_Response( new CsvExport( $this->store, self::filters( $request ), (string) $request['orderby'], (string) $request['order'] ) );
		$response->header( 'Content-Type', 'text/csv; charset=utf-8' );
		$response->header( 'Content-Disposition', 'attachment; filename=' . CsvExport::filename() );
		$response->header( 'X-Content-Type-Options', 'nosniff' );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * Writes an export's CSV instead of the REST server's JSON (its headers,
	 * Content-Type and Content-Disposition included, are already sent).
	 *
	 * @param bool                 $served  Whether the request was served already.
	 * @param WP_HTTP_Response     $result  Response.
	 * @param WP_REST_Request|null $request Request.
	 * @return bool
	 */
	public function serve_csv( $served, $result, $request = null ) {
		if ( $served || ! $result instanceof WP_HTTP_Response || ! $result->get_data() instanceof CsvExport ) {
			return $served;
		}
		if ( ! $request instanceof WP_REST_Request || 'HEAD' !== $request->get_method() ) {
			$result->get_data()->send();
		}
		return true;
	}

	/**
	 * The filters of the log and the export, validated by core from these schemas.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function filter_args(): array {
		$date = array(
			'type'              => 'string',
			'pattern'           => '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
			'validate_callback' => array( self::class, 'validate_date' ),
		);
		return array(
			'name'    => array(
				'description' => __( 'Only events of this name.', 'qualified-integration' ),
				'type'        => 'string',
				'maxLength'   => 100,
			),
			'kind'    => array(
				'description' => __( 'Only events of this kind.', 'qualified-integration' ),
				'type'        => 'string',
				'enum'        => array( 'event', 'messenger' ),
			),
			'search'  => array(
				'description' => __( 'Text searched in the name, page URL, experience, conversation ID and fields.', 'qualified-integration' ),
				'type'        => 'string',
				'maxLength'   => 200,
			),
			'after'   => array( 'description' => __( 'First day (Y-m-d, site time zone), included.', 'qualified-integration' ) ) + $date,
			'before'  => array( 'description' => __( 'Last day (Y-m-d, site time zone), included.', 'qualified-integration' ) ) + $date,
			'orderby' => array(
				'description' => __( 'Sort by time or by name.', 'qualified-integration' ),
				'type'        => 'string',
				'enum'        => array( 'createdAt', 'name' ),
				'default'     => 'createdAt',
			),
			'order'   => array(
				'description' => __( 'Sort direction.', 'qualified-integration' ),
				'type'        => 'string',
				'enum'        => array( 'asc', 'desc' ),
				'default'     => 'desc',
			),
		);
	}

	/**
	 * A day filter: the schema's pattern, and a day that exists.
	 *
	 * @param mixed           $value   Value.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Parameter name.
	 * @return true|WP_Error
	 */
	public static function validate_date( $value, WP_REST_Request $request, string $param ) {
		$valid = rest_validate_request_arg( $value, $request, $param );
		if ( true !== $valid ) {
			return $valid;
		}
		$parts = array_map( 'intval', explode( '-', (string) $value ) );
		if ( 3 !== count( $parts ) || ! checkdate( $parts[1], $parts[2], $parts[0] ) ) {
			/* translators: %s: parameter name. */
			return new WP_Error( 'rest_invalid_param', sprintf( __( '%s must be a day, YYYY-MM-DD.', 'qualified-integration' ), $param ), array( 'status' => 400 ) );
		}
		return true;
	}

	/**
	 * The request's filters, as the store takes them.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, string>
	 */
	private static function filters( WP_REST_Request $request ): array {
		$filters = array();
		foreach ( array( 'name', 'kind', 'search', 'after', 'before' ) as $key ) {
			if ( is_string( $request[ $key ] ) && '' !== $request[ $key ] ) {
				$filters[ $key ] = $request[ $key ];
			}
		}
		return $filters;
	}

	/**
	 * An EventRow as JSON answers it: fields an object even when empty.
	 *
	 * @param array<string, mixed> $row EventRow.
	 * @return array<string, mixed>
	 */
	private static function item( array $row ): array {
		$row['fields'] = (object) $row['fields'];
		return $row;
	}
}
