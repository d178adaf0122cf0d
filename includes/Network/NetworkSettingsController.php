<?php
/**
 * REST endpoint for the network's defaults and locks.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Network;

use QualifiedIntegration\Rest\SettingsController;
use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\Status;
use QualifiedIntegration\Settings\Validator;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * GET and POST /qualified-integration/v1/network/settings, multisite only,
 * for users who may manage the network's options (`manage_network_options`).
 *
 * It answers in the shape of the site route (settings, locked, revision,
 * status, problems), so the same React settings app edits the network's
 * defaults on the Network Admin screen: `settings` is what a site that set
 * nothing gets (the schema defaults with the network's values over them),
 * `locked` the wp-config.php locks, and `network` says which fields the
 * network sets (`defaults`) and which it locks on every site (`locked`).
 *
 * A POST takes a partial settings object (each field becomes a network
 * default), and optionally `locked` (the whole new list of locked fields),
 * `reset` (fields whose network default is removed) and `revision` (or an
 * If-Match header). Validation is the site route's, raw and strict, with the
 * same error shape (rest_invalid_param, 400, every bad path in data.params);
 * a stale revision is refused with 409 qualified_integration_conflict.
 */
final class NetworkSettingsController {

	/**
	 * The route, under SettingsController::NAMESPACE.
	 */
	const ROUTE = '/network/settings';

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
			SettingsController::NAMESPACE,
			self::ROUTE,
			array(
				array(
					'methods'             => WP_REST_Server::READABLE,
					'callback'            => array( $this, 'get_item' ),
					'permission_callback' => array( $this, 'check_permission' ),
				),
				array(
					'methods'             => WP_REST_Server::EDITABLE,
					'callback'            => array( $this, 'update_item' ),
					'permission_callback' => array( $this, 'check_permission' ),
					// No 'args': the raw body is validated by NetworkSettings::update(), as on the site route.
				),
			)
		);
	}

	/**
	 * Only network administrators: a site administrator must not change what every site inherits.
	 *
	 * @return true|WP_Error
	 */
	public function check_permission() {
		if ( current_user_can( 'manage_network_options' ) ) {
			return true;
		}
		return new WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to manage the network settings of Qualified.', 'qualified-integration' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * Returns the network settings.
	 *
	 * @return WP_REST_Response
	 */
	public function get_item(): WP_REST_Response {
		return $this->respond();
	}

	/**
	 * Applies a change to the network settings.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function update_item( WP_REST_Request $request ) {
		$decoded = json_decode( (string) $request->get_body() );
		if ( ! $request->is_json_content_type() || ! $decoded instanceof \stdClass ) {
			return new WP_Error(
				'rest_invalid_param',
				__( 'Send the network settings to change as a JSON object, for example {"token":"AbCd1234"}.', 'qualified-integration' ),
				array(
					'status'  => 400,
					'params'  => (object) array(),
					'details' => (object) array(),
				)
			);
		}
		$changes  = (array) $request->get_json_params();
		$expected = $request->get_header( 'If-Match' );
		$extras   = array(
			'locked' => null,
			'reset'  => array(),
		);
		foreach ( array_keys( $extras ) as $key ) {
			if ( array_key_exists( $key, $changes ) ) {
				$extras[ $key ] = $changes[ $key ];
				unset( $changes[ $key ] );
			}
		}
		if ( array_key_exists( 'revision', $changes ) ) {
			if ( ! is_string( $changes['revision'] ) ) {
				return Validator::to_rest_error(
					array( 'revision' => __( 'revision: must be the text the last read returned.', 'qualified-integration' ) )
				);
			}
			$expected = $expected ?? $changes['revision'];
			unset( $changes['revision'] );
		}

		$result = NetworkSettings::update( $changes, $extras['locked'], $extras['reset'], $expected );
		if ( is_wp_error( $result ) ) {
			if ( 'qualified_integration_conflict' === $result->get_error_code() ) {
				$result->add_data(
					array(
						'status'  => 409,
						'current' => $this->payload(),
					)
				);
			}
			return $result;
		}
		return $this->respond();
	}

	/**
	 * A 200 answer with the payload and the revision as ETag.
	 *
	 * @return WP_REST_Response
	 */
	private function respond(): WP_REST_Response {
		$payload  = $this->payload();
		$response = new WP_REST_Response( $payload );
		$response->header( 'ETag', '"' . $payload['revision'] . '"' );
		return $response;
	}

	/**
	 * The response body, in the site route's shape.
	 *
	 * @return array{settings: array<string, mixed>, locked: object, revision: string, status: array<string, mixed>, problems: array<int, array{field: string, message: string}>, network: array{defaults: string[], locked: string[]}}
	 */
	private function payload(): array {
		$settings = NetworkSettings::in_force();
		$locks    = Constants::locks();
		$locked   = array();
		foreach ( $locks as $field => $lock ) {
			$locked[ $field ] = array(
				'source'   => 'constant',
				'constant' => $lock['constant'],
				'error'    => $lock['error'],
			);
		}
		$problems = NetworkSettings::problems();
		$list     = array();
		foreach ( $problems as $path => $message ) {
			$list[] = array(
				'field'   => (string) $path,
				'message' => $message,
			);
		}
		$network = NetworkSettings::get();
		return array(
			'settings' => $settings,
			'locked'   => (object) $locked,
			'revision' => NetworkSettings::revision(),
			'status'   => Status::of( $settings, $problems, $locks, wp_get_current_user() ),
			'problems' => $list,
			'network'  => array(
				'defaults' => array_keys( $network['settings'] ),
				'locked'   => $network['locked'],
			),
		);
	}
}
