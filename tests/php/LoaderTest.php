<?php
/**
 * The loader printed into <head> on public pages.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

/**
 * Frontend output tests.
 */
final class LoaderTest extends TestCase {

	const PAYLOAD = '</script><script>alert(1)</script>';

	/**
	 * Stores a token so that, by default, the loader prints.
	 */
	protected function set_up() {
		parent::set_up();
		$this->store_settings( array( 'token' => 'Tok3n' ) );
	}

	public function test_public_page_gets_stub_vendor_script_config_and_runtime_in_order(): void {
		$head    = $this->render_head();
		$scripts = ScriptTags::all( $head );

		$stub    = ScriptTags::index_of( $scripts, 'QualifiedObject' );
		$vendor  = ScriptTags::index_of( $scripts, 'https://js.qualified.com/qualified.js?token=Tok3n' );
		$config  = ScriptTags::index_of( $scripts, 'window.qualifiedIntegrationConfig = ' );
		$runtime = ScriptTags::index_of( $scripts, 'build/frontend.js' );

		foreach ( compact( 'stub', 'vendor', 'config', 'runtime' ) as $name => $index ) {
			$this->assertGreaterThanOrEqual( 0, $index, "No $name script in:\n$head" );
		}
		$this->assertSame( 'qualified-integration-stub', $scripts[ $stub ]['id'] );
		$this->assertLessThan( $vendor, $stub, 'The stub comes before qualified.js.' );
		$this->assertLessThan( $runtime, $config, 'The config comes before the runtime.' );
		$this->assertTrue( $scripts[ $vendor ]['async'], 'qualified.js loads async.' );
		$this->assertFalse( $scripts[ $vendor ]['defer'] );
		$this->assertTrue( $scripts[ $runtime ]['defer'], 'The runtime loads deferred.' );
		$this->assertSame( '', $scripts[ $runtime ]['text'] );
	}

	public function test_stub_is_the_first_thing_wp_head_prints(): void {
		add_action(
			'wp_head',
			static function () {
				echo '<meta name="printed-at-priority-1">';
			},
			1
		);
		$head = $this->render_head();
		$this->assertLessThan( strpos( $head, 'printed-at-priority-1' ), strpos( $head, 'qualified-integration-stub' ) );
	}

	/**
	 * Situations where nothing may be printed.
	 *
	 * @return array<string, array{callable(TestCase): void}>
	 */
	public function data_off_cases(): array {
		return array(
			'disabled'      => array(
				static function ( TestCase $test ) {
					$test->store_settings( array( 'enabled' => false ) );
				},
			),
			'no token'      => array(
				static function ( TestCase $test ) {
					$test->store_settings( array( 'token' => '' ) );
				},
			),
			'wp-admin'      => array(
				static function () {
					require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
					require_once ABSPATH . 'wp-admin/includes/screen.php';
					set_current_screen( 'dashboard' );
				},
			),
			'feed'          => array(
				static function ( TestCase $test ) {
					$test->go_to( '/?feed=rss2' );
				},
			),
			'excluded role' => array(
				static function ( TestCase $test ) {
					$test->store_settings( array( 'excludeRoles' => array( 'editor' ) ) );
					wp_set_current_user( $test->create_user( 'editor' ) );
				},
			),
			'hide rule'     => array(
				static function ( TestCase $test ) {
					$test->store_settings(
						array(
							'experiences' => array(
								'spa'   => false,
								'rules' => array(
									array(
										'id'   => 'members-only',
										'when' => array(
											array(
												'type'  => 'logged_in',
												'value' => false,
											),
										),
										'then' => array( 'action' => 'hide' ),
									),
								),
							),
						)
					);
				},
			),
			'post override' => array(
				static function ( TestCase $test ) {
					$page = wp_insert_post(
						array(
							'post_title'  => 'Careers',
							'post_type'   => 'page',
							'post_status' => 'publish',
						)
					);
					update_post_meta( $page, 'qualified_integration_page', array( 'hide' => true ) );
					$test->go_to( '/?page_id=' . $page );
				},
			),
		);
	}

