<?php
/**
 * The `events` part of the printed page config: enabled handlers only, the
 * ingestion endpoint, the fbq method, nothing per visitor, compiled when
 * the settings are written, no added query, filters cleaned, output inert.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\Events\EventsConfig;
use QualifiedIntegration\Frontend\Experiences\PagePlan;
use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Frontend\PageConfig;
use QualifiedIntegration\Frontend\PageSnapshot;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Rest\EventsController;
use QualifiedIntegration\Rest\SettingsController;
use QualifiedIntegration\Settings\SettingsRepository;

/**
 * Rendered-head and page-config tests for event handlers.
 */
final class EventsPageConfigTest extends TestCase {

	const PAYLOAD = "</script><script>alert(1)</script> it's \"quoted\" & <b>\u{2028}line";

	/**
	 * A post.
	 *
	 * @var int
	 */
	private $post;

	/**
	 * Stores a token and creates a post.
	 */
	protected function set_up() {
		parent::set_up();
		$this->store_settings( array( 'token' => 'Tok3n' ) );
		$this->post = (int) wp_insert_post(
			array(
				'post_title'  => 'Pricing',
				'post_status' => 'publish',
			)
		);
	}

	/**
	 * A handler with every action type, a disabled one and an enabled messenger one.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private static function handlers(): array {
		return array(
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
						'type'  => 'fbq',
						'event' => 'schedule',
					),
					array(
						'type'        => 'wordpress',
						'storeFields' => array( 'email' ),
					),
					array(
						'type' => 'redirect',
						'url'  => '/thank-you/',
					),
				),
			),
			array(
				'kind'    => 'event',
				'name'    => 'Email Captured',
				'enabled' => false,
				'actions' => array(
					array(
						'type'  => 'dataLayer',
						'event' => 'off',
					),
				),
			),
			array(
				'kind'    => 'messenger',
				'name'    => '*',
				'enabled' => true,
				'actions' => array(
					array(
						'type'  => 'fbq',
						'event' => 'Qualified_Messenger',
					),
				),
			),
		);
	}

	/**
	 * Stores handlers and checks the settings kept them as given.
	 *
	 * @param array<int, array<string, mixed>> $handlers Handlers.
	 */
	private function store_handlers( array $handlers ): void {
		$this->store_settings(
			array(
				'events' => array(
					'handlers'      => $handlers,
					'webhooks'      => array(),
					'retentionDays' => 90,
				),
			)
		);
		$this->assertSame( $handlers, Plugin::instance()->settings->get()['events']['handlers'], 'Stored as given.' );
	}

	/**
	 * The printed config of a URL, decoded.
	 *
	 * @param string $url Path and query string.
	 * @return array<string, mixed>
	 */
	private function printed_config( string $url = '/' ): array {
		$config = json_decode( $this->printed_config_json( $url ), true );
		$this->assertIsArray( $config );
		return $config;
	}

	public function test_only_enabled_handlers_reach_the_page_without_their_enabled_key(): void {
		$this->store_handlers( self::handlers() );
		$events = $this->printed_config( '/?p=' . $this->post )['events'];

		$this->assertSame( array( 'endpoint', 'handlers' ), array_keys( $events ) );
		$this->assertSame( array( 'Meeting Booked', '*' ), array_column( $events['handlers'], 'name' ), 'The disabled handler is left out.' );
		$this->assertSame( array( 'event', 'messenger' ), array_column( $events['handlers'], 'kind' ) );
		foreach ( $events['handlers'] as $handler ) {
			$this->assertSame( array( 'kind', 'name', 'actions' ), array_keys( $handler ) );
		}
		$this->assertSame( self::handlers()[0]['actions'][0], $events['handlers'][0]['actions'][0], 'Actions as stored.' );
		$this->assertSame( self::handlers()[0]['actions'][4], $events['handlers'][0]['actions'][4] );
		$this->assertSame( self::handlers()[0]['actions'][5], $events['handlers'][0]['actions'][5] );
	}

	public function test_fbq_actions_carry_track_for_meta_standard_events_only(): void {
		$this->store_handlers( self::handlers() );
		$handlers = $this->printed_config()['events']['handlers'];

		$this->assertSame(
			array(
				'type'   => 'fbq',
				'event'  => 'Schedule',
				'method' => 'track',
			),
			$handlers[0]['actions'][2]
		);
		$this->assertSame( 'trackCustom', $handlers[0]['actions'][3]['method'], 'Meta matches standard names exactly: "schedule" is custom.' );
		$this->assertSame( 'trackCustom', $handlers[1]['actions'][0]['method'] );
		$this->assertArrayNotHasKey( 'method', $handlers[0]['actions'][1], 'Only fbq actions get a method.' );
	}

