<?php
/**
 * Validation of settings input.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Checks settings input against the schema, plus the few rules a JSON schema
 * cannot express (a role must exist on this site). Every writer (REST, CLI,
 * constants) goes through here, and every error names the field at fault in
 * the shape core's REST API uses for bad arguments (rest_invalid_param).
 */
final class Validator {

	/**
	 * Validates one field's value.
	 *
	 * @param mixed  $value Input value.
	 * @param string $field Field name.
	 * @return true|WP_Error
	 */
	public static function validate_field( $value, string $field ) {
		$properties = Schema::editable_properties();
		if ( ! isset( $properties[ $field ] ) ) {
			return new WP_Error(
				'rest_invalid_param',
				/* translators: %s: settings field name. */
				sprintf( __( '%s is not a setting you can change.', 'qualified-integration' ), $field )
			);
		}

		$valid = rest_validate_value_from_schema( $value, $properties[ $field ], $field );
		if ( is_wp_error( $valid ) ) {
			return self::reword( $valid, $field, $value );
		}

		if ( 'excludeRoles' === $field ) {
			return self::validate_roles( (array) $value, $field );
		}
		return true;
	}

	/**
	 * Coerces a valid value to its schema type ("1" to true and the like).
	 *
	 * @param mixed  $value Validated input value.
	 * @param string $field Field name.
	 * @return mixed
	 */
	public static function sanitize_field( $value, string $field ) {
		$properties = Schema::editable_properties();
		return rest_sanitize_value_from_schema( $value, $properties[ $field ] ?? array(), $field );
	}

	/**
	 * Validates a set of changes: every key must be an editable, unlocked
	 * field and every value valid. All problems are reported at once.
	 *
	 * @param array<string, mixed> $changes Field name to new value.
	 * @param string[]             $locked  Fields that constants lock.
	 * @return true|WP_Error
	 */
	public static function validate_changes( array $changes, array $locked = array() ) {
		$errors = array();
		foreach ( $changes as $field => $value ) {
			$field = (string) $field;
			if ( in_array( $field, $locked, true ) ) {
				$errors[ $field ] = new WP_Error(
					'rest_invalid_param',
					/* translators: 1: settings field name, 2: PHP constant name. */
					sprintf( __( '%1$s is locked by the %2$s constant in wp-config.php.', 'qualified-integration' ), $field, Constants::name_for( $field ) )
				);
				continue;
			}
			$valid = self::validate_field( $value, $field );
			if ( is_wp_error( $valid ) ) {
				$errors[ $field ] = $valid;
			}
		}
		return empty( $errors ) ? true : self::to_rest_error( $errors );
	}

	/**
	 * Builds one error in the shape of core's invalid-argument response.
	 *
	 * @param array<string, WP_Error> $errors Field name to its error.
	 * @return WP_Error
	 */
	public static function to_rest_error( array $errors ): WP_Error {
		$params  = array();
		$details = array();
		foreach ( $errors as $field => $error ) {
			$params[ $field ]  = $error->get_error_message();
			$details[ $field ] = rest_convert_error_to_response( $error )->get_data();
		}
		return new WP_Error(
			'rest_invalid_param',
			/* translators: %s: list of settings field names. */
			sprintf( __( 'Invalid parameter(s): %s', 'qualified-integration' ), implode( ', ', array_keys( $errors ) ) ),
			array(
				'status'  => 400,
				'params'  => $params,
				'details' => $details,
			)
		);
	}

	/**
	 * Replaces core's "does not match pattern ^[A-Za-z0-9]*$" with words an
	 * admin understands; the pattern stays the rule, in the schema.
	 *
	 * @param WP_Error $error Error from core's schema validation.
	 * @param string   $field Field name.
	 * @param mixed    $value The value refused.
	 * @return WP_Error
	 */
	private static function reword( WP_Error $error, string $field, $value ): WP_Error {
		if ( 'rest_invalid_pattern' !== $error->get_error_code() ) {
			return $error;
		}
		$messages = array(
			/* translators: %s: settings field name. */
			'token'        => __( '%s may contain only letters and digits (A-Z, a-z, 0-9).', 'qualified-integration' ),
			/* translators: %s: settings field name. */
			'excludeRoles' => __( '%s must be a role slug (lowercase letters, digits, "_" and "-").', 'qualified-integration' ),
		);
		if ( ! isset( $messages[ $field ] ) ) {
			return $error;
		}

		// In a list, name the item at fault, as core does: excludeRoles[2].
		$name  = $field;
		$items = Schema::properties()[ $field ]['items'] ?? array();
		if ( is_array( $value ) && isset( $items['pattern'] ) ) {
			foreach ( array_values( $value ) as $index => $item ) {
				if ( ! is_string( $item ) || ! rest_validate_json_schema_pattern( $items['pattern'], $item ) ) {
					$name = $field . '[' . $index . ']';
					break;
				}
			}
		}
		return new WP_Error( 'rest_invalid_pattern', sprintf( $messages[ $field ], $name ) );
	}

	/**
	 * Checks that each role exists here, so a typo cannot silently exclude nobody.
	 *
	 * @param array<int, string> $roles Role slugs.
	 * @param string             $field Field name, for the message.
	 * @return true|WP_Error
	 */
	private static function validate_roles( array $roles, string $field ) {
		$known = array_keys( wp_roles()->get_names() );
		foreach ( array_values( $roles ) as $index => $role ) {
			if ( ! in_array( $role, $known, true ) ) {
				return new WP_Error(
					'rest_invalid_param',
					/* translators: 1: settings field name with index, 2: role slug. */
					sprintf( __( '%1$s is not a role on this site: %2$s.', 'qualified-integration' ), $field . '[' . $index . ']', $role )
				);
			}
		}
		return true;
	}
}
