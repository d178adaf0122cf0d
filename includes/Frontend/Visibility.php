<?php
/**
 * Whether this request loads Qualified.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend;

use QualifiedIntegration\Frontend\Experiences\PagePlan;
use WP_User;

defined( 'ABSPATH' ) || exit;

/**
 * Decides, from the settings and the request, whether a page carries the
 * Qualified loader. Everything it reads is already in memory on a public
 * page view (the autoloaded option, the current user, the queried post with
 * its primed meta and terms), so it adds no query.
 */
final class Visibility {

	/**
	 * Whether Qualified loads on this request.
	 *
	 * Page facts can hide it too: the post's override says hide, or an
	 * Experience rule hides it whatever the visitor's browser facts (see
	 * PagePlan::hidden()). Then nothing at all is printed, before any output.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @param PagePlan|null        $plan     The page's Experience plan; built for the current request when null.
	 * @return bool
	 */
	public static function should_load( array $settings, ?PagePlan $plan = null ): bool {
		$load = self::is_configured( $settings )
			&& ! is_admin()
			&& ! is_feed()
			&& ! is_embed()
			&& ! self::user_is_excluded( wp_get_current_user(), (array) ( $settings['excludeRoles'] ?? array() ) )
			&& ! ( $plan ?? PagePlan::for_settings( $settings ) )->hidden();

		/**
		 * Filters whether Qualified loads on this request.
		 *
		 * @param bool                 $load     Whether to load.
		 * @param array<string, mixed> $settings Settings in force.
		 */
		return (bool) apply_filters( 'qualified_integration_should_load', $load, $settings );
	}

	/**
	 * Whether the settings turn Qualified on at all: enabled (a real true;
	 * anything else fails closed) and a token. The admin's status uses it too.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return bool
	 */
	public static function is_configured( array $settings ): bool {
		return true === ( $settings['enabled'] ?? false ) && '' !== (string) ( $settings['token'] ?? '' );
	}

	/**
	 * Whether the user holds any excluded role. Anonymous visitors never do.
	 *
	 * @param WP_User  $user           Current user.
	 * @param string[] $excluded_roles Role slugs.
	 * @return bool
	 */
	public static function user_is_excluded( WP_User $user, array $excluded_roles ): bool {
		if ( ! $user->exists() || empty( $excluded_roles ) ) {
			return false;
		}
		return array() !== array_intersect( (array) $user->roles, $excluded_roles );
	}
}
