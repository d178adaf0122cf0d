<?php
/**
 * Upgrades of the stored settings.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\CheckedStamp;
use QualifiedIntegration\Settings\Migrations;
use QualifiedIntegration\Settings\SaveLock;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;

/**
 * Migration tests.
 */
final class MigrationTest extends TestCase {

	/** The loading section a migration adds: how every version before 5 loaded qualified.js. */
	const IMMEDIATE = array(
		'strategy'        => 'immediate',
		'maxDelay'        => 0,
		'consentCategory' => 'marketing',
	);

	public function test_migration_creates_a_missing_option_with_defaults(): void {
		delete_option( SettingsRepository::OPTION );

		$this->assertTrue( Plugin::instance()->migrations->run() );
		$this->assertSame( Schema::defaults(), self::settings_written() );
		$this->assertFalse( Plugin::instance()->migrations->run(), 'A current option is left alone.' );
	}

	public function test_a_stored_v1_option_becomes_v5_with_nothing_lost(): void {
		$v1 = array(
			'schemaVersion' => 1,
			'enabled'       => false,
			'token'         => 'Legacy9Tok',
			'excludeRoles'  => array( 'administrator', 'editor' ),
		);
		$this->store_raw_settings( $v1 );
		$this->assertSame( $v1, get_option( SettingsRepository::OPTION ), 'The raw v1 option is in place.' );

		$seen = array();
		add_action(
			'qualified_integration_migrated',
			static function ( $from, $to ) use ( &$seen ) {
				$seen = array( $from, $to );
			},
			10,
			2
		);

		$this->assertTrue( Plugin::instance()->migrations->run() );

		$this->assertSame( array( 1, 5 ), $seen );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertSame(
			array(
				'schemaVersion' => 5,
				'enabled'       => false,
				'token'         => 'Legacy9Tok',
				'excludeRoles'  => array( 'administrator', 'editor' ),
				'identity'      => array( 'mappings' => array() ),
				'experiences'   => array(
					'spa'   => false,
					'rules' => array(),
				),
				'events'        => array(
					'handlers'      => array(),
					'webhooks'      => array(),
					'retentionDays' => 90,
				),
				'loading'       => array(
					'strategy'        => 'immediate',
					'maxDelay'        => 0,
					'consentCategory' => 'marketing',
				),
			),
			self::settings_written()
		);
		$this->assertFalse( Plugin::instance()->migrations->run(), 'A v5 option is left alone.' );
	}

	public function test_a_stored_v2_option_with_identity_mappings_becomes_v5_with_nothing_lost(): void {
		$mappings = array(
			array(
				'field'  => 'email',
				'source' => 'user.email',
			),
			array(
				'field'  => 'company',
				'source' => 'user.meta',
				'key'    => 'billing_company',
			),
			array(
				'field'  => 'lead_source',
				'source' => 'static',
				'value'  => 'Website',
			),
			array(
				'field'   => 'utm_campaign',
				'source'  => 'query',
				'key'     => 'utm_campaign',
				'persist' => 'first',
			),
		);
		$v2       = array(
			'schemaVersion' => 2,
			'enabled'       => true,
			'token'         => 'V2Token',
			'excludeRoles'  => array( 'editor' ),
			'identity'      => array( 'mappings' => $mappings ),
		);
		$this->store_raw_settings( $v2 );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertSame( $v2, get_option( SettingsRepository::OPTION ), 'The raw v2 option is in place.' );

		$seen = array();
		add_action(
			'qualified_integration_migrated',
			static function ( $from, $to ) use ( &$seen ) {
				$seen = array( $from, $to );
			},
			10,
			2
		);
		$this->assertTrue( Plugin::instance()->migrations->run() );

		$this->assertSame( array( 2, 5 ), $seen );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertSame(
			array(
				'schemaVersion' => 5,
				'enabled'       => true,
				'token'         => 'V2Token',
				'excludeRoles'  => array( 'editor' ),
				'identity'      => array( 'mappings' => $mappings ),
				'experiences'   => array(
					'spa'   => false,
					'rules' => array(),
				),
				'events'        => array(
					'handlers'      => array(),
					'webhooks'      => array(),
					'retentionDays' => 90,
				),
				'loading'       => array(
					'strategy'        => 'immediate',
					'maxDelay'        => 0,
					'consentCategory' => 'marketing',
				),
			),
			self::settings_written()
		);
		$this->assertFalse( Plugin::instance()->migrations->run(), 'A v5 option is left alone.' );
	}

	/**
	 * The option as written, without its CheckedStamp (asserted present: the
	 * migration writes through the sanitizer, so pages need not re-validate).
	 *
	 * @return array<string, mixed>
	 */
	private static function settings_written(): array {
		$raw = get_option( SettingsRepository::OPTION );
		self::assertSame( CheckedStamp::stamps( $raw ), $raw[ CheckedStamp::KEY ] );
		unset( $raw[ CheckedStamp::KEY ] );
		return $raw;
	}

