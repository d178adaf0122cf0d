<?php
/**
 * The network flags of WP-CLI on a single site.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

/**
 * Off multisite there are no network defaults or locks: `--network`,
 * `lock` and `unlock` exit 1 with a message and change nothing.
 */
final class CliNetworkFlagTest extends CliTestCase {

	public function test_network_commands_are_refused_on_a_single_site(): void {
		if ( is_multisite() ) {
			$this->markTestSkipped( 'Single site only.' );
		}
		$before = get_option( 'qualified_integration_settings' );
		foreach ( array(
			array( 'qualified', 'get', 'token', '--network' ),
			array( 'qualified', 'set', 'token', 'NetTok1234', '--network' ),
			array( 'qualified', 'export', '--network' ),
			array( 'qualified', 'lock', 'token' ),
			array( 'qualified', 'unlock', 'token' ),
		) as $args ) {
			$result = $this->wp( $args );
			$this->assertExit( 1, $result );
			$this->assertStringContainsString( 'only on a multisite network', $result['stderr'], implode( ' ', $args ) );
		}
		$this->assertSame( $before, get_option( 'qualified_integration_settings' ) );
	}
}
