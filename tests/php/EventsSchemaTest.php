<?php
/**
 * The events part of the settings: handlers, their actions, webhooks and
 * retention; validation and the read side.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\RedirectPolicy;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\Validator;
use WP_REST_Request;

/**
 * Events schema tests.
 */
final class EventsSchemaTest extends TestCase {

	const PAYLOAD = '</script><script>alert(1)</script>';

	/**
	 * The contract's handlers, and one webhook.
	 *
	 * @return array<string, mixed>
	 */
	private static function events(): array {
		return array(
			'handlers'      => array(
				array(
					'kind'    => 'event',
					'name'    => 'Meeting Booked',
					'actions' => array(
						array(
							'type'  => 'dataLayer',
							'event' => 'qualified_meeting_booked',
						),
						array(
							'type'          => 'gtag',
							'event'         => 'generate_lead',
							'includeFields' => true,
						),
						array(
							'type'  => 'fbq',
							'event' => 'Schedule',
						),
						array(
							'type'        => 'wordpress',
							'storeFields' => array( 'email', 'company' ),
						),
						array(
							'type' => 'redirect',
							'url'  => '/thank-you/',
						),
					),
				),
				array(
					'kind'    => 'messenger',
					'name'    => '*',
					'enabled' => false,
					'actions' => array(
						array(
							'type'  => 'dataLayer',
							'event' => 'qualified_messenger',
						),
					),
				),
			),
			'webhooks'      => array(
				array(
					'id'     => 'zapier',
					'label'  => 'Zapier',
					'url'    => 'https://hooks.example.com/catch/1/',
					'secret' => 'a-secret-of-16-chars',
					'events' => array( 'Meeting Booked' ),
				),
			),
			'retentionDays' => 30,
		);
	}

	public function test_defaults_are_empty_with_90_days(): void {
		$this->assertSame(
			array(
				'handlers'      => array(),
				'webhooks'      => array(),
				'retentionDays' => 90,
			),
			Plugin::instance()->settings->get()['events']
		);
	}

	public function test_the_actions_file_is_the_type_enum(): void {
		$this->assertSame(
			array( 'dataLayer', 'gtag', 'fbq', 'wordpress', 'redirect' ),
			Schema::get()['properties']['events']['properties']['handlers']['items']['properties']['actions']['items']['properties']['type']['enum']
		);
	}

	public function test_valid_events_are_accepted_and_stored_as_sent(): void {
		$settings = Plugin::instance()->settings->update( array( 'events' => self::events() ) );

		$this->assertIsArray( $settings );
		$this->assertSame( self::events(), $settings['events'] );
		$this->assertSame( self::events(), Plugin::instance()->settings->get()['events'] );
	}

