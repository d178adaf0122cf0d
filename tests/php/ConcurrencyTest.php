<?php
/**
 * Saves that overlap: revisions (If-Match, 409) and the save lock.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\SaveLock;
use QualifiedIntegration\Settings\SettingsRepository;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Concurrency tests.
 */
final class ConcurrencyTest extends TestCase {

	const ROUTE = '/qualified-integration/v1/settings';

	/**
	 * An administrator, a fresh REST server, and a short lock wait.
	 */
	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		add_filter(
			'qualified_integration_save_lock_wait',
			static function () {
				return 0.3;
			}
		);
	}

	/**
	 * Puts the object-cache switch back.
	 */
	protected function tear_down() {
		wp_using_ext_object_cache( false );
		parent::tear_down();
	}

	/**
	 * Sends a POST.
	 *
	 * @param array<string, mixed> $body     JSON body.
	 * @param string|null          $if_match If-Match header.
	 * @return WP_REST_Response
	 */
	private function post( array $body, ?string $if_match = null ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', self::ROUTE );
		$request->set_header( 'Content-Type', 'application/json' );
		if ( null !== $if_match ) {
			$request->set_header( 'If-Match', $if_match );
		}
		$request->set_body( (string) wp_json_encode( $body ) );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * The revision a GET answers with.
	 *
	 * @return string
	 */
	private function revision(): string {
		return rest_get_server()->dispatch( new WP_REST_Request( 'GET', self::ROUTE ) )->get_data()['revision'];
	}

	/**
	 * The lock row, if any.
	 *
	 * @return string|null
	 */
	private function lock_row(): ?string {
		global $wpdb;
		$value = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", SaveLock::NAME ) );
		return null === $value ? null : (string) $value;
	}

	/**
	 * Inserts a lock row as another request holding the lock would.
	 *
	 * @param int $expires Unix time the lock expires.
	 */
	private function hold_lock_in_the_database( int $expires ): void {
		global $wpdb;
		$wpdb->insert(
			$wpdb->options,
			array(
				'option_name'  => SaveLock::NAME,
				'option_value' => $expires . ':someone-else',
				'autoload'     => 'no',
			)
		);
	}

	public function test_a_save_on_the_current_revision_succeeds_and_changes_the_revision(): void {
		$before = $this->revision();

		$response = $this->post( array( 'token' => 'Fresh1' ), '"' . $before . '"' );

		$this->assertSame( 200, $response->get_status() );
		$after = $response->get_data()['revision'];
		$this->assertNotSame( $before, $after );
		$this->assertSame( $after, $this->revision() );
	}

	public function test_a_save_on_a_stale_revision_gets_409_with_the_current_payload_and_changes_nothing(): void {
		$stale = $this->revision();
		$this->assertSame( 200, $this->post( array( 'token' => 'SavedByOther1' ) )->get_status() );
		$stored = get_option( SettingsRepository::OPTION );

		$response = $this->post( array( 'enabled' => false ), '"' . $stale . '"' );

		$this->assertSame( 409, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'qualified_integration_conflict', $data['code'] );
		$this->assertSame( 'SavedByOther1', $data['data']['current']['settings']['token'] );
		$this->assertTrue( $data['data']['current']['settings']['enabled'] );
		$this->assertSame( $this->revision(), $data['data']['current']['revision'] );
		$this->assertArrayHasKey( 'status', $data['data']['current'] );
		$this->assertSame( $stored, get_option( SettingsRepository::OPTION ) );
	}

	public function test_the_revision_may_come_in_the_body(): void {
		$stale = $this->revision();
		$this->post( array( 'token' => 'SavedByOther1' ) );

		$this->assertSame( 409, $this->post( array( 'enabled' => false, 'revision' => $stale ) )->get_status() ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound

		$response = $this->post( array( 'enabled' => false, 'revision' => $this->revision() ) ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
		$this->assertSame( 200, $response->get_status() );
		$this->assertFalse( $response->get_data()['settings']['enabled'] );
		$this->assertArrayNotHasKey( 'revision', get_option( SettingsRepository::OPTION ), 'revision is not a setting.' );
	}

	public function test_if_match_accepts_weak_tags_lists_and_a_star(): void {
		$current = $this->revision();
		$this->assertSame( 200, $this->post( array( 'token' => 'A1' ), 'W/"' . $current . '"' )->get_status() );
		$current = $this->revision();
		$this->assertSame( 200, $this->post( array( 'token' => 'A2' ), '"0000000000000000", "' . $current . '"' )->get_status() );
		$this->assertSame( 200, $this->post( array( 'token' => 'A3' ), '*' )->get_status() );
		$this->assertSame( 409, $this->post( array( 'token' => 'A4' ), '"0000000000000000"' )->get_status() );
	}

	public function test_the_revision_follows_any_write_of_the_option(): void {
		$before = Plugin::instance()->settings->revision();
		update_option( SettingsRepository::OPTION, array_merge( Plugin::instance()->settings->stored(), array( 'token' => 'Direct1' ) ) );
		$this->assertNotSame( $before, Plugin::instance()->settings->revision() );
	}

	public function test_a_save_reads_the_option_fresh_so_a_write_from_another_request_is_kept(): void {
		global $wpdb;
		Plugin::instance()->settings->update( array( 'token' => 'Start1' ) );
		get_option( SettingsRepository::OPTION ); // This request's cache now holds Start1.

		// Another request writes the row behind this request's cache.
		$other          = Plugin::instance()->settings->stored();
		$other['token'] = 'OtherRequest1';
		$wpdb->update( $wpdb->options, array( 'option_value' => maybe_serialize( $other ) ), array( 'option_name' => SettingsRepository::OPTION ) );

		$settings = Plugin::instance()->settings->update( array( 'enabled' => false ) );

		$this->assertIsArray( $settings );
		$this->assertSame( 'OtherRequest1', $settings['token'], 'The other request\'s token survives.' );
		$this->assertFalse( $settings['enabled'] );
	}

	public function test_a_save_waits_for_a_held_lock_then_answers_409_without_writing(): void {
		Plugin::instance()->settings->update( array( 'token' => 'Before1' ) );
		$before = get_option( SettingsRepository::OPTION );
		$this->hold_lock_in_the_database( time() + 60 );

		$started  = microtime( true );
		$response = $this->post( array( 'token' => 'Blocked1' ) );
		$waited   = microtime( true ) - $started;

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'qualified_integration_conflict', $response->get_data()['code'] );
		$this->assertSame( 'Before1', $response->get_data()['data']['current']['settings']['token'] );
		$this->assertGreaterThanOrEqual( 0.3, $waited, 'It waited for the lock.' );
		$this->assertSame( $before, get_option( SettingsRepository::OPTION ) );
		$this->assertStringEndsWith( ':someone-else', (string) $this->lock_row(), 'Someone else\'s lock is left alone.' );
	}

	public function test_a_save_proceeds_when_the_held_lock_expires_during_its_wait(): void {
		add_filter(
			'qualified_integration_save_lock_wait',
			static function () {
				return 4.0;
			},
			20
		);
		$this->hold_lock_in_the_database( time() + 1 );

		$started  = microtime( true );
		$settings = Plugin::instance()->settings->update( array( 'token' => 'AfterWait1' ) );
		$waited   = microtime( true ) - $started;

		$this->assertIsArray( $settings );
		$this->assertSame( 'AfterWait1', $settings['token'] );
		$this->assertGreaterThan( 0.1, $waited, 'It waited for the other save.' );
		$this->assertNull( $this->lock_row(), 'The lock is released.' );
	}

	public function test_an_abandoned_lock_does_not_block_saves(): void {
		$this->hold_lock_in_the_database( time() - 5 );

		$settings = Plugin::instance()->settings->update( array( 'token' => 'Crashed1' ) );

		$this->assertIsArray( $settings );
		$this->assertSame( 'Crashed1', $settings['token'] );
		$this->assertNull( $this->lock_row() );
	}

	public function test_the_database_lock_is_exclusive_and_released(): void {
		$first  = new SaveLock();
		$second = new SaveLock();
		$this->assertTrue( $first->acquire( 0 ) );
		$this->assertFalse( $second->acquire( 0 ) );
		$second->release(); // Not held: must not free the first one's lock.
		$this->assertNotNull( $this->lock_row() );
		$first->release();
		$this->assertNull( $this->lock_row() );
		$this->assertTrue( $second->acquire( 0 ) );
		$second->release();
	}

	public function test_with_a_persistent_object_cache_the_lock_lives_in_the_cache(): void {
		wp_using_ext_object_cache( true );
		$first  = new SaveLock();
		$second = new SaveLock();

		$this->assertTrue( $first->acquire( 0 ) );
		$this->assertNotFalse( wp_cache_get( SaveLock::NAME, SaveLock::CACHE_GROUP ) );
		$this->assertNull( $this->lock_row(), 'No database row when the cache holds the lock.' );
		$this->assertFalse( $second->acquire( 0 ) );

		$this->assertInstanceOf( \WP_Error::class, Plugin::instance()->settings->update( array( 'token' => 'Blocked1' ) ) );

		$first->release();
		$this->assertFalse( wp_cache_get( SaveLock::NAME, SaveLock::CACHE_GROUP ) );
		$settings = Plugin::instance()->settings->update( array( 'token' => 'Cached1' ) );
		$this->assertIsArray( $settings );
		$this->assertSame( 'Cached1', $settings['token'] );
	}
}
