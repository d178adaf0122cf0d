<?php
/**
 * Base class of the multisite tests.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Network\NetworkSettings;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\SettingsRepository;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Runs on the subdirectory network bin/phpunit.mjs installs (sites /, /one/
 * and /two/, the plugin network-activated), only in the `multisite` group;
 * skipped on a single site, where the group is excluded anyway.
 */
abstract class NetworkTestCase extends TestCase {

	/**
	 * Skips off multisite; starts a fresh REST server and the network option empty.
	 */
	protected function set_up() {
		parent::set_up();
		if ( ! is_multisite() ) {
			$this->markTestSkipped( 'The multisite tests run on the test network (bin/phpunit.mjs).' );
		}
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		delete_site_option( NetworkSettings::OPTION );
	}

	/**
	 * Puts the main site back if a test left another one current.
	 */
	protected function tear_down() {
		while ( ms_is_switched() ) {
			restore_current_blog();
		}
		parent::tear_down();
	}

	/**
	 * The ID of a sub-site of the test network.
	 *
	 * @param string $slug one or two.
	 * @return int
	 */
	protected static function site( string $slug ): int {
		$site = get_site_by_path( get_network()->domain, '/' . $slug . '/' );
		if ( ! $site || '/' . $slug . '/' !== $site->path ) {
			self::fail( "The test network has no /{$slug}/ site." );
		}
		return (int) $site->blog_id;
	}

	/**
	 * The repository every service shares.
	 *
	 * @return SettingsRepository
	 */
	protected static function repository(): SettingsRepository {
		return Plugin::instance()->settings;
	}

	/**
	 * Logs in a network administrator (a super admin).
	 *
	 * @return int User ID.
	 */
	protected function log_in_network_admin(): int {
		$user = $this->create_user( 'administrator' );
		grant_super_admin( $user );
		wp_set_current_user( $user );
		return $user;
	}

	/**
	 * Sends a REST request.
	 *
	 * @param string                    $method HTTP method.
	 * @param string                    $route  Route under the plugin's namespace.
	 * @param array<string, mixed>|null $body   JSON body.
	 * @return WP_REST_Response
	 */
	protected function rest( string $method, string $route, ?array $body = null ): WP_REST_Response {
		$request = new WP_REST_Request( $method, '/qualified-integration/v1' . $route );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * The site's option as stored, raw.
	 *
	 * @return array<string, mixed>
	 */
	protected static function raw_site_option(): array {
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( SettingsRepository::OPTION, 'options' );
		return (array) get_option( SettingsRepository::OPTION, array() );
	}
}
