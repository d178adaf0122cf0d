<?php
/**
 * REST endpoint of the Experience rule tester.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Rest;

use QualifiedIntegration\Frontend\Experiences\PageFacts;
use QualifiedIntegration\Frontend\Experiences\PagePlan;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Validator;
use WP_Error;
use WP_Post;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * POST /qualified-integration/v1/experiences/preview.
 *
 * The server half of the admin's rule tester: for a URL of this site it
 * finds the page (post, type, terms, the post's override), reduces the
 * rules (saved, or unsaved ones from the body, validated exactly as a save
 * would) by those page facts for a simulated visitor (logged in or not,
 * a role), and answers what a page render would know. The admin then runs
 * the runtime's own matcher (src/shared/experiences) on the reduced rules
 * with the visitor facts typed in. Nothing is stored.
 */
final class ExperiencesPreviewController {

	const NAMESPACE = SettingsController::NAMESPACE;
	const ROUTE     = '/experiences/preview';

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
	 * Hooks route registration.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the route.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'preview' ),
				'permission_callback' => array( $this, 'permissions_check' ),
			)
		);
	}

	/**
	 * Only administrators: the answer shows the site's configuration and any post's override.
	 *
	 * @return true|WP_Error
	 */
	public function permissions_check() {
		return AdminPermission::check( __( 'Sorry, you are not allowed to test Qualified Experience rules.', 'qualified-integration' ) );
	}

	/**
	 * Reduces the rules for a URL and a simulated visitor.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>|WP_Error
	 */
	public function preview( WP_REST_Request $request ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) || ( array() !== $body && array_values( $body ) === $body ) ) {
			$message = __( 'Send the page to test as a JSON object, {"url": "..."}.', 'qualified-integration' );
			return Validator::to_rest_error( array( 'url' => $message ) );
		}

		$errors = self::body_errors( $body );
		if ( array() !== $errors ) {
			return Validator::to_rest_error( $errors );
		}

		$settings = $this->repository->get();
		if ( array_key_exists( 'rules', $body ) ) {
			$experiences             = is_array( $settings['experiences'] ?? null ) ? $settings['experiences'] : array();
			$experiences['rules']    = $body['rules'];
			$settings['experiences'] = $experiences;
		}

		$role      = isset( $body['role'] ) ? (string) $body['role'] : null;
		$logged_in = $body['loggedIn'] ?? ( null !== $role );
		$post      = self::post_of( (string) $body['url'] );
		$page      = new PageFacts( $post, $logged_in, null === $role ? array() : array( $role ) );
		$plan      = PagePlan::for_settings( $settings, $page );

		return array(
			'url'      => (string) $body['url'],
			'page'     => array(
				'postId'   => null === $post ? null : (int) $post->ID,
				'postType' => null === $post ? null : $post->post_type,
				'title'    => null === $post ? null : html_entity_decode( wp_strip_all_tags( $post->post_title ), ENT_QUOTES, 'UTF-8' ),
				'found'    => null !== $post,
			),
			'hidden'   => $plan->hidden(),
			'override' => $plan->override(),
			'rules'    => $plan->results(),
			'timezone' => wp_timezone_string(),
		);
	}

	/**
	 * Every problem of the body, by path: url, loggedIn, role, and the rules
	 * under experiences.rules[...] exactly as a save reports them.
	 *
	 * @param array<string, mixed> $body JSON body.
	 * @return array<string, string>
	 */
	private static function body_errors( array $body ): array {
		$errors = array();
		$url    = self::url_error( $body['url'] ?? null );
		if ( null !== $url ) {
			$errors['url'] = $url;
		}
		if ( array_key_exists( 'loggedIn', $body ) && ! is_bool( $body['loggedIn'] ) ) {
			$errors['loggedIn'] = __( 'Logged in: must be true or false.', 'qualified-integration' );
		}
		if ( array_key_exists( 'role', $body ) ) {
			if ( ! is_string( $body['role'] ) || ! in_array( $body['role'], array_keys( wp_roles()->get_names() ), true ) ) {
				$errors['role'] = __( 'Role: choose a role of this site.', 'qualified-integration' );
			} elseif ( false === ( $body['loggedIn'] ?? null ) ) {
				$errors['role'] = __( 'Role: a visitor who is not logged in has no role; leave it out or test a logged-in visitor.', 'qualified-integration' );
			}
		}
		if ( array_key_exists( 'rules', $body ) ) {
			$errors += Validator::rule_errors( $body['rules'] );
		}
		foreach ( array_keys( $body ) as $key ) {
			if ( ! in_array( $key, array( 'url', 'rules', 'loggedIn', 'role' ), true ) ) {
				$errors['body'] = __( 'Send only url, rules, loggedIn and role.', 'qualified-integration' );
			}
		}
		return $errors;
	}

	/**
	 * Why a URL cannot be tested, if it cannot: it must be an http(s) URL on this site's host.
	 *
	 * @param mixed $url URL from the body.
	 * @return string|null
	 */
	private static function url_error( $url ): ?string {
		if ( ! is_string( $url ) || '' === trim( $url ) ) {
			return __( 'Page URL: type the address of a page of this site.', 'qualified-integration' );
		}
		$parts = wp_parse_url( $url );
		$home  = wp_parse_url( home_url( '/' ) );
		if ( ! is_array( $parts ) || ! in_array( strtolower( (string) ( $parts['scheme'] ?? '' ) ), array( 'http', 'https' ), true )
			|| ! isset( $parts['host'] ) || ! is_array( $home ) || 0 !== strcasecmp( $parts['host'], (string) ( $home['host'] ?? '' ) ) ) {
			/* translators: %s: the site's home URL. */
			return sprintf( __( 'Page URL: use an address of this site (starting with %s).', 'qualified-integration' ), home_url( '/' ) );
		}
		return null;
	}

	/**
	 * The post a URL of this site shows, as a page render would see it: the
	 * static front page for the home URL, the post url_to_postid() finds
	 * otherwise; none for archives and for the posts page (not singular).
	 *
	 * @param string $url URL on this site.
	 * @return WP_Post|null
	 */
	private static function post_of( string $url ): ?WP_Post {
		$path = trim( (string) wp_parse_url( $url, PHP_URL_PATH ), '/' );
		$home = trim( (string) wp_parse_url( home_url( '/' ), PHP_URL_PATH ), '/' );
		$id   = url_to_postid( $url );
		if ( 0 === $id && $path === $home && 'page' === get_option( 'show_on_front' ) ) {
			$id = (int) get_option( 'page_on_front' );
		}
		if ( $id <= 0 || ( 'page' === get_option( 'show_on_front' ) && (int) get_option( 'page_for_posts' ) === $id ) ) {
			return null;
		}
		$post = get_post( $id );
		return $post instanceof WP_Post ? $post : null;
	}
}
