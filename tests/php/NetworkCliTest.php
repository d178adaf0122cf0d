<?php
/**
 * WP-CLI on a multisite network: --network for the defaults, --url per site, the locks.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Network\NetworkSettings;
use QualifiedIntegration\Settings\SettingsRepository;

/**
 * Runs the real `wp qualified` against the test network (bin/phpunit.mjs):
 * a default set with --network reaches a site that has not set its own, a
 * lock set with `wp qualified lock` refuses that site's `set` and import,
 * and `unlock` gives the site its say back.
 *
 * @group multisite
 */
final class NetworkCliTest extends CliTestCase {

	/**
	 * The /one/ site's plugin option rows before the test.
	 *
	 * @var array<int, array<string, string>>
	 */
	private $site_rows = array();

	/**
	 * Skips off multisite; notes the /one/ site's options and empties the network option.
	 */
	protected function set_up() {
		parent::set_up();
		if ( ! is_multisite() ) {
			$this->markTestSkipped( 'The multisite tests run on the test network (bin/phpunit.mjs).' );
		}
		global $wpdb;
		$this->site_rows = (array) $wpdb->get_results( "SELECT option_name, option_value, autoload FROM {$this->site_options()} WHERE option_name LIKE 'qualified\\_integration%'", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- A core table name.
		delete_site_option( NetworkSettings::OPTION );
	}

	/**
	 * Puts the /one/ site's options back and removes the network option.
	 */
	protected function tear_down() {
		global $wpdb;
		if ( is_multisite() ) {
			$table = $this->site_options();
			$wpdb->query( "DELETE FROM {$table} WHERE option_name LIKE 'qualified\\_integration%'" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- A core table name.
			foreach ( $this->site_rows as $row ) {
				$wpdb->insert( $table, $row );
			}
			delete_site_option( NetworkSettings::OPTION );
		}
		parent::tear_down();
	}

	/**
	 * The options table of the /one/ site.
	 *
	 * @return string
	 */
	private function site_options(): string {
		global $wpdb;
		$site = get_site_by_path( get_network()->domain, '/one/' );
		$this->assertNotFalse( $site, 'The test network has a /one/ site.' );
		return $wpdb->get_blog_prefix( (int) $site->blog_id ) . 'options';
	}

	/**
	 * The --url of the /one/ site.
	 *
	 * @return string
	 */
	private static function one(): string {
		return '--url=http://' . get_network()->domain . '/one/';
	}

	public function test_set_and_get_with_network_then_a_site_inherits(): void {
		global $wpdb;
		// The site has set no token of its own.
		$wpdb->delete( $this->site_options(), array( 'option_name' => SettingsRepository::OPTION ) );
		$set = $this->wp( array( 'qualified', 'set', 'token', 'NetTok1234', '--network' ) );
		$this->assertExit( 0, $set );
		$this->assertStringContainsString( 'every site of the network', $set['stdout'] );

		$network = $this->wp( array( 'qualified', 'get', 'token', '--network' ) );
		$this->assertExit( 0, $network );
		$this->assertSame( 'NetTok1234', trim( $network['stdout'] ) );

		$site = $this->wp( array( 'qualified', 'get', 'token', self::one() ) );
		$this->assertExit( 0, $site );
		$this->assertSame( 'NetTok1234', trim( $site['stdout'] ), 'The site inherits the network default.' );

		$status = $this->wp( array( 'qualified', 'status', '--format=json', self::one() ) );
		$this->assertExit( 0, $status );
		$this->assertSame( 'network', json_decode( $status['stdout'], true )['token']['source'] ?? null, $status['stdout'] );
	}

	public function test_a_bad_network_value_is_refused_with_the_rest_message(): void {
		$bad = $this->wp( array( 'qualified', 'set', 'token', 'not a token!', '--network' ) );
		$this->assertExit( 1, $bad );
		$this->assertStringContainsString( 'Site token', $bad['stderr'] );
		$this->assertSame( array(), NetworkSettings::raw()['settings'], 'Nothing was stored.' );
	}

	public function test_a_network_lock_refuses_a_site_set_and_import_until_unlocked(): void {
		$this->assertExit( 0, $this->wp( array( 'qualified', 'set', 'token', 'NetTok1234', '--network' ) ) );
		$lock = $this->wp( array( 'qualified', 'lock', 'token' ) );
		$this->assertExit( 0, $lock );
		$this->assertSame( array( 'token' ), NetworkSettings::locked() );

		$refused = $this->wp( array( 'qualified', 'set', 'token', 'SiteTok999', self::one() ) );
		$this->assertExit( 1, $refused );
		$this->assertStringContainsString( 'network administrator', $refused['stderr'] );

		$import = $this->wp(
			array( 'qualified', 'import', '-', '--yes', self::one() ),
			(string) wp_json_encode(
				array(
					'schemaVersion' => 5,
					'token'         => 'SiteTok999',
				)
			)
		);
		$this->assertExit( 1, $import );
		$this->assertStringContainsString( 'network administrator', $import['stderr'] );
		$this->assertSame( 'NetTok1234', trim( $this->wp( array( 'qualified', 'get', 'token', self::one() ) )['stdout'] ), 'Nothing changed on the site.' );

		$this->assertExit( 0, $this->wp( array( 'qualified', 'unlock', 'token' ) ) );
		$this->assertExit( 0, $this->wp( array( 'qualified', 'set', 'token', 'SiteTok999', self::one() ) ) );
		$this->assertSame( 'SiteTok999', trim( $this->wp( array( 'qualified', 'get', 'token', self::one() ) )['stdout'] ) );
		$this->assertSame( 'NetTok1234', trim( $this->wp( array( 'qualified', 'get', 'token', '--network' ) )['stdout'] ), 'The network default is unchanged.' );
	}

	public function test_locking_an_unknown_field_is_refused_and_changes_nothing(): void {
		$result = $this->wp( array( 'qualified', 'lock', 'colour' ) );
		$this->assertExit( 1, $result );
		$this->assertStringContainsString( 'locked', $result['stderr'] );
		$this->assertSame( array(), NetworkSettings::locked() );
	}

	public function test_export_with_network_holds_the_network_defaults(): void {
		$this->assertExit( 0, $this->wp( array( 'qualified', 'set', 'excludeRoles', '["editor"]', '--network' ) ) );
		$export = $this->wp( array( 'qualified', 'export', '--network' ) );
		$this->assertExit( 0, $export );
		$document = json_decode( $export['stdout'], true );
		$this->assertIsArray( $document );
		$this->assertSame( array( 'editor' ), $document['excludeRoles'] );
	}
}
