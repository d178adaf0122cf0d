<?php
/**
 * REST endpoint for the settings object.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Rest;

use QualifiedIntegration\Network\NetworkSettings;
use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Status;
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
 * Reads return the settings in force, which fields wp-config.php locks, the
 * revision (also the ETag header), whether Qualified is live and which
 * stored or constant values were refused. Writes take a partial JSON object,
 * validated RAW (core's argument handling is off for this route: it skips
 * null and coerces types); it is applied whole or not at all, every error
 * names its path (rest_invalid_param, HTTP 400), and a write made on a stale
 * revision (If-Match header or body `revision`) is refused with 409
 * qualified_integration_conflict and the current payload in data.current.
 *
 * A body's `reset` (a list of field names) gives fields back to their
 * default: on multisite the network's ("Use network default"), else the
 * schema's. `locked` names each locked field with its source: `constant`
 * (wp-config.php) or `network` (the network administrator).
 */
final class SettingsController extends WP_REST_Controller {

	/**
	 * The plugin's REST namespace (the preview routes share it).
	 */
	const NAMESPACE = 'qualified-integration/v1';

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
		$this->namespace  = self::NAMESPACE;
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
			self::NAMESPACE,
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
					// No 'args': core would coerce values and skip null, and its sanitize
					// step warns on a scalar JSON body. update_item() validates the raw body.
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
		return $this->respond( $this->repository->get() );
	}

	/**
	 * Applies a partial change to the settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( $request ) {
		$changes = $this->read_body( $request );
		if ( is_wp_error( $changes ) ) {
			return $changes;
		}

		$expected = $request->get_header( 'If-Match' );
		if ( array_key_exists( 'revision', $changes ) ) {
			if ( ! is_string( $changes['revision'] ) ) {
				return Validator::to_rest_error(
					array( 'revision' => __( 'revision: must be the text the last read returned.', 'qualified-integration' ) )
				);
			}
			$expected = $expected ?? $changes['revision'];
			unset( $changes['revision'] );
		}
		$reset = array();
		if ( array_key_exists( 'reset', $changes ) ) {
			$reset = $changes['reset'];
			unset( $changes['reset'] );
		}

		$settings = $this->repository->update( $changes, $expected, $reset );
		if ( is_wp_error( $settings ) ) {
			if ( 'qualified_integration_conflict' === $settings->get_error_code() ) {
				$settings->add_data(
					array(
						'status'  => 409,
						'current' => $this->prepare_payload( $this->repository->get() ),
					)
				);
			}
			return $settings;
		}
		return $this->respond( $settings );
	}

	/**
	 * The change the client sent: a JSON object (or form fields), as sent.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array<string, mixed>|WP_Error
	 */
	private function read_body( WP_REST_Request $request ) {
		if ( ! $request->is_json_content_type() ) {
			$fields = $request->get_body_params();
			return empty( $fields ) ? $this->not_an_object() : $fields;
		}
		// Core has refused malformed JSON already; decoding again tells "{}" from "[]".
		$decoded = json_decode( (string) $request->get_body() );
		if ( ! $decoded instanceof \stdClass ) {
			return $this->not_an_object();
		}
		return (array) $request->get_json_params();
	}

	/**
	 * The answer to a body that is not an object ("token", 42, [], null, nothing).
	 *
	 * @return WP_Error
	 */
	private function not_an_object(): WP_Error {
		return new WP_Error(
			'rest_invalid_param',
			__( 'Send the settings to change as a JSON object, for example {"token":"AbCd1234"}.', 'qualified-integration' ),
			array(
				'status'  => 400,
				'params'  => (object) array(),
				'details' => (object) array(),
			)
		);
	}

	/**
	 * A 200 answer with the payload and the revision as ETag.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return WP_REST_Response
	 */
	private function respond( array $settings ): WP_REST_Response {
		$payload  = $this->prepare_payload( $settings );
		$response = new WP_REST_Response( $payload );
		$response->header( 'ETag', '"' . $payload['revision'] . '"' );
		return $response;
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
					'description' => __( 'Fields fixed by constants in wp-config.php or by the network administrator, with their source.', 'qualified-integration' ),
					'type'        => 'object',
					'readonly'    => true,
					'context'     => array( 'view', 'edit' ),
				),
				'revision' => array(
					'description' => __( 'Version of the stored settings; send it back in If-Match.', 'qualified-integration' ),
					'type'        => 'string',
					'readonly'    => true,
					'context'     => array( 'view', 'edit' ),
				),
				'status'   => array(
					'description' => __( 'Whether Qualified loads for the current user, and why not.', 'qualified-integration' ),
					'type'        => 'object',
					'readonly'    => true,
					'context'     => array( 'view', 'edit' ),
				),
				'problems' => array(
					'description' => __( 'Stored or constant values that were refused and replaced.', 'qualified-integration' ),
					'type'        => 'array',
					'readonly'    => true,
					'context'     => array( 'view', 'edit' ),
				),
			),
		);
		return $this->add_additional_fields_schema( $this->schema );
	}

	/**
	 * The response body: the settings in force, the locks, the revision, the
	 * status and the refused values.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * On multisite `network` says which fields the site set itself (`own`)
	 * and which the network has a default for (`defaults`).
	 *
	 * @return array{settings: array<string, mixed>, locked: object, revision: string, status: array<string, mixed>, problems: array<int, array{field: string, message: string}>, network?: array{own: string[], defaults: string[]}}
	 */
	private function prepare_payload( array $settings ): array {
		$locks    = Constants::locks();
		$locked   = $this->repository->locks();
		$problems = $this->repository->problems();
		$list     = array();
		foreach ( $problems as $path => $message ) {
			$list[] = array(
				'field'   => (string) $path,
				'message' => $message,
			);
		}
		$payload = array(
			'settings' => $settings,
			'locked'   => (object) $locked,
			'revision' => $this->repository->revision(),
			'status'   => Status::of( $settings, $problems, $locks, wp_get_current_user() ),
			'problems' => $list,
		);
		if ( is_multisite() ) {
			$payload['network'] = array(
				'own'      => $this->repository->own_fields(),
				'defaults' => array_keys( NetworkSettings::get()['settings'] ),
			);
		}
		return $payload;
	}

	/**
	 * The capability check shared by both methods.
	 *
	 * @return true|WP_Error
	 */
	private function check_permission() {
		return AdminPermission::check( __( 'Sorry, you are not allowed to manage Qualified settings.', 'qualified-integration' ) );
	}
}
