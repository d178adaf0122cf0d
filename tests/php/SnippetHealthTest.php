<?php
/**
 * Site Health: another Qualified snippet on the home page (double load).
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\HealthRoute;
use QualifiedIntegration\Health\HomePage;
use QualifiedIntegration\Health\PageScripts;
use QualifiedIntegration\Health\SnippetHealth;
use QualifiedIntegration\Plugin;

/**
 * The loopback is answered with the home page the active theme renders,
 * with the vendor's snippet pasted where site owners paste it.
 */
final class SnippetHealthTest extends TestCase {

	use HealthLoopback;

	const TOKEN = 'AbCd1234EfGh5678';

	/**
	 * Qualified's install snippet, as the vendor gives it to paste.
	 *
	 * @param string $token Site token.
	 * @return string
	 */
	private static function vendor_snippet( string $token ): string {
		return "<!-- Qualified -->\n<script>\n(function(w,q){w['QualifiedObject']=q;w[q]=w[q]||function(){\n(w[q].q=w[q].q||[]).push(arguments)};})(window,'qualified')\n</script>\n"
			. '<script async src="https://js.qualified.com/qualified.js?token=' . $token . "\"></script>\n<!-- End Qualified -->\n"; // phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- Markup under test, not a script to load.
	}

	/**
	 * Qualified configured, so the test applies.
	 */
	protected function set_up() {
		parent::set_up();
		$this->loopbacks = array();
		$this->store_settings( array( 'token' => self::TOKEN ) );
	}

	/**
	 * Runs the test as Site Health does (its async_direct_test).
	 *
	 * @return array<string, mixed>
	 */
	private function run_test(): array {
		return ( new SnippetHealth( Plugin::instance()->settings, new HomePage() ) )->run();
	}

	/**
	 * Pastes the snippet into the head, as a classic theme's header.php or a header-scripts plugin does.
	 *
	 * @param string $token Token in the snippet.
	 */
	private function paste_in_head( string $token ): void {
		add_action(
			'wp_head',
			static function () use ( $token ) {
				echo self::vendor_snippet( $token ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- The pasted snippet, as a theme prints it.
			}
		);
	}

	public function test_added_async_only_while_qualified_is_configured(): void {
		$health = new SnippetHealth( Plugin::instance()->settings, new HomePage() );
		$this->assertSame( HealthRoute::url( 'snippets' ), $health->add_test( array() )['async'][ SnippetHealth::TEST ]['test'] );
		$this->store_settings( array( 'token' => '' ) );
		$this->assertArrayNotHasKey( 'async', $health->add_test( array() ) );
	}

	public function test_only_the_plugins_loader_is_good(): void {
		$this->serve_home_page();
		$result = $this->run_test();
		$this->assertSame( 'good', $result['status'], $result['description'] );
		$this->assertSame( 'No other Qualified snippet is on your home page', $result['label'] );
		$this->assertStringContainsString( 'Google Tag Manager', $result['description'] );
	}

	public function test_a_snippet_pasted_in_the_theme_head_is_a_double_load(): void {
		$this->paste_in_head( self::TOKEN );
		$this->serve_home_page();

		$result = $this->run_test();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertSame( 'Qualified is loaded twice on your home page', $result['label'] );
		$this->assertStringContainsString( '<li>an inline script that sets up QualifiedObject', $result['description'] );
		$this->assertStringContainsString( '<li>a script tag that loads https://js.qualified.com/qualified.js, with the token AbCd… (the same as in the settings)</li>', $result['description'] );
		$this->assertStringNotContainsString( self::TOKEN, $result['description'], 'The token is masked.' );
		$this->assertStringContainsString( 'header.php or functions.php', $result['actions'] );
		$this->assertStringContainsString( 'WPCode', $result['actions'] );
	}

	public function test_a_snippet_in_the_front_pages_html_block_with_another_token(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$front = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Home',
				'post_content' => "<!-- wp:html -->\n" . self::vendor_snippet( 'Other9876Token00' ) . '<!-- /wp:html -->',
			)
		);
		$this->assertIsInt( $front );
		update_option( 'show_on_front', 'page' );
		update_option( 'page_on_front', $front );
		$this->serve_home_page();

