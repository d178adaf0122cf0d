<?php
/**
 * The "this page" sources.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

use WP_Post;
use WP_Term;

defined( 'ABSPATH' ) || exit;

/**
 * The post.* sources: the post a singular page shows. The main query has already
 * primed its meta and its terms in every taxonomy of its post type, so
 * post.meta and post.terms read caches; a taxonomy that no longer exists,
 * or that the post type does not use, yields nothing instead of a query.
 */
final class PostSource implements SourceGroup {

	/**
	 * A field, the terms or a meta value of the page's post.
	 *
	 * @param string               $source  Source name.
	 * @param array<string, mixed> $mapping The mapping (key for post.terms and post.meta).
	 * @param Context              $context User and post of the page.
	 * @return mixed
	 */
	public function resolve( string $source, array $mapping, Context $context ) {
		$post = $context->post;
		if ( null === $post ) {
			return null;
		}
		$key = (string) ( $mapping['key'] ?? '' );
		switch ( $source ) {
			case 'post.id':
				return $post->ID;
			case 'post.title':
				return self::plain_text( $post->post_title );
			case 'post.type':
				return $post->post_type;
			case 'post.author':
				return $post->post_author ? get_the_author_meta( 'display_name', (int) $post->post_author ) : null;
			case 'post.terms':
				return self::term_names( $post, $key );
			case 'post.meta':
				return '' === $key ? null : get_post_meta( $post->ID, $key, true );
		}
		return null;
	}

	/**
	 * Names of the post's terms in a taxonomy, or null.
	 *
	 * @param WP_Post $post     Post.
	 * @param string  $taxonomy Taxonomy name.
	 * @return string[]|null
	 */
	private static function term_names( WP_Post $post, string $taxonomy ): ?array {
		if ( '' === $taxonomy || ! taxonomy_exists( $taxonomy ) || ! is_object_in_taxonomy( $post->post_type, $taxonomy ) ) {
			return null;
		}
		$terms = get_the_terms( $post, $taxonomy );
		if ( ! is_array( $terms ) ) {
			return null;
		}
		$names = array();
		foreach ( $terms as $term ) {
			if ( $term instanceof WP_Term ) {
				$names[] = self::plain_text( $term->name );
			}
		}
		return $names;
	}

	/**
	 * Text without tags or entities (core stores titles and term names HTML-escaped).
	 *
	 * @param string $html Stored string.
	 * @return string
	 */
	private static function plain_text( string $html ): string {
		return html_entity_decode( wp_strip_all_tags( $html ), ENT_QUOTES, 'UTF-8' );
	}
}
