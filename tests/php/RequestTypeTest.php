<?php
/**
 * Which requests register what editors and API clients read.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\RequestType;

/**
 * RequestType tells page views from admin screens and REST requests on init.
 */
final class RequestTypeTest extends TestCase {

	public function test_a_page_view_is_not_an_editing_request(): void {
		foreach ( array( '/', '/hello-world/', '/?p=1', '/blog/json-tips/', '/wp-jsonx/' ) as $uri ) {
			$_SERVER['REQUEST_URI'] = $uri;
			$this->assertFalse( RequestType::edits(), $uri );
		}
	}

	public function test_rest_urls_are_editing_requests_before_parse_request(): void {
		$prefix = rest_get_url_prefix();
		foreach ( array( "/{$prefix}/", "/{$prefix}", "/{$prefix}/wp/v2/settings", "/blog/{$prefix}/wp/v2/posts/1?context=edit" ) as $uri ) {
			$_SERVER['REQUEST_URI'] = $uri;
			$this->assertTrue( RequestType::edits(), $uri );
		}
		$_SERVER['REQUEST_URI'] = '/?rest_route=/wp/v2/settings';
		$_GET['rest_route']     = '/wp/v2/settings';
		$this->assertTrue( RequestType::edits(), 'Plain permalinks route REST through ?rest_route=.' );
	}

	public function test_an_admin_screen_is_an_editing_request(): void {
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		set_current_screen( 'dashboard' );
		$this->assertTrue( RequestType::edits() );
	}
}