	/**
	 * Nothing is printed when Qualified must not load.
	 *
	 * @dataProvider data_off_cases
	 *
	 * @param callable $arrange Puts the request in the off state.
	 */
	public function test_nothing_is_printed( callable $arrange ): void {
		$arrange( $this );
		$loader = \QualifiedIntegration\Plugin::instance()->loader;
		// The plugin's own callbacks and core's script printing; core's wp_head is not meant for wp-admin.
		ob_start();
		$loader->print_stub();
		$loader->enqueue();
		wp_print_head_scripts();
		$head = (string) ob_get_clean();
		$this->assertStringNotContainsString( 'qualified-integration', $head );
		$this->assertStringNotContainsString( 'qualified.js', $head );
		$this->assertStringNotContainsString( 'QualifiedObject', $head );
	}

	public function test_logged_in_user_outside_excluded_roles_gets_the_loader(): void {
		$this->store_settings( array( 'excludeRoles' => array( 'editor' ) ) );
		wp_set_current_user( $this->create_user( 'author' ) );
		$this->assertStringContainsString( 'qualified.js?token=Tok3n', $this->render_head() );
	}

	public function test_config_strings_are_escaped_for_a_script_context(): void {
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ) {
				$config['calls'][] = array(
					'identify',
					array(
						self::PAYLOAD => self::PAYLOAD,
						'quote'       => "it's \"quoted\" & <b>",
					),
				);
				return $config;
			}
		);
		$head = $this->render_head();

		$escaped = '\u003C\/script\u003E\u003Cscript\u003Ealert(1)\u003C\/script\u003E';
		$this->assertSame( 2, substr_count( $head, 'alert(1)' ), 'The payload appears twice (key and value)...' );
		$this->assertSame( 2, substr_count( $head, $escaped ), '...and both times escaped.' );
		$this->assertStringNotContainsString( '</script><script>alert', $head );
		$this->assertStringContainsString( 'it\u0027s \u0022quoted\u0022 \u0026 \u003Cb\u003E', $head );
	}

	public function test_settings_strings_cannot_carry_a_script_into_the_page(): void {
		foreach ( array( 'token', 'excludeRoles' ) as $field ) {
			$value  = 'token' === $field ? self::PAYLOAD : array( self::PAYLOAD );
			$result = \QualifiedIntegration\Plugin::instance()->settings->update( array( $field => $value ) );
			$this->assertInstanceOf( \WP_Error::class, $result, $field );
		}
		$this->assertStringNotContainsString( 'alert(1)', $this->render_head() );
	}

	public function test_script_url_filter_replaces_the_vendor_base_and_is_escaped(): void {
		add_filter(
			'qualified_integration_script_url',
			static function () {
				return 'http://127.0.0.1:9/fake/qualified.js?x="><script>alert(1)</script>';
			}
		);
		$head = $this->render_head();
		$this->assertStringContainsString( 'http://127.0.0.1:9/fake/qualified.js', $head );
		$this->assertStringNotContainsString( '<script>alert(1)', $head );
	}

	public function test_script_url_filter_cannot_switch_to_another_scheme(): void {
		add_filter(
			'qualified_integration_script_url',
			static function () {
				return 'javascript:alert(1)';
			}
		);
		$this->assertStringContainsString( 'https://js.qualified.com/qualified.js?token=Tok3n', $this->render_head() );
	}

	public function test_should_load_filter_has_the_last_word(): void {
		add_filter( 'qualified_integration_should_load', '__return_false' );
		$this->assertStringNotContainsString( 'qualified.js', $this->render_head() );
	}

	public function test_rendering_the_loader_adds_no_database_query(): void {
		global $wpdb;
		$off = static function () {
			return false;
		};

		// Render with the plugin switched off twice (the first warms core's caches), then on.
		add_filter( 'qualified_integration_should_load', $off );
		$this->count_queries_of_head();
		$without = $this->count_queries_of_head();
		remove_filter( 'qualified_integration_should_load', $off );
		$with = $this->count_queries_of_head( $head );

		$this->assertStringContainsString( 'qualified.js?token=Tok3n', $head );
		$this->assertSame( $without, $with, 'Last query: ' . $wpdb->last_query );
	}

	/**
	 * Renders <head> from a clean script registry and counts the queries it ran.
	 *
	 * @param string|null $head Receives the rendered head.
	 * @return int
	 */
	private function count_queries_of_head( &$head = null ): int {
		global $wpdb;
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		\QualifiedIntegration\Plugin::instance()->loader->reset();
		$before = $wpdb->num_queries;
		$head   = $this->render_head();
		return $wpdb->num_queries - $before;
	}
}
