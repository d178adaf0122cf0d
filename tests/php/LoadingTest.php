<?php
/**
 * The loading strategies: what the head prints, per strategy and per post.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Frontend\Loading;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Schema;
use WP_REST_Request;

/**
 * Loading tests.
 */
final class LoadingTest extends TestCase {

	/**
	 * A published page.
	 *
	 * @var int
	 */
	private $page;

	/**
	 * A token and a page.
	 */
	protected function set_up() {
		parent::set_up();
		$this->store_settings( array( 'token' => 'Tok3n' ) );
		$this->page                = (int) wp_insert_post(
			array(
				'post_title'  => 'Demo',
				'post_type'   => 'page',
				'post_status' => 'publish',
			)
		);
		$GLOBALS['wp_rest_server'] = null;
	}

	/**
	 * Stores a loading section.
	 *
	 * @param string $strategy Strategy.
	 * @param int    $max_delay Seconds.
	 * @param string $category Consent category.
	 */
	private function loading( string $strategy, int $max_delay = 0, string $category = 'marketing' ): void {
		$loading = array(
			'strategy'        => $strategy,
			'maxDelay'        => $max_delay,
			'consentCategory' => $category,
		);
		$this->store_settings( array( 'loading' => $loading ) );
		$this->assertSame( $loading, Plugin::instance()->settings->get()['loading'], 'Stored as given.' );
	}

	/**
	 * The page config's `loading` part a URL prints; null when absent.
	 *
	 * @param string $url Path and query.
	 * @return array<string, mixed>|null
	 */
	private function loading_part( string $url ): ?array {
		$config = json_decode( $this->printed_config_json( $url ), true );
		$this->assertIsArray( $config );
		return $config['loading'] ?? null;
	}

	public function test_the_strategies_and_categories_are_the_schema_enums(): void {
		$loading = Schema::properties()['loading']['properties'];
		$this->assertSame( $loading['strategy']['enum'], Loading::STRATEGIES );
		$this->assertSame( $loading['consentCategory']['enum'], Loading::CATEGORIES );
		$this->assertSame( Loading::STRATEGIES, PageOverride::schema()['properties']['load']['enum'], 'The override names the same strategies.' );
	}

	public function test_immediate_prints_qualified_js_in_the_html_as_the_snippet_does(): void {
		$this->loading( 'immediate' );
		$head = $this->head_of( '/' );
		$this->assertSame( 1, self::vendor_tags( $head ) );
		$this->assertNull( $this->loading_part( '/' ) );
	}

	/**
	 * Strategies that hold qualified.js back, with the part they print.
	 *
	 * @return array<string, array{string, int, string, array<string, mixed>}>
	 */
	public function data_held(): array {
		$src = 'https://js.qualified.com/qualified.js?token=Tok3n';
		return array(
			'idle'                      => array(
				'idle',
				30,
				'marketing',
				array(
					'src'      => $src,
					'strategy' => 'idle',
				),
			),
			'interaction without delay' => array(
				'interaction',
				0,
				'marketing',
				array(
					'src'      => $src,
					'strategy' => 'interaction',
				),
			),
			'interaction after 5 s'     => array(
				'interaction',
				5,
				'marketing',
				array(
					'src'      => $src,
					'strategy' => 'interaction',
					'maxDelay' => 5,
				),
			),
			'consent for statistics'    => array(
				'consent',
				5,
				'statistics',
				array(
					'src'      => $src,
					'strategy' => 'consent',
					'category' => 'statistics',
				),
			),
		);
	}

	/**
	 * Every other strategy leaves qualified.js out of the HTML for the runtime.
	 *
	 * @dataProvider data_held
	 *
	 * @param string               $strategy  Strategy.
	 * @param int                  $max_delay Seconds.
	 * @param string               $category  Consent category.
	 * @param array<string, mixed> $expected  The page config's part.
	 */
	public function test_other_strategies_hold_qualified_js_for_the_runtime( string $strategy, int $max_delay, string $category, array $expected ): void {
		$this->loading( $strategy, $max_delay, $category );
		$head = $this->head_of( '/' );
		$this->assertSame( 0, self::vendor_tags( $head ), $head );
		$this->assertStringContainsString( 'build/frontend.js', $head, 'The runtime is there to add it.' );
		$this->assertStringContainsString( 'QualifiedObject', $head, 'The stub is there to queue calls.' );
		$this->assertSame( $expected, $this->loading_part( '/' ) );
	}

