<?php
/**
 * The loader when the build is missing.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Plugin;

/**
 * Loader robustness tests.
 */
final class IdentityLoaderTest extends TestCase {

	public function test_a_missing_stub_prints_nothing_and_raises_no_warning(): void {
		$this->store_settings( array( 'token' => 'Tok3n' ) );
		$loader = new Loader( Plugin::instance()->snapshot, QUALIFIED_INTEGRATION_DIR . 'build/no-such-stub.js' );

		// PHPUnit turns a PHP warning into an error, so a file_get_contents() on the missing file fails this test.
		ob_start();
		$loader->print_stub();
		$output = (string) ob_get_clean();

		$this->assertSame( '', $output );
		$this->assertFileDoesNotExist( QUALIFIED_INTEGRATION_DIR . 'build/no-such-stub.js' );
	}

	public function test_the_default_stub_is_build_stub_js(): void {
		$this->store_settings( array( 'token' => 'Tok3n' ) );
		$stub = QUALIFIED_INTEGRATION_DIR . 'build/stub.js';
		if ( ! is_readable( $stub ) ) {
			$this->markTestSkipped( 'build/stub.js is not built.' );
		}
		ob_start();
		( new Loader( Plugin::instance()->snapshot ) )->print_stub();
		$this->assertStringContainsString( '<script id="qualified-integration-stub">', (string) ob_get_clean() );
	}
}
