<?php
/**
 * REST endpoint that previews the identify payload.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Rest;

use QualifiedIntegration\Frontend\Identity\Context;
use QualifiedIntegration\Frontend\Identity\Resolver;
use QualifiedIntegration\Settings\Labels;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Validator;
use WP_Error;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * POST /qualified-integration/v1/identity/preview.
 *
 * Takes mappings, saved or not, validates them as a save would (same 400,
 * same error paths), and answers what the current admin would send on the
 * home page: server-side sources resolved, browser-side ones listed (their
 * values exist only in a visitor's browser). Nothing is stored.
 */
final class IdentityPreviewController {

	const NAMESPACE = SettingsController::NAMESPACE;
	const ROUTE     = '/identity/preview';

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
	 * Only administrators: the preview shows their own data and the site's configuration.
	 *
	 * @return true|WP_Error
	 */
	public function permissions_check() {
		return AdminPermission::check( __( 'Sorry, you are not allowed to preview Qualified identity mappings.', 'qualified-integration' ) );
	}

	/**
	 * Resolves the mappings for the current user on the home page.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array{url: string, fields: object, browser: array<int, array<string, string>>}|WP_Error
	 */
	public function preview( WP_REST_Request $request ) {
		$body = $request->get_json_params();
		if ( ! is_array( $body ) || ! array_key_exists( 'mappings', $body ) ) {
			return self::bad_request(
				sprintf(
					/* translators: %s: label of the mappings list. */
					__( '%s: send the mappings to preview as a JSON object, {"mappings": [...]}.', 'qualified-integration' ),
					Labels::of( 'identity.mappings' )
				)
			);
		}
		$valid = self::validate( $body['mappings'] );
		if ( is_wp_error( $valid ) ) {
			return $valid;
		}

		$settings             = $this->repository->get();
		$settings['identity'] = array_merge(
			is_array( $settings['identity'] ?? null ) ? $settings['identity'] : array(),
			array( 'mappings' => $body['mappings'] )
		);
		$identity             = Resolver::identity( $settings, Context::for_home_page( wp_get_current_user() ) );

		return array(
			'url'     => home_url( '/' ),
			'fields'  => (object) $identity['fields'],
			'browser' => $identity['browser'],
		);
	}

	/**
	 * Validates mappings exactly as saving them would: same rules, same error paths.
	 *
	 * @param mixed $mappings Raw mappings from the body.
	 * @return true|WP_Error
	 */
	private static function validate( $mappings ) {
		$errors = Validator::mapping_errors( $mappings );
		return array() === $errors ? true : Validator::to_rest_error( $errors );
	}

	/**
	 * A 400 about the mappings list itself.
	 *
	 * @param string $message Message.
	 * @return WP_Error
	 */
	private static function bad_request( string $message ): WP_Error {
		return new WP_Error(
			'rest_invalid_param',
			$message,
			array(
				'status' => 400,
				'params' => array( 'identity.mappings' => $message ),
			)
		);
	}
}
