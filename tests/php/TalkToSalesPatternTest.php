<?php
/**
 * Tests for the "Talk to sales" block pattern.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Blocks\ButtonBlock;
use QualifiedIntegration\Blocks\ButtonMarkup;
use QualifiedIntegration\Blocks\TalkToSalesPattern;
use WP_Block_Patterns_Registry;
use WP_Block_Type_Registry;

/**
 * The pattern is registered on init with the button block inside, and that
 * button's markup is what the block's save() writes (the fixture's "Talk to
 * sales" case), so the editor opens it without a validation error.
 */
final class TalkToSalesPatternTest extends TestCase {

	/**
	 * Registers it as a REST request (the editors' pattern list) does: the block first.
	 */
	public function set_up(): void {
		parent::set_up();
		( new ButtonBlock() )->register_block();
		( new TalkToSalesPattern() )->add();
	}

	public function test_the_pattern_is_registered_for_the_rest_api_and_the_admin_only(): void {
		$registry = WP_Block_Patterns_Registry::get_instance();
		$registry->unregister( TalkToSalesPattern::NAME );
		$pattern = new TalkToSalesPattern();
		$pattern->register();

		$pattern->add_in_admin();
		$this->assertFalse( $registry->is_registered( TalkToSalesPattern::NAME ), 'not on a page view' );
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		set_current_screen( 'edit-page' );
		$pattern->add_in_admin();
		$this->assertTrue( $registry->is_registered( TalkToSalesPattern::NAME ), 'in the admin' );
		unset( $GLOBALS['current_screen'] );

		$registry->unregister( TalkToSalesPattern::NAME );
		do_action( 'rest_api_init', rest_get_server() );
		$this->assertTrue( $registry->is_registered( TalkToSalesPattern::NAME ), 'for the REST API' );
	}

	public function test_the_pattern_is_registered(): void {
		$pattern = WP_Block_Patterns_Registry::get_instance()->get_registered( TalkToSalesPattern::NAME );
		$this->assertIsArray( $pattern );
		$this->assertSame( 'Talk to sales', $pattern['title'] );
		$this->assertSame( array( 'call-to-action' ), $pattern['categories'] );
		$this->assertSame( TalkToSalesPattern::content(), $pattern['content'] );
	}

	public function test_its_content_parses_to_a_group_holding_the_button(): void {
		$blocks = array_values(
			array_filter(
				parse_blocks( TalkToSalesPattern::content() ),
				static function ( array $block ): bool {
					return null !== $block['blockName'];
				}
			)
		);
		$this->assertCount( 1, $blocks );
		$this->assertSame( 'core/group', $blocks[0]['blockName'] );

		$inner = $blocks[0]['innerBlocks'];
		$this->assertSame( array( 'core/heading', 'core/paragraph', ButtonBlock::NAME ), array_column( $inner, 'blockName' ) );
		$button = $inner[2];
		$this->assertSame( array(), $button['attrs'] );
		$this->assertSame(
			'<div class="wp-block-qualified-integration-button" hidden><button type="button" class="wp-block-button__link wp-element-button qualified-open">Chat with sales</button></div>',
			trim( $button['innerHTML'] )
		);
		$this->assertSame( ButtonMarkup::render( array( 'label' => 'Chat with sales' ) ), trim( $button['innerHTML'] ) );
	}

	public function test_the_button_is_the_fixture_case_save_is_tested_with(): void {
		$json  = file_get_contents( dirname( __DIR__ ) . '/fixtures/button-markup.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		$cases = array_column( (array) json_decode( (string) $json, true ), null, 'name' );
		$case  = $cases["the Talk to sales pattern's button"];
		$this->assertSame( array( 'label' => 'Chat with sales' ), $case['attributes'] );
		$this->assertStringContainsString( "\n" . $case['html'] . "\n", TalkToSalesPattern::content() );
	}

	public function test_without_the_block_there_is_no_pattern(): void {
		$patterns = WP_Block_Patterns_Registry::get_instance();
		$patterns->unregister( TalkToSalesPattern::NAME );
		unregister_block_type( ButtonBlock::NAME );
		try {
			( new TalkToSalesPattern() )->add();
			$this->assertFalse( $patterns->is_registered( TalkToSalesPattern::NAME ) );
		} finally {
			( new ButtonBlock() )->register_block();
			( new TalkToSalesPattern() )->add();
		}
		$this->assertTrue( WP_Block_Type_Registry::get_instance()->is_registered( ButtonBlock::NAME ) );
		$this->assertTrue( $patterns->is_registered( TalkToSalesPattern::NAME ) );
	}
}
