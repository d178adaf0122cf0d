<?php
/**
 * The network's defaults and locks, on multisite.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Network;

use QualifiedIntegration\Settings\CheckedStamp;
use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\Labels;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\Validator;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Owns the one network (site) option that an agency sets once for every
 * site of a network: `{ "settings": {a partial settings object}, "locked":
 * ["token", ...top-level field names] }`.
 *
 * A site inherits the network value of every field it has not set itself;
 * a locked field takes the network value on every site, whatever the site
 * stored (SettingsRepository applies both). Precedence, highest first:
 * wp-config.php constant > network lock > the site's own value > network
 * default > schema default.
 *
 * It is the small PHP API behind the Network Admin screen, the network REST
 * route and WP-CLI's --network: get(), update(), revision(). Values are
 * validated by the same Validator as a site's, raw and strictly, and every
 * bad field is named at once; a bad write changes nothing.
 *
 * Page views never read this option (on multisite without a persistent
 * object cache get_site_option() costs a query): each site's PageSnapshot is
 * compiled from it, and NetworkSites rebuilds every snapshot when it changes.
 */
final class NetworkSettings {

	/**
	 * The network option.
	 */
	const OPTION = 'qualified_integration_network';

	/**
	 * The stored option as written, shape-checked but not validated: each
	 * site validates the values it inherits in its own context (a role
	 * exists on one site, not on another). Empty off multisite, with no
	 * read at all.
	 *
	 * @return array{settings: array<string, mixed>, locked: string[]}
	 */
	public static function raw(): array {
		$empty = array(
			'settings' => array(),
			'locked'   => array(),
		);
		if ( ! is_multisite() ) {
			return $empty;
		}
		$value = get_site_option( self::OPTION, array() );
		if ( ! is_array( $value ) ) {
			return $empty;
		}
		$fields   = array_keys( Schema::editable_properties() );
		$settings = is_array( $value['settings'] ?? null ) ? $value['settings'] : array();
		$locked   = array();
		foreach ( is_array( $value['locked'] ?? null ) ? $value['locked'] : array() as $field ) {
			if ( is_string( $field ) && in_array( $field, $fields, true ) && ! in_array( $field, $locked, true ) ) {
				$locked[] = $field;
			}
		}
		return array(
			'settings' => $settings,
			'locked'   => $locked,
		);
	}

	/**
	 * The fields the network locks on every site.
	 *
	 * @return string[]
	 */
	public static function locked(): array {
		return self::raw()['locked'];
	}

	/**
	 * The network's values, cleaned in the current site's context as a
	 * site's own are (an invalid item dropped, a wholly invalid field at its
	 * fallback), and its locks.
	 *
	 * @return array{settings: array<string, mixed>, locked: string[]}
	 */
	public static function get(): array {
		$raw = self::raw();
		return array(
			'settings' => self::clean( $raw['settings'] )['settings'],
			'locked'   => $raw['locked'],
		);
	}

	/**
	 * The network's values that were refused and replaced, by path.
	 *
	 * @return array<string, string>
	 */
	public static function problems(): array {
		return self::clean( self::raw()['settings'] )['problems'];
	}

	/**
	 * What the network screen edits: the schema defaults with the network's
	 * values over them.
	 *
	 * @return array<string, mixed>
	 */
	public static function in_force(): array {
		$settings = array_merge( Schema::defaults(), self::get()['settings'] );
		foreach ( Constants::locks() as $field => $lock ) {
			$settings[ $field ] = $lock['value'];
		}
		$settings['schemaVersion'] = Schema::VERSION;
		return $settings;
	}

	/**
	 * The cleaned value of each field a raw settings object holds.
	 *
	 * @param array<string, mixed> $raw Raw settings (with their CheckedStamp).
	 * @return array{settings: array<string, mixed>, problems: array<string, string>}
	 */
	public static function clean( array $raw ): array {
		$settings = array();
		$problems = array();
		foreach ( array_keys( Schema::editable_properties() ) as $field ) {
			if ( CheckedStamp::is_checked( $raw, $field ) ) {
				$settings[ $field ] = $raw[ $field ];
			} elseif ( array_key_exists( $field, $raw ) ) {
				list( $settings[ $field ], $field_problems ) = Validator::clean_field( $raw[ $field ], $field );
				$problems                                   += $field_problems;
			}
		}
		return array(
			'settings' => $settings,
			'problems' => $problems,
		);
	}

	/**
	 * An opaque version of the stored option, for If-Match.
	 *
	 * @return string
	 */
	public static function revision(): string {
		return substr( md5( (string) maybe_serialize( is_multisite() ? get_site_option( self::OPTION, null ) : null ) ), 0, 16 );
	}

