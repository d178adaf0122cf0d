<?php
/**
 * The Qualified button block's registration.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Blocks;

use QualifiedIntegration\RequestType;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the block `qualified-integration/button` from its built
 * block.json (build/blocks/button/, made by wp-scripts from src/blocks/button/),
 * which names its editor script and stylesheets; core then loads them where
 * the block is edited. Without the block's build (a checkout built before the
 * block existed) nothing is registered, and the "Talk to sales" pattern,
 * which holds the block, is left out too.
 *
 * Registered where blocks are edited or listed: admin screens, the REST API
 * (the block and site editors read block types there) and WP-CLI. Not on
 * page views: the block is static (its saved markup is the output, every
 * style support serialised by save()), and core renders a block it does not
 * know as saved. There, its first rendering enqueues the stylesheet instead
 * (enqueue_style()), so a page without the block loads none of it, classic
 * themes included (they load every registered block's stylesheet on every
 * page), and a page view skips reading and translating block.json: about
 * 0.7% of a page's time in `npm run bench`'s 200-rule scenario.
 */
final class ButtonBlock {

	/** The block's name. */
	const NAME = 'qualified-integration/button';

	/** The built block's directory, relative to the plugin's. */
	const BUILD_DIR = 'build/blocks/button';

	/** The stylesheet's handle, as register_block_type() names it from block.json. */
	const STYLE_HANDLE = 'qualified-integration-button-style';

	/**
	 * Hooks the registration, and the stylesheet for page views.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_for_editing' ) );
		add_action( 'rest_api_init', array( $this, 'register_block' ) );
		add_filter( 'block_type_metadata', array( $this, 'with_version' ) );
		add_filter( 'render_block_' . self::NAME, array( self::class, 'with_style' ) );
	}

	/**
	 * Registers the block on admin screens, under WP-CLI and XML-RPC (REST requests register on rest_api_init).
	 */
	public function register_for_editing(): void {
		if ( RequestType::edits() ) {
			$this->register_block();
		}
	}

	/**
	 * Enqueues the stylesheet when the block is rendered (a page view, where it is not registered).
	 *
	 * @param string $content The block's rendered content.
	 * @return string The content, unchanged.
	 */
	public static function with_style( $content ): string {
		self::enqueue_style();
		return (string) $content;
	}

	/**
	 * Enqueues the block's stylesheet, registering it first on page views
	 * as register_block_type() would: versioned as the plugin, with its RTL
	 * variant and its path (core may inline a small stylesheet).
	 */
	public static function enqueue_style(): void {
		$file = QUALIFIED_INTEGRATION_DIR . self::BUILD_DIR . '/style-index.css';
		if ( ! wp_style_is( self::STYLE_HANDLE, 'registered' ) && is_readable( $file ) ) {
			wp_register_style( self::STYLE_HANDLE, plugins_url( self::BUILD_DIR . '/style-index.css', QUALIFIED_INTEGRATION_FILE ), array(), QUALIFIED_INTEGRATION_VERSION );
			wp_style_add_data( self::STYLE_HANDLE, 'rtl', 'replace' );
			wp_style_add_data( self::STYLE_HANDLE, 'path', $file );
		}
		if ( wp_style_is( self::STYLE_HANDLE, 'registered' ) ) {
			wp_enqueue_style( self::STYLE_HANDLE );
		}
	}

	/**
	 * Gives the block the plugin's version, which core uses as the `ver` of
	 * the block's stylesheets (without one, WordPress's own version, so an
	 * update of the plugin would keep serving a cached stylesheet). The
	 * version lives in one place, the plugin header's constant.
	 *
	 * @param array<string, mixed> $metadata The block.json being registered.
	 * @return array<string, mixed>
	 */
	public function with_version( $metadata ): array {
		$metadata = (array) $metadata;
		if ( self::NAME === ( $metadata['name'] ?? null ) ) {
			$metadata['version'] = QUALIFIED_INTEGRATION_VERSION;
		}
		return $metadata;
	}

	/**
	 * Registers the block when its build exists (once).
	 */
	public function register_block(): void {
		$dir = QUALIFIED_INTEGRATION_DIR . self::BUILD_DIR;
		if ( is_readable( $dir . '/block.json' ) && ! \WP_Block_Type_Registry::get_instance()->is_registered( self::NAME ) ) {
			register_block_type( $dir );
		}
	}
}
