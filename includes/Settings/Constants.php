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
	 * Every field a constant locks, with the constant's name, the value in
	 * force and the validation message when the constant was refused. An
	 * invalid constant still locks its field (the admin must fix
	 * wp-config.php, not override it). Its value is checked raw and strictly
	 * (QUALIFIED_INTEGRATION_ENABLED 'off', 'no' or 'yes' is not a boolean;
	 * a token "Abc\n" is not a token), and replaced by what
	 * Validator::clean_field() keeps: the list without its stale items, or
	 * the field's fallback, which for `enabled` is false: an invalid
	 * off-switch fails closed.
	 *
	 * @return array<string, array{constant: string, value: mixed, error: string|null}>
	 */
	public static function locks(): array {
		$locks = array();
		foreach ( array_keys( Schema::editable_properties() ) as $field ) {
			$constant = self::name_for( $field );
			if ( ! defined( $constant ) ) {
				continue;
			}
			$value = constant( $constant );

			list( $clean, $problems ) = Validator::clean_field( $value, $field );
			$locks[ $field ]          = array(
				'constant' => $constant,
				'value'    => $clean,
				'error'    => empty( $problems ) ? null : implode( ' ', $problems ),
			);
		}
		return $locks;
	}
}