	public function test_the_endpoint_is_the_public_events_route(): void {
		$this->store_handlers( self::handlers() );
		$this->assertSame( rest_url( 'qualified-integration/v1/events' ), $this->printed_config()['events']['endpoint'] );
		$this->assertSame( SettingsController::NAMESPACE . '/events', EventsConfig::ROUTE, 'The REST namespace, written out.' );
		if ( class_exists( EventsController::class ) ) {
			$this->assertSame( EventsController::NAMESPACE . EventsController::ROUTE, EventsConfig::ROUTE, 'The route the ingestion controller registers.' );
		}

		$structure = (string) get_option( 'permalink_structure' );
		try {
			update_option( 'permalink_structure', '/%postname%/' );
			$GLOBALS['wp_rewrite']->init();
			$endpoint = $this->printed_config()['events']['endpoint'];
			$this->assertSame( home_url( '/' . rest_get_url_prefix() . '/qualified-integration/v1/events' ), $endpoint, 'Follows the permalink structure.' );
		} finally {
			update_option( 'permalink_structure', $structure );
			$GLOBALS['wp_rewrite']->init();
		}
	}

	public function test_no_enabled_handler_means_no_events_part(): void {
		$handlers = self::handlers();
		foreach ( $handlers as $index => $handler ) {
			$handlers[ $index ]['enabled'] = false;
		}
		$this->store_handlers( $handlers );
		$this->assertSame( '{"calls":[]}', $this->printed_config_json( '/?p=' . $this->post ) );
		$this->assertSame( '', get_option( PageSnapshot::OPTION )['events'] );
	}

	public function test_the_printed_config_is_what_build_gives_byte_for_byte(): void {
		$this->store_handlers( self::handlers() );
		$this->store_settings(
			array(
				'identity'    => array(
					'mappings' => array(
						array(
							'field'  => 'lead_source',
							'source' => 'static',
							'value'  => 'Website',
						),
					),
				),
				'experiences' => array(
					'spa'   => false,
					'rules' => array(
						array(
							'id'   => 'careers',
							'when' => array(
								array(
									'type'  => 'path',
									'op'    => 'prefix',
									'value' => '/careers',
								),
							),
							'then' => array( 'action' => 'hide' ),
						),
					),
				),
			)
		);
		foreach ( array( '/', '/?p=' . $this->post ) as $url ) {
			$printed  = $this->printed_config_json( $url );
			$settings = Plugin::instance()->settings->get();
			$this->assertSame( wp_json_encode( PageConfig::build( $settings, null, PagePlan::for_settings( $settings ) ), Loader::JSON_FLAGS ), $printed, $url );
			$this->assertSame( array( 'calls', 'identity', 'experiences', 'events', 'loading' ), array_keys( (array) json_decode( $printed, true ) ), $url );
		}
	}

	public function test_the_handlers_are_compiled_when_the_settings_are_written(): void {
		$this->store_handlers( self::handlers() );
		$snapshot = get_option( PageSnapshot::OPTION );
		$this->assertIsArray( $snapshot );
		$this->assertSame( array(), $snapshot['settings']['events']['handlers'], 'The handler list is not stored twice.' );
		$this->assertSame( EventsConfig::compile( Plugin::instance()->settings->get() ), $snapshot['events'] );
		$this->assertSame( $snapshot['events'], Plugin::instance()->snapshot->page_settings()->events );

		// A page view prints the compiled text as it is: it neither reads nor encodes the handlers again.
		$snapshot['events'] = '[{"kind":"event","name":"From the snapshot","actions":[]}]';
		update_option( PageSnapshot::OPTION, $snapshot );
		$this->assertSame( 'From the snapshot', $this->printed_config()['events']['handlers'][0]['name'] );
	}

	public function test_handlers_changed_past_the_option_api_are_compiled_then(): void {
		global $wpdb;
		$this->store_handlers( self::handlers() );
		$changed                                  = get_option( SettingsRepository::OPTION );
		$changed['events']['handlers'][0]['name'] = 'Conversation Started';
		$wpdb->update( $wpdb->options, array( 'option_value' => maybe_serialize( $changed ) ), array( 'option_name' => SettingsRepository::OPTION ) );
		wp_cache_delete( 'alloptions', 'options' );

		$this->assertSame( 'Conversation Started', $this->printed_config()['events']['handlers'][0]['name'] );
	}

	public function test_a_snapshot_without_compiled_handlers_is_not_used(): void {
		$this->store_handlers( self::handlers() );
		$snapshot = get_option( PageSnapshot::OPTION );
		unset( $snapshot['events'] );
		update_option( PageSnapshot::OPTION, $snapshot );
		$this->assertSame( array( 'Meeting Booked', '*' ), array_column( $this->printed_config()['events']['handlers'], 'name' ), 'Compiled from the settings instead.' );
	}

