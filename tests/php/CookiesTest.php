<?php
/**
 * The list of cookies Qualified sets.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Privacy\Cookies;

/**
 * Cookies tests.
 */
final class CookiesTest extends TestCase {

	public function test_the_three_cookies_qualified_sets(): void {
		$this->assertSame( array( '__q_state_<token>', '__q_domainTest', 'qualified_session' ), wp_list_pluck( Cookies::all(), 'name' ) );
	}

	public function test_the_list_matches_the_architecture_notes(): void {
		$notes = (string) file_get_contents( dirname( __DIR__, 2 ) . '/docs/architecture.md' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		foreach ( Cookies::all() as $cookie ) {
			$this->assertStringContainsString( '`' . $cookie['name'] . '`', $notes );
		}
	}

	public function test_each_cookie_says_who_sets_it_and_invents_no_lifetime(): void {
		foreach ( Cookies::all() as $cookie ) {
			$this->assertStringStartsWith( 'Set by Qualified', $cookie['purpose'], $cookie['name'] );
			$this->assertStringStartsWith( 'Set by Qualified', $cookie['expires'], $cookie['name'] );
			$this->assertDoesNotMatchRegularExpression( '/\d/', $cookie['expires'], 'No lifetime we cannot know.' );
			$this->assertIsString( $cookie['personalData'] );
		}
	}

	public function test_the_token_goes_into_the_state_cookie_name(): void {
		$this->assertSame( '__q_state_AbC123', Cookies::name_for( '__q_state_<token>', 'AbC123' ) );
		$this->assertSame( '__q_state_<token>', Cookies::name_for( '__q_state_<token>', '' ) );
		$this->assertSame( 'qualified_session', Cookies::name_for( 'qualified_session', 'AbC123' ) );
	}
}
