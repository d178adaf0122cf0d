<?php
/**
 * Schema, validation, storage and migration of the settings.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Validator;

/**
 * Settings tests.
 */
final class SettingsTest extends TestCase {

	public function test_schema_is_the_source_of_defaults_and_version(): void {
		$this->assertSame(
			array(
				'schemaVersion' => 1,
				'enabled'       => true,
				'token'         => '',
				'excludeRoles'  => array(),
			),
			Schema::defaults()
		);
		$this->assertSame( Schema::VERSION, Schema::properties()['schemaVersion']['default'] );
		$this->assertFalse( Schema::get()['additionalProperties'] );
		$this->assertArrayNotHasKey( 'schemaVersion', Schema::editable_properties() );
	}

	/**
	 * Valid values for each field.
	 *
	 * @return array<string, array{string, mixed}>
	 */
	public function data_valid_values(): array {
		return array(
			'token letters and digits' => array( 'token', 'aB3dE5fG7h' ),
			'token empty'              => array( 'token', '' ),
			'enabled false'            => array( 'enabled', false ),
			'roles known'              => array( 'excludeRoles', array( 'administrator', 'editor' ) ),
			'roles empty'              => array( 'excludeRoles', array() ),
		);
	}

	/**
	 * Valid input passes.
	 *
	 * @dataProvider data_valid_values
	 *
	 * @param string $field Field.
	 * @param mixed  $value Value.
	 */
	public function test_valid_values_pass( string $field, $value ): void {
		$this->assertTrue( Validator::validate_field( $value, $field ) );
	}

	/**
	 * Invalid values for each field, with a fragment the message must contain.
	 *
	 * @return array<string, array{string, mixed, string}>
	 */
	public function data_invalid_values(): array {
		$payload = '</script><script>alert(1)</script>';
		return array(
			'token with a dash'     => array( 'token', 'abc-123', 'token may contain only letters and digits' ),
			'token with a script'   => array( 'token', $payload, 'token' ),
			'token too long'        => array( 'token', str_repeat( 'a', 101 ), 'token' ),
			'token not a string'    => array( 'token', array( 'a' ), 'token' ),
			'enabled not a boolean' => array( 'enabled', 'maybe', 'enabled' ),
			'role with a script'    => array( 'excludeRoles', array( $payload ), 'excludeRoles[0]' ),
			'role unknown'          => array( 'excludeRoles', array( 'editor', 'nosuchrole' ), 'excludeRoles[1]' ),
			'roles repeated'        => array( 'excludeRoles', array( 'editor', 'editor' ), 'excludeRoles' ),
			'roles not a list'      => array( 'excludeRoles', array( 'first' => 'editor' ), 'excludeRoles' ),
			'unknown field'         => array( 'colour', 'red', 'colour' ),
			'read-only field'       => array( 'schemaVersion', 2, 'schemaVersion' ),
		);
	}

	/**
	 * Invalid input is refused with a message naming the field.
	 *
	 * @dataProvider data_invalid_values
	 *
	 * @param string $field    Field.
	 * @param mixed  $value    Value.
	 * @param string $fragment Expected in the message.
	 */
	public function test_invalid_values_are_refused_naming_the_field( string $field, $value, string $fragment ): void {
		$result = Validator::validate_field( $value, $field );
		$this->assertWPErrorLike( $result );
		$this->assertStringContainsString( $fragment, $result->get_error_message() );
	}

	public function test_update_is_all_or_nothing(): void {
		$repository = Plugin::instance()->settings;
		$repository->update( array( 'token' => 'First1' ) );

		$result = $repository->update(
			array(
				'token'   => 'Second2',
				'enabled' => 'not-a-boolean',
			)
		);

		$this->assertWPErrorLike( $result );
		$this->assertSame( 'rest_invalid_param', $result->get_error_code() );
		$this->assertSame( array( 'enabled' ), array_keys( $result->get_error_data()['params'] ) );
		$this->assertSame( 'First1', $repository->get()['token'] );
	}

	public function test_update_keeps_fields_not_sent(): void {
		$repository = Plugin::instance()->settings;
		$repository->update(
			array(
				'token'        => 'Keep1',
				'excludeRoles' => array( 'editor' ),
			)
		);
		$repository->update( array( 'enabled' => false ) );

		$this->assertSame(
			array(
				'schemaVersion' => 1,
				'enabled'       => false,
				'token'         => 'Keep1',
				'excludeRoles'  => array( 'editor' ),
			),
			$repository->get()
		);
	}

	public function test_direct_option_writes_are_sanitised(): void {
		update_option(
			SettingsRepository::OPTION,
			array(
				'token'   => 'bad token!',
				'enabled' => false,
				'junk'    => 'x',
			)
		);

		$stored = get_option( SettingsRepository::OPTION );
		$this->assertSame( '', $stored['token'], 'An invalid token falls back to the default.' );
		$this->assertFalse( $stored['enabled'] );
		$this->assertArrayNotHasKey( 'junk', $stored );
	}

	public function test_option_is_autoloaded(): void {
		global $wpdb;
		$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", SettingsRepository::OPTION ) );
		$this->assertContains( $autoload, array( 'yes', 'on' ) );
	}

	public function test_migration_creates_a_missing_option_with_defaults(): void {
		delete_option( SettingsRepository::OPTION );

		$this->assertTrue( Plugin::instance()->migrations->run() );
		$this->assertSame( Schema::defaults(), get_option( SettingsRepository::OPTION ) );
		$this->assertFalse( Plugin::instance()->migrations->run(), 'A current option is left alone.' );
	}

	public function test_migration_keeps_values_of_an_older_version(): void {
		$this->store_raw(
			array(
				'schemaVersion' => 0,
				'token'         => 'Legacy9',
			)
		);
		$seen = array();
		add_action(
			'qualified_integration_migrated',
			static function ( $from, $to ) use ( &$seen ) {
				$seen = array( $from, $to );
			},
			10,
			2
		);

		Plugin::instance()->migrations->run();

		$this->assertSame( array( 0, 1 ), $seen );
		$this->assertSame( 'Legacy9', get_option( SettingsRepository::OPTION )['token'] );
		$this->assertSame( 1, get_option( SettingsRepository::OPTION )['schemaVersion'] );
	}

	public function test_migration_steps_run_in_order_and_can_be_extended(): void {
		$this->store_raw( array( 'schemaVersion' => 0 ) );
		$order = array();
		add_filter(
			'qualified_integration_migrations',
			static function ( array $steps ) use ( &$order ) {
				$first    = $steps[1];
				$steps[1] = static function ( array $settings ) use ( $first, &$order ) {
					$order[]           = 1;
					$settings          = $first( $settings );
					$settings['token'] = 'FromStep1';
					return $settings;
				};
				return $steps;
			}
		);

		Plugin::instance()->migrations->run();

		$this->assertSame( array( 1 ), $order );
		$this->assertSame( 'FromStep1', get_option( SettingsRepository::OPTION )['token'] );
	}

	/**
	 * Stores the option as an older version of the plugin would have, past today's sanitizer.
	 *
	 * @param array<string, mixed> $value Raw option value.
	 */
	private function store_raw( array $value ): void {
		remove_all_filters( 'sanitize_option_' . SettingsRepository::OPTION );
		update_option( SettingsRepository::OPTION, $value );
	}

	/**
	 * Asserts a WP_Error.
	 *
	 * @param mixed $actual Value.
	 */
	private function assertWPErrorLike( $actual ): void {
		$this->assertInstanceOf( \WP_Error::class, $actual );
	}
}
