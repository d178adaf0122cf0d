<?php
/**
 * What a mapping is resolved against.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

use WP_Post;
use WP_User;

defined( 'ABSPATH' ) || exit;

/**
 * The user and the post whose data server-side sources read. The user is
 * set only for a logged-in visitor, so user.* sources yield nothing for
 * anonymous (cacheable) pages; the post only on singular views.
 */
final class Context {

	/**
	 * Logged-in user, or null for a visitor.
	 *
	 * @var WP_User|null
	 */
	public $user;

	/**
	 * The page's post, or null when the page is not about one post.
	 *
	 * @var WP_Post|null
	 */
	public $post;

	/**
	 * Constructor.
	 *
	 * @param WP_User|null $user Logged-in user, or null.
	 * @param WP_Post|null $post Post of the page, or null.
	 */
	public function __construct( ?WP_User $user, ?WP_Post $post ) {
		$this->user = ( null !== $user && $user->exists() ) ? $user : null;
		$this->post = $post;
	}

	/**
	 * The current request: the current user, and the queried post on singular views.
	 *
	 * @return Context
	 */
	public static function for_request(): Context {
		$post = is_singular() ? get_queried_object() : null;
		return new self( wp_get_current_user(), $post instanceof WP_Post ? $post : null );
	}

	/**
	 * The home page as a user would see it (the preview): the static front page, if any.
	 *
	 * @param WP_User $user The user.
	 * @return Context
	 */
	public static function for_home_page( WP_User $user ): Context {
		$post = null;
		if ( 'page' === get_option( 'show_on_front' ) && (int) get_option( 'page_on_front' ) > 0 ) {
			$post = get_post( (int) get_option( 'page_on_front' ) );
		}
		return new self( $user, $post instanceof WP_Post ? $post : null );
	}
}