	/**
	 * Changes the network's defaults and locks, after validating all of it.
	 *
	 * A wp-config.php constant applies to every site already, so a field it
	 * locks is refused here as on a site. Locking a field the network has no
	 * value for locks it at the schema default.
	 *
	 * @param array<string, mixed> $changes  Field name to new network value (raw).
	 * @param mixed                $locked   The new list of locked fields (raw), or null to keep it.
	 * @param mixed                $reset    Fields whose network value is removed (raw list), so sites fall back to their own value or the schema default.
	 * @param string|null          $expected Revision the change is based on, or null for "any".
	 * @return array{settings: array<string, mixed>, locked: string[]}|WP_Error The network settings after the change, or why nothing changed.
	 */
	public static function update( array $changes, $locked = null, $reset = array(), ?string $expected = null ) {
		if ( ! is_multisite() ) {
			return new WP_Error( 'qualified_integration_not_multisite', __( 'Network settings exist only on a multisite network.', 'qualified-integration' ), array( 'status' => 400 ) );
		}
		$errors = array();
		$valid  = Validator::validate_changes( $changes, array_keys( Constants::locks() ) );
		if ( is_wp_error( $valid ) ) {
			$errors += (array) ( $valid->get_error_data()['params'] ?? array() );
		}
		if ( null !== $locked ) {
			$errors += self::name_list_errors( $locked, 'locked' );
		}
		$errors += self::name_list_errors( $reset, 'reset' );
		if ( is_array( $reset ) ) {
			foreach ( array_values( $reset ) as $index => $field ) {
				if ( is_string( $field ) && array_key_exists( $field, $changes ) ) {
					/* translators: %s: field label. */
					$errors[ "reset[{$index}]" ] = sprintf( __( '%s: cannot be changed and reset in the same save.', 'qualified-integration' ), Labels::of( $field ) );
				}
			}
		}
		if ( array() !== $errors ) {
			return Validator::to_rest_error( $errors );
		}
		if ( null !== $expected && ! self::is_current( $expected ) ) {
			return new WP_Error(
				'qualified_integration_conflict',
				__( 'The network settings were changed elsewhere since this screen loaded them. Nothing was changed; review the current settings and save again.', 'qualified-integration' ),
				array( 'status' => 409 )
			);
		}

		$raw      = self::raw();
		$settings = self::clean( $raw['settings'] )['settings'];
		foreach ( is_array( $reset ) ? $reset : array() as $field ) {
			unset( $settings[ $field ] );
		}
		foreach ( $changes as $field => $value ) {
			$settings[ $field ] = Validator::clean_field( $value, (string) $field )[0];
		}
		$settings[ CheckedStamp::KEY ] = CheckedStamp::stamps( $settings );
		update_site_option(
			self::OPTION,
			array(
				'settings' => $settings,
				'locked'   => null === $locked ? $raw['locked'] : array_values( array_unique( (array) $locked ) ),
			)
		);
		return self::get();
	}

	/**
	 * Whether an If-Match style value names the current revision.
	 *
	 * @param string $expected Revision the client saw (quotes and W/ allowed, "*" matches any).
	 * @return bool
	 */
	public static function is_current( string $expected ): bool {
		$current = self::revision();
		foreach ( explode( ',', $expected ) as $tag ) {
			$tag = trim( (string) preg_replace( '#\AW/#', '', trim( $tag ) ), " \t\"" );
			if ( '*' === $tag || hash_equals( $current, $tag ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Errors of a raw list of top-level field names (locked, reset): it must
	 * be a list, each item the name of an editable field.
	 *
	 * @param mixed  $names Raw list.
	 * @param string $path  Its name in error paths.
	 * @return array<string, string>
	 */
	public static function name_list_errors( $names, string $path ): array {
		if ( ! is_array( $names ) || ( array() !== $names && array_keys( $names ) !== range( 0, count( $names ) - 1 ) ) ) {
			/* translators: %s: locked or reset, the name of the list in the request. */
			return array( $path => sprintf( __( '%s: must be a list of setting names, for example ["token"].', 'qualified-integration' ), $path ) );
		}
		$errors = array();
		$fields = array_keys( Schema::editable_properties() );
		foreach ( $names as $index => $name ) {
			if ( ! is_string( $name ) || ! in_array( $name, $fields, true ) ) {
				$errors[ "{$path}[{$index}]" ] = sprintf(
					/* translators: 1: list name and position, 2: the setting names allowed. */
					__( '%1$s: is not a setting name; use one of %2$s.', 'qualified-integration' ),
					"{$path}[{$index}]",
					implode( ', ', $fields )
				);
			}
		}
		return $errors;
	}
}
