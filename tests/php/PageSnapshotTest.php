<?php
/**
 * The settings compiled for page views: written with the settings, used
 * only while they match, and printing what the settings print.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\Experiences\PagePlan;
use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Frontend\PageConfig;
use QualifiedIntegration\Frontend\PageSnapshot;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\SettingsRepository;

/**
 * PageSnapshot and the page config it feeds.
 */
final class PageSnapshotTest extends TestCase {

	/**
	 * A post.
	 *
	 * @var int
	 */
	private $post;

	/**
	 * Creates a post.
	 */
	protected function set_up() {
		parent::set_up();
		$this->post = (int) wp_insert_post(
			array(
				'post_title'  => 'Pricing',
				'post_status' => 'publish',
			)
		);
	}

	/**
	 * Settings with a bit of everything: identity, a hide rule (vendor held),
	 * a page-fact rule, an identify rule, a disabled rule, SPA.
	 *
	 * @return array<string, mixed>
	 */
	private static function settings(): array {
		return array(
			'token'       => 'Snap1',
			'identity'    => array(
				'mappings' => array(
					array(
						'field'  => 'page_title',
						'source' => 'post.title',
					),
					array(
						'field'  => 'campaign',
						'source' => 'query',
						'key'    => 'utm_campaign',
					),
				),
			),
			'experiences' => array(
				'spa'   => true,
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
					array(
						'id'           => 'posts',
						'oncePerVisit' => true,
						'when'         => array(
							array(
								'type'   => 'post_type',
								'values' => array( 'post' ),
							),
							array(
								'type'  => 'query',
								'key'   => 'utm_source',
								'op'    => 'equals',
								'value' => "</script>'\"&",
							),
						),
						'then'         => array(
							'action'         => 'showExperience',
							'experience'     => 'experience-123',
							'startCollapsed' => true,
						),
					),
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
						'id'   => 'tag',
						'when' => array(),
						'then' => array(
							'action' => 'identify',
							'fields' => array( 'segment' => 'b2b' ),
						),
					),
					array(
						'id'      => 'off',
						'enabled' => false,
						'when'    => array(),
						'then'    => array( 'action' => 'open' ),
					),
				),
			),
		);
	}

	public function test_a_save_writes_the_snapshot_of_the_enabled_rules(): void {
		$this->store_settings( self::settings() );
		$snapshot = get_option( PageSnapshot::OPTION );
		$this->assertIsArray( $snapshot );
		$this->assertSame( array( 'careers', 'posts', 'pages-only', 'tag' ), array_column( $snapshot['rules'], 'id' ), 'Enabled rules, in order.' );
		$this->assertSame( array(), $snapshot['settings']['experiences']['rules'], 'The rule list is not stored twice.' );
		$this->assertSame( 'Snap1', $snapshot['settings']['token'] );
		$this->assertArrayHasKey( PageSnapshot::OPTION, wp_load_alloptions(), 'Autoloaded: reading it costs a page view no query.' );

		$page = Plugin::instance()->snapshot->page_settings();
		$this->assertSame( array( 'careers', 'posts', 'pages-only', 'tag' ), array_column( $page->rules, 'id' ) );
		$this->assertArrayNotHasKey( 'rule', $page->rules[0], 'Read from the snapshot, not compiled now.' );
	}

	public function test_a_request_reads_the_page_settings_once_until_the_settings_change(): void {
		$this->store_settings( self::settings() );
		$snapshot = Plugin::instance()->snapshot;
		$first    = $snapshot->page_settings();
		$this->assertSame( $first, $snapshot->page_settings(), 'The second read (PrivateCache, then Loader) is the first answer.' );

		$this->store_settings( array( 'token' => 'Snap9' ) );
		$this->assertNotSame( $first, $snapshot->page_settings() );
		$this->assertSame( 'Snap9', $snapshot->page_settings()->settings['token'] );
	}

	public function test_the_printed_config_is_what_build_gives_byte_for_byte(): void {
		$this->store_settings( self::settings() );
		update_post_meta( $this->post, PageOverride::META_KEY, array( 'open' => true ) );
		$printed  = $this->printed_config_json( '/?p=' . $this->post . '&utm_campaign=spring' );
		$settings = Plugin::instance()->settings->get();
		$expected = wp_json_encode( PageConfig::build( $settings, null, PagePlan::for_settings( $settings ) ), Loader::JSON_FLAGS );
		$this->assertSame( $expected, $printed );

		$config = json_decode( $printed, true );
		$this->assertSame( array( 'careers', 'posts', 'tag' ), array_column( $config['experiences']['rules'], 'id' ), 'The page-only rule is dropped on a post.' );
		$this->assertSame( array( 'open' => true ), $config['experiences']['override'] );
		$this->assertArrayHasKey( 'loading', $config, 'A hide rule holds qualified.js.' );
		$this->assertStringNotContainsString( '</script>', $printed, 'Values are emitted inert.' );
	}

	public function test_the_config_without_experiences_or_identity_is_what_build_gives(): void {
		$this->store_settings( array( 'token' => 'Snap2' ) );
		$settings = Plugin::instance()->settings->get();
		$printed  = $this->printed_config_json( '/?p=' . $this->post );
		$this->assertSame( wp_json_encode( PageConfig::build( $settings, null, PagePlan::for_settings( $settings ) ), Loader::JSON_FLAGS ), $printed );
		$this->assertSame( '{"calls":[]}', $printed );
	}

	public function test_settings_changed_past_the_option_api_are_read_themselves(): void {
		global $wpdb;
		$this->store_settings( self::settings() );
		$changed = get_option( SettingsRepository::OPTION );
		$changed['experiences']['rules'][1]['then']['experience'] = 'experience-999';
		// A direct database edit: no hook runs, so the snapshot still describes the old settings.
		$wpdb->update( $wpdb->options, array( 'option_value' => maybe_serialize( $changed ) ), array( 'option_name' => SettingsRepository::OPTION ) );
		wp_cache_delete( 'alloptions', 'options' );

		$page = Plugin::instance()->snapshot->page_settings();
		$this->assertArrayHasKey( 'rule', $page->rules[1], 'Compiled now, from the settings.' );
		$this->assertStringContainsString( 'experience-999', $page->rules[1]['json'] );
		$this->assertStringContainsString( 'experience-999', $this->printed_config_json( '/?p=' . $this->post . '&utm_source=x' ) );
	}

	public function test_a_snapshot_of_another_plugin_version_is_not_used(): void {
		$this->store_settings( self::settings() );
		$snapshot           = get_option( PageSnapshot::OPTION );
		$snapshot['source'] = str_repeat( '0', strlen( $snapshot['source'] ) );
		update_option( PageSnapshot::OPTION, $snapshot );
		$this->assertArrayHasKey( 'rule', Plugin::instance()->snapshot->page_settings()->rules[0] );

		Plugin::instance()->snapshot->rebuild();
		$this->assertArrayNotHasKey( 'rule', Plugin::instance()->snapshot->page_settings()->rules[0], 'Rebuilt, it is used again.' );
	}

	public function test_a_broken_snapshot_item_is_dropped_alone(): void {
		$this->store_settings( self::settings() );
		$snapshot                       = get_option( PageSnapshot::OPTION );
		$snapshot['rules'][0]['action'] = null;
		$snapshot['rules'][2]           = 'not a rule';
		$snapshot['rules'][3]['facts']  = array( 'not a condition' );
		// Written as is: the snapshot's own hooks only follow the settings option.
		update_option( PageSnapshot::OPTION, $snapshot );
		$this->assertSame( array( 'posts' ), array_column( Plugin::instance()->snapshot->page_settings()->rules, 'id' ) );
	}

	public function test_deleting_the_settings_deletes_the_snapshot(): void {
		$this->store_settings( self::settings() );
		$this->assertIsArray( get_option( PageSnapshot::OPTION ) );
		delete_option( SettingsRepository::OPTION );
		$this->assertFalse( get_option( PageSnapshot::OPTION ) );
	}

	public function test_filters_that_get_the_settings_get_them_whole(): void {
		$this->store_settings( self::settings() );
		$seen = array();
		foreach ( array( 'qualified_integration_should_load', 'qualified_integration_identify', 'qualified_integration_page_config' ) as $hook ) {
			add_filter(
				$hook,
				static function ( $value, $settings ) use ( $hook, &$seen ) {
					$seen[ $hook ] = count( $settings['experiences']['rules'] );
					return $value;
				},
				10,
				2
			);
		}
		$this->printed_config_json( '/?p=' . $this->post );
		$this->assertSame(
			array(
				'qualified_integration_should_load' => 5,
				'qualified_integration_identify'    => 5,
				'qualified_integration_page_config' => 5,
			),
			$seen
		);
	}
}
