<?php
/**
 * Base class of the plugin's PHPUnit tests.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\SettingsRepository;
use WP;
use WP_Query;
use Yoast\PHPUnitPolyfills\TestCases\TestCase as PolyfillTestCase;

/**
 * Runs each test inside a database transaction that is rolled back, and puts
 * hooks, the current user, the script registry and the main query back as
 * they were, so tests cannot leak into each other (the approach of core's
 * WP_UnitTestCase, which the offline registries do not ship).
 */
abstract class TestCase extends PolyfillTestCase {

	/**
	 * Hooks as they were before the test.
	 *
	 * @var array<string, mixed>
	 */
	private $hooks = array();

	/**
	 * Starts the transaction and snapshots the hooks.
	 */
	protected function set_up() {
		parent::set_up();
		global $wpdb;
		$wpdb->query( 'SET autocommit = 0' );
		$wpdb->query( 'START TRANSACTION' );

		foreach ( array( 'wp_filter', 'wp_actions', 'wp_current_filter' ) as $global ) {
			$this->hooks[ $global ] = array();
			foreach ( $GLOBALS[ $global ] as $key => $value ) {
				$this->hooks[ $global ][ $key ] = is_object( $value ) ? clone $value : $value;
			}
		}
		$this->reset_request();
	}

	/**
	 * Rolls back and restores.
	 */
	protected function tear_down() {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		foreach ( $this->hooks as $global => $value ) {
			$GLOBALS[ $global ] = $value;
		}
		wp_cache_flush();
		wp_load_alloptions();
		$this->reset_request();
		parent::tear_down();
	}

	/**
	 * Forgets everything a previous page render left behind.
	 */
	private function reset_request(): void {
		wp_set_current_user( 0 );
		unset( $GLOBALS['current_screen'] );
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		Plugin::instance()->loader->reset();
		$this->go_to( '/' );
	}

	/**
	 * Runs the main query for a URL, as a page view would.
	 *
	 * @param string $path Path and query string, from the site root.
	 */
	protected function go_to( string $path ): void {
		$_SERVER['REQUEST_URI'] = $path;
		$_GET                   = array();
		$query                  = (string) wp_parse_url( $path, PHP_URL_QUERY );
		wp_parse_str( $query, $_GET );

		$GLOBALS['wp_the_query'] = new WP_Query();
		$GLOBALS['wp_query']     = $GLOBALS['wp_the_query'];
		$GLOBALS['wp']           = new WP();
		$GLOBALS['wp']->main( $query );
	}

	/**
	 * Stores plugin settings directly (bypassing REST), merged over the current ones.
	 *
	 * @param array<string, mixed> $settings Field values.
	 */
	protected function store_settings( array $settings ): void {
		update_option( SettingsRepository::OPTION, array_merge( Plugin::instance()->settings->stored(), $settings ) );
	}

	/**
	 * Creates a user with a role and returns its ID.
	 *
	 * @param string $role Role slug.
	 * @return int
	 */
	protected function create_user( string $role ): int {
		static $counter = 0;
		++$counter;
		$id = wp_insert_user(
			array(
				'user_login' => $role . '_' . $counter . '_' . wp_generate_password( 6, false ),
				'user_pass'  => wp_generate_password(),
				'user_email' => $role . '_' . $counter . '_' . wp_generate_password( 6, false ) . '@example.org',
				'role'       => $role,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Renders <head> as a theme would, and returns it.
	 *
	 * @return string
	 */
	protected function render_head(): string {
		ob_start();
		do_action( 'wp_head' );
		return (string) ob_get_clean();
	}

	/**
	 * The head of a URL, rendered from clean script and style registries as
	 * a new request would render it.
	 *
	 * @param string $url Path and query string, from the site root.
	 * @return string
	 */
	protected function head_of( string $url ): string {
		$this->go_to( $url );
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		Plugin::instance()->loader->reset();
		return $this->render_head();
	}

	/**
	 * The number of qualified.js script tags in a rendered head.
	 *
	 * @param string $head Rendered head.
	 * @return int
	 */
	protected static function vendor_tags( string $head ): int {
		$tags = array_filter(
			ScriptTags::all( $head ),
			static function ( array $script ): bool {
				return false !== strpos( $script['src'], 'qualified.js' );
			}
		);
		return count( $tags );
	}

	/**
	 * The page config a URL's head prints, as the JSON text printed, from a
	 * clean script registry as a new request would render it.
	 *
	 * @param string $url Path and query string, from the site root.
	 * @return string
	 */
	protected function printed_config_json( string $url ): string {
		$head   = $this->head_of( $url );
		$prefix = 'window.' . Loader::CONFIG_GLOBAL . ' = ';
		$start  = strpos( $head, $prefix );
		$this->assertNotFalse( $start, $head );
		$start += strlen( $prefix );
		$end    = strpos( $head, ";\n", $start );
		$this->assertNotFalse( $end, $head );
		return substr( $head, $start, $end - $start );
	}

	/**
	 * Stores the raw option value past the sanitizer, as an older plugin
	 * version, a direct database edit or a corrupt write would leave it.
	 *
	 * @param mixed $value Raw option value.
	 */
	protected function store_raw_settings( $value ): void {
		remove_all_filters( 'sanitize_option_' . SettingsRepository::OPTION );
		update_option( SettingsRepository::OPTION, $value );
	}
}
