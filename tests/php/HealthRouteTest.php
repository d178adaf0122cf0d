<?php
/**
 * Site Health: the REST route of the async tests.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\CspHealth;
use QualifiedIntegration\Health\HealthRoute;
use QualifiedIntegration\Health\LoaderHealth;
use QualifiedIntegration\Health\OptimizerHealth;
use QualifiedIntegration\Health\SnippetHealth;
use QualifiedIntegration\Health\TokenHealth;
use QualifiedIntegration\Plugin;
use WP_REST_Request;
use WP_Site_Health;

/**
 * Site Health's screen asks each async test's URL through the REST API.
 */
final class HealthRouteTest extends TestCase {

	use HealthLoopback;

	/**
	 * Qualified configured, so every test applies.
	 */
	protected function set_up() {
		parent::set_up();
		$this->loopbacks = array();
		$this->store_settings( array( 'token' => 'AbCd1234EfGh5678' ) );
	}

	/**
	 * GETs a test's route.
	 *
	 * @param string $slug Test slug.
	 * @return \WP_REST_Response
	 */
	private function get( string $slug ) {
		return rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/' . HealthRoute::NAMESPACE . HealthRoute::BASE . $slug ) );
	}

	public function test_the_slugs_are_the_tests_slugs(): void {
		$this->assertSame( array( CspHealth::SLUG, LoaderHealth::SLUG, SnippetHealth::SLUG ), HealthRoute::SLUGS );
		$this->assertSame( HealthRoute::SLUGS, array_keys( ( new HealthRoute( Plugin::instance()->settings ) )->tests() ) );
	}

	public function test_site_health_lists_every_qualified_test(): void {
		require_once ABSPATH . 'wp-admin/includes/class-wp-site-health.php';
		$tests = WP_Site_Health::get_tests();
		foreach ( array( 'qualified_integration_settings', TokenHealth::TEST, OptimizerHealth::TEST ) as $test ) {
			$this->assertArrayHasKey( $test, $tests['direct'], $test );
		}
		$async = array(
			CspHealth::TEST     => 'csp',
			LoaderHealth::TEST  => 'loader',
			SnippetHealth::TEST => 'snippets',
		);
		foreach ( $async as $test => $slug ) {
			$this->assertArrayHasKey( $test, $tests['async'], $test );
			$this->assertSame( rest_url( 'qualified-integration/v1/site-health/' . $slug ), $tests['async'][ $test ]['test'] );
			$this->assertTrue( $tests['async'][ $test ]['has_rest'] );
			$this->assertIsCallable( $tests['async'][ $test ]['async_direct_test'] );
		}
	}

	public function test_an_administrator_gets_each_result_from_the_route(): void {
		$this->serve_home_page();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$async = array(
			'csp'      => CspHealth::TEST,
			'loader'   => LoaderHealth::TEST,
			'snippets' => SnippetHealth::TEST,
		);
		foreach ( $async as $slug => $test ) {
			$response = $this->get( $slug );
			$this->assertSame( 200, $response->get_status(), $slug );
			$data = $response->get_data();
			$this->assertSame( $test, $data['test'] );
			$this->assertSame( 'good', $data['status'], $slug . ': ' . $data['description'] );
			$this->assertSame( 'Qualified', $data['badge']['label'] );
		}
		$this->assertCount( 3, $this->loopbacks, 'One loopback per REST request.' );
	}

	public function test_the_tests_of_one_request_share_one_loopback(): void {
		$this->serve_home_page();
		$tests = ( new HealthRoute( Plugin::instance()->settings ) )->tests();
		foreach ( $tests as $test ) {
			$test->run();
		}
		$this->assertCount( 1, $this->loopbacks );
	}

	public function test_users_who_may_not_view_site_health_are_refused(): void {
		$this->serve_home_page();
		$this->assertSame( 401, $this->get( 'loader' )->get_status() );
		wp_set_current_user( $this->create_user( 'editor' ) );
		$this->assertSame( 403, $this->get( 'loader' )->get_status() );
		$this->assertSame( array(), $this->loopbacks, 'Refused before any request.' );
	}

	public function test_an_unknown_test_is_not_a_route(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertSame( 404, $this->get( 'token' )->get_status() );
	}

	public function test_the_settings_routes_still_register_beside_it(): void {
		$routes = rest_get_server()->get_routes();
		$this->assertArrayHasKey( '/qualified-integration/v1/settings', $routes );
		$this->assertArrayHasKey( '/qualified-integration/v1/site-health/(?P<test>csp|loader|snippets)', $routes );
	}
}