	/**
	 * Bad handlers, actions and webhooks, with the path and the start of the message.
	 *
	 * @return array<string, array{callable, string, string}>
	 */
	public function data_bad_events(): array {
		return array(
			'handlers null'         => array(
				static function ( array &$e ) {
					$e['handlers'] = null;
				},
				'events.handlers',
				'Event handlers: must be a list, not null.',
			),
			'unknown kind'          => array(
				static function ( array &$e ) {
					$e['handlers'][0]['kind'] = 'chat';
				},
				'events.handlers[0].kind',
				'Handler 1, Kind:',
			),
			'name too long'         => array(
				static function ( array &$e ) {
					$e['handlers'][0]['name'] = str_repeat( 'n', 101 );
				},
				'events.handlers[0].name',
				'Handler 1, Event name:',
			),
			'name with a newline'   => array(
				static function ( array &$e ) {
					$e['handlers'][0]['name'] = "Meeting\nBooked";
				},
				'events.handlers[0].name',
				'Handler 1, Event name:',
			),
			'name empty'            => array(
				static function ( array &$e ) {
					$e['handlers'][1]['name'] = '';
				},
				'events.handlers[1].name',
				'Handler 2, Event name:',
			),
			'no actions'            => array(
				static function ( array &$e ) {
					$e['handlers'][1]['actions'] = array();
				},
				'events.handlers[1].actions',
				'Handler 2, Actions:',
			),
			'unknown action type'   => array(
				static function ( array &$e ) {
					$e['handlers'][0]['actions'][1] = array( 'type' => 'segment' );
				},
				'events.handlers[0].actions[1].type',
				'Handler 1, Action 2, Type:',
			),
			'gtag name with spaces' => array(
				static function ( array &$e ) {
					$e['handlers'][0]['actions'][1]['event'] = 'generate lead';
				},
				'events.handlers[0].actions[1].event',
				'Handler 1, Action 2, Event name to send:',
			),
			'dataLayer no event'    => array(
				static function ( array &$e ) {
					unset( $e['handlers'][0]['actions'][0]['event'] );
				},
				'events.handlers[0].actions[0].event',
				'Handler 1, Action 1, Event name to send: required.',
			),
			'includeFields string'  => array(
				static function ( array &$e ) {
					$e['handlers'][0]['actions'][0]['includeFields'] = 'yes';
				},
				'events.handlers[0].actions[0].includeFields',
				'Handler 1, Action 1, Include visitor fields:',
			),
			'key of another type'   => array(
				static function ( array &$e ) {
					$e['handlers'][0]['actions'][4]['event'] = 'x';
				},
				'events.handlers[0].actions[4].event',
				'Handler 1, Action 5:',
			),
			'store a bad field'     => array(
				static function ( array &$e ) {
					$e['handlers'][0]['actions'][3]['storeFields'][] = 'not a field';
				},
				'events.handlers[0].actions[3].storeFields[2]',
				'Handler 1, Action 4, Fields to store:',
			),
			'redirect javascript:'  => array(
				static function ( array &$e ) {
					$e['handlers'][0]['actions'][4]['url'] = 'javascript:alert(1)';
				},
				'events.handlers[0].actions[4].url',
				'Handler 1, Action 5, Address: must be a path on this site',
			),
			'redirect other host'   => array(
				static function ( array &$e ) {
					$e['handlers'][0]['actions'][4]['url'] = 'https://evil.example/thanks';
				},
				'events.handlers[0].actions[4].url',
				'Handler 1, Action 5, Address: must be a path on this site',
			),
			'redirect //host'       => array(
				static function ( array &$e ) {
					$e['handlers'][0]['actions'][4]['url'] = '//evil.example/';
				},
				'events.handlers[0].actions[4].url',
				'Handler 1, Action 5, Address:',
			),
			'redirect backslash'    => array(
				static function ( array &$e ) {
					$e['handlers'][0]['actions'][4]['url'] = '/\\evil.example/';
				},
				'events.handlers[0].actions[4].url',
				'Handler 1, Action 5, Address:',
			),
			'webhook not http'      => array(
				static function ( array &$e ) {
					$e['webhooks'][0]['url'] = 'ftp://hooks.example.com/';
				},
				'events.webhooks[0].url',
				'Webhook 1, Address:',
			),
			'webhook short secret'  => array(
				static function ( array &$e ) {
					$e['webhooks'][0]['secret'] = 'short';
				},
				'events.webhooks[0].secret',
				'Webhook 1, Secret: use at least 16 characters.',
			),
			'webhook duplicate id'  => array(
				static function ( array &$e ) {
					$e['webhooks'][] = $e['webhooks'][0];
				},
				'events.webhooks[1].id',
				'Webhook 2, ID: zapier is already the ID of webhook 1.',
			),
			'retention 0'           => array(
				static function ( array &$e ) {
					$e['retentionDays'] = 0;
				},
				'events.retentionDays',
				'Keep events for (days): must be at least 1.',
			),
			'retention as text'     => array(
				static function ( array &$e ) {
					$e['retentionDays'] = '90';
				},
				'events.retentionDays',
				'Keep events for (days):',
			),
		);
	}

	/**
	 * A bad value is refused with a message at its path, and nothing changes.
	 *
	 * @dataProvider data_bad_events
	 *
	 * @param callable $change  Breaks the valid events.
	 * @param string   $path    Path of the error.
	 * @param string   $message Start of its message.
	 */
	public function test_bad_events_are_refused_at_their_path( callable $change, string $path, string $message ): void {
		$events = self::events();
		$change( $events );
		$before = Plugin::instance()->settings->get();

		$result = Validator::validate_changes( array( 'events' => $events ) );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$params = $result->get_error_data()['params'];
		$this->assertArrayHasKey( $path, $params, implode( ' | ', array_keys( $params ) ) );
		$this->assertStringStartsWith( $message, $params[ $path ] );
		$this->assertInstanceOf( \WP_Error::class, Plugin::instance()->settings->update( array( 'events' => $events ) ) );
		$this->assertSame( $before, Plugin::instance()->settings->get(), 'Nothing changed.' );
	}

