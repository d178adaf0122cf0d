<?php
/**
 * REST endpoints of the webhooks list: send a test event, list deliveries.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Rest;

use QualifiedIntegration\Events\UtcTime;
use QualifiedIntegration\Events\WebhookDeliveries;
use QualifiedIntegration\Events\WebhookSender;
use QualifiedIntegration\Settings\Labels;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\Validator;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * POST /qualified-integration/v1/webhooks/test and
 * GET /qualified-integration/v1/webhooks/deliveries.
 *
 * The test sends a signed test event to an address and secret (possibly
 * not saved yet), right away, through the same sender as the background
 * deliveries, and answers the HTTP result, so the admin sees at once
 * whether a receiver is reachable and checks signatures. The url and
 * secret are validated exactly as a saved webhook's (the schema's pieces,
 * through Validator): errors name the field (`url`, `secret`).
 *
 * The deliveries list shows the latest deliveries of a webhook with every
 * attempt, for the admin's "what happened to my events" question.
 *
 * Administrators only: a test can make this server post to an address.
 */
final class WebhooksController {

	const NAMESPACE = SettingsController::NAMESPACE;

	/**
	 * Name of the test event.
	 */
	const TEST_EVENT = 'Test Event';

	/**
	 * Sends one attempt.
	 *
	 * @var WebhookSender
	 */
	private $sender;

	/**
	 * The deliveries table.
	 *
	 * @var WebhookDeliveries
	 */
	private $deliveries;

	/**
	 * Constructor.
	 *
	 * @param WebhookSender|null     $sender     Sends one attempt.
	 * @param WebhookDeliveries|null $deliveries The deliveries table.
	 */
	public function __construct( ?WebhookSender $sender = null, ?WebhookDeliveries $deliveries = null ) {
		$this->sender     = null === $sender ? new WebhookSender() : $sender;
		$this->deliveries = null === $deliveries ? new WebhookDeliveries() : $deliveries;
	}

	/**
	 * Hooks route registration.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/webhooks/test',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'test' ),
				'permission_callback' => array( $this, 'test_permissions_check' ),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/webhooks/deliveries',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'deliveries' ),
				'permission_callback' => array( $this, 'deliveries_permissions_check' ),
			)
		);
	}

	/**
	 * Only administrators may make the site post to an address.
	 *
	 * @return true|WP_Error
	 */
	public function test_permissions_check() {
		return AdminPermission::check( __( 'Sorry, you are not allowed to send test webhooks.', 'qualified-integration' ) );
	}

	/**
	 * Only administrators see deliveries (event names, receiver errors).
	 *
	 * @return true|WP_Error
	 */
	public function deliveries_permissions_check() {
		return AdminPermission::check( __( 'Sorry, you are not allowed to see webhook deliveries.', 'qualified-integration' ) );
	}

	/**
	 * Sends a signed test event now.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array{ok: bool, status: int|null, message: string, durationMs: int}|WP_Error
	 */
	public function test( WP_REST_Request $request ) {
		$body = json_decode( (string) $request->get_body(), true );
		if ( ! is_array( $body ) || ( array() !== $body && array_values( $body ) === $body ) ) {
			return Validator::to_rest_error( array( 'body' => __( 'Send the webhook to test as a JSON object, {"url": "...", "secret": "..."}.', 'qualified-integration' ) ) );
		}
		$errors = self::test_errors( $body );
		if ( array() !== $errors ) {
			return Validator::to_rest_error( $errors );
		}

		$now     = time();
		$payload = array(
			'id'    => 0,
			'test'  => true,
			'event' => array(
				'id'             => 0,
				'kind'           => 'event',
				'name'           => self::TEST_EVENT,
				'url'            => home_url( '/' ),
				'experience'     => '',
				'conversationId' => '',
				'fields'         => (object) array(),
				'createdAt'      => UtcTime::iso_from_timestamp( $now ),
			),
			'site'  => home_url(),
		);
		$result  = $this->sender->send( (string) $body['url'], (string) $body['secret'], self::TEST_EVENT, '0', WebhookSender::body( $payload ) );
		$message = $result['ok']
			/* translators: 1: HTTP status code, 2: milliseconds. */
			? sprintf( __( 'Delivered: the receiver answered HTTP %1$d in %2$d ms.', 'qualified-integration' ), (int) $result['code'], $result['durationMs'] )
			: $result['error'];

		return array(
			'ok'         => $result['ok'],
			'status'     => $result['code'],
			'message'    => $message,
			'durationMs' => $result['durationMs'],
		);
	}

