<?php
/**
 * Importing a file on a site where wp-config.php locks a field.
 *
 * Constants cannot be undefined, so each test runs in its own PHP process.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Transfer;

/**
 * Locked-field tests.
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */
final class TransferLockTest extends TestCase {

	use TransferFixtures;

	/**
	 * Reads and plans a file's text.
	 *
	 * @param string $json File text.
	 * @return mixed
	 */
	private static function plan_of( string $json ) {
		$transfer = new Transfer( Plugin::instance()->settings, Plugin::instance()->migrations );
		$document = $transfer->read( $json );
		return is_wp_error( $document ) ? $document : $transfer->plan( $document );
	}

	public function test_a_locked_field_with_the_value_in_force_is_skipped_silently(): void {
		$this->store_sample();
		define( 'QUALIFIED_INTEGRATION_TOKEN', 'FromConfig1' );
		$file = self::exported_file( array( 'enabled' => false ) );
		$this->assertStringContainsString( '"token": "FromConfig1"', $file, 'The export holds the value in force.' );

		$plan = self::plan_of( $file );

		$this->assertIsArray( $plan );
		$this->assertSame( array( 'enabled' => false ), $plan['changes'] );
		$this->assertIsArray( Plugin::instance()->settings->update( $plan['changes'] ), 'Applying it does not touch the locked field.' );
		$this->assertSame( 'AbCd1234EfGh5678', Plugin::instance()->settings->stored()['token'] );
	}

	public function test_a_locked_field_with_another_value_is_refused_naming_its_constant(): void {
		$this->store_sample();
		define( 'QUALIFIED_INTEGRATION_TOKEN', 'FromConfig1' );
		$before = self::raw_option();

		$error = self::plan_of(
			self::exported_file(
				array(
					'token'   => 'Другой1',
					'enabled' => 'no',
				)
			)
		);

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'rest_invalid_param', $error->get_error_code() );
		$params = $error->get_error_data()['params'];
		$this->assertSame( 'Site token: locked by the QUALIFIED_INTEGRATION_TOKEN constant in wp-config.php.', $params['token'] );
		$this->assertArrayHasKey( 'enabled', $params, 'The other bad field is named too.' );
		$this->assertSame( $before, self::raw_option() );
	}
}
