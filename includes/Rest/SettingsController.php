<?php
/**
 * REST endpoint for the settings object.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Rest;

use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Validator;
use WP_Error;
use WP_REST_Controller;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * GET and POST /qualified-integration/v1/settings.
 *
 * Reads return the settings in force plus which fields wp-config.php locks.
 * Writes take a partial object; it is applied whole or not at all, and every
 * error names its field (rest_invalid_param, HTTP 400).
 */
final class SettingsController extends WP_REST_Controller {

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
		$this->namespace  = 'qualified-integration/v1';
		$this->rest_base  = 'settings';
	}

	/**
	 * Hooks route registration.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			$this->namespace,
			'/' . $this->rest_base,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'get_item_permissions_check' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'update_item_permissions_check' ),
					'args'                => $this->get_endpoint_args_for_item_schema( WP_REST_Server::EDITABLE ),
				),
				'schema' => array( $this, 'get_public_item_schema' ),
			)
		);
	}

	/**
	 * Only administrators may read the settings: they hold the site token.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function get_item_permissions_check( $request ) {
		return $this->check_permission();
	}

	/**
	 * Only administrators may change the settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return true|WP_Error
	 */
	public function update_item_permissions_check( $request ) {
		return $this->check_permission();
	}

	/**
	 * Returns the settings in force.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function get_item( $request ) {
		return rest_ensure_response( $this->prepare_payload( $this->repository->get() ) );
	}

	/**
	 * Applies a partial change to the settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$body    = $request->get_json_params();
		$changes = is_array( $body ) ? $body : $request->get_body_params();

		// Core has validated and sanitised the known fields against the args; unknown and
		// read-only ones come through raw, and the repository refuses them by name.
		$values = array();
		foreach ( array_keys( $changes ) as $field ) {
			$values[ $field ] = $request->get_param( $field );
		}

		$settings = $this->repository->update( $values );
		if ( is_wp_error( $settings ) ) {
			return $settings;
		}
		return rest_ensure_response( $this->prepare_payload( $settings ) );
	}

	/**
	 * Schema of the response: the settings object and the lock list.
	 *
	 * @return array<string, mixed>
	 */
	public function get_item_schema() {
		if ( $this->schema ) {
			return $this->add_additional_fields_schema( $this->schema );
		}

		$settings     = Schema::get();
		$this->schema = array(
			'$schema'    => 'http://json-schema.org/draft-04/schema#',
			'title'      => 'qualified-integration-settings',
			'type'       => 'object',
			'properties' => array(
				'settings' => array_merge(
					$settings,
					array( 'context' => array( 'view', 'edit' ) )
				),
				'locked'   => array(
					'description' => __( 'Fields fixed by constants in wp-config.php.', 'qualified-integration' ),
					'type'        => 'object',
					'readonly'    => true,
					'context'     => array( 'view', 'edit' ),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * Write arguments: one per editable field, with the field's own schema.
	 *
	 * @param string $method HTTP method of the request.
	 * @return array<string, array<string, mixed>>
	 */
	public function get_endpoint_args_for_item_schema( $method = WP_REST_Server::CREATABLE ) {
		$args = array();
		foreach ( Schema::editable_properties() as $field => $property ) {
			unset( $property['default'] );
			$args[ $field ] = array_merge(
				$property,
				array(
					'required'          => false,
					'validate_callback' => static function ( $value, $request, $param ) {
						return Validator::validate_field( $value, $param );
					},
					'sanitize_callback' => static function ( $value, $request, $param ) {
						return Validator::sanitize_field( $value, $param );
					},
				)
			);
		}
		return $args;
	}

	/**
	 * The response body: the settings in force and the locks.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return array{settings: array<string, mixed>, locked: array<string, array{constant: string, error: string|null}>}
	 */
	private function prepare_payload( array $settings ): array {
		$locked = array();
		foreach ( Constants::locks() as $field => $lock ) {
			$locked[ $field ] = array(
				'constant' => $lock['constant'],
				'error'    => $lock['error'],
			);
		}
		return array(
			'settings' => $settings,
			'locked'   => (object) $locked,
		);
	}

	/**
	 * The capability check shared by both methods.
	 *
	 * @return true|WP_Error
	 */
	private function check_permission() {
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to manage Qualified settings.', 'qualified-integration' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
