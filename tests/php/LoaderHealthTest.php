<?php
/**
 * Site Health: the loader on the home page.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Health\HealthRoute;
use QualifiedIntegration\Health\HomePage;
use QualifiedIntegration\Health\LoaderHealth;
use QualifiedIntegration\Plugin;

/**
 * The loopback is answered with the home page the active theme renders.
 */
final class LoaderHealthTest extends TestCase {

	use HealthLoopback;

	/**
	 * Qualified configured, so the test applies.
	 */
	protected function set_up() {
		parent::set_up();
		$this->loopbacks = array();
		$this->store_settings( array( 'token' => 'AbCd1234EfGh5678' ) );
	}

	/**
	 * Runs the test as Site Health does (its async_direct_test).
	 *
	 * @return array<string, mixed>
	 */
	private function run_test(): array {
		return ( new LoaderHealth( Plugin::instance()->settings, new HomePage() ) )->run();
	}

	public function test_added_async_only_while_qualified_is_configured(): void {
		$health = new LoaderHealth( Plugin::instance()->settings, new HomePage() );
		$test   = $health->add_test( array() )['async'][ LoaderHealth::TEST ];
		$this->assertSame( HealthRoute::url( 'loader' ), $test['test'] );
		$this->assertTrue( $test['has_rest'] );
		$this->assertSame( array( $health, 'run' ), $test['async_direct_test'] );

		$this->store_settings( array( 'enabled' => false ) );
		$this->assertArrayNotHasKey( 'async', $health->add_test( array() ) );
	}

	public function test_the_loader_the_theme_renders_is_good(): void {
		$this->serve_home_page();
		$result = $this->run_test();

		$this->assertSame( 'good', $result['status'], $result['description'] );
		$this->assertSame( 'Qualified&#039;s loader is on your home page', esc_html( $result['label'] ) );
		$this->assertSame( LoaderHealth::TEST, $result['test'] );
		$this->assertSame( 'blue', $result['badge']['color'] );
		$this->assertCount( 1, $this->loopbacks );
		list( $url, $args ) = $this->loopbacks[0];
		$this->assertSame( home_url( '/' ), $url );
		$this->assertSame( HomePage::TIMEOUT, $args['timeout'] );
		$this->assertEmpty( $args['cookies'] ?? array(), 'Asked as a logged-out visitor.' );
		$this->assertStringNotContainsString( 'Never load for these roles', $result['description'] );
	}

	public function test_an_excluded_admin_is_told_why_they_do_not_see_it(): void {
		$this->store_settings( array( 'excludeRoles' => array( 'administrator' ) ) );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->serve_home_page();

		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'], 'A logged-out visitor gets the loader.' );
		$this->assertStringContainsString( 'your role is in &quot;Never load for these roles&quot;', $result['description'] );
	}

	public function test_a_cached_page_from_before_the_setup_is_critical_and_names_the_cache(): void {
		$this->store_settings( array( 'enabled' => false ) );
		$stale = $this->render_home_page();
		$this->assertStringNotContainsString( 'qualified-integration-stub', $stale );
		$this->store_settings( array( 'enabled' => true ) );
		$this->answer_home_page(
			$stale,
			array(
				'x-cache' => 'HIT from edge',
				'age'     => '3600',
			)
		);

		$result = $this->run_test();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertSame( 'red', $result['badge']['color'] );
		$this->assertSame( 'Qualified&#039;s loader is not on your home page', esc_html( $result['label'] ) );
		$this->assertStringContainsString( 'id=&quot;qualified-integration-stub&quot;', $result['description'] );
		$this->assertStringContainsString( 'A page cache answered (x-cache: HIT from edge)', $result['description'] );
		$this->assertStringContainsString( 'not the cause: it only concerns logged-in users', $result['description'] );
		$this->assertStringNotContainsString( 'Set on this site', $result['description'] );
		$this->assertStringContainsString( 'page=qualified-integration#general', $result['actions'] );
	}

