<?php
/**
 * Site Health: the site token, from wp-config.php.
 *
 * Constants cannot be undefined, so each test runs in its own PHP process.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\DebugInfo;
use QualifiedIntegration\Health\TokenHealth;
use QualifiedIntegration\Plugin;

/**
 * The token test and the debug info with QUALIFIED_INTEGRATION_TOKEN.
 *
 * @runTestsInSeparateProcesses
 * @preserveGlobalState disabled
 */
final class TokenHealthConstantsTest extends TestCase {

	/**
	 * Runs the test.
	 *
	 * @return array<string, mixed>
	 */
	private function run_test(): array {
		return ( new TokenHealth( Plugin::instance()->settings ) )->run();
	}

	public function test_a_valid_constant_is_good_and_named_as_the_source(): void {
		$this->store_settings( array( 'token' => 'Stored12345678' ) );
		define( 'QUALIFIED_INTEGRATION_TOKEN', 'FromConfig5678' );

		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( 'The site token (From…) is well-formed. It is set by the QUALIFIED_INTEGRATION_TOKEN constant in wp-config.php, which locks it.', $result['description'] );

		$fields = ( new DebugInfo( Plugin::instance()->settings ) )->fields();
		$this->assertSame( 'constant', $fields['token_source']['debug'] );
		$this->assertSame( 'Set by QUALIFIED_INTEGRATION_TOKEN in wp-config.php', $fields['token_source']['value'] );
		$this->assertSame( 'From…', $fields['token']['value'] );
		$this->assertSame( 'token (QUALIFIED_INTEGRATION_TOKEN)', $fields['locked_fields']['debug'] );
	}

	public function test_an_invalid_constant_is_critical_and_says_to_edit_wp_config(): void {
		$this->store_settings( array( 'token' => 'Stored12345678' ) );
		define( 'QUALIFIED_INTEGRATION_TOKEN', '<script async src="https://js.qualified.com/qualified.js?token=AbCd1234"></script>' ); // phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- Markup under test, not a script to load.

		$result = $this->run_test();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertSame( 'The Qualified site token in wp-config.php is invalid, so Qualified loads nowhere', $result['label'] );
		$this->assertStringContainsString( 'Site token: use only letters and digits', $result['description'] );
		$this->assertStringContainsString( 'The QUALIFIED_INTEGRATION_TOKEN constant in wp-config.php overrides the token stored in the settings and locks it', $result['description'] );
		$this->assertStringContainsString( 'Edit wp-config.php: give QUALIFIED_INTEGRATION_TOKEN the token alone', $result['actions'] );
		$this->assertStringNotContainsString( '<script', $result['description'] . $result['actions'] );

		$fields = ( new DebugInfo( Plugin::instance()->settings ) )->fields();
		$this->assertSame( 'constant (invalid)', $fields['token_source']['debug'] );
		$this->assertSame( 'None', $fields['token']['value'], 'The invalid constant is not in force.' );
		$this->assertStringContainsString( 'token', $fields['problems']['debug'] );
	}

	public function test_an_empty_constant_while_on_is_recommended_and_says_where_it_is(): void {
		$this->store_settings( array( 'token' => 'Stored12345678' ) );
		define( 'QUALIFIED_INTEGRATION_TOKEN', '' );

		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'The QUALIFIED_INTEGRATION_TOKEN constant in wp-config.php sets the token to nothing and locks it', $result['actions'] );
		$this->assertStringNotContainsString( '<a href', $result['actions'], 'The screen cannot change a locked token.' );
		$this->assertSame( 'constant (empty)', ( new DebugInfo( Plugin::instance()->settings ) )->fields()['token_source']['debug'] );
	}
}
