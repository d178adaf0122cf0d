<?php
/**
 * Keeps per-user pages out of shared caches.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Marks a page `Cache-Control: private` when it is rendered for a logged-in
 * user and a user.* mapping is configured, because its HTML then holds that
 * user's data. Core already sends `private` to logged-in users; this runs
 * late so a caching plugin that rewrites the header cannot drop it.
 */
final class PrivateCache {

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 */
	public function __construct( SettingsRepository $repository ) {
		$this->repository = $repository;
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
		if ( ! is_array( $headers ) || ! is_user_logged_in() || ! Resolver::uses_group( $this->repository->get(), 'user' ) ) {
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
}
