<?php
/**
 * Qualified in WordPress 7's Settings -> Connectors screen.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Connectors;

use QualifiedIntegration\RequestType;
use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;
use WP_Connector_Registry;

defined( 'ABSPATH' ) || exit;

/**
 * Registers Qualified as a connector (WordPress 7.0+), so site owners find it
 * under Settings -> Connectors next to the other services the site talks to,
 * with its logo, where the token comes from and the constant that may hold it.
 *
 * The Connectors screen edits an API key through a registered setting (read
 * and written with /wp/v2/settings). The token must keep living in the
 * plugin's one settings object, so that setting is virtual: reading it returns
 * the token in force, and writing it goes through the settings repository
 * (validation, locks) and stores nothing of its own.
 *
 * Feature-detected: on WordPress before 7.0 there is no registry and this
 * service adds no hook.
 */
final class QualifiedConnector {

	/**
	 * Connector ID in core's registry.
	 */
	const ID = 'qualified';

	/**
	 * The virtual setting the Connectors screen reads and writes.
	 */
	const SETTING = 'qualified_integration_token';

	/**
	 * Where a Qualified admin finds the site token.
	 */
	const CREDENTIALS_URL = 'https://app.qualified.com/';

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
	 * Whether this WordPress has the Connectors API (7.0+).
	 *
	 * @return bool
	 */
	public static function is_supported(): bool {
		return class_exists( WP_Connector_Registry::class, false );
	}

	/**
	 * Hooks the connector, the virtual setting and its read/write path.
	 */
	public function register(): void {
		if ( ! self::is_supported() ) {
			return;
		}
		// Only where the Connectors screen or the REST API can read them (RequestType): a page view
		// has no use for the entry, and its translated texts would cost it a translation file lookup.
		add_action( 'wp_connectors_init', array( $this, 'register_for_editing' ) );
		// Before core's own registration of connector settings (init, 20), which then leaves ours alone.
		add_action( 'init', array( $this, 'register_setting_for_editing' ), 19 );
		add_action( 'rest_api_init', array( $this, 'register_rest_schema' ), 0 );
		add_filter( 'pre_option_' . self::SETTING, array( $this, 'read_token' ) );
		add_filter( 'pre_update_option_' . self::SETTING, array( $this, 'write_token' ), 10, 2 );
	}

	/**
	 * Adds Qualified to core's connector registry on requests that edit or
	 * describe the site (admin screens, REST, WP-CLI), not on page views.
	 *
	 * @param WP_Connector_Registry $registry Connector registry.
	 */
	public function register_for_editing( $registry ): void {
		if ( RequestType::edits() ) {
			$this->register_connector( $registry );
		}
	}

	/**
	 * Registers the token setting on requests that edit or describe the site
	 * (a REST request registers it again with its schema on rest_api_init).
	 */
	public function register_setting_for_editing(): void {
		if ( RequestType::edits() ) {
			$this->register_setting();
		}
	}

	/**
	 * Adds Qualified to core's connector registry.
	 *
	 * @param WP_Connector_Registry $registry Connector registry.
	 */
	public function register_connector( $registry ): void {
		if ( ! $registry instanceof WP_Connector_Registry || $registry->is_registered( self::ID ) ) {
			return;
		}
		$registry->register(
			self::ID,
			// @phpstan-ignore argument.type (Core's stub wants non-empty strings: these are literals, a translation of one, and URLs and names built from the plugin file.)
			array(
				'name'           => 'Qualified',
				'description'    => __( 'The Qualified messenger on your pages: chat with visitors and book meetings. Needs your Qualified site token.', 'qualified-integration' ),
				'logo_url'       => plugins_url( 'assets/connector-logo.svg', QUALIFIED_INTEGRATION_FILE ),
				'type'           => 'messaging',
				'plugin'         => array(
					'file'      => plugin_basename( QUALIFIED_INTEGRATION_FILE ),
					'is_active' => '__return_true',
				),
				'authentication' => array(
					'method'          => 'api_key',
					'credentials_url' => self::CREDENTIALS_URL,
					'setting_name'    => self::SETTING,
					'constant_name'   => Constants::name_for( 'token' ),
				),
			)
		);
	}

	/**
	 * Registers the virtual setting on every request (before core's own
	 * registration of connector settings, which then leaves it alone), with
	 * a bare string schema: only the REST API uses the schema, and reading
	 * the token's costs a page view a JSON decode (register_rest_schema()).
	 */
	public function register_setting(): void {
		$this->register_with_schema( array( 'type' => 'string' ) );
	}

	/**
	 * Registers the virtual setting again for a REST request, with the
	 * token's own schema, so that /wp/v2/settings refuses a bad token with a
	 * 400 before anything runs.
	 */
	public function register_rest_schema(): void {
		$token  = Schema::properties()['token'] ?? array();
		$schema = array_intersect_key( $token, array_flip( array( 'type', 'maxLength' ) ) );
		if ( isset( $token['pattern'] ) ) {
			// The schema's pattern is written for JSON Schema (^...$); core applies it with PHP,
			// where $ also matches before a final newline. \A...\z makes it whole-string, as
			// Validator::matches() does for the plugin's own routes.
			$schema['pattern'] = '\A(?:' . $token['pattern'] . ')\z';
		}
		$this->register_with_schema( $schema );
	}

	/**
	 * Registers the virtual setting.
	 *
	 * @param array<string, mixed> $schema Its REST schema.
	 */
	private function register_with_schema( array $schema ): void {
		register_setting(
			'connectors',
			self::SETTING,
			array(
				'type'         => 'string',
				'label'        => __( 'Qualified site token', 'qualified-integration' ),
				'description'  => __( 'The site token from Qualified. Stored in the Qualified Integration settings.', 'qualified-integration' ),
				'default'      => '',
				'show_in_rest' => array( 'schema' => $schema ),
			)
		);
	}

	/**
	 * Reading the virtual setting gives the token in force.
	 *
	 * @return string
	 */
	public function read_token(): string {
		$settings = $this->repository->get();
		return is_string( $settings['token'] ?? null ) ? $settings['token'] : '';
	}

	/**
	 * Writing the virtual setting changes the plugin's settings object and
	 * stores nothing else: returning the old value makes update_option() stop
	 * there. A refused value (a lock, a bad token) changes nothing.
	 *
	 * @param mixed $value     New value.
	 * @param mixed $old_value Value before (the token in force).
	 * @return mixed
	 */
	public function write_token( $value, $old_value ) {
		if ( is_string( $value ) && $value !== $old_value ) {
			$this->repository->update( array( 'token' => $value ) );
		}
		return $old_value;
	}
}
