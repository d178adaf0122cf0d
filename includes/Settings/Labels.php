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
	 * @param string   $schema_path Path with list indexes as "[]": token, excludeRoles[], identity.mappings[].field,
	 *                              experiences.rules[].when[].value.
	 * @param int|null $row         1-based row number, for mapping and rule rows.
	 * @param int|null $sub_row     1-based number inside the row, for a rule's conditions.
	 * @return string
	 */
	public static function of( string $schema_path, ?int $row = null, ?int $sub_row = null ): string {
		$prefix = 'identity.mappings[].';
		if ( 0 === strpos( $schema_path, $prefix ) ) {
			$column = self::mapping_column( substr( $schema_path, strlen( $prefix ) ) );
			if ( null !== $column ) {
				/* translators: 1: mapping row number, starting at 1, 2: column label. */
				return sprintf( __( 'Mapping %1$d, %2$s', 'qualified-integration' ), (int) $row, $column );
			}
		}
		if ( 0 === strpos( $schema_path, 'experiences.rules[]' ) ) {
			return self::rule_label( substr( $schema_path, strlen( 'experiences.rules[]' ) ), (int) $row, (int) $sub_row );
		}
		if ( 0 === strpos( $schema_path, 'events.handlers[]' ) ) {
			return self::handler_label( substr( $schema_path, strlen( 'events.handlers[]' ) ), (int) $row, (int) $sub_row );
		}
		if ( 0 === strpos( $schema_path, 'events.webhooks[]' ) ) {
			return self::webhook_label( substr( $schema_path, strlen( 'events.webhooks[]' ) ), (int) $row );
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
			case 'experiences':
				return __( 'Experiences', 'qualified-integration' );
			case 'experiences.spa':
				return __( 'Single-page navigation', 'qualified-integration' );
			case 'experiences.rules':
				return __( 'Experience rules', 'qualified-integration' );
			case 'events':
				return __( 'Events', 'qualified-integration' );
			case 'events.handlers':
				return __( 'Event handlers', 'qualified-integration' );
			case 'events.webhooks':
				return __( 'Webhooks', 'qualified-integration' );
			case 'events.retentionDays':
				return __( 'Keep events for (days)', 'qualified-integration' );
			case 'loading':
				return __( 'Loading', 'qualified-integration' );
			case 'loading.strategy':
				return __( 'When to load Qualified', 'qualified-integration' );
			case 'loading.maxDelay':
				return __( 'Load anyway after (seconds)', 'qualified-integration' );
			case 'loading.consentCategory':
				return __( 'Consent category', 'qualified-integration' );
			default:
				return $schema_path;
		}
	}

	/**
	 * The column label of a mapping row.
	 *
	 * @param string $column Column name.
	 * @return string|null
	 */
	private static function mapping_column( string $column ): ?string {
		switch ( $column ) {
			case 'field':
				return __( 'Qualified field', 'qualified-integration' );
			case 'source':
				return __( 'Source', 'qualified-integration' );
			case 'key':
				return __( 'Key', 'qualified-integration' );
			case 'value':
				return __( 'Value', 'qualified-integration' );
			case 'persist':
				return __( 'Keep for the visit', 'qualified-integration' );
			default:
				return null;
		}
	}

	/**
	 * "Rule 3", "Rule 3, ID", "Rule 3, Condition 2, Value", "Rule 3, Action",
	 * "Rule 3, Experience".
	 *
	 * @param string $rest    What follows "experiences.rules[]": "", ".id", ".when[].value", ".then.fields.*".
	 * @param int    $rule    1-based rule number.
	 * @param int    $number  1-based condition number.
	 * @return string
	 */
	private static function rule_label( string $rest, int $rule, int $number ): string {
		/* translators: %d: rule number, starting at 1. */
		$label = sprintf( __( 'Rule %d', 'qualified-integration' ), $rule );
		if ( '' === $rest ) {
			return $label;
		}
		if ( 0 === strpos( $rest, '.when[]' ) ) {
			/* translators: 1: "Rule 3", 2: condition number, starting at 1. */
			$label = sprintf( __( '%1$s, Condition %2$d', 'qualified-integration' ), $label, $number );
			$key   = (string) preg_replace( '/\[\]\z/', '', substr( $rest, strlen( '.when[]' ) ) );
			return '' === $key ? $label : self::join( $label, self::condition_key( ltrim( $key, '.' ) ) );
		}
		switch ( $rest ) {
			case '.id':
				return self::join( $label, __( 'ID', 'qualified-integration' ) );
			case '.label':
				return self::join( $label, __( 'Label', 'qualified-integration' ) );
			case '.enabled':
				return self::join( $label, __( 'Enabled', 'qualified-integration' ) );
			case '.oncePerVisit':
				return self::join( $label, __( 'Once per visit', 'qualified-integration' ) );
			case '.when':
				return self::join( $label, __( 'Conditions', 'qualified-integration' ) );
			case '.then':
			case '.then.action':
				return self::join( $label, __( 'Action', 'qualified-integration' ) );
			case '.then.experience':
				return self::join( $label, __( 'Experience', 'qualified-integration' ) );
			case '.then.startCollapsed':
				return self::join( $label, __( 'Start collapsed', 'qualified-integration' ) );
			case '.then.fields':
			case '.then.fields.*':
				return self::join( $label, __( 'Fields to send', 'qualified-integration' ) );
			default:
				return self::join( $label, ltrim( $rest, '.' ) );
		}
	}

	/**
	 * "Handler 2", "Handler 2, Event name", "Handler 2, Action 1, Address".
	 *
	 * @param string $rest    What follows "events.handlers[]": "", ".name", ".actions[].url".
	 * @param int    $handler 1-based handler number.
	 * @param int    $number  1-based action number.
	 * @return string
	 */
	private static function handler_label( string $rest, int $handler, int $number ): string {
		/* translators: %d: event handler number, starting at 1. */
		$label = sprintf( __( 'Handler %d', 'qualified-integration' ), $handler );
		if ( 0 === strpos( $rest, '.actions[]' ) ) {
			/* translators: 1: "Handler 2", 2: action number, starting at 1. */
			$label = sprintf( __( '%1$s, Action %2$d', 'qualified-integration' ), $label, $number );
			$rest  = substr( $rest, strlen( '.actions[]' ) );
			$keys  = array(
				'.type'          => __( 'Type', 'qualified-integration' ),
				'.event'         => __( 'Event name to send', 'qualified-integration' ),
				'.includeFields' => __( 'Include visitor fields', 'qualified-integration' ),
				'.storeFields'   => __( 'Fields to store', 'qualified-integration' ),
				'.storeFields[]' => __( 'Fields to store', 'qualified-integration' ),
				'.url'           => __( 'Address', 'qualified-integration' ),
			);
			return '' === $rest ? $label : self::join( $label, $keys[ $rest ] ?? ltrim( $rest, '.' ) );
		}
		$keys = array(
			'.kind'    => __( 'Kind', 'qualified-integration' ),
			'.name'    => __( 'Event name', 'qualified-integration' ),
			'.enabled' => __( 'Enabled', 'qualified-integration' ),
			'.actions' => __( 'Actions', 'qualified-integration' ),
		);
		return '' === $rest ? $label : self::join( $label, $keys[ $rest ] ?? ltrim( $rest, '.' ) );
	}

	/**
	 * "Webhook 1", "Webhook 1, Address".
	 *
	 * @param string $rest    What follows "events.webhooks[]": "", ".url", ".events[]".
	 * @param int    $webhook 1-based webhook number.
	 * @return string
	 */
	private static function webhook_label( string $rest, int $webhook ): string {
		/* translators: %d: webhook number, starting at 1. */
		$label = sprintf( __( 'Webhook %d', 'qualified-integration' ), $webhook );
		$keys  = array(
			'.id'       => __( 'ID', 'qualified-integration' ),
			'.label'    => __( 'Label', 'qualified-integration' ),
			'.enabled'  => __( 'Enabled', 'qualified-integration' ),
			'.url'      => __( 'Address', 'qualified-integration' ),
			'.secret'   => __( 'Secret', 'qualified-integration' ),
			'.events'   => __( 'Events', 'qualified-integration' ),
			'.events[]' => __( 'Events', 'qualified-integration' ),
		);
		return '' === $rest ? $label : self::join( $label, $keys[ $rest ] ?? ltrim( $rest, '.' ) );
	}

	/**
	 * The label of a condition key.
	 *
	 * @param string $key Key of a condition.
	 * @return string
	 */
	private static function condition_key( string $key ): string {
		switch ( $key ) {
			case 'type':
				return __( 'Type', 'qualified-integration' );
			case 'op':
				return __( 'Match', 'qualified-integration' );
			case 'value':
				return __( 'Value', 'qualified-integration' );
			case 'key':
				return __( 'Parameter', 'qualified-integration' );
			case 'seconds':
				return __( 'Seconds', 'qualified-integration' );
			case 'percent':
				return __( 'Percent scrolled', 'qualified-integration' );
			case 'days':
				return __( 'Days', 'qualified-integration' );
			case 'from':
				return __( 'From', 'qualified-integration' );
			case 'to':
				return __( 'To', 'qualified-integration' );
			case 'values':
				return __( 'Post types', 'qualified-integration' );
			case 'ids':
				return __( 'Posts', 'qualified-integration' );
			case 'taxonomy':
				return __( 'Taxonomy', 'qualified-integration' );
			case 'slugs':
				return __( 'Terms', 'qualified-integration' );
			case 'roles':
				return __( 'Roles', 'qualified-integration' );
			default:
				return $key;
		}
	}

	/**
	 * "Rule 3" + "ID" -> "Rule 3, ID".
	 *
	 * @param string $label  Leading label.
	 * @param string $column Column label.
	 * @return string
	 */
	private static function join( string $label, string $column ): string {
		/* translators: 1: row label such as "Rule 3", 2: column label. */
		return sprintf( __( '%1$s, %2$s', 'qualified-integration' ), $label, $column );
	}
}
