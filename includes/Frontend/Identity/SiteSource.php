<?php
/**
 * The site sources.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

defined( 'ABSPATH' ) || exit;

/**
 * The site.name and site.language sources, from autoloaded options (no query).
 */
final class SiteSource implements SourceGroup {

	/**
	 * The site's name or language.
	 *
	 * @param string               $source  Source name.
	 * @param array<string, mixed> $mapping Unused.
	 * @param Context              $context Unused.
	 * @return mixed
	 */
	public function resolve( string $source, array $mapping, Context $context ) {
		switch ( $source ) {
			case 'site.name':
				// Core stores the name HTML-escaped ("A &amp; B"); Qualified wants the text.
				return html_entity_decode( get_bloginfo( 'name' ), ENT_QUOTES, 'UTF-8' );
			case 'site.language':
				return get_bloginfo( 'language' );
		}
		return null;
	}
}
