<?php
/**
 * Webhook delivery: queue, signature, worker (retries, backoff, claims), and the REST routes.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Events\EventStore;
use QualifiedIntegration\Events\EventsSettings;
use QualifiedIntegration\Events\EventsTable;
use QualifiedIntegration\Events\Retention;
use QualifiedIntegration\Events\UtcTime;
use QualifiedIntegration\Events\WebhookDeliveries;
use QualifiedIntegration\Events\WebhookQueue;
use QualifiedIntegration\Events\WebhookSchedule;
use QualifiedIntegration\Events\WebhookSender;
use QualifiedIntegration\Events\WebhookSignature;
use QualifiedIntegration\Events\WebhookWorker;
use QualifiedIntegration\Plugin;
use RuntimeException;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Every request goes to a real local receiver (tests/fixtures/webhook-receiver, php -S on a
 * free port), through wp_safe_remote_post. The receiver is on 127.0.0.1, which
 * wp_safe_remote_post refuses unless core's http_request_host_is_external and
 * http_allowed_safe_ports filters allow it: each test allows it (the hooks are put back
 * after each test), as a production site posting to an internal host must.
 */
final class WebhooksTest extends TestCase {

	const SECRET = 'whsec_0123456789abcdef';

	/**
	 * The receiver.
	 *
	 * @var WebhookReceiver
	 */
	private static $receiver;

	/**
	 * HTTP requests WordPress made during the test (pre_http_request), by URL.
	 *
	 * @var string[]
	 */
	private $http = array();

	public static function set_up_before_class() {
		parent::set_up_before_class();
		EventsTable::install();
		self::$receiver = new WebhookReceiver();
		self::$receiver->start();
	}