	public function test_a_front_page_that_hides_qualified_is_expected(): void {
		$front = wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'Welcome & home',
			)
		);
		$this->assertIsInt( $front );
		update_option( 'show_on_front', 'page' );
		update_option( 'page_on_front', $front );
		update_post_meta( $front, PageOverride::META_KEY, array( 'hide' => true ) );
		$this->serve_home_page();

		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'Your front page, &quot;Welcome &amp; home&quot;, is set to hide Qualified', $result['description'] );
	}

	public function test_a_hide_rule_is_named(): void {
		$this->store_settings(
			array(
				'experiences' => array(
					'spa'   => true,
					'rules' => array(
						array(
							'id'    => 'everywhere',
							'label' => 'No chat for now',
							'when'  => array(),
							'then'  => array( 'action' => 'hide' ),
						),
					),
				),
			)
		);
		$this->serve_home_page();

		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'], $result['description'] );
		$this->assertStringContainsString( 'Experience rule 1 (&quot;No chat for now&quot;) hides Qualified', $result['description'] );
		$this->assertStringContainsString( 'page=qualified-integration#experiences', $result['actions'] );
	}

	public function test_a_should_load_filter_is_named(): void {
		add_filter( 'qualified_integration_should_load', '__return_false' );
		$this->serve_home_page();

		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'uses the qualified_integration_should_load filter', $result['description'] );
	}

	public function test_a_page_without_wp_head_is_critical_with_that_cause(): void {
		$this->answer_home_page( '<!doctype html><html><head><title>Down for maintenance</title></head><body><h1>Back soon</h1></body></html>' );

		$result = $this->run_test();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertStringContainsString( 'the theme may not call wp_head()', $result['description'] );
		$this->assertStringContainsString( 'clear every cache', $result['description'], 'No cache header: the general advice.' );
	}

	public function test_tags_a_consent_tool_or_optimiser_retyped_are_recommended(): void {
		$retype = static function ( $attributes ) {
			$attributes['type'] = 'text/plain';
			return $attributes;
		};
		add_filter( 'wp_inline_script_attributes', $retype );
		add_filter( 'wp_script_attributes', $retype );
		$this->serve_home_page();

		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'the inline Qualified stub has type=&quot;text/plain&quot;', $result['description'] );
		$this->assertStringContainsString( 'Qualified and script optimisers', $result['description'] );
	}

	public function test_a_removed_runtime_is_a_missing_part(): void {
		add_action(
			'wp_print_scripts',
			static function () {
				wp_dequeue_script( Loader::RUNTIME_HANDLE );
			}
		);
		$this->serve_home_page();

		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'], $result['description'] );
		$this->assertSame( 'Parts of Qualified&#039;s loader are missing from your home page', esc_html( $result['label'] ) );
		$this->assertStringContainsString( 'id=&quot;qualified-integration-runtime-js&quot;', $result['description'] );
		$this->assertStringNotContainsString( 'id=&quot;qualified-integration-stub&quot;', $result['description'] );
	}

	public function test_a_failed_loopback_is_recommended_with_the_error(): void {
		$this->fail_loopback();
		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'cURL error 7', $result['description'] );
	}

	public function test_a_maintenance_answer_is_recommended_with_the_status(): void {
		$this->answer_home_page( '<html><body>Maintenance</body></html>', array(), 503 );
		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'HTTP status 503', $result['label'] );
	}

	public function test_cache_evidence_reads_hits_and_age(): void {
		$response = static function ( array $headers ): array {
			return array(
				'headers'  => $headers,
				'body'     => '',
				'response' => array( 'code' => 200 ),
			);
		};
		$this->assertSame( '', LoaderHealth::cache_evidence( $response( array( 'x-cache' => 'MISS' ) ) ) );
		$this->assertSame( 'cf-cache-status: HIT', LoaderHealth::cache_evidence( $response( array( 'CF-Cache-Status' => 'HIT' ) ) ) );
		$this->assertSame( 'age: 12', LoaderHealth::cache_evidence( $response( array( 'age' => '12' ) ) ) );
		$this->assertSame( '', LoaderHealth::cache_evidence( $response( array( 'age' => '0' ) ) ) );
	}
}
