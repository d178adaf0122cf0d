<?php
/**
 * The admin labels of the settings fields.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Names each settings path the way the admin screen does, so that an error
 * ("Site token: ...", "Mapping 3, Qualified field: ...") points at what the
 * admin sees, not at a schema key.
 */
final class Labels {

	/**
	 * The label of a path.
	 *
	 * @param string   $schema_path Path with list indexes as "[]": token, excludeRoles[], identity.mappings[].field.
	 * @param int|null $row         1-based row number, for mapping rows.
	 * @return string
	 */
	public static function of( string $schema_path, ?int $row = null ): string {
		$columns = array(
			'field'   => __( 'Qualified field', 'qualified-integration' ),
			'source'  => __( 'Source', 'qualified-integration' ),
			'key'     => __( 'Key', 'qualified-integration' ),
			'value'   => __( 'Value', 'qualified-integration' ),
			'persist' => __( 'Keep for the visit', 'qualified-integration' ),
		);
		$prefix  = 'identity.mappings[].';
		if ( 0 === strpos( $schema_path, $prefix ) && isset( $columns[ substr( $schema_path, strlen( $prefix ) ) ] ) ) {
			/* translators: 1: mapping row number, starting at 1, 2: column label. */
			return sprintf( __( 'Mapping %1$d, %2$s', 'qualified-integration' ), (int) $row, $columns[ substr( $schema_path, strlen( $prefix ) ) ] );
		}

		switch ( $schema_path ) {
			case 'enabled':
				return __( 'Load Qualified', 'qualified-integration' );
			case 'token':
				return __( 'Site token', 'qualified-integration' );
			case 'excludeRoles':
			case 'excludeRoles[]':
				return __( 'Never load for these roles', 'qualified-integration' );
			case 'identity':
				return __( 'Identity', 'qualified-integration' );
			case 'identity.mappings':
				return __( 'Identity mappings', 'qualified-integration' );
			case 'identity.mappings[]':
				/* translators: %d: mapping row number, starting at 1. */
				return sprintf( __( 'Mapping %d', 'qualified-integration' ), (int) $row );
			default:
				return $schema_path;
		}
	}
}