	public function test_events_are_the_same_for_anonymous_and_logged_in_visitors(): void {
		$this->store_handlers( self::handlers() );
		$url       = '/?p=' . $this->post;
		$anonymous = $this->printed_config_json( $url );

		$user = $this->create_user( 'subscriber' );
		wp_set_current_user( $user );
		$logged_in = $this->printed_config_json( $url );

		$this->assertSame( $anonymous, $logged_in, 'No nonce, nothing of the user.' );
		$this->assertStringNotContainsString( wp_create_nonce( 'wp_rest' ), $logged_in );
		$this->assertStringNotContainsString( (string) wp_get_current_user()->user_email, $logged_in );
	}

	public function test_events_do_not_depend_on_experience_rules(): void {
		$this->store_handlers( self::handlers() );
		$page = (int) wp_insert_post(
			array(
				'post_title'  => 'Careers',
				'post_type'   => 'page',
				'post_status' => 'publish',
			)
		);
		$this->store_settings(
			array(
				'experiences' => array(
					'spa'   => false,
					'rules' => array(
						array(
							'id'   => 'pages-only',
							'when' => array(
								array(
									'type'   => 'post_type',
									'values' => array( 'page' ),
								),
							),
							'then' => array( 'action' => 'open' ),
						),
						array(
							'id'   => 'mobile',
							'when' => array(
								array(
									'type'  => 'device',
									'value' => 'mobile',
								),
							),
							'then' => array( 'action' => 'hide' ),
						),
					),
				),
			)
		);

		$on_post = $this->printed_config( '/?p=' . $this->post );
		$this->assertSame( array( 'mobile' ), array_column( $on_post['experiences']['rules'], 'id' ), 'The page-only rule does not reach a post.' );
		$this->assertArrayHasKey( 'loading', $on_post, 'qualified.js is held: the registrations wait for it.' );
		$this->assertSame( array( 'Meeting Booked', '*' ), array_column( $on_post['events']['handlers'], 'name' ) );
		$this->assertSame( $on_post['events'], $this->printed_config( '/?page_id=' . $page )['events'], 'The same on every page.' );

		// Hidden by page facts: nothing of Qualified is printed, handlers included.
		update_post_meta( $page, PageOverride::META_KEY, array( 'hide' => true ) );
		$this->go_to( '/?page_id=' . $page );
		$GLOBALS['wp_scripts'] = null;
		Plugin::instance()->loader->reset();
		$head = $this->render_head();
		$this->assertStringNotContainsString( Loader::CONFIG_GLOBAL, $head );
		$this->assertStringNotContainsString( 'Meeting Booked', $head );
	}

	public function test_handlers_add_no_database_query_to_a_page_view(): void {
		global $wpdb;
		$handlers = array();
		for ( $i = 0; $i < 20; $i++ ) {
			$handlers[] = array(
				'kind'    => 0 === $i % 4 ? 'messenger' : 'event',
				'name'    => 'Event ' . $i,
				'actions' => self::handlers()[0]['actions'],
			);
		}
		$this->store_handlers( $handlers );
		$url = '/?p=' . $this->post;

		// Twice without the plugin (the first warms core's caches), then with it.
		$this->store_settings( array( 'enabled' => false ) );
		$this->go_to( $url );
		$this->count_queries_of_head();
		$without = $this->count_queries_of_head();
		$this->store_settings( array( 'enabled' => true ) );
		$this->go_to( $url );
		$with = $this->count_queries_of_head( $head );

		$this->assertStringContainsString( '"name":"Event 19"', (string) $head );
		$this->assertSame( $without, $with, 'Last query: ' . $wpdb->last_query );
	}

