<?php
/**
 * The home page as the Site Health loopback gets it, in-process.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\HomePage;
use QualifiedIntegration\Plugin;

/**
 * The PHPUnit sites are loaded in-process and never served, so the Site
 * Health loopback is answered through pre_http_request with the home page
 * WordPress really renders: the main query for "/", then the active theme's
 * template through core's template loader (the theme's <head>, wp_head(),
 * its blocks and wp_footer()), as a logged-out visitor, as the loopback is.
 */
trait HealthLoopback {

	/**
	 * Requests answered: URL and arguments.
	 *
	 * @var array<int, array{string, array<string, mixed>}>
	 */
	private $loopbacks = array();

	/**
	 * Renders the home page with the active theme, as a logged-out visitor.
	 *
	 * @return string The whole document.
	 */
	protected function render_home_page(): string {
		$user = get_current_user_id();
		wp_set_current_user( 0 );
		$this->go_to( '/' );
		$_SERVER['REQUEST_METHOD'] = 'GET';
		$GLOBALS['wp_scripts']     = null;
		$GLOBALS['wp_styles']      = null;
		Plugin::instance()->loader->reset();

		// index.php defines WP_USE_THEMES; a test cannot (a constant would outlive it). The canonical
		// redirect compares the test host with the site URL and would send headers.
		add_filter( 'wp_using_themes', '__return_true' );
		add_filter( 'redirect_canonical', '__return_false' );
		ob_start();
		require ABSPATH . WPINC . '/template-loader.php';
		$html = (string) ob_get_clean();
		remove_filter( 'wp_using_themes', '__return_true' );
		remove_filter( 'redirect_canonical', '__return_false' );

		wp_set_current_user( $user );
		$this->assertStringContainsString( '</html>', $html, 'The theme rendered a whole document.' );
		return $html;
	}

	/**
	 * Answers the loopback request for the home page with this page.
	 *
	 * @param string                         $html    Response body.
	 * @param array<string, string|string[]> $headers Response headers.
	 * @param int                            $code    HTTP status.
	 */
	protected function answer_home_page( string $html, array $headers = array(), int $code = 200 ): void {
		add_filter(
			'pre_http_request',
			function ( $pre, $args, $url ) use ( $html, $headers, $code ) {
				if ( HomePage::url() !== $url ) {
					return $pre;
				}
				$this->loopbacks[] = array( $url, $args );
				return array(
					'headers'  => $headers,
					'body'     => $html,
					'response' => array(
						'code'    => $code,
						'message' => get_status_header_desc( $code ),
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
	 * Answers the loopback with the home page as rendered now.
	 */
	protected function serve_home_page(): void {
		$this->answer_home_page( $this->render_home_page() );
	}

	/**
	 * Makes the loopback fail as an unreachable host does.
	 *
	 * @param string $message Error message.
	 */
	protected function fail_loopback( string $message = 'cURL error 7: Failed to connect to 127.0.0.1 port 9' ): void {
		add_filter(
			'pre_http_request',
			function ( $pre, $args, $url ) use ( $message ) {
				$this->loopbacks[] = array( $url, $args );
				return new \WP_Error( 'http_request_failed', $message );
			},
			10,
			3
		);
	}
}
