<?php
/**
 * What PHP knows about a page when it reduces the rules.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Experiences;

use WP_Post;
use WP_Term;
use WP_User;

defined( 'ABSPATH' ) || exit;

/**
 * The page facts rule conditions test on the server: the post the page
 * shows (singular views only, as identity's Context), and who is looking
 * (logged in or not, roles). On a page view all of it is already in memory
 * (the queried post, its terms primed by the main query, the current user),
 * so testing a condition costs no query.
 */
final class PageFacts {

	/**
	 * The page's post, or null when the page is not about one post.
	 *
	 * @var WP_Post|null
	 */
	public $post;

	/**
	 * Whether the visitor is logged in.
	 *
	 * @var bool
	 */
	public $logged_in;

	/**
	 * The visitor's roles (none when anonymous).
	 *
	 * @var string[]
	 */
	public $roles;

	/**
	 * Constructor.
	 *
	 * @param WP_Post|null $post      Post of the page, or null.
	 * @param bool         $logged_in Whether the visitor is logged in.
	 * @param string[]     $roles     The visitor's roles.
	 */
	public function __construct( ?WP_Post $post, bool $logged_in, array $roles ) {
		$this->post      = $post;
		$this->logged_in = $logged_in;
		$this->roles     = $logged_in ? array_values( array_filter( $roles, 'is_string' ) ) : array();
	}

	/**
	 * The current request: the queried post on singular views, the current user.
	 *
	 * @return PageFacts
	 */
	public static function for_request(): PageFacts {
		$post = is_singular() ? get_queried_object() : null;
		$user = wp_get_current_user();
		return new self( $post instanceof WP_Post ? $post : null, $user->exists(), self::roles_of( $user ) );
	}

	/**
	 * The roles of a user.
	 *
	 * @param WP_User $user User.
	 * @return string[]
	 */
	public static function roles_of( WP_User $user ): array {
		return $user->exists() ? array_values( (array) $user->roles ) : array();
	}

	/**
	 * Whether a page-fact condition holds on this page. Unknown types and
	 * malformed conditions never hold: a rule PHP cannot read never fires.
	 *
	 * @param array<string, mixed> $condition Condition (its `type` is a page fact).
	 * @return bool
	 */
	public function holds( array $condition ): bool {
		switch ( $condition['type'] ?? '' ) {
			case 'post_type':
				return null !== $this->post && in_array( $this->post->post_type, self::strings( $condition['values'] ?? null ), true );
			case 'post':
				return null !== $this->post && in_array( (int) $this->post->ID, self::ids( $condition['ids'] ?? null ), true );
			case 'term':
				return $this->has_term( $condition['taxonomy'] ?? null, self::strings( $condition['slugs'] ?? null ) );
			case 'logged_in':
				return is_bool( $condition['value'] ?? null ) && $condition['value'] === $this->logged_in;
			case 'role':
				return $this->logged_in && array() !== array_intersect( $this->roles, self::strings( $condition['roles'] ?? null ) );
		}
		return false;
	}

	/**
	 * Whether the page's post has a term with one of the slugs in a taxonomy.
	 * A taxonomy that does not exist, or that the post type does not use,
	 * matches nothing (and asks the database nothing).
	 *
	 * @param mixed    $taxonomy Taxonomy name.
	 * @param string[] $slugs    Term slugs.
	 * @return bool
	 */
	private function has_term( $taxonomy, array $slugs ): bool {
		if ( null === $this->post || ! is_string( $taxonomy ) || array() === $slugs || ! taxonomy_exists( $taxonomy ) || ! is_object_in_taxonomy( $this->post->post_type, $taxonomy ) ) {
			return false;
		}
		$terms = get_the_terms( $this->post, $taxonomy );
		if ( ! is_array( $terms ) ) {
			return false;
		}
		foreach ( $terms as $term ) {
			if ( $term instanceof WP_Term && in_array( $term->slug, $slugs, true ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The strings of a list; nothing when it is not a list.
	 *
	 * @param mixed $list Value.
	 * @return string[]
	 */
	private static function strings( $list ): array {
		return is_array( $list ) ? array_values( array_filter( $list, 'is_string' ) ) : array();
	}

	/**
	 * The positive integers of a list.
	 *
	 * @param mixed $list Value.
	 * @return int[]
	 */
	private static function ids( $list ): array {
		$ids = array();
		foreach ( is_array( $list ) ? $list : array() as $id ) {
			if ( is_int( $id ) && $id > 0 ) {
				$ids[] = $id;
			}
		}
		return $ids;
	}
}
