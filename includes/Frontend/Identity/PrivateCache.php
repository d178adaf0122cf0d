<?php
/**
 * Keeps per-user pages out of shared caches.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

use QualifiedIntegration\Frontend\Experiences\CompiledRules;
use QualifiedIntegration\Frontend\Experiences\PagePlan;
use QualifiedIntegration\Frontend\PageSettings;
use QualifiedIntegration\Frontend\PageSnapshot;

defined( 'ABSPATH' ) || exit;

/**
 * Marks a page `Cache-Control: private` when it is rendered for a logged-in
 * user and either a user.* mapping is configured, because its HTML then
 * holds that user's data, or an Experience rule's logged_in/role condition
 * decided what reaches this page (PagePlan::per_user()), because another
 * user would get different rules. Core already sends `private` to logged-in
 * users; this runs late so a caching plugin that rewrites the header cannot
 * drop it. wp_headers fires after the main query, so the page is known.
 */
final class PrivateCache {

	/**
	 * Where page views read the settings.
	 *
	 * @var PageSnapshot
	 */
	private $snapshot;

	/**
	 * Constructor.
	 *
	 * @param PageSnapshot $snapshot Where page views read the settings.
	 */
	public function __construct( PageSnapshot $snapshot ) {
		$this->snapshot = $snapshot;
	}

	/**
	 * Hooks the header filter.
	 */
	public function register(): void {
		add_filter( 'wp_headers', array( $this, 'filter_headers' ), 1000 );
	}

	/**
	 * Adds `private` to Cache-Control (and drops `public`) when the page may hold user data.
	 *
	 * @param mixed $headers Header name to value.
	 * @return mixed
	 */
	public function filter_headers( $headers ) {
		if ( ! is_array( $headers ) || ! is_user_logged_in() || ! self::is_per_user( $this->snapshot->page_settings() ) ) {
			return $headers;
		}
		$directives = array();
		foreach ( $headers as $name => $value ) {
			if ( 0 === strcasecmp( (string) $name, 'Cache-Control' ) ) {
				$directives = array_merge( $directives, array_map( 'trim', explode( ',', (string) $value ) ) );
				unset( $headers[ $name ] );
			}
		}
		$directives = array_filter(
			$directives,
			static function ( string $directive ): bool {
				return '' !== $directive && 0 !== strcasecmp( $directive, 'public' ) && 0 !== strcasecmp( $directive, 'private' );
			}
		);
		array_unshift( $directives, 'private' );
		$headers['Cache-Control'] = implode( ', ', $directives );
		return $headers;
	}

	/**
	 * Whether a logged-in user's page depends on who they are.
	 *
	 * @param PageSettings $page The page view's settings.
	 * @return bool
	 */
	private static function is_per_user( PageSettings $page ): bool {
		if ( Resolver::uses_group( $page->settings, 'user' ) ) {
			return true;
		}
		// The cheap check first: most sites have no rule about who is looking.
		return CompiledRules::use_user_facts( $page->rules ) && PagePlan::for_request( $page )->per_user();
	}
}
