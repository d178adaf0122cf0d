<?php
/**
 * The per-post Experience override, stored as post meta.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Experiences;

use QualifiedIntegration\Frontend\Loading;
use QualifiedIntegration\RequestType;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the post meta `qualified_integration_page` that lets an editor
 * set, for one post, what beats the global rules: hide Qualified there,
 * an Experience to show (and whether it starts collapsed), or open the
 * messenger. The block editor's panel writes it through the REST API (the
 * schema below validates it, the auth callback requires `edit_post` on
 * that post); the classic editor's meta box writes it through clean().
 *
 * The value is `{ hide?: bool, experience?: string, startCollapsed?: bool, open?: bool, load?: string }`
 * (`load`: a loading strategy for this page).
 */
final class PageOverride {

	const META_KEY = 'qualified_integration_page';

	/**
	 * An Experience API name as Qualified shows it (Settings -> Experiences -> Manual -> API NAME).
	 */
	const EXPERIENCE_PATTERN = '/\Aexperience-[0-9]{1,20}\z/D';

	/**
	 * Hooks the registration after post types are registered.
	 */
	public function register(): void {
		// Late on init, so post types registered at the default priority are there.
		add_action( 'init', array( $this, 'register_on_init' ), 99 );
		add_action( 'rest_api_init', array( $this, 'register_meta' ) );
	}

	/**
	 * Registers the meta on every request, so that any write (REST, a form,
	 * a plugin's code, WP-CLI) is cleaned and checked; described (its REST
	 * schema, its translated descriptions) only where it can be edited or
	 * listed (RequestType). A page view only reads the value, and the
	 * descriptions would cost it a lookup of the plugin's translation files.
	 */
	public function register_on_init(): void {
		if ( RequestType::edits() ) {
			$this->register_meta();
			return;
		}
		foreach ( self::post_types() as $post_type ) {
			register_post_meta( $post_type, self::META_KEY, self::args() );
		}
	}

	/**
	 * Registers the meta, described, for each post type an editor can edit
	 * it on (again on rest_api_init: registering replaces what init did).
	 */
	public function register_meta(): void {
		foreach ( self::post_types() as $post_type ) {
			register_post_meta(
				$post_type,
				self::META_KEY,
				array_merge(
					self::args(),
					array(
						'description'  => __( 'Qualified on this page: hide it, show an Experience, or open the messenger. Beats the Experience rules.', 'qualified-integration' ),
						'show_in_rest' => array( 'schema' => self::schema() ),
					)
				)
			);
		}
	}

	/**
	 * The registration's arguments that every request needs: what the value
	 * is, how a write is cleaned, and who may write it.
	 *
	 * @return array<string, mixed>
	 */
	private static function args(): array {
		return array(
			'single'            => true,
			'type'              => 'object',
			'default'           => array(),
			'show_in_rest'      => false,
			'sanitize_callback' => array( self::class, 'clean' ),
			'auth_callback'     => array( self::class, 'can_edit' ),
		);
	}

	/**
	 * The post types that carry the override: public ones the REST API (so
	 * the block editor) knows. Attachments have no editor to set it in.
	 *
	 * @return string[]
	 */
	public static function post_types(): array {
		$types = get_post_types(
			array(
				'public'       => true,
				'show_in_rest' => true,
			)
		);
		unset( $types['attachment'] );
		return array_values( $types );
	}

	/**
	 * The JSON schema of the value, for REST validation. The experience
	 * pattern ends with a negative lookahead instead of relying on `$`:
	 * core tests it with preg_match, where `$` lets a trailing newline
	 * through.
	 *
	 * @return array<string, mixed>
	 */
	public static function schema(): array {
		return array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'properties'           => array(
				'hide'           => array(
					'description' => __( 'Do not load Qualified on this page.', 'qualified-integration' ),
					'type'        => 'boolean',
				),
				'experience'     => array(
					'description' => __( 'API name of the Experience to show on this page (experience- and digits), or empty.', 'qualified-integration' ),
					'type'        => 'string',
					'pattern'     => '^(?:experience-[0-9]{1,20})?(?![\s\S])',
				),
				'startCollapsed' => array(
					'description' => __( 'Show the Experience collapsed.', 'qualified-integration' ),
					'type'        => 'boolean',
				),
				'open'           => array(
					'description' => __( 'Open the messenger on this page.', 'qualified-integration' ),
					'type'        => 'boolean',
				),
				'load'           => array(
					'description' => __( 'When qualified.js loads on this page, instead of the site\'s loading strategy (never before consent when the site waits for it).', 'qualified-integration' ),
					'type'        => 'string',
					'enum'        => self::strategies(),
				),
			),
		);
	}

	/**
	 * Only a user who may edit the post may change its override.
	 *
	 * @param bool   $allowed  Whether allowed so far (ignored: this is the one rule).
	 * @param string $meta_key Meta key.
	 * @param int    $post_id  Post ID.
	 * @param int    $user_id  User ID.
	 * @return bool
	 */
	public static function can_edit( $allowed, $meta_key, $post_id, $user_id ): bool {
		return user_can( (int) $user_id, 'edit_post', (int) $post_id );
	}

	/**
	 * The valid part of a stored or submitted value: known keys of the right
	 * type only, `experience` only when it is an Experience API name (an
	 * empty one means none), `startCollapsed` only with an experience.
	 *
	 * @param mixed $value Raw value.
	 * @return array{hide?: true, experience?: string, startCollapsed?: bool, open?: true, load?: string}
	 */
	public static function clean( $value ): array {
		if ( is_object( $value ) ) {
			$value = get_object_vars( $value );
		}
		if ( ! is_array( $value ) ) {
			return array();
		}
		$clean = array();
		if ( true === ( $value['hide'] ?? null ) ) {
			$clean['hide'] = true;
		}
		if ( self::is_experience( $value['experience'] ?? null ) ) {
			$clean['experience']     = $value['experience'];
			$clean['startCollapsed'] = true === ( $value['startCollapsed'] ?? null );
		}
		if ( true === ( $value['open'] ?? null ) ) {
			$clean['open'] = true;
		}
		if ( in_array( $value['load'] ?? null, self::strategies(), true ) ) {
			$clean['load'] = $value['load'];
		}
		return $clean;
	}

	/**
	 * The loading strategies an override may name: the settings schema's.
	 *
	 * @return string[]
	 */
	public static function strategies(): array {
		return Loading::STRATEGIES;
	}

	/**
	 * Whether a value is an Experience API name.
	 *
	 * @param mixed $value Value.
	 * @return bool
	 */
	public static function is_experience( $value ): bool {
		return is_string( $value ) && 1 === preg_match( self::EXPERIENCE_PATTERN, $value );
	}
}
