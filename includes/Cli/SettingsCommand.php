<?php
/**
 * `wp qualified get` and `wp qualified set`.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use QualifiedIntegration\Network\NetworkSettings;
use QualifiedIntegration\Settings\DotPath;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Validator;
use WP_CLI;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and changes settings by path (`experiences.rules[0].label`). A
 * change is applied to the settings in force, and the top-level field it
 * is in is saved through SettingsRepository::update(), the one writer: the
 * same validation as REST, word for word, and locked fields refused.
 */
final class SettingsCommand {

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
	 * Prints the settings in force, or the value at a path.
	 *
	 * Text and numbers print as they are; objects and lists as JSON.
	 *
	 * ## OPTIONS
	 *
	 * [<path>]
	 * : Names joined by dots, list items by number in brackets from 0. Without a path: every setting.
	 *
	 * [--network]
	 * : On a multisite network: the network defaults (with the schema defaults under them) instead of one site's settings.
	 *
	 * [--format=<format>]
	 * : plain prints text as it is; json prints every value as JSON (text in quotes).
	 * ---
	 * default: plain
	 * options:
	 *   - plain
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified get token
	 *     AbCd1234EfGh5678
	 *
	 *     $ wp qualified get experiences.rules[0].then
	 *     {
	 *         "action": "hide"
	 *     }
	 *
	 *     $ wp qualified get enabled --format=json
	 *     true
	 *
	 * @param string[]              $args       Positional arguments: the path, if any.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function get( array $args, array $assoc_args ): void {
		$value = isset( $assoc_args['network'] ) ? self::network_settings() : $this->repository->get();
		if ( isset( $args[0] ) ) {
			$steps = DotPath::parse( $args[0] );
			if ( is_wp_error( $steps ) ) {
				Output::fail( $steps );
			}
			if ( ! DotPath::exists( $value, $steps ) ) {
				/* translators: %s: settings path. */
				Output::fail( new WP_Error( 'qualified_integration_path', sprintf( __( 'There is no setting at %s.', 'qualified-integration' ), DotPath::format( $steps ) ) ) );
			}
			$value = DotPath::get( $value, $steps );
		}
		if ( 'json' !== ( $assoc_args['format'] ?? 'plain' ) && ( is_string( $value ) || is_int( $value ) || is_float( $value ) ) ) {
			WP_CLI::line( (string) $value );
			return;
		}
		WP_CLI::line( Output::json( $value ) );
	}

	/**
	 * Changes the setting at a path, validated as the settings screen's save.
	 *
	 * The value is read as JSON when it is JSON (true, 90, "text", [...],
	 * {...}), else taken as text. A bad value, or a field locked in
	 * wp-config.php, exits 1 with the message the REST API gives, and
	 * nothing is changed.
	 *
	 * ## OPTIONS
	 *
	 * <path>
	 * : Names joined by dots, list items by number in brackets from 0; the number just past the end adds an item.
	 *
	 * <value>
	 * : The new value: JSON, or text.
	 *
	 * [--string]
	 * : Take the value as text even when it reads as JSON (a token made of digits only).
	 *
	 * [--network]
	 * : On a multisite network: set the network default, which every site inherits unless it set its own (or the network locks the field: `wp qualified lock`).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified set token AbCd1234EfGh5678
	 *     Success: Set token.
	 *
	 *     $ wp qualified set excludeRoles '["administrator","editor"]'
	 *     Success: Set excludeRoles.
	 *
	 *     $ wp qualified set experiences.rules[0].enabled false
	 *     Success: Set experiences.rules[0].enabled.
	 *
	 *     $ wp qualified set token AbCd1234EfGh5678 --network
	 *     Success: Set token for every site of the network.
	 *
	 *     $ wp qualified set token 'not a token!'
	 *     Error: Site token: use only letters and digits ...
	 *
	 * @param string[]              $args       Positional arguments: path and value.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function set( array $args, array $assoc_args ): void {
		$steps = DotPath::parse( (string) ( $args[0] ?? '' ) );
		if ( is_wp_error( $steps ) ) {
			Output::fail( $steps );
		}
		$raw   = (string) ( $args[1] ?? '' );
		$value = isset( $assoc_args['string'] ) ? $raw : self::parse_value( $raw );
		$field = (string) array_shift( $steps );

		if ( ! isset( Schema::editable_properties()[ $field ] ) ) {
			$refused = Validator::validate_changes( array( $field => $value ) );
			Output::fail( is_wp_error( $refused ) ? $refused : new WP_Error( 'rest_invalid_param', $field ) );
		}
		$network  = isset( $assoc_args['network'] );
		$settings = $network ? self::network_settings() : $this->repository->get();
		$next     = DotPath::set( $settings[ $field ] ?? null, $steps, $value, $field );
		if ( is_wp_error( $next ) ) {
			Output::fail( $next );
		}
		$saved = $network ? NetworkSettings::update( array( $field => $next ) ) : $this->repository->update( array( $field => $next ) );
		if ( is_wp_error( $saved ) ) {
			Output::fail( $saved );
		}
		$path = DotPath::format( array_merge( array( $field ), $steps ) );
		/* translators: %s: settings path. */
		WP_CLI::success( sprintf( $network ? __( 'Set %s for every site of the network.', 'qualified-integration' ) : __( 'Set %s.', 'qualified-integration' ), $path ) );
	}

	/**
	 * The network defaults as `--network` reads and edits them; exits 1
	 * off multisite, where there are none.
	 *
	 * @return array<string, mixed>
	 */
	public static function network_settings(): array {
		if ( ! is_multisite() ) {
			Output::fail( new WP_Error( 'qualified_integration_not_multisite', __( 'Network settings exist only on a multisite network.', 'qualified-integration' ) ) );
		}
		return NetworkSettings::in_force();
	}

	/**
	 * A command-line value: its JSON meaning when it is JSON, else the text.
	 *
	 * @param string $raw Value as typed.
	 * @return mixed
	 */
	private static function parse_value( string $raw ) {
		$decoded = json_decode( $raw, true, 64 );
		return JSON_ERROR_NONE === json_last_error() ? $decoded : $raw;
	}
}