	/**
	 * Lists the latest deliveries, newest first, with every attempt.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array{items: array<int, array<string, mixed>>}|WP_Error
	 */
	public function deliveries( WP_REST_Request $request ) {
		$errors  = array();
		$webhook = $request->get_param( 'webhook' );
		if ( null !== $webhook ) {
			$pattern = (string) ( self::webhook_schema()['id']['pattern'] ?? '' );
			if ( ! is_string( $webhook ) || '' === $pattern || ! Validator::matches( $pattern, $webhook ) ) {
				$errors['webhook'] = __( 'Webhook: use a webhook ID (lowercase letters, digits, "_" and "-").', 'qualified-integration' );
			}
		}
		$per_page = $request->get_param( 'perPage' );
		if ( null === $per_page ) {
			$per_page = 20;
		} elseif ( ( is_string( $per_page ) && 1 === preg_match( '/\A[0-9]{1,3}\z/', $per_page ) ) || is_int( $per_page ) ) {
			$per_page = (int) $per_page;
		}
		if ( ! is_int( $per_page ) || $per_page < 1 || $per_page > 100 ) {
			$errors['perPage'] = __( 'Per page: use a whole number from 1 to 100.', 'qualified-integration' );
		}
		if ( array() !== $errors ) {
			return Validator::to_rest_error( $errors );
		}

		$items = array();
		foreach ( $this->deliveries->recent( is_string( $webhook ) ? $webhook : null, (int) $per_page ) as $row ) {
			$log     = json_decode( (string) ( $row['log'] ?? '' ), true );
			$items[] = array(
				'id'            => (int) $row['id'],
				'eventId'       => (int) $row['event_id'],
				'eventName'     => isset( $row['event_name'] ) ? (string) $row['event_name'] : null,
				'webhook'       => (string) $row['webhook_id'],
				'status'        => (string) $row['status'],
				'attempts'      => (int) $row['attempts'],
				'nextAttemptAt' => WebhookDeliveries::PENDING === $row['status'] && is_string( $row['next_attempt_at'] ?? null ) ? UtcTime::to_iso( $row['next_attempt_at'] ) : null,
				'lastCode'      => isset( $row['last_code'] ) ? (int) $row['last_code'] : null,
				'lastError'     => (string) ( $row['last_error'] ?? '' ),
				'log'           => is_array( $log ) ? array_values( $log ) : array(),
			);
		}
		return array( 'items' => $items );
	}

	/**
	 * Every problem of a test body, by field: url and secret are checked as
	 * a saved webhook's are (Validator on events.webhooks), with the
	 * messages' "Webhook 1, " taken off (the test is of no row in particular).
	 *
	 * @param array<string, mixed> $body JSON body.
	 * @return array<string, string>
	 */
	private static function test_errors( array $body ): array {
		$webhook = array( 'id' => 'test' );
		foreach ( array( 'url', 'secret' ) as $key ) {
			if ( array_key_exists( $key, $body ) ) {
				$webhook[ $key ] = $body[ $key ];
			}
		}
		$events = array(
			'handlers'      => array(),
			'webhooks'      => array( $webhook ),
			'retentionDays' => 90,
		);
		$errors = array();
		foreach ( Validator::field_errors( $events, 'events' ) as $path => $message ) {
			$key = (string) preg_replace( '/\Aevents\.webhooks\[0\]\./', '', (string) $path );
			if ( in_array( $key, array( 'url', 'secret' ), true ) ) {
				$errors[ $key ] = self::without_row( $message, $key );
			}
		}
		foreach ( array_keys( $body ) as $key ) {
			if ( ! in_array( $key, array( 'url', 'secret' ), true ) ) {
				$errors['body'] = __( 'Send only url and secret.', 'qualified-integration' );
			}
		}
		return $errors;
	}

	/**
	 * "Webhook 1, Address: ..." -> "Address: ...".
	 *
	 * @param string $message Message from Validator.
	 * @param string $key     url or secret.
	 * @return string
	 */
	private static function without_row( string $message, string $key ): string {
		$label = Labels::of( 'events.webhooks[].' . $key, 1 );
		$own   = 'url' === $key ? __( 'Address', 'qualified-integration' ) : __( 'Secret', 'qualified-integration' );
		return 0 === strpos( $message, $label ) ? $own . substr( $message, strlen( $label ) ) : $message;
	}

	/**
	 * The schema of a webhook's keys.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function webhook_schema(): array {
		$properties = Schema::properties()['events']['properties']['webhooks']['items']['properties'] ?? array();
		return is_array( $properties ) ? $properties : array();
	}
}
