<?php
/**
 * Reads <script> tags out of printed HTML.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use WP_HTML_Tag_Processor;

/**
 * Parses the script tags core prints, so assertions hold whatever the
 * serialisation: WordPress 7 builds tags with the HTML Tag Processor and
 * orders, quotes and spaces attributes differently from 6.5.
 */
final class ScriptTags {

	/**
	 * Every <script> in the HTML, in document order.
	 *
	 * @param string $html Printed HTML.
	 * @return array<int, array{id: string, src: string, async: bool, defer: bool, text: string}>
	 */
	public static function all( string $html ): array {
		$scripts   = array();
		$processor = new WP_HTML_Tag_Processor( $html );
		while ( $processor->next_tag( 'SCRIPT' ) ) {
			$scripts[] = array(
				'id'    => (string) $processor->get_attribute( 'id' ),
				'src'   => html_entity_decode( (string) $processor->get_attribute( 'src' ), ENT_QUOTES ),
				'async' => null !== $processor->get_attribute( 'async' ),
				'defer' => null !== $processor->get_attribute( 'defer' ),
				'text'  => (string) $processor->get_modifiable_text(),
			);
		}
		return $scripts;
	}

	/**
	 * Position (in document order) of the first script whose src or inline
	 * text contains a needle, or -1.
	 *
	 * @param array<int, array{id: string, src: string, async: bool, defer: bool, text: string}> $scripts From all().
	 * @param string                                                                             $needle  Text to look for.
	 * @return int
	 */
	public static function index_of( array $scripts, string $needle ): int {
		foreach ( $scripts as $index => $script ) {
			if ( false !== strpos( $script['src'], $needle ) || false !== strpos( $script['text'], $needle ) ) {
				return $index;
			}
		}
		return -1;
	}
}
