<?php
/**
 * The public event route, dispatched through core's REST server.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Events\IncomingEvent;
use QualifiedIntegration\Events\RateLimiter;
use QualifiedIntegration\Frontend\Visibility;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\SettingsRepository;
use WP_REST_Request;
use WP_REST_Response;

/**
 * POST /qualified-integration/v1/events: what is accepted, stored and
 * announced, and every way a body is refused with nothing stored.
 */
final class EventsRestTest extends TestCase {

	use EventsFixtures;

	/**
	 * Events announced through qualified_integration_event: [ name, data ].
	 *
	 * @var array<int, array{0: string, 1: array<string, mixed>}>
	 */
	private $announced = array();

	/**
	 * A fresh REST server, handlers for Meeting Booked (keeping email and
	 * company), any messenger event, and a disabled one; the action recorded.
	 */
	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		$_SERVER['REMOTE_ADDR'] = '203.0.113.7';
		$disabled               = self::storing_handler( 'Email Captured', array( 'email' ) );
		$disabled['enabled']    = false;
		$this->configure_handlers(
			array(
				self::storing_handler( 'Meeting Booked', array( 'email', 'company' ) ),
				self::storing_handler( '*', array(), 'messenger' ),
				$disabled,
				array(
					'kind'    => 'event',
					'name'    => 'Conversation Started',
					'actions' => array(
						array(
							'type'  => 'dataLayer',
							'event' => 'qualified_conversation',
						),
					),
				),
			)
		);
		$this->announced = array();
		add_action(
			'qualified_integration_event',
			function ( $name, $data ) {
				$this->announced[] = array( $name, $data );
			},
			10,
			2
		);
	}

	/**
	 * Forgets the client address.
	 */
	protected function tear_down() {
		unset( $_SERVER['REMOTE_ADDR'] );
		parent::tear_down();
	}

	public function test_the_route_is_public_and_has_a_permission_callback(): void {
		$routes = rest_get_server()->get_routes();
		$this->assertArrayHasKey( '/qualified-integration/v1/events', $routes );
		$this->assertIsCallable( $routes['/qualified-integration/v1/events'][0]['permission_callback'] );
		$this->assertSame( array( 'POST' => true ), $routes['/qualified-integration/v1/events'][0]['methods'] );
		$this->assertSame( 0, get_current_user_id(), 'Sent anonymously, with no nonce.' );
	}

	public function test_a_configured_event_is_stored_with_only_allow_listed_fields(): void {
		$response = $this->send_event(
			self::event_body(
				array(
					'experience'     => 'experience-1234',
					'conversationId' => 'conv-42',
					'fields'         => array(
						'email'   => 'Visitor@Example.ORG',
						'company' => 'Acme',
						'phone'   => '+1 555 0100',
					),
				)
			)
		);

		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$rows = self::event_rows();
		$this->assertCount( 1, $rows );
		$row = $rows[0];
		$this->assertSame(
			array(
				'stored' => true,
				'id'     => (int) $row['id'],
			),
			$response->get_data()
		);
		$this->assertSame( 'event', $row['kind'] );
		$this->assertSame( 'Meeting Booked', $row['name'] );
		$this->assertSame( home_url( '/pricing/' ), $row['page_url'] );
		$this->assertSame( 'experience-1234', $row['experience'] );
		$this->assertSame( 'conv-42', $row['conversation_id'] );
		$this->assertSame(
			array(
				'email'   => 'Visitor@Example.ORG',
				'company' => 'Acme',
			),
			json_decode( $row['fields'], true ),
			'The phone number is not in storeFields: dropped.'
		);
		$this->assertSame( 'visitor@example.org', $row['email'], 'The address the privacy tools look up, lower case.' );
		$this->assertSame( hash_hmac( 'sha256', '203.0.113.7', wp_salt( 'auth' ) ), $row['ip_hash'] );
		$this->assertStringNotContainsString( '203.0.113.7', (string) wp_json_encode( $row ), 'The address itself is never stored.' );
		$this->assertEqualsWithDelta( time(), strtotime( $row['created_at'] . ' UTC' ), 5, 'created_at is UTC.' );
	}

	public function test_a_star_handler_stores_any_name_of_its_kind_and_no_fields_without_store_fields(): void {
		$response = $this->send_event(
			self::event_body(
				array(
					'kind'   => 'messenger',
					'name'   => 'messenger:opened',
					'fields' => array( 'email' => 'a@example.org' ),
				)
			)
		);
		$this->assertSame( 201, $response->get_status() );
		$rows = self::event_rows();
		$this->assertSame( 'messenger:opened', $rows[0]['name'] );
		$this->assertSame( '{}', $rows[0]['fields'], 'No storeFields: no field is kept.' );
		$this->assertSame( '', $rows[0]['email'] );

		$this->assertSame( 400, $this->send_event( self::event_body( array( 'name' => 'Meeting Booked Twice' ) ) )->get_status(), 'The star is for messenger events only.' );
	}

	public function test_the_action_carries_the_stored_event(): void {
		$response = $this->send_event(
			self::event_body(
				array(
					'fields' => array(
						'email' => 'a@example.org',
						'notes' => 'not kept',
					),
				)
			)
		);
		$this->assertSame( 201, $response->get_status() );
		$this->assertCount( 1, $this->announced );
		list( $name, $data ) = $this->announced[0];
		$this->assertSame( 'Meeting Booked', $name );
		$this->assertSame( array( 'id', 'kind', 'name', 'url', 'experience', 'conversationId', 'fields', 'createdAt' ), array_keys( $data ) );
		$this->assertSame( $response->get_data()['id'], $data['id'] );
		$this->assertSame( 'event', $data['kind'] );
		$this->assertSame( 'Meeting Booked', $data['name'] );
		$this->assertSame( home_url( '/pricing/' ), $data['url'] );
		$this->assertSame( '', $data['experience'] );
		$this->assertSame( '', $data['conversationId'] );
		$this->assertSame( array( 'email' => 'a@example.org' ), $data['fields'] );
		$this->assertMatchesRegularExpression( '/\A\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\z/', $data['createdAt'] );
		$this->assertSame( str_replace( ' ', 'T', self::event_rows()[0]['created_at'] ) . 'Z', $data['createdAt'] );
	}

	/**
	 * Bodies refused, and the fields their errors name.
	 *
	 * @return array<string, array{0: callable(): string, 1: string[]}>
	 */
	public function refused_bodies(): array {
		$valid = static function ( array $changes ): callable {
			return static function () use ( $changes ): string {
				return self::event_body( $changes );
			};
		};
		$raw   = static function ( string $body ): callable {
			return static function () use ( $body ): string {
				return $body;
			};
		};
		$many  = array();
		for ( $i = 0; $i < 21; $i++ ) {
			$many[ 'f' . $i ] = 'v';
		}
		return array(
			'oversize body'          => array(
				$valid( array( 'experience' => str_repeat( 'x', IncomingEvent::MAX_BODY ) ) ),
				array( 'body' ),
			),
			'malformed JSON'         => array( $raw( '{"kind": "event", "name": "Meeting Booked",' ), array( 'body' ) ),
			'invalid UTF-8'          => array( $raw( "{\"kind\": \"event\", \"name\": \"Meeting \xC3\x28\"}" ), array( 'body' ) ),
			'empty body'             => array( $raw( '' ), array( 'body' ) ),
			'a list'                 => array( $raw( '[]' ), array( 'body' ) ),
			'a string'               => array( $raw( '"Meeting Booked"' ), array( 'body' ) ),
			'a number'               => array( $raw( '42' ), array( 'body' ) ),
			'null'                   => array( $raw( 'null' ), array( 'body' ) ),
			'nulls'                  => array(
				$valid(
					array(
						'kind'           => null,
						'name'           => null,
						'url'            => null,
						'experience'     => null,
						'conversationId' => null,
						'fields'         => null,
					)
				),
				array( 'kind', 'name', 'url', 'experience', 'conversationId', 'fields' ),
			),
			'missing keys'           => array( $raw( '{}' ), array( 'kind', 'name', 'url' ) ),
			'wrong types'            => array(
				$valid(
					array(
						'kind'           => 1,
						'name'           => array( 'Meeting Booked' ),
						'url'            => true,
						'experience'     => 7,
						'conversationId' => array(),
						'fields'         => array( 'a', 'b' ),
					)
				),
				array( 'kind', 'name', 'url', 'experience', 'conversationId', 'fields' ),
			),
			'unknown kind'           => array( $valid( array( 'kind' => 'visitor' ) ), array( 'kind' ) ),
			'bad field values'       => array(
				$valid(
					array(
						'fields' => array(
							'email'   => 5,
							'company' => null,
							'ok'      => 'yes',
							'notes'   => str_repeat( 'n', 501 ),
						),
					)
				),
				array( 'fields.email', 'fields.company', 'fields.notes' ),
			),
			'bad field names'        => array( $valid( array( 'fields' => array( '1st' => 'x' ) ) ), array( 'fields' ) ),
			'too many fields'        => array( $valid( array( 'fields' => $many ) ), array( 'fields' ) ),
			'unknown keys'           => array(
				$valid(
					array(
						'extra'      => 1,
						'<script>'   => 'x',
						'experience' => 'experience-1',
					)
				),
				array( 'extra', 'body' ),
			),
			'name too long'          => array( $valid( array( 'name' => str_repeat( 'M', 101 ) ) ), array( 'name' ) ),
			'control characters'     => array( $valid( array( 'name' => "Meeting\nBooked" ) ), array( 'name' ) ),
			'experience too long'    => array(
				$valid(
					array(
						'experience'     => str_repeat( 'e', 201 ),
						'conversationId' => str_repeat( 'c', 201 ),
					)
				),
				array( 'experience', 'conversationId' ),
			),
			'unconfigured name'      => array( $valid( array( 'name' => 'Lead Scored' ) ), array( 'name' ) ),
			'no wordpress action'    => array( $valid( array( 'name' => 'Conversation Started' ) ), array( 'name' ) ),
			'disabled handler'       => array( $valid( array( 'name' => 'Email Captured' ) ), array( 'name' ) ),
			'name of another kind'   => array( $valid( array( 'name' => 'messenger:opened' ) ), array( 'name' ) ),
			'other host'             => array( $valid( array( 'url' => 'https://evil.example/pricing/' ) ), array( 'url' ) ),
			'protocol-relative'      => array( $valid( array( 'url' => '//evil.example/pricing/' ) ), array( 'url' ) ),
			'javascript URL'         => array( $valid( array( 'url' => 'javascript:alert(1)' ) ), array( 'url' ) ),
			'path only'              => array( $valid( array( 'url' => '/pricing/' ) ), array( 'url' ) ),
			'credentials in the URL' => array(
				static function (): string {
					return self::event_body( array( 'url' => str_replace( '://', '://user:pass@', home_url( '/' ) ) ) );
				},
				array( 'url' ),
			),
			'URL too long'           => array(
				static function (): string {
					return self::event_body( array( 'url' => home_url( '/?q=' . str_repeat( 'q', 2000 ) ) ) );
				},
				array( 'url' ),
			),
			'every problem at once'  => array(
				$valid(
					array(
						'kind'   => 'event',
						'name'   => 'Lead Scored',
						'url'    => 'https://evil.example/',
						'fields' => 'email',
					)
				),
				array( 'name', 'url', 'fields' ),
			),
		);
	}

	/**
	 * Every refusal is a 400 naming the bad fields, and stores and announces nothing.
	 *
	 * @dataProvider refused_bodies
	 *
	 * @param callable(): string $body   Builds the body.
	 * @param string[]           $fields Fields the error names.
	 */
	public function test_a_bad_body_is_refused_naming_each_field_and_nothing_is_stored( callable $body, array $fields ): void {
		$response = $this->send_event( $body() );

		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertEqualsCanonicalizing( $fields, array_keys( $data['data']['params'] ) );
		foreach ( $data['data']['params'] as $message ) {
			$this->assertIsString( $message );
			$this->assertNotSame( '', $message );
		}
		$this->assertSame( array(), self::event_rows(), 'Nothing stored.' );
		$this->assertSame( array(), $this->announced, 'Nothing announced.' );
	}

	public function test_a_refused_body_runs_no_database_query(): void {
		global $wpdb;
		foreach ( array( self::event_body( array( 'name' => 'Lead Scored' ) ), str_repeat( ' ', IncomingEvent::MAX_BODY + 1 ), '{"kind":' ) as $body ) {
			$before = $wpdb->num_queries;
			$this->assertSame( 400, $this->send_event( $body )->get_status() );
			$this->assertSame( $before, $wpdb->num_queries, 'Validated and refused before touching the database.' );
		}
	}

	public function test_a_body_of_exactly_the_limit_is_accepted(): void {
		$body = self::event_body( array( 'experience' => '' ) );
		$pad  = IncomingEvent::MAX_BODY - strlen( $body );
		$body = substr( $body, 0, -1 ) . str_repeat( ' ', $pad ) . '}';
		$this->assertSame( IncomingEvent::MAX_BODY, strlen( $body ) );
		$this->assertSame( 201, $this->send_event( $body )->get_status() );
	}

	public function test_malformed_json_sent_as_application_json_is_refused_too(): void {
		$response = $this->send_event( '{"kind": "event",', 'application/json' );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( array(), self::event_rows() );
		$this->assertSame( 201, $this->send_event( self::event_body(), 'application/json' )->get_status(), 'Any content type.' );
	}

	public function test_a_flood_gets_429_and_stores_nothing_more_counted_in_the_table(): void {
		$this->assert_rate_limited();
	}

	public function test_a_flood_gets_429_and_stores_nothing_more_counted_in_the_object_cache(): void {
		$was = wp_using_ext_object_cache( true );
		try {
			$this->assert_rate_limited();
		} finally {
			wp_using_ext_object_cache( (bool) $was );
		}
	}

	public function test_the_limit_is_filtered_and_can_be_turned_off(): void {
		add_filter(
			'qualified_integration_event_rate_limit',
			static function () {
				return 0;
			}
		);
		for ( $i = 0; $i < 35; $i++ ) {
			$this->assertSame( 201, $this->send_event( self::event_body() )->get_status() );
		}
		$this->assertCount( 35, self::event_rows() );
	}

	public function test_the_default_limit_is_thirty_a_minute(): void {
		for ( $i = 0; $i < 30; $i++ ) {
			$this->assertSame( 201, $this->send_event( self::event_body() )->get_status() );
		}
		$this->assertSame( 429, $this->send_event( self::event_body() )->get_status() );
		$this->assertCount( 30, self::event_rows() );
	}

	public function test_hostile_strings_are_stored_verbatim_and_answered_json_escaped(): void {
		$this->configure_handlers( array( self::storing_handler( '*', array( 'note' ) ) ) );
		$name     = '<script>alert(1)</script>"\'`=cmd|\' /C calc\'!A0';
		$hostile  = array(
			'name'           => $name,
			'url'            => home_url( '/?q="><img/src=x/onerror=alert(1)>' ),
			'experience'     => '"},{"injected":true',
			'conversationId' => "'; DROP TABLE wp_users; --",
			'fields'         => array( 'note' => "</script><svg onload=alert(1)>\u{202E}\\\"" ),
		);
		$response = $this->send_event( self::event_body( $hostile ) );
		$this->assertSame( 201, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );

		$row = self::event_rows()[0];
		$this->assertSame( $name, $row['name'] );
		$this->assertSame( $hostile['url'], $row['page_url'] );
		$this->assertSame( $hostile['experience'], $row['experience'] );
		$this->assertSame( $hostile['conversationId'], $row['conversation_id'] );
		$this->assertSame( $hostile['fields'], json_decode( $row['fields'], true ) );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$log  = rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/qualified-integration/v1/events/log' ) );
		$json = (string) wp_json_encode( rest_get_server()->response_to_data( $log, false ) );
		$this->assertStringNotContainsString( '</script>', $json, 'Served as JSON, "/" escaped: no closing tag.' );
		$this->assertStringNotContainsString( '"},{"injected"', $json, 'Quotes are escaped.' );
		$item = json_decode( $json, true )['items'][0];
		$this->assertSame( $name, $item['name'] );
		$this->assertSame( $hostile['url'], $item['pageUrl'] );
		$this->assertSame( $hostile['experience'], $item['experience'] );
		$this->assertSame( $hostile['conversationId'], $item['conversationId'] );
		$this->assertSame( $hostile['fields'], $item['fields'] );
	}

	public function test_a_logged_in_visitor_without_a_nonce_is_accepted_too(): void {
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assertSame( 201, $this->send_event( self::event_body() )->get_status() );
	}

	/**
	 * Ways Qualified is turned off on the site: each changes the settings.
	 *
	 * @return array<string, array{0: callable(self): void}>
	 */
	public function data_off_switches(): array {
		return array(
			'enabled false'   => array(
				static function ( self $test ): void {
					$test->store_settings( array( 'enabled' => false ) );
				},
			),
			'invalid enabled' => array(
				static function ( self $test ): void {
					// Stored raw, past the sanitizer: a value that is not a boolean fails closed.
					$test->store_raw_settings( array_merge( get_option( SettingsRepository::OPTION ), array( 'enabled' => 'yes' ) ) );
				},
			),
			'no token'        => array(
				static function ( self $test ): void {
					$test->store_settings( array( 'token' => '' ) );
				},
			),
		);
	}

	/**
	 * While Qualified is off, the route takes nothing.
	 *
	 * @dataProvider data_off_switches
	 *
	 * @param callable $switch_off Turns Qualified off.
	 */
	public function test_nothing_is_stored_while_qualified_is_turned_off( callable $switch_off ): void {
		global $wpdb;
		$this->assertSame( 201, $this->send_event( self::event_body() )->get_status(), 'Taken while on.' );
		$this->assertCount( 1, self::event_rows() );

		$switch_off( $this );
		$this->assertFalse( Visibility::is_configured( Plugin::instance()->settings->get() ), 'Turned off.' );
		$before   = $wpdb->num_queries;
		$response = $this->send_event( self::event_body() );
		$this->assertSame( $before, $wpdb->num_queries, 'Refused before any database query.' );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'qualified_integration_events_off', $response->get_data()['code'] );
		$this->assertSame( 'Qualified is turned off on this site.', $response->get_data()['message'] );
		$this->assertCount( 1, self::event_rows(), 'Nothing more stored.' );
		$this->assertCount( 1, $this->announced, 'Nothing more announced.' );
	}

	public function test_an_ipv6_client_is_counted_by_its_64_network(): void {
		add_filter(
			'qualified_integration_event_rate_limit',
			static function () {
				return 2;
			}
		);
		$_SERVER['REMOTE_ADDR'] = '2001:db8:1:2::1';
		$this->assertSame( 201, $this->send_event( self::event_body() )->get_status() );
		$_SERVER['REMOTE_ADDR'] = '2001:DB8:1:2:ffff:ffff:ffff:fffe';
		$this->assertSame( 201, $this->send_event( self::event_body() )->get_status(), 'Another address of the same /64: the same count.' );
		$_SERVER['REMOTE_ADDR'] = '2001:db8:1:2:abcd::42';
		$this->assertSame( 429, $this->send_event( self::event_body() )->get_status(), 'A new address in the /64 does not reset the limit.' );
		$_SERVER['REMOTE_ADDR'] = '2001:db8:1:3::1';
		$this->assertSame( 201, $this->send_event( self::event_body() )->get_status(), 'The next /64 is another client.' );

		$rows = self::event_rows();
		$this->assertCount( 3, $rows );
		$this->assertSame( $rows[0]['ip_hash'], $rows[1]['ip_hash'] );
		$this->assertNotSame( $rows[0]['ip_hash'], $rows[2]['ip_hash'] );
		$this->assertSame( hash_hmac( 'sha256', '2001:db8:1:2::/64', wp_salt( 'auth' ) ), $rows[0]['ip_hash'], 'Keyed by the prefix: no address in the table.' );

		$this->assertSame( '2001:db8:1:2::/64', RateLimiter::bucket( '2001:0db8:0001:0002:0000:0000:0000:0009' ) );
		$this->assertSame( '192.0.2.1', RateLimiter::bucket( '::ffff:192.0.2.1' ), 'IPv4-mapped: the IPv4 address, not the /64 all of them share.' );
		$this->assertSame( 'not an address', RateLimiter::bucket( 'not an address' ) );
		$this->assertSame( '', RateLimiter::bucket( '' ) );
	}

	public function test_an_ipv4_client_is_counted_by_its_full_address(): void {
		add_filter(
			'qualified_integration_event_rate_limit',
			static function () {
				return 2;
			}
		);
		$_SERVER['REMOTE_ADDR'] = '198.51.100.1';
		$this->assertSame( 201, $this->send_event( self::event_body() )->get_status() );
		$this->assertSame( 201, $this->send_event( self::event_body() )->get_status() );
		$this->assertSame( 429, $this->send_event( self::event_body() )->get_status() );
		$_SERVER['REMOTE_ADDR'] = '198.51.100.2';
		$this->assertSame( 201, $this->send_event( self::event_body() )->get_status(), 'The neighbouring address is another client.' );
		$_SERVER['REMOTE_ADDR'] = '::ffff:198.51.100.1';
		$this->assertSame( 429, $this->send_event( self::event_body() )->get_status(), 'The same IPv4 client, seen through a dual-stack socket.' );

		$rows = self::event_rows();
		$this->assertCount( 3, $rows );
		$this->assertSame( hash_hmac( 'sha256', '198.51.100.1', wp_salt( 'auth' ) ), $rows[0]['ip_hash'] );
		$this->assertSame( hash_hmac( 'sha256', '198.51.100.2', wp_salt( 'auth' ) ), $rows[2]['ip_hash'] );
		$this->assertSame( '198.51.100.1', RateLimiter::bucket( '198.51.100.1' ) );
	}

	/**
	 * With a limit of 3: three stored, the fourth refused with 429 and
	 * Retry-After, nothing more stored or announced; another client is
	 * counted apart.
	 */
	private function assert_rate_limited(): void {
		// The object cache counts per clock minute: start well inside one.
		if ( time() % 60 > 50 ) {
			sleep( 61 - time() % 60 );
		}
		add_filter(
			'qualified_integration_event_rate_limit',
			static function () {
				return 3;
			}
		);
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertSame( 201, $this->send_event( self::event_body() )->get_status() );
		}
		for ( $i = 0; $i < 3; $i++ ) {
			$response = $this->send_event( self::event_body() );
			$this->assertSame( 429, $response->get_status() );
			$this->assertSame( 'qualified_integration_rate_limited', $response->get_data()['code'] );
			$retry = (int) ( $response->get_headers()['Retry-After'] ?? 0 );
			$this->assertGreaterThanOrEqual( 1, $retry );
			$this->assertLessThanOrEqual( 60, $retry );
		}
		$this->assertCount( 3, self::event_rows(), 'Nothing more stored.' );
		$this->assertCount( 3, $this->announced, 'Nothing more announced.' );

		add_filter(
			'qualified_integration_client_ip',
			static function () {
				return '198.51.100.9';
			}
		);
		$this->assertSame( 201, $this->send_event( self::event_body() )->get_status(), 'Another client (the proxy filter) has its own count.' );
		$this->assertSame( hash_hmac( 'sha256', '198.51.100.9', wp_salt( 'auth' ) ), self::event_rows()[3]['ip_hash'] );
	}
}