	public static function tear_down_after_class() {
		self::$receiver->stop();
		parent::tear_down_after_class();
	}

	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_rest_server'] = null;
		self::$receiver->clear();
		$this->http = array();
		self::allow_receiver( self::$receiver->port );
		add_filter(
			'qualified_integration_webhook_timeout',
			static function () {
				return 0.5;
			}
		);
		add_filter(
			'pre_http_request',
			function ( $response, $args, $url ) {
				$this->http[] = (string) $url;
				return $response;
			},
			10,
			3
		);
		WebhookSchedule::clear();
	}

	/**
	 * Lets wp_safe_remote_post reach the receiver (127.0.0.1 and its port), for this test only.
	 *
	 * @param int $port Receiver port.
	 */
	public static function allow_receiver( int $port ): void {
		add_filter(
			'http_request_host_is_external',
			static function ( $external, $host ) {
				return '127.0.0.1' === $host ? true : $external;
			},
			10,
			2
		);
		add_filter(
			'http_allowed_safe_ports',
			static function ( $ports ) use ( $port ) {
				$ports[] = $port;
				return $ports;
			}
		);
	}

	/**
	 * A webhook of the settings.
	 *
	 * @param string               $id    Id.
	 * @param string               $path  Receiver path.
	 * @param array<string, mixed> $extra More keys (enabled, events).
	 * @return array<string, mixed>
	 */
	private function hook( string $id, string $path, array $extra = array() ): array {
		return array_merge(
			array(
				'id'     => $id,
				'url'    => self::$receiver->url( $path ),
				'secret' => self::SECRET,
			),
			$extra
		);
	}

	/**
	 * Stores the webhooks (and handlers), checking the settings took them.
	 *
	 * @param array<int, array<string, mixed>> $webhooks Webhooks.
	 * @param array<int, array<string, mixed>> $handlers Handlers.
	 */
	private function set_webhooks( array $webhooks, array $handlers = array() ): void {
		$this->store_settings(
			array(
				'events' => array(
					'handlers'      => $handlers,
					'webhooks'      => $webhooks,
					'retentionDays' => 90,
				),
			)
		);
		$this->assertCount( count( $webhooks ), Plugin::instance()->settings->get()['events']['webhooks'] );
	}

	/**
	 * Stores an event and announces it, as the public route does.
	 *
	 * @param string                $name   Event name.
	 * @param array<string, string> $fields Fields.
	 * @return int Event id.
	 */
	private function store_event( string $name, array $fields = array() ): int {
		$row = ( new EventStore() )->insert(
			array(
				'kind'           => 'event',
				'name'           => $name,
				'url'            => home_url( '/pricing/' ),
				'experience'     => 'experience-1234',
				'conversationId' => 'conv-1',
				'fields'         => $fields,
				'ipHash'         => str_repeat( 'a', 64 ),
				'email'          => '',
			)
		);
		$this->assertIsArray( $row );
		do_action(
			'qualified_integration_event',
			$row['name'],
			array(
				'id'             => $row['id'],
				'kind'           => $row['kind'],
				'name'           => $row['name'],
				'url'            => $row['pageUrl'],
				'experience'     => $row['experience'],
				'conversationId' => $row['conversationId'],
				'fields'         => $row['fields'],
				'createdAt'      => $row['createdAt'],
			)
		);
		return $row['id'];
	}

	/**
	 * Delivery rows of an event, by webhook id.
	 *
	 * @param int $event_id Event id.
	 * @return array<string, array<string, mixed>>
	 */
	private function deliveries_of( int $event_id ): array {
		global $wpdb;
		$table = EventsTable::deliveries();
		$rows  = array();
		foreach ( (array) $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE event_id = %d ORDER BY id", $event_id ), ARRAY_A ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$rows[ $row['webhook_id'] ] = $row;
		}
		return $rows;
	}

	/**
	 * One delivery row.
	 *
	 * @param int $id Delivery id.
	 * @return array<string, mixed>
	 */
	private function delivery( int $id ): array {
		global $wpdb;
		$table = EventsTable::deliveries();
		$row   = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$this->assertIsArray( $row );
		return $row;
	}

	/**
	 * "Time passes": every pending delivery's next attempt, and the scheduled run, move into the past.
	 */
	private function advance_time(): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . EventsTable::deliveries() . " SET next_attempt_at = %s WHERE status = 'pending'", gmdate( 'Y-m-d H:i:s', time() - 1 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		if ( false !== wp_next_scheduled( WebhookSchedule::HOOK ) ) {
			WebhookSchedule::clear();
			wp_schedule_single_event( time() - 1, WebhookSchedule::HOOK );
		}
	}

	/**
	 * Takes the run's event off the schedule when it is due, as wp-cron.php does before it
	 * calls the hook.
	 */
	private function unschedule_due(): void {
		$next = wp_next_scheduled( WebhookSchedule::HOOK );
		if ( false !== $next && $next <= time() ) {
			wp_unschedule_event( $next, WebhookSchedule::HOOK );
		}
	}

	/**
	 * Runs the worker once, as its cron event would.
	 *
	 * @return array<string, int>
	 */
	private function run_worker(): array {
		$this->unschedule_due();
		return ( new WebhookWorker( Plugin::instance()->settings ) )->run();
	}

	/**
	 * The only delivery of an event.
	 *
	 * @param int $event_id Event id.
	 * @return array<string, mixed>
	 */
	private function only_delivery( int $event_id ): array {
		$rows = $this->deliveries_of( $event_id );
		$this->assertCount( 1, $rows );
		return (array) reset( $rows );
	}

	/**
	 * Sends a REST request.
	 *
	 * @param string               $method Method.
	 * @param string               $route  Route under the namespace.
	 * @param array<string, mixed> $query  Query parameters.
	 * @param mixed                $body   JSON body, or raw text (null: none).
	 * @return WP_REST_Response
	 */
	private function rest( string $method, string $route, array $query = array(), $body = null ): WP_REST_Response {
		$request = new WP_REST_Request( $method, '/qualified-integration/v1' . $route );
		$request->set_query_params( $query );
		if ( null !== $body ) {
			// A string is sent as another client might (core itself refuses bad JSON sent as JSON).
			$request->set_header( 'Content-Type', is_string( $body ) ? 'text/plain' : 'application/json' );
			$request->set_body( is_string( $body ) ? $body : (string) wp_json_encode( $body ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	public function test_an_event_queues_one_row_per_enabled_webhook_that_wants_it_and_schedules_the_worker(): void {
		$this->set_webhooks(
			array(
				$this->hook( 'all', '/ok' ),
				$this->hook( 'booked', '/ok', array( 'events' => array( 'Email Captured', 'Meeting Booked' ) ) ),
				$this->hook( 'other', '/ok', array( 'events' => array( 'Conversation Started' ) ) ),
				$this->hook( 'off', '/ok', array( 'enabled' => false ) ),
				$this->hook( 'on', '/ok', array( 'enabled' => true ) ),
			)
		);
		$this->assertFalse( wp_next_scheduled( WebhookSchedule::HOOK ) );

		$before = time();
		$event  = $this->store_event( 'Meeting Booked' );
		$rows   = $this->deliveries_of( $event );

		$this->assertSame( array( 'all', 'booked', 'on' ), array_keys( $rows ) );
		foreach ( $rows as $row ) {
			$this->assertSame( 'pending', $row['status'] );
			$this->assertSame( '0', (string) $row['attempts'] );
			$this->assertSame( '', $row['claim_token'] );
			$this->assertSame( '[]', $row['log'] );
			$this->assertGreaterThanOrEqual( $before, strtotime( $row['next_attempt_at'] . ' UTC' ) );
			$this->assertLessThanOrEqual( time(), strtotime( $row['next_attempt_at'] . ' UTC' ) );
		}
		$next = wp_next_scheduled( WebhookSchedule::HOOK );
		$this->assertIsInt( $next );
		$this->assertLessThanOrEqual( time(), $next );

		$this->assertSame( array( 'all', 'other', 'on' ), array_keys( $this->deliveries_of( $this->store_event( 'Conversation Started' ) ) ) );
		$this->assertSame( array( 'all', 'on' ), array_keys( $this->deliveries_of( $this->store_event( 'Custom' ) ) ) );
		$this->assertSame( array(), $this->http, 'Queueing never sends.' );
	}

	public function test_a_new_event_moves_a_later_scheduled_run_to_now(): void {
		$this->set_webhooks( array( $this->hook( 'all', '/ok' ) ) );
		wp_schedule_single_event( time() + 1800, WebhookSchedule::HOOK );
		$this->store_event( 'Meeting Booked' );
		$this->assertLessThanOrEqual( time(), wp_next_scheduled( WebhookSchedule::HOOK ) );
		$crons = 0;
		foreach ( _get_cron_array() as $hooks ) {
			$crons += isset( $hooks[ WebhookSchedule::HOOK ] ) ? count( $hooks[ WebhookSchedule::HOOK ] ) : 0;
		}
		$this->assertSame( 1, $crons, 'One scheduled run, not two.' );
	}

	public function test_storing_an_event_through_the_public_route_sends_nothing_during_the_request(): void {
		$this->set_webhooks(
			array( $this->hook( 'all', '/ok' ) ),
			array(
				array(
					'kind'    => 'event',
					'name'    => 'Meeting Booked',
					'actions' => array( array( 'type' => 'wordpress' ) ),
				),
			)
		);
		// The route takes events only while Qualified is on (enabled, with a token).
		$this->store_settings(
			array(
				'enabled' => true,
				'token'   => 'Tok3n',
			)
		);
		$_SERVER['REMOTE_ADDR'] = '203.0.113.7';
		$response               = $this->rest(
			'POST',
			'/events',
			array(),
			array(
				'kind' => 'event',
				'name' => 'Meeting Booked',
				'url'  => home_url( '/pricing/' ),
			)
		);
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$event = (int) $response->get_data()['id'];
		$this->assertSame( 'pending', $this->only_delivery( $event )['status'] );

		// The page views that follow send nothing either: only WP-Cron does.
		$this->go_to( '/' );
		$this->render_head();
		$this->assertSame( array(), $this->http, 'No HTTP request while storing the event or rendering a page.' );
		$this->assertSame( array(), self::$receiver->requests() );
		$this->assertSame( 'pending', $this->only_delivery( $event )['status'] );
		$this->assertIsInt( wp_next_scheduled( WebhookSchedule::HOOK ) );
	}

	public function test_a_delivery_is_signed_json_the_receiver_can_verify(): void {
		$this->set_webhooks( array( $this->hook( 'crm', '/ok' ) ) );
		$event = $this->store_event( 'Meeting Booked', array( 'email' => 'ada@example.org' ) );
		$id    = (int) $this->only_delivery( $event )['id'];

		// The cron event runs the worker (Plugin wires it lazily on its hook).
		$this->unschedule_due();
		do_action( WebhookSchedule::HOOK );

		$requests = self::$receiver->requests();
		$this->assertCount( 1, $requests );
		$request = $requests[0];
		$this->assertSame( 'POST', $request['method'] );
		$this->assertSame( '/ok', $request['path'] );
		$this->assertSame( 'application/json', $request['headers']['content-type'] );
		$this->assertSame( 'Meeting Booked', $request['headers']['x-qualified-integration-event'] );
		$this->assertSame( (string) $id, $request['headers']['x-qualified-integration-delivery'] );

		$header = $request['headers']['x-qualified-integration-signature'];
		$this->assertMatchesRegularExpression( '/\At=(\d+),v1=[0-9a-f]{64}\z/', $header );
		$this->assertTrue( WebhookSignature::verify( $header, $request['body'], self::SECRET ) );
		// The receiver's own computation, as the docs show it.
		preg_match( '/\At=(\d+),v1=([0-9a-f]{64})\z/', $header, $parts );
		$this->assertTrue( hash_equals( hash_hmac( 'sha256', $parts[1] . '.' . $request['body'], self::SECRET ), $parts[2] ) );
		$this->assertEqualsWithDelta( time(), (int) $parts[1], 5 );
		$this->assertFalse( WebhookSignature::verify( $header, $request['body'], 'another_secret_0123456' ) );
		$this->assertFalse( WebhookSignature::verify( $header, $request['body'] . ' ', self::SECRET ) );

		$body = json_decode( $request['body'], true );
		$this->assertSame( $id, $body['id'] );
		$this->assertSame( home_url(), $body['site'] );
		$this->assertSame(
			array(
				'id'             => $event,
				'kind'           => 'event',
				'name'           => 'Meeting Booked',
				'url'            => home_url( '/pricing/' ),
				'experience'     => 'experience-1234',
				'conversationId' => 'conv-1',
				'fields'         => array( 'email' => 'ada@example.org' ),
			),
			array_diff_key( $body['event'], array( 'createdAt' => true ) )
		);
		$this->assertMatchesRegularExpression( '/\A\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\z/', $body['event']['createdAt'] );

		$row = $this->delivery( $id );
		$this->assertSame( 'delivered', $row['status'] );
		$this->assertSame( '1', (string) $row['attempts'] );
		$this->assertSame( '200', (string) $row['last_code'] );
		$this->assertSame( '', $row['claim_token'] );
		$this->assertNull( $row['claimed_until'] );
		$this->assertNull( $row['next_attempt_at'] );
		$log = json_decode( $row['log'], true );
		$this->assertCount( 1, $log );
		$this->assertSame( 200, $log[0]['code'] );
		$this->assertSame( '', $log[0]['error'] );
		$this->assertIsInt( $log[0]['durationMs'] );
		$this->assertFalse( wp_next_scheduled( WebhookSchedule::HOOK ), 'Nothing pending: no further run.' );

		// Delivered rows are not sent again.
		$this->advance_time();
		$this->assertSame( 0, $this->run_worker()['sent'] );
		$this->assertCount( 1, self::$receiver->requests() );
	}

	public function test_empty_fields_are_a_json_object(): void {
		$this->set_webhooks( array( $this->hook( 'crm', '/ok' ) ) );
		$this->store_event( 'Meeting Booked' );
		$this->run_worker();
		$this->assertStringContainsString( '"fields":{}', self::$receiver->requests()[0]['body'] );
	}

	/**
	 * Receivers that fail, and the status each attempt records.
	 *
	 * @return array<string, array{0: string, 1: int|null}>
	 */
	public function failing_receivers(): array {
		return array(
			'HTTP 500'  => array( '/fail', 500 ),
			'a timeout' => array( '/slow?seconds=2', null ),
			'redirect'  => array( '/redirect', 302 ),
		);
	}

	/**
	 * Retries after 1, 5 and 30 minutes, then failed, every attempt logged.
	 *
	 * @dataProvider failing_receivers
	 *
	 * @param string   $path Receiver path.
	 * @param int|null $code Status each attempt records.
	 */
	public function test_a_failing_receiver_is_retried_with_backoff_then_marked_failed( string $path, ?int $code ): void {
		$this->set_webhooks( array( $this->hook( 'crm', $path ) ) );
		$event = $this->store_event( 'Meeting Booked' );
		$id    = (int) $this->only_delivery( $event )['id'];

		foreach ( array( 60, 300, 1800 ) as $try => $backoff ) {
			$before = time();
			$stats  = $this->run_worker();
			$this->assertSame( 1, $stats['sent'] );
			$this->assertSame( 1, $stats['retrying'] );
			$row = $this->delivery( $id );
			$this->assertSame( 'pending', $row['status'] );
			$this->assertSame( (string) ( $try + 1 ), (string) $row['attempts'] );
			$this->assertSame( null === $code ? null : (string) $code, $row['last_code'], $row['last_error'] );
			$this->assertNotSame( '', $row['last_error'] );
			$next = strtotime( $row['next_attempt_at'] . ' UTC' );
			$this->assertGreaterThanOrEqual( $before + $backoff, $next );
			$this->assertLessThanOrEqual( time() + $backoff, $next );
			// The run scheduled the next one for the retry.
			$this->assertSame( $next, wp_next_scheduled( WebhookSchedule::HOOK ) );

			// Not due yet: a run now sends nothing.
			$this->assertSame( 0, $this->run_worker()['sent'] );
			$this->advance_time();
		}

		$stats = $this->run_worker();
		$this->assertSame( 1, $stats['failed'] );
		$row = $this->delivery( $id );
		$this->assertSame( 'failed', $row['status'] );
		$this->assertSame( '4', (string) $row['attempts'] );
		$this->assertNull( $row['next_attempt_at'] );
		$log = json_decode( $row['log'], true );
		$this->assertCount( 4, $log );
		foreach ( $log as $attempt ) {
			$this->assertSame( $code, $attempt['code'] );
			$this->assertNotSame( '', $attempt['error'] );
			$this->assertMatchesRegularExpression( '/\A\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\z/', $attempt['at'] );
			if ( null === $code ) {
				// Given up after the (filtered) 0.5 s timeout, not after the receiver's 2 s.
				$this->assertLessThan( 1500, $attempt['durationMs'] );
			}
		}
		$this->assertFalse( wp_next_scheduled( WebhookSchedule::HOOK ) );

		// Each of the four attempts reached the receiver; a redirect was never followed.
		$requests = self::$receiver->requests();
		$this->assertSame( array_fill( 0, 4, (string) wp_parse_url( $path, PHP_URL_PATH ) ), array_column( $requests, 'path' ) );

		// Failed rows are not tried again.
		$this->advance_time();
		$this->assertSame( 0, $this->run_worker()['sent'] );
	}

	public function test_a_success_after_a_failure_marks_the_delivery_delivered(): void {
		$this->set_webhooks( array( $this->hook( 'crm', '/flaky' ) ) );
		$id = (int) $this->only_delivery( $this->store_event( 'Meeting Booked' ) )['id'];

		$this->run_worker();
		$this->assertSame( 'pending', $this->delivery( $id )['status'] );
		$this->advance_time();
		$stats = $this->run_worker();

		$this->assertSame( 1, $stats['delivered'] );
		$row = $this->delivery( $id );
		$this->assertSame( 'delivered', $row['status'] );
		$this->assertSame( '2', (string) $row['attempts'] );
		$this->assertSame( '200', (string) $row['last_code'] );
		$this->assertSame( '', $row['last_error'] );
		$this->assertSame( array( 500, 200 ), array_column( json_decode( $row['log'], true ), 'code' ) );
	}

	public function test_a_second_worker_running_meanwhile_never_sends_a_claimed_row(): void {
		$this->set_webhooks( array( $this->hook( 'a', '/ok' ), $this->hook( 'b', '/ok' ) ) );
		$events = array( $this->store_event( 'Meeting Booked' ), $this->store_event( 'Email Captured' ) );

		// While the first worker sends its first request, a second one runs (another node's cron).
		$second = null;
		add_filter(
			'pre_http_request',
			function ( $response ) use ( &$second ) {
				if ( null === $second ) {
					$second = array();
					$second = $this->run_worker();
				}
				return $response;
			},
			5
		);
		$first = $this->run_worker();

		$this->assertSame( 4, $first['sent'] );
		$this->assertIsArray( $second );
		$this->assertSame( 0, $second['sent'], 'The second worker found every due row claimed.' );
		$ids = array_column( self::$receiver->requests(), 'headers' );
		$ids = array_column( $ids, 'x-qualified-integration-delivery' );
		$this->assertCount( 4, $ids );
		$this->assertCount( 4, array_unique( $ids ), 'Each delivery sent once.' );
		foreach ( $events as $event ) {
			foreach ( $this->deliveries_of( $event ) as $row ) {
				$this->assertSame( 'delivered', $row['status'] );
				$this->assertSame( '1', (string) $row['attempts'] );
			}
		}
	}

	public function test_a_claim_holds_until_its_lease_ends_then_another_worker_takes_the_row(): void {
		$this->set_webhooks( array( $this->hook( 'a', '/ok' ) ) );
		$id         = (int) $this->only_delivery( $this->store_event( 'Meeting Booked' ) )['id'];
		$deliveries = new WebhookDeliveries();

		list( $token, $rows ) = $deliveries->claim( 10, time(), 120 );
		$this->assertSame( array( $id ), array_map( 'intval', array_column( $rows, 'id' ) ) );
		$this->assertSame( $token, $this->delivery( $id )['claim_token'] );
		list( , $none ) = $deliveries->claim( 10, time(), 120 );
		$this->assertSame( array(), $none, 'A claimed row cannot be claimed again.' );
		$this->assertSame( 0, $this->run_worker()['sent'] );
		// The next run is set for when the lease ends, not in a busy loop.
		$this->assertGreaterThan( time() + 100, wp_next_scheduled( WebhookSchedule::HOOK ) );

		// The worker holding it died: after the lease, the row is taken again and sent once.
		global $wpdb;
		$wpdb->update( EventsTable::deliveries(), array( 'claimed_until' => gmdate( 'Y-m-d H:i:s', time() - 1 ) ), array( 'id' => $id ) );
		$this->assertSame( 1, $this->run_worker()['delivered'] );
		$this->assertCount( 1, self::$receiver->requests() );
		// The old claim can no longer write over the outcome.
		$this->assertFalse( $deliveries->finish( $id, $token, array( 'status' => 'failed' ), time() ) );
		$this->assertSame( 'delivered', $this->delivery( $id )['status'] );
	}

	public function test_a_run_stops_at_its_batch_size_and_schedules_the_rest_now(): void {
		$this->set_webhooks( array( $this->hook( 'a', '/ok' ) ) );
		$events = array( $this->store_event( 'One' ), $this->store_event( 'Two' ), $this->store_event( 'Three' ) );
		WebhookSchedule::clear();
		add_filter(
			'qualified_integration_webhook_batch_size',
			static function () {
				return 2;
			}
		);

		$this->assertSame( 2, $this->run_worker()['delivered'] );
		$this->assertSame( array( 'delivered', 'delivered', 'pending' ), array_map( array( $this, 'status_of' ), $events ) );
		$this->assertLessThanOrEqual( time(), wp_next_scheduled( WebhookSchedule::HOOK ) );
		$this->assertSame( 1, $this->run_worker()['delivered'] );
		$this->assertFalse( wp_next_scheduled( WebhookSchedule::HOOK ) );
	}

	public function test_a_run_stops_at_its_time_budget_and_lets_go_of_the_rows_it_did_not_send(): void {
		$this->set_webhooks( array( $this->hook( 'a', '/slow?seconds=1' ) ) );
		$events = array( $this->store_event( 'One' ), $this->store_event( 'Two' ), $this->store_event( 'Three' ) );
		// Less than one attempt's timeout: one attempt per run, the others released.
		add_filter(
			'qualified_integration_webhook_time_budget',
			static function () {
				return 0.2;
			}
		);

		$stats = $this->run_worker();
		$this->assertSame( 1, $stats['sent'] );
		$this->assertSame( 2, $stats['released'] );
		$this->assertCount( 1, self::$receiver->requests() );
		foreach ( array_slice( $events, 1 ) as $event ) {
			$row = $this->only_delivery( $event );
			$this->assertSame( 'pending', $row['status'] );
			$this->assertSame( '0', (string) $row['attempts'] );
			$this->assertSame( '', $row['claim_token'], 'Released, so the next run takes it at once.' );
			$this->assertNull( $row['claimed_until'] );
		}
		$this->assertLessThanOrEqual( time(), wp_next_scheduled( WebhookSchedule::HOOK ) );
		$this->assertSame( 1, $this->run_worker()['sent'] );
	}

	/**
	 * Status of an event's only delivery.
	 *
	 * @param int $event Event id.
	 * @return string
	 */
	public function status_of( int $event ): string {
		return (string) $this->only_delivery( $event )['status'];
	}

	public function test_a_delivery_to_a_removed_or_disabled_webhook_fails_without_a_request(): void {
		$this->set_webhooks( array( $this->hook( 'a', '/ok' ), $this->hook( 'b', '/ok' ) ) );
		$rows = $this->deliveries_of( $this->store_event( 'Meeting Booked' ) );
		$this->set_webhooks( array( $this->hook( 'a', '/ok', array( 'enabled' => false ) ) ) );

		$stats = $this->run_worker();
		$this->assertSame( 0, $stats['sent'] );
		$this->assertSame( 2, $stats['failed'] );
		$this->assertSame( array(), self::$receiver->requests() );
		foreach ( $rows as $row ) {
			$row = $this->delivery( (int) $row['id'] );
			$this->assertSame( 'failed', $row['status'] );
			$this->assertStringContainsString( 'removed or turned off', $row['last_error'] );
			$this->assertCount( 1, json_decode( $row['log'], true ) );
		}
	}

	public function test_an_internal_address_is_refused_unless_the_site_allows_it(): void {
		remove_all_filters( 'http_request_host_is_external' );
		remove_all_filters( 'http_allowed_safe_ports' );
		$this->set_webhooks( array( $this->hook( 'a', '/ok' ) ) );
		$id = (int) $this->only_delivery( $this->store_event( 'Meeting Booked' ) )['id'];

		$this->run_worker();
		$this->assertSame( array(), self::$receiver->requests() );
		$row = $this->delivery( $id );
		$this->assertSame( 'pending', $row['status'] );
		$this->assertNull( $row['last_code'] );
		$this->assertStringContainsString( 'http_request_host_is_external', $row['last_error'] );
	}

	/**
	 * Every scheduled run of the worker, as [ time, ... ].
	 *
	 * @return int[]
	 */
	private function scheduled_runs(): array {
		$runs = array();
		foreach ( _get_cron_array() as $time => $hooks ) {
			if ( isset( $hooks[ WebhookSchedule::HOOK ] ) ) {
				$runs = array_merge( $runs, array_fill( 0, count( $hooks[ WebhookSchedule::HOOK ] ), (int) $time ) );
			}
		}
		return $runs;
	}

	/**
	 * Empties the deliveries table (inside the test's transaction), so that only the test's rows count.
	 */
	private function no_deliveries(): void {
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . EventsTable::deliveries() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * A pending delivery row, with the columns given.
	 *
	 * @param array<string, mixed> $columns Columns to set (next_attempt_at, claimed_until, status, ...).
	 * @return int Delivery id.
	 */
	private function pending_row( array $columns = array() ): int {
		global $wpdb;
		$this->assertSame( 1, ( new WebhookDeliveries() )->queue( 987654, array( 'gone' ), time() ) );
		$id = (int) $wpdb->insert_id;
		if ( array() !== $columns ) {
			$wpdb->update( EventsTable::deliveries(), $columns, array( 'id' => $id ) );
		}
		return $id;
	}

	public function test_a_run_that_dies_after_claiming_rows_leaves_a_run_scheduled_for_when_their_lease_ends(): void {
		global $wp_current_filter;
		$this->set_webhooks( array( $this->hook( 'crm', '/ok' ) ) );
		$id = (int) $this->only_delivery( $this->store_event( 'Meeting Booked' ) )['id'];

		// The run dies during its first request (a fatal error, max_execution_time): it claimed the row
		// and never got to its end. wp-cron had taken the run's own event off the schedule first.
		add_filter(
			'pre_http_request',
			static function () {
				throw new RuntimeException( 'The run died.' );
			},
			1
		);
		$filters = $wp_current_filter;
		try {
			$this->run_worker();
			$this->fail( 'The run was to die.' );
		} catch ( RuntimeException $died ) {
			$this->assertSame( 'The run died.', $died->getMessage() );
		} finally {
			// What a dead process would not leave behind: the filter it was in.
			$wp_current_filter = $filters; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
		}

		$row = $this->delivery( $id );
		$this->assertSame( 'pending', $row['status'] );
		$this->assertSame( '0', (string) $row['attempts'] );
		$this->assertNotSame( '', $row['claim_token'], 'Claimed, not finished.' );
		$next = wp_next_scheduled( WebhookSchedule::HOOK );
		$this->assertIsInt( $next, 'A run is still scheduled for the claimed row.' );
		$this->assertCount( 1, $this->scheduled_runs() );
		// At the end of the claim's lease, not in a busy loop before it.
		$this->assertGreaterThan( time() + 60, $next );
		$this->assertEqualsWithDelta( strtotime( $row['claimed_until'] . ' UTC' ), $next, 2 );

		// The lease ends; the watchdog run takes the row again and, with nothing left, leaves no run behind.
		remove_all_filters( 'pre_http_request', 1 );
		global $wpdb;
		$wpdb->update( EventsTable::deliveries(), array( 'claimed_until' => gmdate( 'Y-m-d H:i:s', time() - 1 ) ), array( 'id' => $id ) );
		$this->advance_time();
		$this->assertSame( 1, $this->run_worker()['delivered'] );
		$this->assertSame( 'delivered', $this->delivery( $id )['status'] );
		$this->assertFalse( wp_next_scheduled( WebhookSchedule::HOOK ) );
	}

	public function test_a_finished_run_moves_its_watchdog_later_for_a_retry_and_a_run_with_nothing_due_leaves_none(): void {
		$this->set_webhooks( array( $this->hook( 'crm', '/fail' ) ) );
		$id = (int) $this->only_delivery( $this->store_event( 'Meeting Booked' ) )['id'];

		// Third try: the next is 30 minutes away, later than the watchdog of the run.
		global $wpdb;
		$wpdb->update( EventsTable::deliveries(), array( 'attempts' => 2 ), array( 'id' => $id ) );
		$this->assertSame( 1, $this->run_worker()['retrying'] );
		$next = strtotime( $this->delivery( $id )['next_attempt_at'] . ' UTC' );
		$this->assertGreaterThanOrEqual( time() + 1790, $next );
		$this->assertSame( array( $next ), $this->scheduled_runs(), 'One run, at the retry.' );

		// A run that finds nothing due (a watchdog after a finished run) schedules nothing new.
		$this->no_deliveries();
		WebhookSchedule::clear();
		wp_schedule_single_event( time() - 1, WebhookSchedule::HOOK );
		$this->assertSame( 0, $this->run_worker()['sent'] );
		$this->assertSame( array(), $this->scheduled_runs() );
	}

	public function test_ensure_schedules_the_worker_when_a_delivery_is_pending_and_not_otherwise(): void {
		$deliveries = new WebhookDeliveries();
		$this->no_deliveries();

		$this->assertFalse( WebhookSchedule::ensure( $deliveries ) );
		$this->assertSame( array(), $this->scheduled_runs(), 'Nothing pending: nothing scheduled.' );

		$this->pending_row( array( 'status' => 'delivered' ) );
		$this->pending_row(
			array(
				'status'          => 'failed',
				'next_attempt_at' => null,
			)
		);
		$this->assertFalse( WebhookSchedule::ensure( $deliveries ) );
		$this->assertSame( array(), $this->scheduled_runs(), 'Delivered and failed rows need no run.' );

		// A retry half an hour away: the run is scheduled for it.
		$later = time() + 1800;
		$this->pending_row( array( 'next_attempt_at' => gmdate( 'Y-m-d H:i:s', $later ) ) );
		$this->assertTrue( WebhookSchedule::ensure( $deliveries ) );
		$this->assertSame( array( $later ), $this->scheduled_runs() );

		// A row due already (or overdue): now, replacing the later run.
		$this->pending_row( array( 'next_attempt_at' => gmdate( 'Y-m-d H:i:s', time() - 600 ) ) );
		$before = time();
		$this->assertTrue( WebhookSchedule::ensure( $deliveries ) );
		$runs = $this->scheduled_runs();
		$this->assertCount( 1, $runs );
		$this->assertGreaterThanOrEqual( $before, $runs[0] );
		$this->assertLessThanOrEqual( time(), $runs[0] );
		// Called again, it keeps that run.
		$this->assertTrue( WebhookSchedule::ensure( $deliveries ) );
		$this->assertSame( $runs, $this->scheduled_runs() );

		// Only a row claimed by a worker still running: at the end of its lease.
		$this->no_deliveries();
		WebhookSchedule::clear();
		$until = time() + 120;
		$this->pending_row( array( 'claimed_until' => gmdate( 'Y-m-d H:i:s', $until ) ) );
		$this->assertTrue( WebhookSchedule::ensure( $deliveries ) );
		$this->assertSame( array( $until ), $this->scheduled_runs() );
	}

	public function test_the_daily_purge_puts_back_a_lost_worker_run(): void {
		$this->no_deliveries();
		$this->pending_row();
		WebhookSchedule::clear();

		// The purge's cron event (Plugin wires Retention lazily on it).
		do_action( Retention::HOOK );
		$next = wp_next_scheduled( WebhookSchedule::HOOK );
		$this->assertIsInt( $next );
		$this->assertLessThanOrEqual( time(), $next );

		// With nothing pending it schedules nothing.
		$this->no_deliveries();
		WebhookSchedule::clear();
		do_action( Retention::HOOK );
		$this->assertFalse( wp_next_scheduled( WebhookSchedule::HOOK ) );
	}

	public function test_the_admin_backstop_makes_no_query_without_webhooks_and_puts_the_run_back_with_them(): void {
		global $wpdb;
		$this->no_deliveries();
		$this->pending_row();
		WebhookSchedule::clear();
		$settings = Plugin::instance()->settings;

		$this->set_webhooks( array() );
		$queries = $wpdb->num_queries;
		$this->assertFalse( ( new WebhookQueue( $settings ) )->backstop() );
		$this->assertSame( $queries, $wpdb->num_queries, 'No webhooks: no query.' );
		$this->assertFalse( wp_next_scheduled( WebhookSchedule::HOOK ) );

		// Configured, even turned off (its pending rows still have to be failed by a run).
		$this->set_webhooks( array( $this->hook( 'crm', '/ok', array( 'enabled' => false ) ) ) );
		$this->assertTrue( ( new WebhookQueue( $settings ) )->backstop() );
		$next = wp_next_scheduled( WebhookSchedule::HOOK );
		$this->assertIsInt( $next );
		$this->assertLessThanOrEqual( time(), $next );

		$this->no_deliveries();
		WebhookSchedule::clear();
		$this->assertFalse( ( new WebhookQueue( $settings ) )->backstop() );
		$this->assertFalse( wp_next_scheduled( WebhookSchedule::HOOK ), 'Nothing pending: nothing scheduled.' );
	}

	public function test_the_sender_says_ok_for_a_2xx_answer_only(): void {
		$sender = new WebhookSender();
		$body   = WebhookSender::body( array( 'id' => 1 ) );
		$cases  = array(
			'/ok'             => array( true, 200 ),
			'/fail'           => array( false, 500 ),
			'/redirect'       => array( false, 302 ),
			'/missing'        => array( false, 404 ),
			'/slow?seconds=2' => array( false, null ),
		);
		foreach ( $cases as $path => $expected ) {
			$result = $sender->send( self::$receiver->url( $path ), self::SECRET, 'Meeting Booked', '1', $body );
			$this->assertSame( $expected, array( $result['ok'], $result['code'] ), $path );
			$this->assertSame( $expected[0], '' === $result['error'], $path );
		}
		$refused = $sender->send( 'http://10.0.0.1:9/hook', self::SECRET, 'Meeting Booked', '1', $body );
		$this->assertFalse( $refused['ok'] );
		$this->assertNull( $refused['code'] );
	}

	public function test_the_queue_queues_only_for_the_webhooks_the_worker_sends_to(): void {
		$settings = array(
			'events' => array(
				'webhooks' => array(
					$this->hook( 'crm', '/ok' ),
					array(
						'id'     => 'no-url',
						'secret' => self::SECRET,
					),
					array(
						'id'     => 'bad-secret',
						'url'    => self::$receiver->url( '/ok' ),
						'secret' => 12345678901234567,
					),
					$this->hook( 'off', '/ok', array( 'enabled' => false ) ),
					$this->hook( 'other', '/ok', array( 'events' => array( 'Email Captured' ) ) ),
					$this->hook( 'booked', '/ok', array( 'events' => array( 'Meeting Booked' ) ) ),
					$this->hook( 'crm', '/fail' ),
					'not a webhook',
				),
			),
		);
		// The worker sends to EventsSettings::enabled_webhooks(); the queue wants no other.
		$this->assertSame( array( 'crm', 'other', 'booked' ), array_keys( EventsSettings::enabled_webhooks( $settings ) ) );
		$this->assertSame( array( 'crm', 'booked' ), WebhookQueue::webhooks_for( 'Meeting Booked', $settings ) );
		$this->assertSame( array( 'crm', 'other' ), WebhookQueue::webhooks_for( 'Email Captured', $settings ) );
		$this->assertSame( array( 'crm' ), WebhookQueue::webhooks_for( 'Custom', $settings ) );
		$this->assertSame( array(), WebhookQueue::webhooks_for( 'Custom', array() ) );
	}

	public function test_utc_time_converts_datetimes_and_timestamps_one_way(): void {
		$this->assertSame( '2026-05-01T10:00:00Z', UtcTime::to_iso( '2026-05-01 10:00:00' ) );
		foreach ( array( null, '', '0000-00-00 00:00:00', '2026-05-01', '2026-05-01T10:00:00Z', 'yesterday', ' 2026-05-01 10:00:00' ) as $none ) {
			$this->assertNull( UtcTime::to_iso( $none ), (string) wp_json_encode( $none ) );
		}
		$this->assertSame( '2026-05-01 10:00:00', UtcTime::from_timestamp( 1777629600 ) );
		$this->assertSame( '2026-05-01T10:00:00Z', UtcTime::iso_from_timestamp( 1777629600 ) );
		$this->assertSame( '1970-01-01 00:00:00', UtcTime::from_timestamp( 0 ) );
		$this->assertSame( UtcTime::iso_from_timestamp( 1777629600 ), UtcTime::to_iso( UtcTime::from_timestamp( 1777629600 ) ) );

		// The site's time zone changes none of it.
		update_option( 'timezone_string', 'Pacific/Auckland' );
		$this->assertSame( '2026-05-01 10:00:00', UtcTime::from_timestamp( 1777629600 ) );

		// A delivery's log and the deliveries route write times this way.
		$entry = WebhookWorker::log_entry( 1777629600, 200, '', 12 );
		$this->assertSame( '2026-05-01T10:00:00Z', $entry['at'] );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->no_deliveries();
		$this->pending_row( array( 'next_attempt_at' => '2026-05-01 10:00:00' ) );
		$this->pending_row( array( 'next_attempt_at' => null ) );
		$items = $this->rest( 'GET', '/webhooks/deliveries' )->get_data()['items'];
		$this->assertSame( array( null, '2026-05-01T10:00:00Z' ), array_column( $items, 'nextAttemptAt' ) );
	}

	public function test_signature_verification_refuses_old_tampered_and_malformed_headers(): void {
		$body   = '{"id":1}';
		$header = WebhookSignature::header( $body, self::SECRET, 1700000000 );
		$this->assertSame( 't=1700000000,v1=' . hash_hmac( 'sha256', '1700000000.' . $body, self::SECRET ), $header );
		$this->assertTrue( WebhookSignature::verify( $header, $body, self::SECRET, 300, 1700000299 ) );
		$this->assertFalse( WebhookSignature::verify( $header, $body, self::SECRET, 300, 1700000301 ), 'Too old: a replay.' );
		$this->assertFalse( WebhookSignature::verify( $header, $body, self::SECRET, 300, 1699999699 ), 'From the future.' );
		$this->assertFalse( WebhookSignature::verify( $header, '{"id":2}', self::SECRET, 300, 1700000000 ) );
		$this->assertFalse( WebhookSignature::verify( 't=1700000000', $body, self::SECRET, 300, 1700000000 ) );
		$this->assertFalse( WebhookSignature::verify( 'v1=' . hash_hmac( 'sha256', '.' . $body, self::SECRET ), $body, self::SECRET ) );
		$this->assertFalse( WebhookSignature::verify( '', $body, self::SECRET ) );
		// A receiver rotating secrets: any of several v1 values may match.
		$this->assertTrue( WebhookSignature::verify( 't=1700000000,v1=' . str_repeat( '0', 64 ) . ',' . substr( $header, 13 ), $body, self::SECRET, 300, 1700000000 ) );
	}

	public function test_the_test_route_sends_a_signed_test_event_and_answers_the_status(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$secret = 'test_secret_abcdefgh';

		$response = $this->rest(
			'POST',
			'/webhooks/test',
			array(),
			array(
				'url'    => self::$receiver->url( '/ok' ),
				'secret' => $secret,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertTrue( $data['ok'] );
		$this->assertSame( 200, $data['status'] );
		$this->assertStringContainsString( '200', $data['message'] );
		$this->assertIsInt( $data['durationMs'] );

		$requests = self::$receiver->requests();
		$this->assertCount( 1, $requests );
		$this->assertTrue( WebhookSignature::verify( $requests[0]['headers']['x-qualified-integration-signature'], $requests[0]['body'], $secret ) );
		$this->assertSame( 'Test Event', $requests[0]['headers']['x-qualified-integration-event'] );
		$body = json_decode( $requests[0]['body'], true );
		$this->assertTrue( $body['test'] );
		$this->assertSame( 'Test Event', $body['event']['name'] );

		$response = $this->rest(
			'POST',
			'/webhooks/test',
			array(),
			array(
				'url'    => self::$receiver->url( '/fail' ),
				'secret' => $secret,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertFalse( $response->get_data()['ok'] );
		$this->assertSame( 500, $response->get_data()['status'] );

		$response = $this->rest(
			'POST',
			'/webhooks/test',
			array(),
			array(
				'url'    => self::$receiver->url( '/slow?seconds=2' ),
				'secret' => $secret,
			)
		);
		$this->assertFalse( $response->get_data()['ok'] );
		$this->assertNull( $response->get_data()['status'] );
		$this->assertNotSame( '', $response->get_data()['message'] );
		$this->assertSame( array(), $this->deliveries_of( 0 ), 'A test is not a delivery.' );
	}

	/**
	 * Bodies the test route refuses, and the fields its error names.
	 *
	 * @return array<string, array{0: mixed, 1: string[]}>
	 */
	public function bad_test_bodies(): array {
		$url    = 'https://hooks.example.org/qualified';
		$secret = 'whsec_0123456789abcdef';
		return array(
			'ftp url'           => array(
				array(
					'url'    => 'ftp://example.org/x',
					'secret' => $secret,
				),
				array( 'url' ),
			),
			'null url'          => array(
				array(
					'url'    => null,
					'secret' => $secret,
				),
				array( 'url' ),
			),
			'url with a space'  => array(
				array(
					'url'    => 'https://example.org/a b',
					'secret' => $secret,
				),
				array( 'url' ),
			),
			'short secret'      => array(
				array(
					'url'    => $url,
					'secret' => 'short',
				),
				array( 'secret' ),
			),
			'secret with space' => array(
				array(
					'url'    => $url,
					'secret' => 'has a space in it 1234',
				),
				array( 'secret' ),
			),
			'numeric secret'    => array(
				array(
					'url'    => $url,
					'secret' => 12345678901234567,
				),
				array( 'secret' ),
			),
			'nothing'           => array( array(), array( 'url', 'secret' ) ),
			'unknown key'       => array(
				array(
					'url'    => $url,
					'secret' => $secret,
					'events' => array( 'x' ),
				),
				array( 'body' ),
			),
			'not an object'     => array( '["x"]', array( 'body' ) ),
			'not JSON'          => array( 'url=x', array( 'body' ) ),
		);
	}

	/**
	 * A 400 rest_invalid_param whose params name each bad field, and no request.
	 *
	 * @dataProvider bad_test_bodies
	 *
	 * @param mixed    $body   Body.
	 * @param string[] $fields Fields the error names.
	 */
	public function test_the_test_route_refuses_a_bad_url_or_secret_naming_the_field( $body, array $fields ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( 'POST', '/webhooks/test', array(), $body );

		$this->assertSame( 400, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertSame( $fields, array_keys( $data['data']['params'] ) );
		foreach ( $fields as $field ) {
			$message = $data['data']['params'][ $field ];
			if ( 'url' === $field ) {
				$this->assertStringStartsWith( 'Address: ', $message );
			} elseif ( 'secret' === $field ) {
				$this->assertStringStartsWith( 'Secret: ', $message );
			}
		}
		$this->assertSame( array(), $this->http, 'Nothing is sent for a refused body.' );
	}

	public function test_the_deliveries_route_lists_deliveries_with_every_attempt(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->set_webhooks( array( $this->hook( 'crm', '/flaky' ), $this->hook( 'zap', '/ok' ) ) );
		$event = $this->store_event( 'Meeting Booked' );
		$this->run_worker();

		$response = $this->rest( 'GET', '/webhooks/deliveries', array( 'webhook' => 'crm' ) );
		$this->assertSame( 200, $response->get_status() );
		$items = $response->get_data()['items'];
		$this->assertCount( 1, $items );
		$item = $items[0];
		$this->assertSame( $event, $item['eventId'] );
		$this->assertSame( 'Meeting Booked', $item['eventName'] );
		$this->assertSame( 'crm', $item['webhook'] );
		$this->assertSame( 'pending', $item['status'] );
		$this->assertSame( 1, $item['attempts'] );
		$this->assertSame( 500, $item['lastCode'] );
		$this->assertSame( 'The receiver answered HTTP 500.', $item['lastError'] );
		$this->assertMatchesRegularExpression( '/\A\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\z/', $item['nextAttemptAt'] );
		$this->assertSame( array( 'at', 'code', 'error', 'durationMs' ), array_keys( $item['log'][0] ) );

		$this->advance_time();
		$this->run_worker();
		$item = $this->rest( 'GET', '/webhooks/deliveries', array( 'webhook' => 'crm' ) )->get_data()['items'][0];
		$this->assertSame( 'delivered', $item['status'] );
		$this->assertNull( $item['nextAttemptAt'] );
		$this->assertSame( array( 500, 200 ), array_column( $item['log'], 'code' ) );

		$all = $this->rest( 'GET', '/webhooks/deliveries' )->get_data()['items'];
		$this->assertSame( array( 'zap', 'crm' ), array_column( $all, 'webhook' ), 'Every webhook, newest first.' );
		$this->assertCount( 1, $this->rest( 'GET', '/webhooks/deliveries', array( 'perPage' => '1' ) )->get_data()['items'] );
		$this->assertSame( array(), $this->rest( 'GET', '/webhooks/deliveries', array( 'webhook' => 'nope' ) )->get_data()['items'] );

		foreach ( array( '0', '101', 'x', '1.5' ) as $bad ) {
			$response = $this->rest( 'GET', '/webhooks/deliveries', array( 'perPage' => $bad ) );
			$this->assertSame( 400, $response->get_status() );
			$this->assertSame( array( 'perPage' ), array_keys( $response->get_data()['data']['params'] ) );
		}
		$response = $this->rest( 'GET', '/webhooks/deliveries', array( 'webhook' => 'Bad ID!' ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertSame( array( 'webhook' ), array_keys( $response->get_data()['data']['params'] ) );
	}

	/**
	 * Users who are not administrators, and the status they get.
	 *
	 * @return array<string, array{0: string|null, 1: int}>
	 */
	public function not_admins(): array {
		return array(
			'anonymous' => array( null, 401 ),
			'editor'    => array( 'editor', 403 ),
		);
	}

	/**
	 * Both routes refuse them with rest_forbidden.
	 *
	 * @dataProvider not_admins
	 *
	 * @param string|null $role   Role, null for a visitor.
	 * @param int         $status Expected status.
	 */
	public function test_only_administrators_may_use_the_webhook_routes( ?string $role, int $status ): void {
		if ( null !== $role ) {
			wp_set_current_user( $this->create_user( $role ) );
		}
		$test = $this->rest(
			'POST',
			'/webhooks/test',
			array(),
			array(
				'url'    => self::$receiver->url( '/ok' ),
				'secret' => self::SECRET,
			)
		);
		$list = $this->rest( 'GET', '/webhooks/deliveries' );
		foreach ( array( $test, $list ) as $response ) {
			$this->assertSame( $status, $response->get_status() );
			$this->assertSame( 'rest_forbidden', $response->get_data()['code'] );
		}
		$this->assertSame( array(), self::$receiver->requests() );
	}
}
