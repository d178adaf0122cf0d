<?php
/**
 * The Qualified button block's registration.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Blocks;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the block `qualified-integration/button` from its built
 * block.json (build/blocks/button/, made by wp-scripts from src/blocks/button/),
 * which names its editor script and stylesheets; core then loads them where
 * the block is edited or shown. Without the block's build (a checkout built
 * before the block existed) nothing is registered, and the "Talk to sales"
 * pattern, which holds the block, is left out too.
 */
final class ButtonBlock {

	/** The block's name. */
	const NAME = 'qualified-integration/button';

	/** The built block's directory, relative to the plugin's. */
	const BUILD_DIR = 'build/blocks/button';

	/**
	 * Hooks the registration.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_block' ) );
		add_filter( 'block_type_metadata', array( $this, 'with_version' ) );
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
	 * Registers the block when its build exists.
	 */
	public function register_block(): void {
		$dir = QUALIFIED_INTEGRATION_DIR . self::BUILD_DIR;
		if ( is_readable( $dir . '/block.json' ) ) {
			register_block_type( $dir );
		}
	}
}
