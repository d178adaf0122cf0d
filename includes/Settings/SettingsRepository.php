<?php
/**
 * The stored settings object.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Owns the one option that holds the plugin's settings: reads it merged with
 * the schema defaults and the wp-config.php locks, and writes it only after
 * validation, so a bad write changes nothing.
 *
 * The option is autoloaded: reading it on a public page costs no query.
 */
final class SettingsRepository {

	const OPTION = 'qualified_integration_settings';

	/**
	 * Wires the option into core's settings registry.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_setting' ) );
	}

	/**
	 * Registers the option so that any writer, update_option() included,
	 * passes through the sanitizer and unset values fall back to defaults.
	 */
	public function register_setting(): void {
		register_setting(
			'qualified_integration',
			self::OPTION,
			array(
				'type'              => 'object',
				'description'       => __( 'Qualified Integration settings.', 'qualified-integration' ),
				'default'           => Schema::defaults(),
				'sanitize_callback' => array( $this, 'sanitize' ),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * Normalises a raw option value: unknown keys dropped, invalid or missing
	 * fields set to their default, the current schema version stamped.
	 *
	 * @param mixed $value Raw option value.
	 * @return array<string, mixed>
	 */
	public function sanitize( $value ): array {
		$value  = is_array( $value ) ? $value : array();
		$result = Schema::defaults();
		foreach ( Schema::editable_properties() as $field => $property ) {
			if ( array_key_exists( $field, $value ) && true === Validator::validate_field( $value[ $field ], $field ) ) {
				$result[ $field ] = Validator::sanitize_field( $value[ $field ], $field );
			}
		}
		$result['schemaVersion'] = Schema::VERSION;
		return $result;
	}

	/**
	 * The settings as stored, without wp-config.php overrides.
	 *
	 * @return array<string, mixed>
	 */
	public function stored(): array {
		return $this->sanitize( get_option( self::OPTION, array() ) );
	}

	/**
	 * The settings in force: stored values with wp-config.php locks applied.
	 *
	 * @return array<string, mixed>
	 */
	public function get(): array {
		$settings = $this->stored();
		foreach ( Constants::locks() as $field => $lock ) {
			$settings[ $field ] = $lock['value'];
		}
		return $settings;
	}

	/**
	 * Names of the fields that wp-config.php locks.
	 *
	 * @return string[]
	 */
	public function locked_fields(): array {
		return array_keys( Constants::locks() );
	}

	/**
	 * Applies a partial change after validating all of it.
	 *
	 * @param array<string, mixed> $changes Field name to new value.
	 * @return array<string, mixed>|WP_Error The settings in force after the change, or why nothing changed.
	 */
	public function update( array $changes ) {
		$valid = Validator::validate_changes( $changes, $this->locked_fields() );
		if ( is_wp_error( $valid ) ) {
			return $valid;
		}

		$next = $this->stored();
		foreach ( $changes as $field => $value ) {
			$next[ $field ] = Validator::sanitize_field( $value, (string) $field );
		}
		update_option( self::OPTION, $next, true );

		return $this->get();
	}
}
