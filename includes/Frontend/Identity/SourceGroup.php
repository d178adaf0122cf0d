<?php
/**
 * A group of server-side sources.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

defined( 'ABSPATH' ) || exit;

/**
 * Resolves the sources of one group (user, post, site, static) to raw values.
 * Implementations read only what WordPress has already cached for the page
 * (the current user, the queried post's meta and terms), so a page view
 * gains no database query, and yield null when there is nothing to send.
 */
interface SourceGroup {

	/**
	 * The raw value of a source for a context, or null.
	 *
	 * @param string               $source  Source name, e.g. "user.email".
	 * @param array<string, mixed> $mapping The mapping (its key or value, when the source needs one).
	 * @param Context              $context User and post of the page.
	 * @return mixed
	 */
	public function resolve( string $source, array $mapping, Context $context );
}
