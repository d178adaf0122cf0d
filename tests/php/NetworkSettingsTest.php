<?php
/**
 * Network defaults, site overrides, network locks and "Use network default".
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Network\NetworkSettings;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\SettingsRepository;
use WP_Error;

/**
 * SettingsRepository on a network, through PHP and the site's REST route.
 *
 * @group multisite
 */
final class NetworkSettingsTest extends NetworkTestCase {

	/**
	 * Sets network defaults, and fails the test when they are refused.
	 *
	 * @param array<string, mixed> $changes Network values.
	 * @param string[]|null        $locked  Locked fields, or null to keep them.
	 */
	private function network( array $changes, ?array $locked = null ): void {
		$result = NetworkSettings::update( $changes, $locked );
		$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );
	}

	public function test_every_site_inherits_the_network_defaults_it_has_not_set(): void {
		$this->network(
			array(
				'token'        => 'NetTok1',
				'excludeRoles' => array( 'editor' ),
			)
		);

		$this->assertSame( 'NetTok1', self::repository()->get()['token'] );
		switch_to_blog( self::site( 'one' ) );
		$settings = self::repository()->get();
		$this->assertSame( 'NetTok1', $settings['token'] );
		$this->assertSame( array( 'editor' ), $settings['excludeRoles'] );
		$this->assertSame( array(), self::repository()->own_fields(), 'A new site of the network set nothing itself.' );
		$this->assertSame( \QualifiedIntegration\Settings\Schema::defaults()['enabled'], $settings['enabled'], 'A field the network leaves alone has the schema default.' );
	}

	public function test_a_site_overrides_a_field_and_keeps_following_the_network_for_the_others(): void {
		$this->network( array( 'token' => 'NetTok1' ) );
		switch_to_blog( self::site( 'one' ) );

		$result = self::repository()->update( array( 'token' => 'Own1' ) );
		$this->assertIsArray( $result );
		$this->assertSame( 'Own1', $result['token'] );
		$raw = self::raw_site_option();
		$this->assertSame( 'Own1', $raw['token'] );
		$this->assertArrayNotHasKey( 'excludeRoles', $raw, 'Only the fields the site set are stored.' );
		$this->assertTrue( $raw[ SettingsRepository::PARTIAL_KEY ] );
		$this->assertSame( array( 'token' ), self::repository()->own_fields() );

		// The network changes both fields: the site keeps its token and follows the rest.
		$this->network(
			array(
				'token'        => 'NetTok2',
				'excludeRoles' => array( 'author' ),
			)
		);
		$settings = self::repository()->get();
		$this->assertSame( 'Own1', $settings['token'] );
		$this->assertSame( array( 'author' ), $settings['excludeRoles'] );

		// Another site is not touched by the first one's override.
		switch_to_blog( self::site( 'two' ) );
		$this->assertSame( 'NetTok2', self::repository()->get()['token'] );
	}

	public function test_a_locked_field_takes_the_network_value_and_every_writer_is_refused(): void {
		switch_to_blog( self::site( 'one' ) );
		$this->assertIsArray( self::repository()->update( array( 'token' => 'Own1' ) ) );
		$this->network( array( 'token' => 'NetTok1' ), array( 'token' ) );

		$this->assertSame( 'NetTok1', self::repository()->get()['token'], 'The lock beats the site value.' );
		$this->assertContains( 'token', self::repository()->locked_fields() );
		$this->assertSame(
			array(
				'source'   => 'network',
				'constant' => null,
				'error'    => null,
			),
			self::repository()->locks()['token']
		);

		// SettingsRepository::update(), which WP-CLI and import go through.
		$before = self::raw_site_option();
		$error  = self::repository()->update(
			array(
				'token'   => 'Mine2',
				'enabled' => 'yes',
			)
		);
		$this->assertInstanceOf( WP_Error::class, $error );
		$params = (array) $error->get_error_data()['params'];
		$this->assertStringContainsString( 'locked by the network administrator', (string) $params['token'] );
		$this->assertArrayHasKey( 'enabled', $params, 'Every bad field is named.' );
		$this->assertSame( $before, self::raw_site_option(), 'Nothing changed.' );

		// The site's REST route, as the admin screen sends it.
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( 'POST', '/settings', array( 'token' => 'Mine3' ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertStringContainsString( 'network administrator', (string) $response->get_data()['data']['params']['token'] );
		$this->assertSame( $before, self::raw_site_option() );

		$read   = $this->rest( 'GET', '/settings' );
		$locked = (array) $read->get_data()['locked'];
		$this->assertSame( 'network', $locked['token']['source'] );
		$this->assertSame( 'NetTok1', $read->get_data()['settings']['token'] );
		$this->assertSame( array( 'token' ), $read->get_data()['network']['own'], 'The site value stays stored for when the lock goes.' );

		// The lock goes: the site's own value is back.
		$this->network( array(), array() );
		$this->assertSame( 'Own1', self::repository()->get()['token'] );
	}

	public function test_a_locked_field_with_no_network_value_is_locked_at_the_schema_default(): void {
		switch_to_blog( self::site( 'one' ) );
		$this->assertIsArray( self::repository()->update( array( 'excludeRoles' => array( 'editor' ) ) ) );
		$this->network( array(), array( 'excludeRoles' ) );
		$this->assertSame( array(), self::repository()->get()['excludeRoles'] );
	}

	public function test_reset_gives_a_field_back_to_the_network_default(): void {
		$this->network( array( 'token' => 'NetTok1' ) );
		switch_to_blog( self::site( 'one' ) );
		$this->assertIsArray( self::repository()->update( array( 'token' => 'Own1' ) ) );

		$result = self::repository()->update( array(), null, array( 'token' ) );
		$this->assertIsArray( $result );
		$this->assertSame( 'NetTok1', $result['token'] );
		$this->assertArrayNotHasKey( 'token', self::raw_site_option() );

		// Through REST: {"reset": ["token"]}, with a change of another field in the same save.
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertSame( 200, $this->rest( 'POST', '/settings', array( 'token' => 'Own2' ) )->get_status() );
		$response = $this->rest(
			'POST',
			'/settings',
			array(
				'reset'   => array( 'token' ),
				'enabled' => true,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'NetTok1', $response->get_data()['settings']['token'] );
		$this->assertTrue( $response->get_data()['settings']['enabled'] );
		$this->assertSame( array( 'enabled' ), $response->get_data()['network']['own'] );
		$this->assertSame( array( 'token' ), $response->get_data()['network']['defaults'] );
	}

	/**
	 * Bad reset lists, with the paths they are refused at.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public function data_bad_reset(): array {
		return array(
			'not a list'      => array( 'token', 'reset' ),
			'an object'       => array( array( 'a' => 'token' ), 'reset' ),
			'unknown field'   => array( array( 'tokens' ), 'reset[0]' ),
			'not a string'    => array( array( 'token', 5 ), 'reset[1]' ),
			'null'            => array( null, 'reset' ),
			'changed as well' => array( array( 'enabled' ), 'reset[0]' ),
		);
	}

	/**
	 * A bad reset list is refused with its path, and nothing changes.
	 *
	 * @dataProvider data_bad_reset
	 *
	 * @param mixed  $reset Raw reset.
	 * @param string $path  Path refused.
	 */
	public function test_a_bad_reset_is_refused_and_changes_nothing( $reset, string $path ): void {
		switch_to_blog( self::site( 'one' ) );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$before   = self::raw_site_option();
		$response = $this->rest(
			'POST',
			'/settings',
			array(
				'enabled' => true,
				'reset'   => $reset,
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$this->assertArrayHasKey( $path, (array) $response->get_data()['data']['params'] );
		$this->assertSame( $before, self::raw_site_option() );
	}

	public function test_a_whole_option_from_before_is_kept_and_then_follows_the_network_where_it_held_defaults(): void {
		switch_to_blog( self::site( 'one' ) );
		// What an earlier version wrote on a network: the whole object, no partial marker.
		$whole = array_merge( \QualifiedIntegration\Settings\Schema::defaults(), array( 'token' => 'Legacy1' ) );
		$this->store_raw_settings( $whole );
		$before = self::repository()->get();

		$this->assertTrue( Plugin::instance()->migrations->run() );
		$raw = self::raw_site_option();
		$this->assertTrue( $raw[ SettingsRepository::PARTIAL_KEY ] );
		$this->assertSame( 'Legacy1', $raw['token'] );
		$this->assertArrayNotHasKey( 'excludeRoles', $raw, 'A field that held the default follows the network from now on.' );
		$this->assertSame( $before, self::repository()->get(), 'The conversion changes no setting in force.' );
		$this->assertFalse( Plugin::instance()->migrations->run(), 'Once.' );

		$this->network(
			array(
				'token'        => 'NetTok1',
				'excludeRoles' => array( 'editor' ),
			)
		);
		$this->assertSame( 'Legacy1', self::repository()->get()['token'] );
		$this->assertSame( array( 'editor' ), self::repository()->get()['excludeRoles'] );
	}

	public function test_network_values_are_validated_by_the_schema_and_a_bad_write_changes_nothing(): void {
		$this->network( array( 'token' => 'NetTok1' ) );
		$before = get_site_option( NetworkSettings::OPTION );
		$error  = NetworkSettings::update(
			array(
				'token'        => null,
				'excludeRoles' => 'editor',
				'nope'         => 1,
			),
			array( 'token', 'bogus' ),
			array( 'enabled', 7 )
		);
		$this->assertInstanceOf( WP_Error::class, $error );
		$this->assertSame( 'rest_invalid_param', $error->get_error_code() );
		$params = (array) $error->get_error_data()['params'];
		foreach ( array( 'token', 'excludeRoles', 'nope', 'locked[1]', 'reset[1]' ) as $path ) {
			$this->assertArrayHasKey( $path, $params, $path );
		}
		$this->assertSame( $before, get_site_option( NetworkSettings::OPTION ) );
	}

	public function test_a_stored_network_value_that_no_longer_validates_on_a_site_is_cleaned_there(): void {
		$this->network( array( 'excludeRoles' => array( 'editor', 'author' ) ) );
		switch_to_blog( self::site( 'two' ) );
		remove_role( 'author' );
		$this->assertSame( array( 'editor' ), self::repository()->get()['excludeRoles'] );
		$this->assertArrayHasKey( 'excludeRoles[1]', self::repository()->problems() );
	}
}
