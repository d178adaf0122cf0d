<?php
/**
 * Site Health test of the site's Content Security Policy.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\CspHealth;
use QualifiedIntegration\Health\CspHosts;
use QualifiedIntegration\Health\CspPolicy;
use QualifiedIntegration\Health\HealthRoute;
use QualifiedIntegration\Health\HomePage;
use QualifiedIntegration\Plugin;
use WP_Error;

/**
 * The CSP test asks the home page (answered here through pre_http_request;
 * the tests of the loader tags answer it with the home page rendered in-process).
 */
final class CspHealthTest extends TestCase {

	const NONCE = 'N0nceF0rTh1sPage';

	/**
	 * Requests the test made: URL and arguments.
	 *
	 * @var array<int, array{string, array<string, mixed>}>
	 */
	private $requests = array();

	/**
	 * Qualified configured, so the test applies.
	 */
	protected function set_up() {
		parent::set_up();
		$this->requests = array();
		$this->store_settings( array( 'token' => 'Tok3n' ) );
	}

	/**
	 * Answers the loopback request with these headers and body (or an error).
	 *
	 * @param array<string, mixed>|WP_Error $headers Response headers, or the error.
	 * @param string                        $body    Response body.
	 */
	private function respond( $headers, string $body = '<!doctype html><title>Home</title>' ): void {
		add_filter(
			'pre_http_request',
			function ( $pre, $args, $url ) use ( $headers, $body ) {
				$this->requests[] = array( $url, $args );
				if ( $headers instanceof WP_Error ) {
					return $headers;
				}
				return array(
					'headers'  => $headers,
					'body'     => $body,
					'response' => array(
						'code'    => 200,
						'message' => 'OK',
					),
					'cookies'  => array(),
					'filename' => null,
				);
			},
			10,
			3
		);
	}

	/**
	 * Runs the test as Site Health does.
	 *
	 * @return array<string, mixed>
	 */
	private function run_test(): array {
		return ( new CspHealth( Plugin::instance()->settings ) )->run();
	}

	/**
	 * Tells core's script printing to give every tag this nonce, as a CSP plugin would.
	 */
	private function hook_nonce(): void {
		$add = static function ( $attributes ) {
			$attributes['nonce'] = self::NONCE;
			return $attributes;
		};
		add_filter( 'wp_script_attributes', $add );
		add_filter( 'wp_inline_script_attributes', $add );
	}

	/**
	 * The part of a description before the hosts list (what is blocked).
	 *
	 * @param string $description Result description.
	 * @return string
	 */
	private static function blocked_part( string $description ): string {
		return substr( $description, 0, (int) strpos( $description, 'If your site sends' ) );
	}

	public function test_added_only_while_qualified_is_configured(): void {
		$health = new CspHealth( Plugin::instance()->settings );
		$this->assertArrayHasKey( CspHealth::TEST, $health->add_test( array() )['async'] );

		$this->store_settings( array( 'token' => '' ) );
		$this->assertArrayNotHasKey( 'async', $health->add_test( array() ) );
		$this->store_settings(
			array(
				'token'   => 'Tok3n',
				'enabled' => false,
			)
		);
		$this->assertArrayNotHasKey( 'async', $health->add_test( array() ) );
	}

	public function test_the_plugin_adds_it_when_site_health_asks(): void {
		$tests = apply_filters( 'site_status_tests', array() );
		$this->assertArrayHasKey( CspHealth::TEST, $tests['async'], 'An async test: the screen does not wait for the loopback.' );
		$this->assertSame( HealthRoute::url( CspHealth::SLUG ), $tests['async'][ CspHealth::TEST ]['test'] );
		$this->assertTrue( $tests['async'][ CspHealth::TEST ]['has_rest'] );
		$this->assertIsCallable( $tests['async'][ CspHealth::TEST ]['async_direct_test'] );
		$this->assertArrayHasKey( 'qualified_integration_settings', $tests['direct'], 'Beside the settings test.' );
	}

	public function test_no_policy_is_good_and_the_hosts_are_listed(): void {
		$this->respond( array( 'content-type' => 'text/html' ) );
		$result = $this->run_test();

		$this->assertSame( 'good', $result['status'] );
		$this->assertSame( 'No Content Security Policy limits Qualified', $result['label'] );
		$this->assertSame( CspHealth::TEST, $result['test'] );
		foreach ( CspHosts::by_directive() as $directive => $origins ) {
			$this->assertStringContainsString( '<code>' . $directive . '</code> ' . esc_html( implode( ' ', $origins ) ), $result['description'] );
		}
		$this->assertStringContainsString( 'https://js.qualified.com', $result['description'] );

		$this->assertCount( 1, $this->requests );
		list( $url, $args ) = $this->requests[0];
		$this->assertSame( home_url( '/' ), $url );
		$this->assertSame( HomePage::TIMEOUT, $args['timeout'] );
		$this->assertFalse( $args['sslverify'], 'As core\'s loopbacks.' );
		$this->assertArrayNotHasKey( 'cookies', array_filter( $args ), 'Asked as an anonymous visitor.' );
	}

	public function test_a_policy_that_allows_every_host_is_good(): void {
		$this->respond( array( 'content-security-policy' => "default-src 'self'; script-src 'self' 'unsafe-inline' https://js.qualified.com; connect-src 'self' https://*.qualified.com wss://*.qualified.com; frame-src https://*.qualified.com; img-src 'self' data: https://*.qualified.com" ) );
		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'], $result['description'] );
		$this->assertSame( 'Your Content Security Policy allows Qualified', $result['label'] );
	}