	public function test_every_bad_row_is_reported_through_rest(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$events                                     = self::events();
		$events['handlers'][0]['actions'][4]['url'] = 'javascript:alert(1)';
		$events['handlers'][1]['kind']              = 'chat';
		$events['webhooks'][0]['secret']            = 'short';
		$request                                    = new WP_REST_Request( 'POST', '/qualified-integration/v1/settings' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'events' => $events ) ) );

		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertEqualsCanonicalizing(
			array( 'events.handlers[0].actions[4].url', 'events.handlers[1].kind', 'events.webhooks[0].secret' ),
			array_keys( $response->get_data()['data']['params'] )
		);
	}

	public function test_a_filter_may_allow_another_redirect_host(): void {
		$events                                     = self::events();
		$events['handlers'][0]['actions'][4]['url'] = 'https://shop.example.org/thanks?from=chat';
		$this->assertInstanceOf( \WP_Error::class, Validator::validate_changes( array( 'events' => $events ) ) );

		add_filter(
			'qualified_integration_redirect_hosts',
			static function ( array $hosts ): array {
				$hosts[] = 'Shop.Example.org';
				return $hosts;
			}
		);

		$this->assertTrue( Validator::validate_changes( array( 'events' => $events ) ) );
	}

	/**
	 * Addresses and whether a redirect may go there.
	 *
	 * @return array<string, array{string, bool}>
	 */
	public function data_redirects(): array {
		$home = (string) wp_parse_url( home_url(), PHP_URL_HOST );
		return array(
			'root'               => array( '/', true ),
			'path and query'     => array( '/thank-you/?a=1#done', true ),
			'this host'          => array( 'http://' . $home . '/x', true ),
			'this host, https'   => array( 'https://' . $home . '/x', true ),
			'protocol-relative'  => array( '//' . $home . '/x', false ),
			'javascript'         => array( 'javascript:alert(1)', false ),
			'JavaScript, spaced' => array( ' javascript:alert(1)', false ),
			'data'               => array( 'data:text/html,x', false ),
			'credentials'        => array( 'https://user:pass@' . $home . '/', false ),
			'other host'         => array( 'https://evil.example/', false ),
			'look-alike host'    => array( 'https://' . $home . '.evil.example/', false ),
			'relative, no slash' => array( 'thank-you', false ),
			'tab inside'         => array( "/a\tb", false ),
		);
	}

	/**
	 * Only paths on this site and its own (or filter-allowed) host pass.
	 *
	 * @dataProvider data_redirects
	 *
	 * @param string $url     Address.
	 * @param bool   $allowed Expected.
	 */
	public function test_redirect_policy( string $url, bool $allowed ): void {
		$this->assertSame( $allowed, RedirectPolicy::allows( $url ), $url );
	}

	public function test_a_stored_option_with_a_bad_handler_keeps_the_others(): void {
		$events                        = self::events();
		$events['handlers'][0]['kind'] = 'chat';
		$this->store_raw_settings(
			array(
				'schemaVersion' => 5,
				'enabled'       => true,
				'token'         => 'Tok1',
				'events'        => $events,
			)
		);

		$read = Plugin::instance()->settings->get()['events'];

		$this->assertSame( array( self::events()['handlers'][1] ), $read['handlers'] );
		$this->assertSame( self::events()['webhooks'], $read['webhooks'] );
		$this->assertSame( 30, $read['retentionDays'] );
		$this->assertArrayHasKey( 'events.handlers[0].kind', Plugin::instance()->settings->problems() );
	}

	public function test_hostile_strings_are_stored_as_sent(): void {
		$events                              = self::events();
		$events['handlers'][0]['name']       = self::PAYLOAD;
		$events['handlers'][0]['actions'][0] = array(
			'type'  => 'dataLayer',
			'event' => self::PAYLOAD,
		);
		$events['webhooks'][0]['label']      = self::PAYLOAD;
		$events['webhooks'][0]['events']     = array( self::PAYLOAD );
		$settings                            = Plugin::instance()->settings->update( array( 'events' => $events ) );

		$this->assertIsArray( $settings );
		$this->assertSame( self::PAYLOAD, $settings['events']['handlers'][0]['name'] );
	}

	/**
	 * A constant locks the field; its invalid handler is dropped alone.
	 *
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_the_events_constant_locks_the_field_and_keeps_its_valid_handlers(): void {
		$constant                        = self::events();
		$constant['handlers'][1]['kind'] = 'chat';
		define( 'QUALIFIED_INTEGRATION_EVENTS', $constant );

		$settings = Plugin::instance()->settings->get();
		$this->assertSame( array( self::events()['handlers'][0] ), $settings['events']['handlers'] );
		$this->assertContains( 'events', Plugin::instance()->settings->locked_fields() );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$write = new WP_REST_Request( 'POST', '/qualified-integration/v1/settings' );
		$write->set_header( 'Content-Type', 'application/json' );
		$write->set_body( (string) wp_json_encode( array( 'events' => self::events() ) ) );
		$response = rest_get_server()->dispatch( $write );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'Events: locked by the QUALIFIED_INTEGRATION_EVENTS constant in wp-config.php.', $response->get_data()['data']['params']['events'] );
	}
}
