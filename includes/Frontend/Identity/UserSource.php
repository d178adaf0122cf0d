<?php
/**
 * The logged-in user sources.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

defined( 'ABSPATH' ) || exit;

/**
 * The user.* sources: fields of the logged-in user, and user.meta(key). Core loads the
 * current user and all of its meta when it authenticates the request, so
 * none of this queries the database. Anonymous visitors get nothing.
 */
final class UserSource implements SourceGroup {

	/**
	 * A field or meta value of the logged-in user.
	 *
	 * @param string               $source  Source name.
	 * @param array<string, mixed> $mapping The mapping (key for user.meta).
	 * @param Context              $context User and post of the page.
	 * @return mixed
	 */
	public function resolve( string $source, array $mapping, Context $context ) {
		$user = $context->user;
		if ( null === $user ) {
			return null;
		}
		switch ( $source ) {
			case 'user.email':
				return $user->user_email;
			case 'user.first_name':
				return $user->first_name;
			case 'user.last_name':
				return $user->last_name;
			case 'user.display_name':
				return $user->display_name;
			case 'user.login':
				return $user->user_login;
			case 'user.id':
				return $user->ID;
			case 'user.roles':
				return array_values( (array) $user->roles );
			case 'user.meta':
				$key = (string) ( $mapping['key'] ?? '' );
				return '' === $key ? null : get_user_meta( $user->ID, $key, true );
		}
		return null;
	}
}
