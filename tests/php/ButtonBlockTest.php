<?php
/**
 * Tests for the button block's registration.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Blocks\ButtonBlock;
use QualifiedIntegration\Blocks\ButtonShortcode;
use WP_Block_Type;
use WP_Block_Type_Registry;

/**
 * The block qualified-integration/button is registered where blocks are
 * edited (admin, REST API) from its built block.json, with its editor script
 * and its stylesheet; page views render it as saved without registering it.
 */
final class ButtonBlockTest extends TestCase {

	/**
	 * Starts each test with the block unregistered, as on a page view.
	 */
	protected function set_up() {
		parent::set_up();
		self::unregister();
	}

	/**
	 * Leaves the registry as the bootstrap did (a REST test may have registered the block).
	 */
	protected function tear_down() {
		self::unregister();
		unset( $GLOBALS['current_screen'] );
		parent::tear_down();
	}

	/**
	 * Unregisters the block and its stylesheet.
	 */
	private static function unregister(): void {
		if ( WP_Block_Type_Registry::get_instance()->is_registered( ButtonBlock::NAME ) ) {
			unregister_block_type( ButtonBlock::NAME );
		}
		wp_deregister_style( ButtonBlock::STYLE_HANDLE );
	}

	/**
	 * The registered block type (registered as the REST API does).
	 *
	 * @return WP_Block_Type
	 */
	private function block_type(): WP_Block_Type {
		( new ButtonBlock() )->register_block();
		$type = WP_Block_Type_Registry::get_instance()->get_registered( ButtonBlock::NAME );
		$this->assertInstanceOf( WP_Block_Type::class, $type );
		return $type;
	}

	public function test_the_block_is_registered_from_its_build(): void {
		$type = $this->block_type();
		$this->assertSame( 3, $type->api_version );
		$this->assertSame( 'widgets', $type->category );
		$this->assertSame( array( 'open', 'showExperience' ), $type->attributes['action']['enum'] );
		$this->assertSame( 'open', $type->attributes['action']['default'] );
		$this->assertSame( array( 25, 50, 75, 100 ), $type->attributes['width']['enum'] );
		$this->assertSame( 'html', $type->attributes['label']['source'] );
		$this->assertSame( '.wp-block-button__link', $type->attributes['label']['selector'] );
		$this->assertSame( array( 'fill', 'outline' ), array_column( $type->styles, 'name' ) );
	}

	public function test_style_supports_are_serialised_on_the_inner_link(): void {
		$supports = $this->block_type()->supports;
		$this->assertTrue( $supports['anchor'] );
		$this->assertFalse( $supports['align'] );
		foreach ( array( 'color', 'shadow', 'spacing', '__experimentalBorder' ) as $support ) {
			$this->assertTrue( $supports[ $support ]['__experimentalSkipSerialization'], $support );
		}
		$this->assertTrue( $supports['color']['gradients'] );
		$this->assertSame( array( 'horizontal', 'vertical' ), $supports['spacing']['padding'] );
		$this->assertTrue( $supports['typography']['fontSize'] );
		$this->assertContains( 'fontSize', $supports['typography']['__experimentalSkipSerialization'] );
	}

	public function test_the_block_brings_its_script_and_stylesheet(): void {
		$type = $this->block_type();

		$this->assertSame( array( ButtonShortcode::STYLE_HANDLE ), $type->style_handles );
		$this->assertSame( array( 'qualified-integration-button-editor-script' ), $type->editor_script_handles );
		$style = wp_styles()->registered[ ButtonShortcode::STYLE_HANDLE ];
		$this->assertStringEndsWith( '/build/blocks/button/style-index.css', (string) $style->src );
		// Versioned as the plugin, so an update busts caches.
		$this->assertSame( QUALIFIED_INTEGRATION_VERSION, $style->ver );
		$script = wp_scripts()->registered['qualified-integration-button-editor-script'];
		$this->assertStringEndsWith( '/build/blocks/button/index.js', (string) $script->src );
		$this->assertContains( 'wp-block-editor', $script->deps );
		$this->assertContains( 'wp-blocks', $script->deps );
	}

	public function test_saved_block_content_renders_as_saved(): void {
		$this->block_type();
		$this->assertSame( self::HTML, trim( do_blocks( self::CONTENT ) ) );
	}

	/** A saved block with a fallback link. */
	const HTML = '<div class="wp-block-qualified-integration-button is-style-outline"><a class="wp-block-button__link wp-element-button qualified-open has-text-color" style="color:#c00" href="/contact/">Chat with us</a></div>';

	/** The same in post content. */
	const CONTENT = '<!-- wp:qualified-integration/button {"fallback":"/contact/","className":"is-style-outline","style":{"color":{"text":"#c00"}}} -->' . "\n" . self::HTML . "\n" . '<!-- /wp:qualified-integration/button -->';

	public function test_a_page_view_does_not_register_the_block(): void {
		( new ButtonBlock() )->register_for_editing();
		$this->assertFalse( WP_Block_Type_Registry::get_instance()->is_registered( ButtonBlock::NAME ) );

		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		set_current_screen( 'edit-page' );
		( new ButtonBlock() )->register_for_editing();
		$this->assertTrue( WP_Block_Type_Registry::get_instance()->is_registered( ButtonBlock::NAME ), 'Admin screens register it.' );
	}

	public function test_the_rest_api_registers_the_block(): void {
		wp_set_current_user( $this->create_user( 'editor' ) );
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		$this->assertTrue( WP_Block_Type_Registry::get_instance()->is_registered( ButtonBlock::NAME ) );
		$response = rest_get_server()->dispatch( new \WP_REST_Request( 'GET', '/wp/v2/block-types/qualified-integration/button' ) );
		$this->assertSame( 200, $response->get_status(), 'The block editor finds it.' );
	}

	public function test_unregistered_on_a_page_view_it_renders_as_saved_and_brings_its_stylesheet(): void {
		$this->assertFalse( wp_style_is( ButtonBlock::STYLE_HANDLE, 'enqueued' ) );
		$this->assertSame( self::HTML, trim( do_blocks( self::CONTENT ) ), 'Every style support is in the saved markup.' );

		$this->assertFalse( WP_Block_Type_Registry::get_instance()->is_registered( ButtonBlock::NAME ) );
		$this->assertTrue( wp_style_is( ButtonBlock::STYLE_HANDLE, 'enqueued' ) );
		$style = wp_styles()->registered[ ButtonBlock::STYLE_HANDLE ];
		$this->assertStringEndsWith( '/build/blocks/button/style-index.css', (string) $style->src );
		$this->assertSame( QUALIFIED_INTEGRATION_VERSION, $style->ver );
		$this->assertSame( 'replace', $style->extra['rtl'] ?? null );
	}

	public function test_a_page_without_the_block_loads_none_of_its_stylesheet(): void {
		do_blocks( '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->' );
		$this->assertFalse( wp_style_is( ButtonBlock::STYLE_HANDLE, 'enqueued' ) );
	}
}
