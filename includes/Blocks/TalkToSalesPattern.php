<?php
/**
 * The "Talk to sales" block pattern.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Blocks;

use WP_Block_Patterns_Registry;
use WP_Block_Type_Registry;

defined( 'ABSPATH' ) || exit;

/**
 * A call-to-action pattern: a heading, a line of text and a Qualified
 * button that opens the messenger, in a group. The button's markup comes
 * from ButtonMarkup, which renders exactly what the block's save() does for
 * the same attributes (tests/fixtures/button-markup.json), so the editor
 * opens the pattern without a block validation error. Registered only when
 * the button block is, so the pattern never holds an unknown block.
 */
final class TalkToSalesPattern {

	/** The pattern's name. */
	const NAME = 'qualified-integration/talk-to-sales';

	/**
	 * Hooks the registration where patterns are listed: the admin (after the
	 * button block's registration on init) and the REST API, which the block
	 * and site editors read patterns from. Not on page views: `npm run bench`
	 * measured the registration there at about 2% of a page's time (200-rule
	 * scenario, 1.044 against 1.020 without it), and a page view only needs a
	 * pattern a theme template names by slug, which this one is not for.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'add_in_admin' ), 11 );
		add_action( 'rest_api_init', array( $this, 'add' ) );
	}

	/**
	 * Registers the pattern on admin screens.
	 */
	public function add_in_admin(): void {
		if ( is_admin() ) {
			$this->add();
		}
	}

	/**
	 * Registers the pattern when the button block is registered.
	 */
	public function add(): void {
		if (
			! WP_Block_Type_Registry::get_instance()->is_registered( ButtonBlock::NAME )
			|| WP_Block_Patterns_Registry::get_instance()->is_registered( self::NAME )
		) {
			return;
		}
		register_block_pattern(
			self::NAME,
			array(
				'title'       => __( 'Talk to sales', 'qualified-integration' ),
				'description' => __( 'A heading, a short text and a button that opens the Qualified messenger.', 'qualified-integration' ),
				'categories'  => array( 'call-to-action' ),
				'keywords'    => array( 'qualified', 'chat', 'sales' ),
				// Read only when the pattern is (WordPress 6.5+), not on every request.
				'filePath'    => __DIR__ . '/patterns/talk-to-sales.php',
			)
		);
	}

	/**
	 * The pattern's block markup, in the current language. The button has no
	 * fallback link, so it stays hidden where the messenger is not on the page
	 * (the site owner can add one in the block's "Qualified" panel).
	 *
	 * @return string
	 */
	public static function content(): string {
		$button = ButtonMarkup::render( array( 'label' => esc_html__( 'Chat with sales', 'qualified-integration' ) ) );
		return '<!-- wp:group {"layout":{"type":"constrained"}} -->' . "\n"
			. '<div class="wp-block-group"><!-- wp:heading -->' . "\n"
			. '<h2 class="wp-block-heading">' . esc_html__( 'Talk to sales', 'qualified-integration' ) . '</h2>' . "\n"
			. '<!-- /wp:heading -->' . "\n\n"
			. '<!-- wp:paragraph -->' . "\n"
			. '<p>' . esc_html__( 'Questions about plans, pricing or a demo? Our sales team answers in the chat.', 'qualified-integration' ) . '</p>' . "\n"
			. '<!-- /wp:paragraph -->' . "\n\n"
			. '<!-- wp:' . ButtonBlock::NAME . ' -->' . "\n"
			. $button . "\n"
			. '<!-- /wp:' . ButtonBlock::NAME . ' --></div>' . "\n"
			. '<!-- /wp:group -->';
	}
}