		$result = $this->run_test();
		$this->assertSame( 'critical', $result['status'], $result['description'] );
		$this->assertStringContainsString( 'with the token Othe… (not the token in the settings)', $result['description'] );
		$this->assertStringContainsString( 'Custom HTML block', $result['actions'] );
	}

	public function test_the_other_snippet_alone_is_recommended(): void {
		$this->store_settings(
			array(
				'experiences' => array(
					'spa'   => true,
					'rules' => array(
						array(
							'id'   => 'everywhere',
							'when' => array(),
							'then' => array( 'action' => 'hide' ),
						),
					),
				),
			)
		);
		$this->paste_in_head( self::TOKEN );
		$this->serve_home_page();

		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertSame( 'Another Qualified snippet is on your home page', $result['label'] );
		$this->assertStringContainsString( 'without the plugin&#039;s settings', $result['description'] );
	}

	public function test_the_plugins_tags_without_their_ids_are_still_the_plugins(): void {
		// An optimiser that merges inline scripts drops their IDs; the stub's code and the config still say whose they are.
		$drop_id = static function ( $attributes ) {
			unset( $attributes['id'] );
			return $attributes;
		};
		add_filter( 'wp_inline_script_attributes', $drop_id );
		$html = $this->render_home_page();
		$this->assertStringContainsString( 'QualifiedObject', $html );
		$this->assertStringNotContainsString( 'id="qualified-integration-stub"', $html );
		$this->assertSame( array(), SnippetHealth::others( PageScripts::all( $html ) ) );
	}

	public function test_what_counts_as_another_snippet(): void {
		$others = SnippetHealth::others(
			PageScripts::all(
				'<script type="application/ld+json">{"url":"https://js.qualified.com/qualified.js"}</script>'
				. '<script src="https://js.qualified.com/other.js"></script>' // phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- Markup under test, not a script to load.
				. '<script async src="//JS.Qualified.com/qualified.js?token=Proto1234567"></script>' // phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- Markup under test, not a script to load.
				. '<script>var s=document.createElement("script");s.src="https:\/\/js.qualified.com\/qualified.js?token=Inline123456";document.head.appendChild(s);</script>'
			)
		);
		$this->assertSame(
			array(
				array(
					'kind'  => 'tag',
					'src'   => '//JS.Qualified.com/qualified.js?token=Proto1234567',
					'token' => 'Proto1234567',
				),
				array(
					'kind'  => 'inline_loader',
					'src'   => '',
					'token' => 'Inline123456',
				),
			),
			$others
		);
	}

	public function test_a_replaced_script_base_counts_as_qualified_js(): void {
		add_filter(
			'qualified_integration_script_url',
			static function () {
				return 'https://cdn.example.net/q/qualified.js';
			}
		);
		$this->assertTrue( SnippetHealth::is_vendor_script( 'https://cdn.example.net/q/qualified.js?token=X' ) );
		$this->assertTrue( SnippetHealth::is_vendor_script( 'https://js.qualified.com/qualified.js' ) );
		$this->assertFalse( SnippetHealth::is_vendor_script( 'https://cdn.example.net/q/other.js' ) );

		$this->serve_home_page();
		$this->assertSame( 'good', $this->run_test()['status'], 'The plugin\'s own tag with the replaced base is still the plugin\'s.' );
	}

	public function test_a_failed_loopback_is_recommended(): void {
		$this->fail_loopback();
		$result = $this->run_test();
		$this->assertSame( 'recommended', $result['status'] );
		$this->assertStringContainsString( 'cURL error 7', $result['description'] );
	}
}