	public function test_the_html_is_the_same_whoever_has_consented(): void {
		$this->loading( 'consent' );
		$without                         = $this->printed_config_json( '/' );
		$_COOKIE['wp_consent_marketing'] = 'allow';
		$with                            = $this->printed_config_json( '/' );
		$head                            = $this->head_of( '/' );
		unset( $_COOKIE['wp_consent_marketing'] );
		$this->assertSame( $without, $with, 'Consent is the browser\'s to check: a cached page fits every visitor.' );
		$this->assertSame( 0, self::vendor_tags( $head ), 'Not even for a visitor who consented: the runtime adds it.' );
		$this->assertStringNotContainsString( 'nonce', strtolower( $without ) );
	}

	public function test_a_post_override_replaces_the_strategy_on_its_page_only(): void {
		$this->loading( 'interaction', 10 );
		update_post_meta( $this->page, PageOverride::META_KEY, array( 'load' => 'immediate' ) );

		$demo = $this->head_of( '/?page_id=' . $this->page );
		$this->assertSame( 1, self::vendor_tags( $demo ), 'Loads immediately on this page.' );
		$this->assertNull( $this->loading_part( '/?page_id=' . $this->page ) );
		$this->assertSame( 'interaction', $this->loading_part( '/' )['strategy'] ?? null, 'Elsewhere the site setting holds.' );

		update_post_meta( $this->page, PageOverride::META_KEY, array( 'load' => 'idle' ) );
		$this->assertSame( 'idle', $this->loading_part( '/?page_id=' . $this->page )['strategy'] ?? null );
	}

	public function test_an_override_never_lifts_the_consent_gate(): void {
		$this->loading( 'consent' );
		update_post_meta( $this->page, PageOverride::META_KEY, array( 'load' => 'immediate' ) );
		$head = $this->head_of( '/?page_id=' . $this->page );
		$this->assertSame( 0, self::vendor_tags( $head ) );
		$this->assertSame( 'consent', $this->loading_part( '/?page_id=' . $this->page )['strategy'] ?? null );
	}

	public function test_the_override_load_key_stays_out_of_the_runtime_override(): void {
		$this->loading( 'idle' );
		update_post_meta(
			$this->page,
			PageOverride::META_KEY,
			array(
				'load' => 'immediate',
				'open' => true,
			)
		);
		$config = json_decode( $this->printed_config_json( '/?page_id=' . $this->page ), true );
		$this->assertSame( array( 'open' => true ), $config['experiences']['override'] );
	}

	public function test_an_override_with_an_unknown_strategy_is_ignored(): void {
		$this->loading( 'idle' );
		$this->assertSame( array(), PageOverride::clean( array( 'load' => 'lazy' ) ) );
		$this->assertSame( array(), PageOverride::clean( array( 'load' => null ) ) );
		$this->assertSame( array( 'load' => 'interaction' ), PageOverride::clean( array( 'load' => 'interaction' ) ) );
		update_post_meta( $this->page, PageOverride::META_KEY, array( 'load' => 'now!' ) );
		$this->assertSame( 'idle', $this->loading_part( '/?page_id=' . $this->page )['strategy'] ?? null );
	}

	public function test_a_hide_rule_with_a_browser_condition_keeps_the_strategy(): void {
		$this->loading( 'interaction', 3 );
		$this->store_settings(
			array(
				'experiences' => array(
					'spa'   => false,
					'rules' => array(
						array(
							'id'   => 'mobile',
							'when' => array(
								array(
									'type'  => 'device',
									'value' => 'mobile',
								),
							),
							'then' => array( 'action' => 'hide' ),
						),
					),
				),
			)
		);
		$this->assertSame(
			array(
				'src'      => 'https://js.qualified.com/qualified.js?token=Tok3n',
				'strategy' => 'interaction',
				'maxDelay' => 3,
			),
			$this->loading_part( '/' )
		);
	}

