<?php
/**
 * The script tags of a page.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use WP_HTML_Tag_Processor;

defined( 'ABSPATH' ) || exit;

/**
 * Reads every <script> of a page with core's HTML Tag Processor (so
 * attribute quoting and order, which differ between WordPress versions and
 * optimisers, do not matter): its id, src, type and inline text. The Site
 * Health tests that look at the home page read it through this class.
 */
final class PageScripts {

	/**
	 * Types that hold data, not code: a Qualified name in them loads nothing.
	 */
	const DATA_TYPES = array( 'application/json', 'application/ld+json', 'importmap', 'speculationrules' );

	/**
	 * Every script tag, in document order.
	 *
	 * @param string $html The page.
	 * @return array<int, array{id: string, src: string, type: string, text: string}>
	 */
	public static function all( string $html ): array {
		$scripts   = array();
		$processor = new WP_HTML_Tag_Processor( $html );
		while ( $processor->next_tag( array( 'tag_name' => 'SCRIPT' ) ) ) {
			$id        = $processor->get_attribute( 'id' );
			$src       = $processor->get_attribute( 'src' );
			$type      = $processor->get_attribute( 'type' );
			$scripts[] = array(
				'id'   => is_string( $id ) ? $id : '',
				'src'  => is_string( $src ) ? html_entity_decode( $src, ENT_QUOTES ) : '',
				'type' => is_string( $type ) ? strtolower( trim( $type ) ) : '',
				'text' => (string) $processor->get_modifiable_text(),
			);
		}
		return $scripts;
	}

	/**
	 * Whether a type attribute lets the browser run the script at once:
	 * none, a JavaScript MIME type or `module`. Optimisers that delay scripts
	 * rewrite it (`rocketlazyloadscript`, `litespeed/javascript`, `text/plain`
	 * for a consent blocker) and put it back later.
	 *
	 * @param string $type The type attribute, lowercased ('' when absent).
	 * @return bool
	 */
	public static function runs_at_once( string $type ): bool {
		return '' === $type || 'module' === $type || in_array( $type, array( 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/ecmascript' ), true );
	}

	/**
	 * Whether a script holds data (JSON, an import map), not code.
	 *
	 * @param string $type The type attribute, lowercased.
	 * @return bool
	 */
	public static function is_data( string $type ): bool {
		return in_array( $type, self::DATA_TYPES, true );
	}
}
