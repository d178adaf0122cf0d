<?php
/**
 * REST endpoint that receives events from public pages.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Rest;

use QualifiedIntegration\Events\EventsSettings;
use QualifiedIntegration\Events\EventStore;
use QualifiedIntegration\Events\IncomingEvent;
use QualifiedIntegration\Events\RateLimiter;
use QualifiedIntegration\Frontend\Visibility;
use QualifiedIntegration\Settings\SettingsRepository;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * POST /qualified-integration/v1/events: the WordPress side of a handler's
 * `wordpress` action. The runtime sends it with navigator.sendBeacon (any
 * content type), from pages that full-page caches serve to everyone, so the
 * route is public by design: no login, no nonce. Everything it stores is
 * therefore unauthenticated input, and it guards itself instead. Nothing
 * is taken while Qualified is turned off on the site (not enabled, an
 * enabled value that is not a boolean, or no token: the test the pages use,
 * Visibility::is_configured()), so a switched-off site does not go on
 * collecting events from old tabs or scripted requests (403, before any
 * query). Then the body
 * is validated raw before any database query (IncomingEvent), only names
 * that an enabled handler stores are accepted, only allow-listed field
 * values are kept, and each client may store a limited number per minute
 * (RateLimiter; 429 with Retry-After beyond it).
 *
 * After a row is stored it fires `qualified_integration_event` with the
 * stored event; the webhook queue listens to it.
 */
final class EventsController {

	const NAMESPACE = SettingsController::NAMESPACE;
	const ROUTE     = '/events';

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * Stored events.
	 *
	 * @var EventStore
	 */
	private $store;

	/**
	 * Rate limit.
	 *
	 * @var RateLimiter
	 */
	private $limiter;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 * @param EventStore         $store      Stored events.
	 * @param RateLimiter        $limiter    Rate limit.
	 */
	public function __construct( SettingsRepository $repository, EventStore $store, RateLimiter $limiter ) {
		$this->repository = $repository;
		$this->store      = $store;
		$this->limiter    = $limiter;
	}

	/**
	 * Hooks route registration.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the route. No `args`: core would coerce types and skip
	 * nulls; the raw body is validated by IncomingEvent instead.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'create' ),
				'permission_callback' => array( $this, 'permissions_check' ),
			)
		);
	}

	/**
	 * Anyone may send an event: visitors are anonymous and cached pages carry
	 * no nonce. The body is what is checked (see create()).
	 *
	 * @return true
	 */
	public function permissions_check(): bool {
		return true;
	}

	/**
	 * Validates, rate-limits, stores and announces one event.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function create( WP_REST_Request $request ) {
		$settings = $this->repository->get();
		if ( ! Visibility::is_configured( $settings ) ) {
			return new WP_Error( 'qualified_integration_events_off', __( 'Qualified is turned off on this site.', 'qualified-integration' ), array( 'status' => 403 ) );
		}
		$event = IncomingEvent::parse( (string) $request->get_body(), EventsSettings::of( $settings )['handlers'] );
		if ( is_wp_error( $event ) ) {
			return $event;
		}

		$client = RateLimiter::client_hash();
		$wait   = $this->limiter->admit( $client );
		if ( $wait > 0 ) {
			$response = rest_convert_error_to_response(
				new WP_Error(
					'qualified_integration_rate_limited',
					__( 'Too many events from this address; try again in a minute.', 'qualified-integration' ),
					array(
						'status'     => 429,
						'retryAfter' => $wait,
					)
				)
			);
			$response->header( 'Retry-After', (string) $wait );
			return $response;
		}

		$row = $this->store->insert( $event->to_store( $client ) );
		if ( null === $row ) {
			return new WP_Error( 'qualified_integration_not_stored', __( 'The event could not be stored.', 'qualified-integration' ), array( 'status' => 500 ) );
		}

		$data = array(
			'id'             => $row['id'],
			'kind'           => $row['kind'],
			'name'           => $row['name'],
			'url'            => $row['pageUrl'],
			'experience'     => $row['experience'],
			'conversationId' => $row['conversationId'],
			'fields'         => $row['fields'],
			'createdAt'      => $row['createdAt'],
		);
		/**
		 * Fires after an event sent by a `wordpress` action was stored.
		 * Its values are unauthenticated input from a public page: treat
		 * them as such (escape, validate) wherever they go.
		 *
		 * @param string               $name Event name.
		 * @param array<string, mixed> $data { id, kind, name, url, experience, conversationId,
		 *                                    fields (array<string, string>), createdAt (ISO-8601 UTC) }.
		 */
		do_action( 'qualified_integration_event', $row['name'], $data );

		return new WP_REST_Response(
			array(
				'stored' => true,
				'id'     => $row['id'],
			),
			201
		);
	}
}
