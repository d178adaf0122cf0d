<?php
/**
 * Which meta keys a mapping may read.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The one deny-list of meta keys that identity mappings may not send to
 * Qualified (a third party): private keys and keys that may hold a secret.
 * The validator refuses them on save and drops stored rows that use them on
 * read, so no code path resolves them.
 *
 * For user.meta it refuses, case-insensitively:
 * - any key starting with "_" (private by WordPress convention; this covers
 *   _application_passwords);
 * - the core keys in USER_META_DENIED_KEYS, and any key ending in
 *   "capabilities" or "user_level" (wp_capabilities, wp_2_user_level, ...);
 * - any key containing a word of USER_META_DENIED_FRAGMENTS (password,
 *   token, secret, ...), and "pass" or "pwd" as a whole word (user_pass,
 *   smtp-pass), words being split on anything but letters and digits.
 *
 * For post.meta it refuses any key starting with "_".
 */
final class MetaKeyPolicy {

	/**
	 * Exact user meta keys refused.
	 */
	const USER_META_DENIED_KEYS = array( 'session_tokens', 'user_pass', 'user_activation_key' );

	/**
	 * Fragments that refuse a user meta key wherever they appear in it.
	 */
	const USER_META_DENIED_FRAGMENTS = array( 'password', 'passwd', 'token', 'secret', 'api_key', 'apikey', 'api-key', 'auth', 'nonce', 'salt', 'hash', 'private' );

	/**
	 * Words that refuse a user meta key when they stand alone in it.
	 */
	const USER_META_DENIED_WORDS = array( 'pass', 'pwd' );

	/**
	 * Suffixes that refuse a user meta key (per-site capability keys).
	 */
	const USER_META_DENIED_SUFFIXES = array( 'capabilities', 'user_level' );

	/**
	 * Whether a mapping may read this meta key.
	 *
	 * @param string $source Identity source (user.meta, post.meta; others are always allowed).
	 * @param string $key    Meta key.
	 * @return bool
	 */
	public static function allows( string $source, string $key ): bool {
		if ( 'user.meta' !== $source && 'post.meta' !== $source ) {
			return true;
		}
		if ( '_' === substr( $key, 0, 1 ) ) {
			return false;
		}
		if ( 'post.meta' === $source ) {
			return true;
		}

		$key = strtolower( $key );
		if ( in_array( $key, self::USER_META_DENIED_KEYS, true ) ) {
			return false;
		}
		foreach ( self::USER_META_DENIED_SUFFIXES as $suffix ) {
			if ( substr( $key, -strlen( $suffix ) ) === $suffix ) {
				return false;
			}
		}
		foreach ( self::USER_META_DENIED_FRAGMENTS as $fragment ) {
			if ( false !== strpos( $key, $fragment ) ) {
				return false;
			}
		}
		$words = preg_split( '/[^a-z0-9]+/', $key );
		return array() === array_intersect( is_array( $words ) ? $words : array(), self::USER_META_DENIED_WORDS );
	}
}
