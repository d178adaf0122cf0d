<?php
/**
 * Reads a post's Experience override.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Experiences;

use QualifiedIntegration\Experiences\PageOverride;
use WP_Post;

defined( 'ABSPATH' ) || exit;

/**
 * The override an editor set on the page's post (post meta
 * `qualified_integration_page`), cleaned by the same rule that cleans writes.
 * On a singular page view the main query has primed the post's meta cache,
 * so reading it costs no query.
 */
final class Override {

	/**
	 * The cleaned override of a post; null when there is no post or nothing is set.
	 *
	 * @param WP_Post|null $post Post of the page.
	 * @return array{hide?: true, experience?: string, startCollapsed?: bool, open?: true}|null
	 */
	public static function of_post( ?WP_Post $post ): ?array {
		if ( null === $post ) {
			return null;
		}
		$override = PageOverride::clean( get_post_meta( $post->ID, PageOverride::META_KEY, true ) );
		return array() === $override ? null : $override;
	}
}
