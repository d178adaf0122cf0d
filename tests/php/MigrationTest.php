<?php
/**
 * Upgrades of the stored settings.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;

/**
 * Migration tests.
 */
final class MigrationTest extends TestCase {

	public function test_migration_creates_a_missing_option_with_defaults(): void {
		delete_option( SettingsRepository::OPTION );

		$this->assertTrue( Plugin::instance()->migrations->run() );
		$this->assertSame( Schema::defaults(), get_option( SettingsRepository::OPTION ) );
		$this->assertFalse( Plugin::instance()->migrations->run(), 'A current option is left alone.' );
	}

	public function test_a_stored_v1_option_becomes_v2_with_nothing_lost(): void {
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

		$this->assertSame( array( 1, 2 ), $seen );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertSame(
			array(
				'schemaVersion' => 2,
				'enabled'       => false,
				'token'         => 'Legacy9Tok',
				'excludeRoles'  => array( 'administrator', 'editor' ),
				'identity'      => array( 'mappings' => array() ),
			),
			get_option( SettingsRepository::OPTION )
		);
		$this->assertFalse( Plugin::instance()->migrations->run(), 'A v2 option is left alone.' );
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

	public function test_migration_keeps_values_of_a_version_0_option(): void {
		$this->store_raw_settings(
			array(
				'schemaVersion' => 0,
				'token'         => 'Legacy9',
			)
		);

		Plugin::instance()->migrations->run();

		$this->assertSame( 'Legacy9', get_option( SettingsRepository::OPTION )['token'] );
		$this->assertSame( 2, get_option( SettingsRepository::OPTION )['schemaVersion'] );
	}

	public function test_migration_steps_run_in_order_and_can_be_extended(): void {
		$this->store_raw_settings( array( 'schemaVersion' => 0 ) );
		$order = array();
		add_filter(
			'qualified_integration_migrations',
			static function ( array $steps ) use ( &$order ) {
				foreach ( array( 1, 2 ) as $version ) {
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

		$this->assertSame( array( 1, 2 ), $order );
		$this->assertSame( 'FromStep2', get_option( SettingsRepository::OPTION )['token'] );
	}
}