	public function test_a_filter_cannot_add_a_redirect_off_the_site_or_a_broken_handler(): void {
		$this->store_handlers( self::handlers() );
		$redirect = static function ( string $name, string $url ): array {
			return array(
				'kind'    => 'event',
				'name'    => $name,
				'actions' => array(
					array(
						'type'  => 'dataLayer',
						'event' => 'ev_' . $name,
					),
					array(
						'type' => 'redirect',
						'url'  => $url,
					),
				),
			);
		};
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ) use ( $redirect ): array {
				$added                        = array(
					$redirect( 'js', 'javascript:alert(1)' ),
					$redirect( 'elsewhere', 'https://evil.example/login' ),
					$redirect( 'protocol_relative', '//evil.example/' ),
					$redirect( 'backslash', '/\\evil.example/' ),
					$redirect( 'data', 'data:text/html,<script>alert(1)</script>' ),
					$redirect( 'here', '/thanks/' ),
					array(
						'kind'    => 'event',
						'name'    => 'unknown_type',
						'actions' => array( array( 'type' => 'eval' ) ),
					),
					array(
						'kind'    => 'visitor',
						'name'    => 'bad_kind',
						'actions' => array(
							array(
								'type'  => 'dataLayer',
								'event' => 'x',
							),
						),
					),
					array(
						'kind'    => 'event',
						'name'    => 'off',
						'enabled' => false,
						'actions' => array(
							array(
								'type'  => 'dataLayer',
								'event' => 'x',
							),
						),
					),
					array(
						'kind'    => 'event',
						'name'    => 'Lead',
						'actions' => array(
							array(
								'type'   => 'fbq',
								'event'  => 'Lead',
								'method' => 'init',
							),
						),
					),
					'not a handler',
				);
				$config['events']['handlers'] = array_merge( $config['events']['handlers'], $added );
				$config['events']['endpoint'] = 'javascript:alert(1)';
				return $config;
			}
		);
		$events = $this->printed_config()['events'];

		$this->assertSame( array( 'Meeting Booked', '*', 'here', 'Lead' ), array_column( $events['handlers'], 'name' ) );
		$this->assertSame( '/thanks/', $events['handlers'][2]['actions'][1]['url'] );
		$this->assertSame( 'track', $events['handlers'][3]['actions'][0]['method'], 'Decided again from the event name.' );
		$this->assertSame( rest_url( EventsConfig::ROUTE ), $events['endpoint'], 'A script URL is no endpoint.' );
	}

	public function test_a_filter_may_add_handlers_to_a_page_without_any(): void {
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ): array {
				$config['events'] = array(
					'handlers' => array(
						array(
							'kind'    => 'messenger',
							'name'    => 'Opened',
							'actions' => array(
								array(
									'type'  => 'gtag',
									'event' => 'chat_opened',
								),
							),
						),
					),
				);
				return $config;
			}
		);
		$events = $this->printed_config()['events'];
		$this->assertSame( rest_url( EventsConfig::ROUTE ), $events['endpoint'] );
		$this->assertSame( array( 'Opened' ), array_column( $events['handlers'], 'name' ) );
	}

	public function test_a_filter_that_empties_the_handlers_removes_the_part(): void {
		$this->store_handlers( self::handlers() );
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ): array {
				$config['events']['handlers'] = 'none';
				return $config;
			}
		);
		$this->assertArrayNotHasKey( 'events', $this->printed_config() );
	}

	public function test_hostile_strings_are_printed_inert(): void {
		$this->store_handlers(
			array(
				array(
					'kind'    => 'event',
					'name'    => self::PAYLOAD,
					'actions' => array(
						array(
							'type'  => 'dataLayer',
							'event' => self::PAYLOAD,
						),
						array(
							'type' => 'redirect',
							'url'  => '/thanks/?a=1&b=\'"<>',
						),
					),
				),
			)
		);
		foreach ( array( false, true ) as $filtered ) {
			if ( $filtered ) {
				add_filter(
					'qualified_integration_page_config',
					static function ( $config ) {
						return $config;
					}
				);
			}
			$printed = $this->printed_config_json( '/?p=' . $this->post );
			foreach ( array( '<', '>', '&', "'", '"quoted' ) as $raw ) {
				$this->assertStringNotContainsString( $raw, (string) substr( $printed, (int) strpos( $printed, '"events":' ) ), "$raw, filtered: " . ( $filtered ? 'yes' : 'no' ) );
			}
			$this->assertStringContainsString( '\u003C\/script\u003E', $printed );
			$this->assertStringContainsString( '\u0026', $printed );
			$this->assertStringContainsString( '\u0027', $printed );
			$this->assertStringContainsString( '\u0022quoted\u0022', $printed );

			$events = json_decode( $printed, true )['events'];
			$this->assertSame( self::PAYLOAD, $events['handlers'][0]['name'], 'Read back unchanged.' );
			$this->assertSame( self::PAYLOAD, $events['handlers'][0]['actions'][0]['event'] );
			$this->assertSame( '/thanks/?a=1&b=\'"<>', $events['handlers'][0]['actions'][1]['url'] );
		}
	}

	/**
	 * Renders <head> from a clean script registry and counts the queries it ran.
	 *
	 * @param string|null $head Receives the rendered head.
	 * @return int
	 */
	private function count_queries_of_head( &$head = null ): int {
		global $wpdb;
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		Plugin::instance()->loader->reset();
		$before = $wpdb->num_queries;
		$head   = $this->render_head();
		return $wpdb->num_queries - $before;
	}
}
