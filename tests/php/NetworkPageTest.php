<?php
/**
 * The Network Admin screen.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Network\NetworkPage;
use QualifiedIntegration\Network\NetworkSettings;

/**
 * Network Admin -> Settings -> Qualified: the app's mount point and the locks form.
 *
 * @group multisite
 */
final class NetworkPageTest extends NetworkTestCase {

	/**
	 * The screen's HTML.
	 *
	 * @return string
	 */
	private static function render(): string {
		require_once ABSPATH . 'wp-admin/includes/template.php'; // submit_button(), loaded on every admin screen.
		ob_start();
		( new NetworkPage() )->render();
		return (string) ob_get_clean();
	}

	public function test_the_screen_shows_the_app_and_a_lock_checkbox_per_field(): void {
		$this->assertIsArray( NetworkSettings::update( array( 'token' => 'NetTok1' ), array( 'token' ) ) );
		$this->log_in_network_admin();
		$html = self::render();
		$this->assertStringContainsString( 'id="qualified-integration-settings"', $html, 'The React app mounts here.' );
		$this->assertStringContainsString( 'action=' . NetworkPage::ACTION, $html );
		$this->assertStringContainsString( 'name="_wpnonce"', $html, 'The locks form carries a nonce.' );
		$this->assertMatchesRegularExpression( '/name="qualified_locked\[\]" value="token" checked/', $html );
		$this->assertMatchesRegularExpression( '/name="qualified_locked\[\]" value="excludeRoles">/', $html );
		$this->assertStringContainsString( 'name="qualified_reset[]" value="token"', $html, 'A field with a network value can drop it.' );
		$this->assertStringNotContainsString( 'name="qualified_reset[]" value="excludeRoles"', $html );
	}

	public function test_a_site_administrator_gets_nothing(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertSame( '', self::render() );
	}
}
