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
 * The block qualified-integration/button is registered on init from its
 * built block.json, with its editor script and its stylesheet.
 */
final class ButtonBlockTest extends TestCase {

	/**
	 * The registered block type.
	 *
	 * @return WP_Block_Type
	 */
	private function block_type(): WP_Block_Type {
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
		// The test case's reset dropped the assets registered on init: register the block again.
		unregister_block_type( ButtonBlock::NAME );
		( new ButtonBlock() )->register_block();
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
		$html    = '<div class="wp-block-qualified-integration-button"><a class="wp-block-button__link wp-element-button qualified-open" href="/contact/">Chat with us</a></div>';
		$content = '<!-- wp:qualified-integration/button {"fallback":"/contact/"} -->' . "\n" . $html . "\n" . '<!-- /wp:qualified-integration/button -->';
		$this->assertSame( $html, trim( do_blocks( $content ) ) );
	}
}
