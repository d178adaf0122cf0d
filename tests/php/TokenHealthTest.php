<?php
/**
 * Site Health: the site token, from the settings.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\TokenHealth;
use QualifiedIntegration\Health\TokenMask;
use QualifiedIntegration\Plugin;

/**
 * The token test against the stored option (constants: TokenHealthConstantsTest).
 */
final class TokenHealthTest extends TestCase {

	/**
	 * Runs the test.
	 *
	 * @return array<string, mixed>
	 */
	private function run_test(): array {
		return ( new TokenHealth( Plugin::instance()->settings ) )->run();
	}

	public function test_it_is_a_direct_test_that_site_health_gets(): void {
		$tests = apply_filters( 'site_status_tests', array() );
		$this->assertArrayHasKey( TokenHealth::TEST, $tests['direct'] );
		$this->assertIsCallable( $tests['direct'][ TokenHealth::TEST ]['test'] );
		$this->store_settings( array( 'token' => 'AbCd1234EfGh5678' ) );
		$this->assertSame( 'good', call_user_func( $tests['direct'][ TokenHealth::TEST ]['test'] )['status'] );
	}

	public function test_a_stored_token_is_good_and_masked(): void {
		$this->store_settings( array( 'token' => 'AbCd1234EfGh5678' ) );
		$result = $this->run_test();

		$this->assertSame( 'good', $result['status'] );
		$this->assertSame( 'The Qualified site token is set', $result['label'] );
		$this->assertSame( TokenHealth::TEST, $result['test'] );
		$this->assertStringContainsString( 'The site token (AbCd…) is well-formed.', $result['description'] );
		$this->assertStringContainsString( 'Settings -&gt; Qualified -&gt; General -&gt; Site token', $result['description'] );
		$this->assertStringNotContainsString( 'AbCd1234EfGh5678', $result['description'] );
	}

	public function test_no_token_while_on_is_recommended_and_says_where_to_find_it(): void {
		$this->store_settings(
			array(
				'token'   => '',
				'enabled' => true,
			)
		);
		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'Qualified has no site token, so it loads nowhere', $result['label'] );
		$this->assertStringContainsString( 'in Qualified under Settings -&gt; Install', $result['description'] );
		$this->assertStringContainsString( 'options-general.php?page=qualified-integration#general', $result['actions'] );
		$this->assertStringContainsString( 'Add the token in Settings -&gt; Qualified -&gt; General -&gt; Site token', $result['actions'] );
	}

	public function test_no_token_while_off_is_good(): void {
		$this->store_settings(
			array(
				'token'   => '',
				'enabled' => false,
			)
		);
		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'] );
		$this->assertSame( 'Qualified is turned off and has no site token', $result['label'] );
	}

	/**
	 * Stored tokens the schema refuses.
	 *
	 * @return array<string, array{mixed}>
	 */
	public function data_refused_token(): array {
		return array(
			'the whole snippet' => array( '<script async src="https://js.qualified.com/qualified.js?token=AbCd1234"></script>' ), // phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- Markup under test, not a script to load.
			'a final newline'   => array( "AbCd1234\n" ),
			'a space'           => array( 'AbCd 1234' ),
			'a number'          => array( 12345678 ),
			'null'              => array( null ),
		);
	}

	/**
	 * A stored token that is not letters and digits is critical: Qualified loads nowhere.
	 *
	 * @dataProvider data_refused_token
	 *
	 * @param mixed $token Stored value.
	 */
	public function test_a_refused_stored_token_is_critical( $token ): void {
		$this->store_raw_settings(
			array(
				'schemaVersion' => 5,
				'enabled'       => true,
				'token'         => $token,
			)
		);
		$result = $this->run_test();

		$this->assertSame( 'critical', $result['status'] );
		$this->assertSame( 'red', $result['badge']['color'] );
		$this->assertSame( 'The stored Qualified site token is invalid, so Qualified loads nowhere', $result['label'] );
		$this->assertStringContainsString( 'Site token: ', $result['description'] );
		$this->assertStringContainsString( 'Enter the token again in Settings -&gt; Qualified -&gt; General -&gt; Site token', $result['actions'] );
		$this->assertStringNotContainsString( '<script', $result['description'], 'Nothing of the stored value is printed raw.' );
	}

	public function test_the_mask_hides_at_least_half(): void {
		$this->assertSame( '', TokenMask::mask( '' ) );
		$this->assertSame( '…', TokenMask::mask( 'Tok3n' ) );
		$this->assertSame( '…', TokenMask::mask( 'Abc1234' ) );
		$this->assertSame( 'Abc1…', TokenMask::mask( 'Abc12345' ) );
		$this->assertSame( 'AbCd…', TokenMask::mask( 'AbCd1234EfGh5678' ) );
	}
}
