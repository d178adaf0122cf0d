<?php
/**
 * Tests for the [qualified_button] shortcode and its markup.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Blocks\ButtonBlock;
use QualifiedIntegration\Blocks\ButtonMarkup;
use QualifiedIntegration\Blocks\ButtonShortcode;

/**
 * The shortcode renders what the button block's save() writes, for every
 * case of tests/fixtures/button-markup.json (tests/js/button-save.test.ts
 * runs the same cases through save()), and escapes hostile attributes.
 */
final class ButtonShortcodeTest extends TestCase {

	/**
	 * Registers the shortcode again: PHPUnit copies the variables its bootstrap
	 * file defined into the globals after loading it, and core's shortcodes.php
	 * sets `$shortcode_tags = array()` at its top level, so in the test process
	 * the shortcodes registered while WordPress loaded are gone.
	 */
	protected function set_up() {
		parent::set_up();
		( new ButtonShortcode() )->add();
	}

	/**
	 * The fixture's cases, keyed by name.
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public function data_fixture(): array {
		$json  = file_get_contents( dirname( __DIR__ ) . '/fixtures/button-markup.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		$cases = json_decode( (string) $json, true );
		$data  = array();
		foreach ( (array) $cases as $case ) {
			$data[ $case['name'] ] = array( $case['attributes'], $case['html'] );
		}
		return $data;
	}

	/**
	 * A shortcode with the attributes a block case maps to: the experience
	 * only with the "Start an Experience" action, className as `class`.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @return string
	 */
	private static function shortcode_for( array $attributes ): string {
		$atts = array(
			'label'      => $attributes['label'] ?? '',
			'experience' => 'showExperience' === ( $attributes['action'] ?? '' ) ? ( $attributes['experience'] ?? '' ) : '',
			'fallback'   => $attributes['fallback'] ?? '',
			'width'      => isset( $attributes['width'] ) ? (string) $attributes['width'] : '',
			'class'      => $attributes['className'] ?? '',
		);
		$text = '[' . ButtonShortcode::TAG;
		foreach ( $atts as $name => $value ) {
			$text .= ' ' . $name . '="' . $value . '"';
		}
		return $text . ']';
	}

	/**
	 * ButtonMarkup renders the fixture's markup.
	 *
	 * @dataProvider data_fixture
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @param string               $html       What save() writes for them.
	 */
	public function test_markup_is_what_the_block_saves( array $attributes, string $html ): void {
		$this->assertSame( $html, ButtonMarkup::render( $attributes ) );
	}

	/**
	 * The shortcode renders the fixture's markup.
	 *
	 * @dataProvider data_fixture
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @param string               $html       What save() writes for them.
	 */
	public function test_shortcode_renders_what_the_block_saves( array $attributes, string $html ): void {
		$this->assertSame( $html, do_shortcode( self::shortcode_for( $attributes ) ) );
	}

	public function test_without_attributes_it_opens_the_messenger_with_the_default_label(): void {
		$this->assertSame(
			'<div class="wp-block-qualified-integration-button" hidden><button type="button" class="wp-block-button__link wp-element-button qualified-open">Chat with us</button></div>',
			do_shortcode( '[qualified_button]' )
		);
	}

	public function test_a_hostile_label_loses_its_tags(): void {
		$html = do_shortcode( '[qualified_button label=\'"><script>alert(1)</script>\' fallback="/contact/"]' );
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertSame(
			'<div class="wp-block-qualified-integration-button"><a class="wp-block-button__link wp-element-button qualified-open" href="/contact/">"&gt;alert(1)</a></div>',
			$html
		);
	}

	public function test_a_label_keeps_only_inline_formatting(): void {
		$html = do_shortcode( '[qualified_button label="<em onclick=x>Talk</em> <a href=/x>to</a> <img src=x>sales"]' );
		$this->assertStringContainsString( '><em>Talk</em> to sales</button>', $html );
	}

	public function test_a_javascript_fallback_is_dropped(): void {
		$html = do_shortcode( '[qualified_button fallback="javascript:alert(1)"]' );
		$this->assertStringNotContainsString( 'href', $html );
		$this->assertStringNotContainsString( 'javascript', $html );
		$this->assertStringContainsString( '<div class="wp-block-qualified-integration-button" hidden><button type="button"', $html );
	}

	public function test_a_hostile_class_stays_inside_the_class_attribute(): void {
		$html = do_shortcode( '[qualified_button class=\'x" onclick="y\' fallback="/contact/"]' );
		$this->assertStringNotContainsString( 'onclick=', $html );
		$this->assertStringStartsWith( '<div class="wp-block-qualified-integration-button x onclicky"><a ', $html );
	}

	public function test_a_malformed_experience_is_dropped_and_the_button_opens_the_messenger(): void {
		foreach ( array( 'experience-1"><img src=x onerror=alert(1)>', 'experience-1 2', 'experience-', 'experience-123456789012345678901', 'Experience-1' ) as $name ) {
			$html = do_shortcode( '[qualified_button experience=\'' . $name . '\']' );
			$this->assertStringNotContainsString( 'data-qualified-experience', $html, $name );
			$this->assertStringNotContainsString( '<img', $html, $name );
			$this->assertStringContainsString( 'qualified-open', $html, $name );
		}
	}

	public function test_a_well_formed_experience_is_kept(): void {
		$this->assertStringContainsString(
			'<button type="button" class="wp-block-button__link wp-element-button qualified-open" data-qualified-experience="experience-42">',
			do_shortcode( '[qualified_button experience=" experience-42 "]' )
		);
	}

	public function test_a_width_outside_the_offered_ones_is_ignored(): void {
		$this->assertStringStartsWith( '<div class="wp-block-qualified-integration-button" hidden>', do_shortcode( '[qualified_button width="33"]' ) );
		$this->assertStringStartsWith( '<div class="wp-block-qualified-integration-button has-custom-width wp-block-qualified-integration-button__width-75" hidden>', do_shortcode( '[qualified_button width="75"]' ) );
	}

	public function test_an_empty_label_renders_nothing(): void {
		$this->assertSame( '', do_shortcode( '[qualified_button label=""]' ) );
		$this->assertSame( '', do_shortcode( '[qualified_button label="<script></script>"]' ) );
	}

	public function test_the_shortcode_atts_filter_applies(): void {
		add_filter(
			'shortcode_atts_qualified_button',
			static function ( array $out ): array {
				$out['label'] = 'Filtered';
				return $out;
			}
		);
		$this->assertStringContainsString( '>Filtered</button>', do_shortcode( '[qualified_button]' ) );
	}

	public function test_rendering_enqueues_the_block_stylesheet(): void {
		$this->assertFalse( wp_style_is( ButtonShortcode::STYLE_HANDLE, 'enqueued' ) );

		do_shortcode( '[qualified_button]' );
		$this->assertTrue( wp_style_is( ButtonShortcode::STYLE_HANDLE, 'enqueued' ) );
	}
}
