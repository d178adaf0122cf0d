<?php
/**
 * REST endpoints of the settings export and import.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Rest;

use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Transfer;
use QualifiedIntegration\Settings\Validator;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * GET /qualified-integration/v1/settings/export and
 * POST /qualified-integration/v1/settings/import.
 *
 * The export answers the document (Settings\Transfer) as a download,
 * secrets only with `secrets=1`. The import takes the file's text in a JSON
 * body, `{"file": "...", "apply": false}`: without `apply` it is a preview
 * (what would change, nothing written), with `apply: true` the changes are
 * written through SettingsRepository::update(), all or nothing. The body
 * is read raw and strictly (an object; `file` text; `apply` true or
 * false; nothing else), and a body too big to hold a settings file is
 * refused before core decodes its JSON.
 *
 * Administrators only (`manage_options`): the export holds the site token,
 * and with secrets the webhook secrets.
 */
final class TransferController {

	const NAMESPACE = SettingsController::NAMESPACE;

	/**
	 * Room in a body for its JSON around the file's text.
	 */
	const BODY_OVERHEAD = 1024;

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * Export and import files.
	 *
	 * @var Transfer
	 */
	private $transfer;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 * @param Transfer           $transfer   Export and import files.
	 */
	public function __construct( SettingsRepository $repository, Transfer $transfer ) {
		$this->repository = $repository;
		$this->transfer   = $transfer;
	}

	/**
	 * Hooks route registration, and the size check that runs before core
	 * reads the body.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_dispatch', array( $this, 'refuse_big_body' ), 10, 3 );
	}

	/**
	 * Registers the routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			'/settings/export',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'export' ),
				'permission_callback' => array( $this, 'permissions_check' ),
				'args'                => array(
					'secrets' => array(
						'description' => __( 'Include secrets (webhook secrets) in the file.', 'qualified-integration' ),
						'type'        => 'boolean',
						'default'     => false,
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/settings/import',
			array(
				'methods'             => WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'import' ),
				'permission_callback' => array( $this, 'permissions_check' ),
				// No 'args': core would coerce "apply": "yes" and skip null. import() reads the raw body.
			)
		);
	}

	/**
	 * Only administrators may export or import the settings.
	 *
	 * @return true|WP_Error
	 */
	public function permissions_check() {
		return AdminPermission::check( __( 'Sorry, you are not allowed to export or import Qualified settings.', 'qualified-integration' ) );
	}

	/**
	 * Refuses an import body too big to be a settings file, before core
	 * decodes its JSON (dispatch() decodes a JSON body before any callback
	 * runs). Either its Content-Length or its text counts: PHP drops a body
	 * over post_max_size and keeps only the header.
	 *
	 * @param mixed           $result  Response so far (null: none).
	 * @param WP_REST_Server  $server  Server.
	 * @param WP_REST_Request $request Request.
	 * @return mixed
	 */
	public function refuse_big_body( $result, $server, $request ) {
		if ( null !== $result || ! $request instanceof WP_REST_Request || '/' . self::NAMESPACE . '/settings/import' !== untrailingslashit( $request->get_route() ) ) {
			return $result;
		}
		$limit = Transfer::MAX_BYTES + self::BODY_OVERHEAD;
		$bytes = max( (int) $request->get_header( 'Content-Length' ), strlen( (string) $request->get_body() ) );
		return $bytes > $limit ? Transfer::too_big( $bytes ) : $result;
	}

	/**
	 * The export: the document, as a file download.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response
	 */
	public function export( WP_REST_Request $request ): WP_REST_Response {
		$document = $this->transfer->export( $this->repository->get(), true === $request['secrets'] );
		$response = new WP_REST_Response( $document );
		$response->header( 'Content-Disposition', 'attachment; filename="' . self::file_name() . '"' );
		return $response;
	}

	/**
	 * The import: a preview, or the changes applied.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return WP_REST_Response|WP_Error
	 */
	public function import( WP_REST_Request $request ) {
		$body = self::read_body( $request );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$raw = $this->transfer->decode( $body['file'] );
		if ( is_wp_error( $raw ) ) {
			return $raw;
		}
		$from     = (int) $raw['schemaVersion'];
		$document = $this->transfer->migrate( $raw );
		$unknown  = Transfer::unknown_fields( $document );
		if ( array() !== $unknown ) {
			return Validator::to_rest_error( $unknown );
		}
		$plan = $this->transfer->plan( $document );
		if ( is_wp_error( $plan ) ) {
			return $plan;
		}

		$answer = array(
			'fromVersion' => $from,
			'changes'     => $plan['diff'],
			'applied'     => false,
		);
		if ( $body['apply'] ) {
			if ( array() !== $plan['changes'] ) {
				$expected = $request->get_header( 'If-Match' );
				$written  = $this->repository->update( $plan['changes'], $expected );
				if ( is_wp_error( $written ) ) {
					return $written;
				}
			}
			$answer['applied']  = true;
			$answer['settings'] = ( new SettingsController( $this->repository ) )->get_item( $request )->get_data();
		}
		return new WP_REST_Response( $answer );
	}

	/**
	 * The body, checked strictly: a JSON object with `file` (text) and
	 * optionally `apply` (true or false), and no other key.
	 *
	 * @param WP_REST_Request $request Request.
	 * @return array{file: string, apply: bool}|WP_Error
	 */
	private static function read_body( WP_REST_Request $request ) {
		$decoded = $request->is_json_content_type() ? json_decode( (string) $request->get_body() ) : null;
		if ( ! $decoded instanceof \stdClass ) {
			return new WP_Error(
				'rest_invalid_param',
				__( 'Send a JSON object: {"file": "<the text of the settings file>", "apply": false}.', 'qualified-integration' ),
				array(
					'status'  => 400,
					'params'  => (object) array(),
					'details' => (object) array(),
				)
			);
		}
		$body   = (array) $request->get_json_params();
		$errors = array();
		if ( ! is_string( $body['file'] ?? null ) ) {
			$errors['file'] = __( 'file: must be the text of the settings file, as a string.', 'qualified-integration' );
		}
		if ( array_key_exists( 'apply', $body ) && ! is_bool( $body['apply'] ) ) {
			$errors['apply'] = __( 'apply: must be true (import) or false (preview only).', 'qualified-integration' );
		}
		foreach ( array_keys( $body ) as $key ) {
			if ( ! in_array( $key, array( 'file', 'apply' ), true ) ) {
				$name            = 1 === preg_match( '/\A[A-Za-z0-9_-]{1,64}\z/D', (string) $key ) ? (string) $key : 'body';
				$errors[ $name ] = sprintf(
					/* translators: %s: name of the key sent. */
					__( '%s: not something this route takes; send only file and apply.', 'qualified-integration' ),
					'body' === $name ? __( 'A key', 'qualified-integration' ) : $name
				);
			}
		}
		if ( array() !== $errors ) {
			return Validator::to_rest_error( $errors );
		}
		return array(
			'file'  => (string) $body['file'],
			'apply' => true === ( $body['apply'] ?? false ),
		);
	}

	/**
	 * The download's name: qualified-settings-<host>-<Y-m-d>.json, the
	 * site's host and today's date in the site's time zone.
	 *
	 * @return string
	 */
	private static function file_name(): string {
		$host = (string) wp_parse_url( home_url(), PHP_URL_HOST );
		$host = (string) preg_replace( '/[^A-Za-z0-9.-]+/', '-', '' === $host ? 'site' : $host );
		return 'qualified-settings-' . $host . '-' . wp_date( 'Y-m-d' ) . '.json';
	}
}