	public function test_the_v3_step_adds_experiences_and_keeps_every_other_key(): void {
		$steps = Plugin::instance()->migrations->steps();
		$this->assertArrayHasKey( 3, $steps );
		$in  = array(
			'token'    => 'A1',
			'identity' => array( 'mappings' => array( array( 'field' => 'x', 'source' => 'site.name' ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'custom'   => 'kept by the step',
		);
		$out = $steps[3]( $in );
		$this->assertSame(
			array(
				'spa'   => false,
				'rules' => array(),
			),
			$out['experiences']
		);
		$this->assertSame( $in, array_diff_key( $out, array( 'experiences' => 1 ) ) );

		$existing = array(
			'spa'   => true,
			'rules' => array(),
		);
		$this->assertSame( $existing, $steps[3]( array( 'experiences' => $existing ) )['experiences'], 'An existing value is left to the read side.' );
	}

	public function test_the_v2_step_adds_identity_and_keeps_every_other_key(): void {
		$steps = Plugin::instance()->migrations->steps();
		$this->assertArrayHasKey( 2, $steps );
		$out = $steps[2](
			array(
				'enabled' => true,
				'token'   => 'A1',
				'custom'  => 'kept by the step',
			)
		);
		$this->assertSame( array( 'mappings' => array() ), $out['identity'] );
		$this->assertSame( 'kept by the step', $out['custom'] );
		$this->assertSame( 'A1', $out['token'] );
	}

	public function test_a_stored_v3_option_with_rules_becomes_v5_with_events_empty_and_nothing_lost(): void {
		$rules = array(
			array(
				'id'    => 'pricing',
				'label' => 'Pricing from LinkedIn',
				'when'  => array(
					array(
						'type'  => 'path',
						'op'    => 'prefix',
						'value' => '/pricing',
					),
				),
				'then'  => array(
					'action'     => 'showExperience',
					'experience' => 'experience-1234',
				),
			),
		);
		$v3    = array(
			'schemaVersion' => 3,
			'enabled'       => true,
			'token'         => 'V3Token',
			'excludeRoles'  => array(),
			'identity'      => array(
				'mappings' => array(
					array(
						'field'  => 'email',
						'source' => 'user.email',
					),
				),
			),
			'experiences'   => array(
				'spa'   => true,
				'rules' => $rules,
			),
		);
		$this->store_raw_settings( $v3 );

		$seen = array();
		add_action(
			'qualified_integration_migrated',
			static function ( $from, $to ) use ( &$seen ) {
				$seen = array( $from, $to );
			},
			10,
			2
		);
		$this->assertTrue( Plugin::instance()->migrations->run() );

		$this->assertSame( array( 3, 5 ), $seen );
		wp_cache_delete( 'alloptions', 'options' );
		$expected                  = $v3;
		$expected['schemaVersion'] = 5;
		$expected['events']        = array(
			'handlers'      => array(),
			'webhooks'      => array(),
			'retentionDays' => 90,
		);
		$expected['loading']       = self::IMMEDIATE;
		$this->assertSame( $expected, self::settings_written() );
		$this->assertFalse( Plugin::instance()->migrations->run(), 'A v5 option is left alone.' );
	}

	public function test_a_stored_v4_option_with_handlers_becomes_v5_loading_immediately_and_nothing_lost(): void {
		$v4 = array(
			'schemaVersion' => 4,
			'enabled'       => true,
			'token'         => 'V4Token',
			'excludeRoles'  => array( 'editor' ),
			'identity'      => array( 'mappings' => array() ),
			'experiences'   => array(
				'spa'   => false,
				'rules' => array(),
			),
			'events'        => array(
				'handlers'      => array(
					array(
						'kind'    => 'event',
						'name'    => 'Meeting Booked',
						'actions' => array(
							array(
								'type'  => 'dataLayer',
								'event' => 'qualified_meeting_booked',
							),
						),
					),
				),
				'webhooks'      => array(),
				'retentionDays' => 30,
			),
		);
		$this->store_raw_settings( $v4 );
		$seen = array();
		add_action(
			'qualified_integration_migrated',
			static function ( $from, $to ) use ( &$seen ) {
				$seen = array( $from, $to );
			},
			10,
			2
		);
		$this->assertTrue( Plugin::instance()->migrations->run() );

		$this->assertSame( array( 4, 5 ), $seen );
		wp_cache_delete( 'alloptions', 'options' );
		$expected                  = $v4;
		$expected['schemaVersion'] = 5;
		$expected['loading']       = self::IMMEDIATE;
		$this->assertSame( $expected, self::settings_written(), 'Earlier versions loaded qualified.js at once: so does the migrated site.' );
		$this->assertFalse( Plugin::instance()->migrations->run(), 'A v5 option is left alone.' );
	}

	public function test_migration_keeps_values_of_a_version_0_option(): void {
		$this->store_raw_settings(
			array(
				'schemaVersion' => 0,
				'token'         => 'Legacy9',
			)
		);

		Plugin::instance()->migrations->run();

		$this->assertSame( 'Legacy9', get_option( SettingsRepository::OPTION )['token'] );
		$this->assertSame( 5, get_option( SettingsRepository::OPTION )['schemaVersion'] );
	}

	public function test_migration_steps_run_in_order_and_can_be_extended(): void {
		$this->store_raw_settings( array( 'schemaVersion' => 0 ) );
		$order = array();
		add_filter(
			'qualified_integration_migrations',
			static function ( array $steps ) use ( &$order ) {
				foreach ( array( 1, 2, 3 ) as $version ) {
					$inner             = $steps[ $version ];
					$steps[ $version ] = static function ( array $settings ) use ( $inner, $version, &$order ) {
						$order[]           = $version;
						$settings          = $inner( $settings );
						$settings['token'] = 'FromStep' . $version;
						return $settings;
					};
				}
				return $steps;
			}
		);

		Plugin::instance()->migrations->run();

		$this->assertSame( array( 1, 2, 3 ), $order );
		$this->assertSame( 'FromStep3', get_option( SettingsRepository::OPTION )['token'] );
	}

	public function test_page_views_leave_a_current_option_unread(): void {
		$migrations = Plugin::instance()->migrations;
		$migrations->maybe_run();
		$this->assertSame( Migrations::marker(), get_option( Migrations::MARKER_OPTION ) );

		$reads = 0;
		add_filter(
			'option_' . SettingsRepository::OPTION,
			static function ( $value ) use ( &$reads ) {
				++$reads;
				return $value;
			}
		);
		$this->assertFalse( $migrations->maybe_run() );
		$this->assertSame( 0, $reads, 'The marker is current: the settings are not read.' );

		update_option( Migrations::MARKER_OPTION, '0.0.1/1/md4', true );
		$this->assertTrue( $migrations->maybe_run(), 'Another version of the code looks again.' );
		$this->assertSame( Migrations::marker(), get_option( Migrations::MARKER_OPTION ) );
	}

	public function test_a_missing_option_is_created_even_with_a_current_marker(): void {
		update_option( Migrations::MARKER_OPTION, Migrations::marker(), true );
		delete_option( SettingsRepository::OPTION );
		$this->assertTrue( Plugin::instance()->migrations->maybe_run() );
		$this->assertSame( Schema::defaults(), self::settings_written() );
	}

	public function test_an_update_stamps_a_clean_option_again_and_leaves_one_with_problems(): void {
		$rules = array(
			array(
				'id'   => 'r1',
				'when' => array(),
				'then' => array( 'action' => 'open' ),
			),
		);
		$this->store_settings(
			array(
				'experiences' => array(
					'spa'   => false,
					'rules' => $rules,
				),
			)
		);
		// Stamps another version of the code wrote.
		$raw             = get_option( SettingsRepository::OPTION );
		$raw['_checked'] = array( 'experiences' => 'stale' );
		$this->store_raw_settings( $raw );
		update_option( Migrations::MARKER_OPTION, '0.0.1/3/md4', true );

		$this->assertTrue( Plugin::instance()->migrations->maybe_run() );
		wp_cache_delete( 'alloptions', 'options' );
		$stored = get_option( SettingsRepository::OPTION );
		$this->assertNotSame( 'stale', $stored['_checked']['experiences'] ?? 'stale', 'Stamped again.' );
		$this->assertTrue( CheckedStamp::is_checked( $stored, 'experiences' ) );
		$this->assertSame( $rules, $stored['experiences']['rules'], 'No setting changed.' );

		// A stored value with a problem (an item this code refuses) keeps its stale stamp and its item.
		$raw                            = $stored;
		$raw['experiences']['rules'][]  = array( 'id' => 'broken' );
		$raw['_checked']['experiences'] = 'stale';
		$this->store_raw_settings( $raw );
		update_option( Migrations::MARKER_OPTION, '0.0.1/3/md4', true );
		$this->assertTrue( Plugin::instance()->migrations->maybe_run() );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertSame( $raw, get_option( SettingsRepository::OPTION ), 'Left as it was.' );
	}

	public function test_activation_creates_the_option_whatever_the_marker_says(): void {
		update_option( Migrations::MARKER_OPTION, Migrations::marker(), true );
		delete_option( SettingsRepository::OPTION );
		Plugin::instance()->migrations->activate();
		$this->assertSame( Schema::defaults(), self::settings_written() );
	}

	public function test_restamping_waits_for_no_save_and_writes_nothing_while_one_runs(): void {
		$this->store_settings( array( 'token' => 'Kept1' ) );
		$raw             = get_option( SettingsRepository::OPTION );
		$raw['_checked'] = array( 'experiences' => 'stale' );
		$this->store_raw_settings( $raw );

		$save = new SaveLock();
		$this->assertTrue( $save->acquire( 0.0 ), 'A save holds the lock.' );
		$this->assertFalse( Plugin::instance()->settings->restamp() );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertSame( $raw, get_option( SettingsRepository::OPTION ), 'Nothing written under a running save.' );

		$save->release();
		$this->assertTrue( Plugin::instance()->settings->restamp() );
	}
}
