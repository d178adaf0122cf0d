<?php
/**
 * Settings fixed in wp-config.php.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the wp-config.php constants that override and lock settings fields,
 * so an agency can pin a value (the token, say) that no admin can change.
 *
 * Each editable field has one constant: QUALIFIED_INTEGRATION_ followed by
 * the field name in upper snake case (token: QUALIFIED_INTEGRATION_TOKEN,
 * excludeRoles: QUALIFIED_INTEGRATION_EXCLUDE_ROLES).
 */
final class Constants {

	const PREFIX = 'QUALIFIED_INTEGRATION_';

	/**
	 * Name of the constant that locks a field.
	 *
	 * @param string $field Field name, as in the schema.
	 * @return string
	 */
	public static function name_for( string $field ): string {
		return self::PREFIX . strtoupper( (string) preg_replace( '/(?<!^)[A-Z]/', '_$0', $field ) );
	}

	/**
	 * Every field a constant locks, with the constant's name, its value when
	 * valid, and the validation message when not. An invalid constant still
	 * locks its field (the admin must fix wp-config.php, not override it),
	 * but its value is replaced by the field's default.
	 *
	 * @return array<string, array{constant: string, value: mixed, error: string|null}>
	 */
	public static function locks(): array {
		$locks = array();
		foreach ( Schema::editable_properties() as $field => $property ) {
			$constant = self::name_for( $field );
			if ( ! defined( $constant ) ) {
				continue;
			}
			$value = constant( $constant );
			$valid = Validator::validate_field( $value, $field );
			if ( is_wp_error( $valid ) ) {
				$locks[ $field ] = array(
					'constant' => $constant,
					'value'    => $property['default'] ?? null,
					'error'    => $valid->get_error_message(),
				);
				continue;
			}
			$locks[ $field ] = array(
				'constant' => $constant,
				'value'    => Validator::sanitize_field( $value, $field ),
				'error'    => null,
			);
		}
		return $locks;
	}
}
