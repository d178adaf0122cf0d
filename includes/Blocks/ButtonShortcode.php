<?php
/**
 * The [qualified_button] shortcode.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Blocks;

defined( 'ABSPATH' ) || exit;

/**
 * `[qualified_button label="..." experience="..." fallback="..." class="..." width="..."]`
 * for classic content, widgets and page builders: the button block's markup
 * (ButtonMarkup), so the runtime and the theme treat both alike. A
 * malformed experience name is dropped, and the button opens the messenger.
 * Rendering enqueues the block's stylesheet, which block content would
 * have brought.
 */
final class ButtonShortcode {

	/** The shortcode's tag, also the `shortcode_atts_{tag}` filter's. */
	const TAG = 'qualified_button';

	/** The block's stylesheet handle (ButtonBlock's). */
	const STYLE_HANDLE = ButtonBlock::STYLE_HANDLE;

	/**
	 * Hooks the shortcode's registration.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'add' ) );
	}

	/**
	 * Registers the shortcode.
	 */
	public function add(): void {
		add_shortcode( self::TAG, array( $this, 'render' ) );
	}

	/**
	 * Renders one shortcode.
	 *
	 * @param array<string, string>|string $atts Attributes as WordPress parses them ('' without any).
	 * @return string
	 */
	public function render( $atts ): string {
		$atts = shortcode_atts(
			array(
				'label'      => __( 'Chat with us', 'qualified-integration' ),
				'experience' => '',
				'fallback'   => '',
				'class'      => '',
				'width'      => '',
			),
			is_array( $atts ) ? $atts : array(),
			self::TAG
		);

		$experience = trim( (string) $atts['experience'] );
		$html       = ButtonMarkup::render(
			array(
				'label'      => (string) $atts['label'],
				'action'     => ButtonMarkup::is_experience_name( $experience ) ? 'showExperience' : 'open',
				'experience' => $experience,
				'fallback'   => (string) $atts['fallback'],
				'width'      => (string) $atts['width'],
				'className'  => (string) $atts['class'],
			)
		);
		if ( '' !== $html ) {
			ButtonBlock::enqueue_style();
		}
		return $html;
	}
}