	/**
	 * Stored loading sections that cannot be read.
	 *
	 * @return array<string, array{mixed}>
	 */
	public function data_broken_loading(): array {
		return array(
			'unknown strategy' => array(
				array(
					'strategy'        => 'lazy',
					'maxDelay'        => 0,
					'consentCategory' => 'marketing',
				),
			),
			'null'             => array( null ),
			'a string'         => array( 'idle' ),
		);
	}

	/**
	 * A stored loading section that cannot be read waits for consent: a privacy switch fails closed.
	 *
	 * @dataProvider data_broken_loading
	 *
	 * @param mixed $loading Stored value.
	 */
	public function test_a_broken_stored_loading_waits_for_consent( $loading ): void {
		$raw            = Plugin::instance()->settings->stored();
		$raw['loading'] = $loading;
		$this->store_raw_settings( $raw );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertSame( 'consent', Plugin::instance()->settings->get()['loading']['strategy'] );
		$this->assertSame( 0, self::vendor_tags( $this->head_of( '/' ) ) );
		$this->assertSame( 'consent', $this->loading_part( '/' )['strategy'] ?? null );
	}

	/**
	 * Bodies the settings route refuses, with the path it names.
	 *
	 * @return array<string, array{mixed, string}>
	 */
	public function data_bad_loading(): array {
		return array(
			'unknown strategy from an old export' => array(
				array(
					'strategy'        => 'lazy',
					'maxDelay'        => 0,
					'consentCategory' => 'marketing',
				),
				'loading.strategy',
			),
			'delay as text'                       => array(
				array(
					'strategy'        => 'interaction',
					'maxDelay'        => '5',
					'consentCategory' => 'marketing',
				),
				'loading.maxDelay',
			),
			'unknown category'                    => array(
				array(
					'strategy'        => 'consent',
					'maxDelay'        => 0,
					'consentCategory' => 'ads',
				),
				'loading.consentCategory',
			),
			'null'                                => array( null, 'loading' ),
		);
	}

	/**
	 * The REST route refuses a bad loading section with a 400 naming it, and changes nothing.
	 *
	 * @dataProvider data_bad_loading
	 *
	 * @param mixed  $loading Value sent.
	 * @param string $path    Path the error names.
	 */
	public function test_the_settings_route_refuses_bad_loading( $loading, string $path ): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$before  = get_option( 'qualified_integration_settings' );
		$request = new WP_REST_Request( 'POST', '/qualified-integration/v1/settings' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'loading' => $loading ) ) );

		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertArrayHasKey( $path, $response->get_data()['data']['params'] );
		$this->assertSame( $before, get_option( 'qualified_integration_settings' ) );
	}

	public function test_a_filter_may_change_how_the_runtime_loads_but_not_whether_it_holds(): void {
		$this->loading( 'idle' );
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ) {
				$config['loading']['strategy'] = 'interaction';
				$config['loading']['maxDelay'] = 9;
				return $config;
			}
		);
		$this->assertSame(
			array(
				'src'      => 'https://js.qualified.com/qualified.js?token=Tok3n',
				'strategy' => 'interaction',
				'maxDelay' => 9,
			),
			$this->loading_part( '/' )
		);
		remove_all_filters( 'qualified_integration_page_config' );
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ) {
				$config['loading'] = array(
					'src'      => 'javascript:alert(1)',
					'strategy' => 'immediate',
				);
				return $config;
			}
		);
		$this->assertSame( 'idle', $this->loading_part( '/' )['strategy'] ?? null, 'A part the runtime cannot follow is replaced by PHP\'s.' );
		$this->assertStringNotContainsString( 'javascript:', $this->head_of( '/' ) );
	}

	public function test_the_printed_config_is_what_build_gives_with_a_strategy(): void {
		$this->loading( 'consent', 0, 'preferences' );
		$printed  = $this->printed_config_json( '/' );
		$settings = Plugin::instance()->settings->get();
		$this->assertSame( wp_json_encode( \QualifiedIntegration\Frontend\PageConfig::build( $settings ), Loader::JSON_FLAGS ), $printed );
	}
}