	public function test_a_blocking_policy_is_recommended_with_what_it_blocks(): void {
		$this->respond( array( 'content-security-policy' => "default-src 'self'; connect-src 'self' https://*.qualified.com" ) );
		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'Your Content Security Policy blocks parts of Qualified', $result['label'] );
		$blocked = self::blocked_part( $result['description'] );
		$this->assertStringContainsString( '<li><code>script-src (from default-src)</code> https://js.qualified.com</li>', $blocked );
		$this->assertStringContainsString( '<li><code>connect-src</code> wss://*.qualified.com</li>', $blocked );
		$this->assertStringNotContainsString( '<code>connect-src</code> https://*.qualified.com', $blocked, 'Allowed, so not listed.' );
		$this->assertStringContainsString( '<li><code>frame-src (from default-src)</code> https://*.qualified.com</li>', $blocked );
		$this->assertStringContainsString( '<li><code>img-src (from default-src)</code> https://*.qualified.com</li>', $blocked );
	}

	public function test_report_only_policies_block_nothing(): void {
		$this->respond( array( 'content-security-policy-report-only' => "default-src 'none'" ) );
		$this->assertSame( 'good', $this->run_test()['status'] );
	}

	public function test_every_header_and_every_policy_in_it_applies(): void {
		$this->respond( array( 'content-security-policy' => array( 'default-src *', "img-src https:, frame-src 'self'" ) ) );
		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( '<li><code>frame-src</code> https://*.qualified.com</li>', self::blocked_part( $result['description'] ) );
		$this->assertStringNotContainsString( '<li><code>img-src', self::blocked_part( $result['description'] ) );
	}

	public function test_a_meta_policy_in_the_page_applies(): void {
		$this->respond( array(), '<!doctype html><head><meta http-equiv="Content-Security-Policy" content="connect-src \'self\'"></head>' );
		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( '<li><code>connect-src</code> https://*.qualified.com</li>', self::blocked_part( $result['description'] ) );
	}

	public function test_a_failed_request_is_reported(): void {
		$this->respond( new WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect' ) );
		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'Qualified could not check your Content Security Policy', $result['label'] );
		$this->assertStringContainsString( 'cURL error 7', $result['description'] );
		$this->assertStringContainsString( 'wss://*.qualified.com', $result['description'], 'The hosts are listed anyway.' );
	}

	public function test_a_replaced_script_base_is_the_host_asked_for(): void {
		add_filter(
			'qualified_integration_script_url',
			static function () {
				return 'https://cdn.example.net:8443/q/qualified.js';
			}
		);
		$this->assertSame( array( 'https://cdn.example.net:8443' ), CspHosts::by_directive()['script-src'] );
		$this->respond( array( 'content-security-policy' => 'script-src https://js.qualified.com' ) );
		$this->assertStringContainsString( '<li><code>script-src</code> https://cdn.example.net:8443</li>', $this->run_test()['description'] );
	}

	/**
	 * The nonce a CSP plugin hands core's script filters reaches every tag
	 * the plugin prints: the stub, the config, qualified.js and the runtime.
	 */
	public function test_every_plugin_script_tag_carries_the_nonce_core_supplies(): void {
		$this->hook_nonce();
		$scripts = CspHealth::plugin_scripts( $this->render_head() );

		$labels = wp_list_pluck( $scripts, 'label' );
		$this->assertCount( 4, $scripts, 'Stub, config, qualified.js and runtime: ' . implode( '; ', $labels ) );
		foreach ( $scripts as $script ) {
			$this->assertSame( self::NONCE, $script['nonce'], $script['label'] . ' carries the nonce.' );
		}
		$this->assertSame( '', $scripts[0]['src'], 'The stub is inline.' );
		$this->assertStringContainsString( 'QualifiedObject', $scripts[0]['text'] );
	}

	public function test_a_nonce_policy_is_good_when_the_tags_carry_its_nonce(): void {
		$policy = "script-src 'nonce-" . self::NONCE . "' 'strict-dynamic'; connect-src https://*.qualified.com wss://*.qualified.com; frame-src https://*.qualified.com; img-src https://*.qualified.com";

		$this->hook_nonce();
		$this->respond( array( 'content-security-policy' => $policy ), $this->render_head() );
		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'], $result['description'] );
	}

	public function test_a_nonce_policy_blocks_tags_without_it(): void {
		$policy = "script-src 'nonce-" . self::NONCE . "' 'strict-dynamic'; connect-src https://*.qualified.com wss://*.qualified.com; frame-src https://*.qualified.com; img-src https://*.qualified.com";
		$this->respond( array( 'content-security-policy' => $policy ), $this->render_head() );
		$result = $this->run_test();

		$this->assertSame( 'recommended', $result['status'] );
		foreach ( array( 'the inline Qualified stub', 'the inline page configuration', 'qualified.js (its tag)', 'the plugin&#039;s runtime script' ) as $label ) {
			$this->assertStringContainsString( $label, $result['description'] );
		}
		$this->assertStringNotContainsString( '</code> https://js.qualified.com</li>', self::blocked_part( $result['description'] ), 'Under strict-dynamic the host is not what blocks.' );
	}

	public function test_unsafe_inline_lets_the_inline_scripts_run_without_a_nonce(): void {
		$policies = CspPolicy::from_headers( array( "script-src 'self' 'unsafe-inline' https://js.qualified.com" ) );
		$scripts  = CspHealth::plugin_scripts( $this->render_head() );
		$this->assertSame( array(), CspHealth::blocked( $policies, $scripts, home_url() ) );
	}

	public function test_a_page_without_the_plugin_scripts_is_checked_by_hosts_only(): void {
		$this->respond( array( 'content-security-policy' => "script-src 'nonce-abc' 'strict-dynamic'" ) );
		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'] );
		$this->assertStringContainsString( 'were not on the home page', $result['description'] );
	}
}
