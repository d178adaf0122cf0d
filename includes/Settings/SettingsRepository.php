<?php
/**
 * The stored settings object.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

use QualifiedIntegration\Network\NetworkSettings;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Owns the one option that holds the plugin's settings: reads it merged with
 * the schema defaults and the wp-config.php locks, and writes it only after
 * validation, so a bad write changes nothing.
 *
 * The option is autoloaded: reading it on a public page costs no query.
 *
 * On multisite the option holds only the fields the site set itself (and
 * PARTIAL_KEY says so); every other field comes from the network's defaults
 * (Network\NetworkSettings), then the schema's, and a field the network
 * locks takes the network value whatever the site stored. Precedence,
 * highest first: wp-config.php constant > network lock > the site's own
 * value > network default > schema default. Single sites store the whole
 * object, as before.
 */
final class SettingsRepository {

	const OPTION = 'qualified_integration_settings';

	/**
	 * Option key that marks, on multisite, an option holding only the
	 * fields the site set (not a setting: settings names never start with
	 * "_"). A multisite option without it was written whole by an earlier
	 * version; Migrations converts it once.
	 */
	const PARTIAL_KEY = '_partial';

	/**
	 * Wires the option into core's settings registry.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'register_setting' ) );
		add_filter( 'default_option_' . self::OPTION, array( $this, 'default_value' ), 10, 3 );
	}

	/**
	 * Registers the option so that any writer, update_option() included,
	 * passes through the sanitizer.
	 *
	 * It runs on every request, page views included, so it reads nothing:
	 * no `default` (default_value() gives it, only when the option is
	 * missing: it needs the schema, a JSON file to decode) and no translated
	 * `description` (not shown anywhere: the option is not in core's REST
	 * settings).
	 */
	public function register_setting(): void {
		register_setting(
			'qualified_integration',
			self::OPTION,
			array(
				'type'              => 'object',
				'sanitize_callback' => array( $this, 'for_storage' ),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * What get_option() gives while the option is missing: the schema defaults,
	 * unless the caller passed a default of its own.
	 *
	 * @param mixed  $default_value    The default so far.
	 * @param string $option           Option name.
	 * @param bool   $passed_default   Whether get_option() was given a default.
	 * @return mixed
	 */
	public function default_value( $default_value, $option, $passed_default ) {
		return $passed_default ? $default_value : Schema::defaults();
	}

	/**
	 * Normalises a raw option value: unknown keys dropped, invalid fields set
	 * to their fallback, invalid list items dropped one by one, the current
	 * schema version stamped. Used on read, and on write through
	 * for_storage().
	 *
	 * @param mixed $value Raw option value.
	 * @return array<string, mixed>
	 */
	public function sanitize( $value ): array {
		return $this->inspect( $value )['settings'];
	}

	/**
	 * What the option stores for a raw value: the sanitized settings plus
	 * the CheckedStamp of their list-heavy fields, so that page views need
	 * not validate them again (see CheckedStamp). The sanitizer of the
	 * option, and what Migrations writes.
	 *
	 * @param mixed $value Raw option value.
	 * @return array<string, mixed>
	 */
	public function for_storage( $value ): array {
		if ( is_multisite() ) {
			// Only what the site set: a field left out keeps following the network.
			$settings                      = $this->clean_own( $value )['settings'];
			$settings['schemaVersion']     = Schema::VERSION;
			$settings[ self::PARTIAL_KEY ] = true;
		} else {
			$settings = $this->sanitize( $value );
		}
		$settings[ CheckedStamp::KEY ] = CheckedStamp::stamps( $settings );
		return $settings;
	}

	/**
	 * Writes the stored option again with fresh stamps when it is clean (no
	 * problems: writing it through the sanitizer then changes no setting)
	 * and its stamps are stale. An option with problems is left as it is:
	 * its stale items are dropped on read, never for good.
	 *
	 * It runs under SaveLock on a fresh read, so it never writes back an
	 * older value over a save made meanwhile; when a save holds the lock it
	 * does nothing (that save stamps the option anyway).
	 *
	 * @return bool Whether the option was written.
	 */
	public function restamp(): bool {
		$lock = new SaveLock();
		if ( ! $lock->acquire( 0.0 ) ) {
			return false;
		}
		try {
			$this->forget_cached_option();
			$raw = get_option( self::OPTION, null );
			if ( ! is_array( $raw ) || array() !== $this->clean_own( $raw )['problems'] ) {
				return false;
			}
			$stored = $this->for_storage( $raw );
			if ( ( $raw[ CheckedStamp::KEY ] ?? null ) === $stored[ CheckedStamp::KEY ] ) {
				return false;
			}
			return update_option( self::OPTION, $stored, true );
		} finally {
			$lock->release();
		}
	}

	/**
	 * The settings as stored, without wp-config.php overrides: on multisite
	 * with the network's defaults and locks applied.
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
		return $this->with_constants( $this->stored() );
	}

	/**
	 * The settings in force, with the network's layer given instead of read:
	 * the one a page snapshot was compiled with (PageSnapshot), so that a
	 * page view that needs the settings whole still reads no network option.
	 *
	 * @param array{settings: array<string, mixed>, locked: string[]} $network NetworkSettings::raw() as it was.
	 * @return array<string, mixed>
	 */
	public function get_with_network( array $network ): array {
		return $this->with_constants( $this->inspect( get_option( self::OPTION, array() ), $network )['settings'] );
	}

	/**
	 * Settings with the wp-config.php locks applied.
	 *
	 * @param array<string, mixed> $settings Settings.
	 * @return array<string, mixed>
	 */
	private function with_constants( array $settings ): array {
		foreach ( Constants::locks() as $field => $lock ) {
			$settings[ $field ] = $lock['value'];
		}
		return $settings;
	}

	/**
	 * Stored, network and constant values that were refused and replaced in
	 * force (an invalid field by its fallback, a stale list item dropped). A
	 * stored value of a field a constant or the network locks is not in
	 * force, so not reported.
	 *
	 * @return array<string, string> Path (enabled, excludeRoles[1], identity.mappings[0].key) to message.
	 */
	public function problems(): array {
		$locks    = Constants::locks();
		$problems = array();
		foreach ( $this->inspect( get_option( self::OPTION, array() ) )['problems'] as $path => $message ) {
			$field = (string) preg_replace( '/[.\[].*\z/s', '', (string) $path );
			if ( ! isset( $locks[ $field ] ) ) {
				$problems[ $path ] = $message;
			}
		}
		foreach ( $locks as $field => $lock ) {
			if ( null !== $lock['error'] ) {
				$problems[ $field ] = sprintf(
					/* translators: 1: why the value was refused, 2: PHP constant name. */
					__( '%1$s (the %2$s constant in wp-config.php)', 'qualified-integration' ),
					rtrim( $lock['error'], '.' ),
					$lock['constant']
				);
			}
		}
		return $problems;
	}

	/**
	 * Names of the fields that wp-config.php or the network locks: every
	 * writer (REST, WP-CLI, import) refuses them through update().
	 *
	 * @return string[]
	 */
	public function locked_fields(): array {
		return array_keys( $this->locks() );
	}

	/**
	 * Every locked field with what locks it: a wp-config.php constant (its
	 * name, and why its value was refused when it was) or the network
	 * administrator. A constant wins over a network lock of the same field.
	 *
	 * @return array<string, array{source: string, constant: string|null, error: string|null}>
	 */
	public function locks(): array {
		$locks = array();
		foreach ( Constants::locks() as $field => $lock ) {
			$locks[ $field ] = array(
				'source'   => 'constant',
				'constant' => $lock['constant'],
				'error'    => $lock['error'],
			);
		}
		foreach ( NetworkSettings::locked() as $field ) {
			if ( ! isset( $locks[ $field ] ) ) {
				$locks[ $field ] = array(
					'source'   => 'network',
					'constant' => null,
					'error'    => null,
				);
			}
		}
		return $locks;
	}

	/**
	 * The fields this site set itself: on multisite the others follow the
	 * network (or the schema); on a single site every stored field.
	 *
	 * @return string[]
	 */
	public function own_fields(): array {
		return array_keys( $this->clean_own( get_option( self::OPTION, array() ) )['settings'] );
	}

	/**
	 * An opaque version of the stored option: it changes whenever the stored
	 * value changes (a hash of it, so it needs no extra field or write).
	 *
	 * @return string
	 */
	public function revision(): string {
		return substr( md5( (string) maybe_serialize( get_option( self::OPTION, null ) ) ), 0, 16 );
	}

	/**
	 * Whether an If-Match style value names the current revision: quotes
	 * and a weak "W/" prefix ignored, a comma-separated list or "*" allowed.
	 *
	 * @param string $expected Revision the client saw.
	 * @return bool
	 */
	public function is_current( string $expected ): bool {
		$current = $this->revision();
		foreach ( explode( ',', $expected ) as $tag ) {
			$tag = trim( (string) preg_replace( '#\AW/#', '', trim( $tag ) ), " \t\"" );
			if ( '*' === $tag || hash_equals( $current, $tag ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Applies a partial change after validating all of it.
	 *
	 * The read-modify-write runs under SaveLock and on a fresh read of the
	 * option, so two overlapping saves of different fields both land; with
	 * $expected, a save based on a revision that is no longer current is
	 * refused (409) instead of overwriting what the other save wrote.
	 *
	 * $reset names fields the site gives back ("Use network default"): they
	 * are removed from the site's own values, so they follow the network's
	 * default, or the schema's (on a single site: the schema default).
	 *
	 * @param array<string, mixed> $changes  Field name to new value (raw).
	 * @param string|null          $expected Revision the change is based on (If-Match), or null for "any".
	 * @param mixed                $reset    Field names to reset (raw list; validated).
	 * @return array<string, mixed>|WP_Error The settings in force after the change, or why nothing changed
	 *                                       (400 rest_invalid_param, 409 qualified_integration_conflict).
	 */
	public function update( array $changes, ?string $expected = null, $reset = array() ) {
		$valid  = Validator::validate_changes( $changes, $this->locked_fields() );
		$errors = is_wp_error( $valid ) ? (array) ( $valid->get_error_data()['params'] ?? array() ) : array();
		$errors = array_merge( $errors, NetworkSettings::name_list_errors( $reset, 'reset' ) );
		foreach ( is_array( $reset ) ? array_values( $reset ) : array() as $index => $field ) {
			if ( is_string( $field ) && array_key_exists( $field, $changes ) ) {
				/* translators: %s: field label. */
				$errors[ "reset[{$index}]" ] = sprintf( __( '%s: cannot be changed and reset in the same save.', 'qualified-integration' ), Labels::of( $field ) );
			}
		}
		if ( array() !== $errors ) {
			return Validator::to_rest_error( $errors );
		}

		/**
		 * Filters how long a save waits for another save to finish, in seconds.
		 *
		 * @param float $seconds Seconds; 5 by default.
		 */
		$wait = (float) apply_filters( 'qualified_integration_save_lock_wait', 5.0 );
		$lock = new SaveLock();
		if ( ! $lock->acquire( $wait ) ) {
			return new WP_Error(
				'qualified_integration_conflict',
				__( 'Another save of these settings is still running. Nothing was changed; reload and try again.', 'qualified-integration' ),
				array( 'status' => 409 )
			);
		}

		try {
			$this->forget_cached_option();
			if ( null !== $expected && ! $this->is_current( $expected ) ) {
				return new WP_Error(
					'qualified_integration_conflict',
					__( 'The settings were changed elsewhere since this screen loaded them. Nothing was changed; review the current settings and save again.', 'qualified-integration' ),
					array( 'status' => 409 )
				);
			}

			// On multisite only the site's own fields: the others keep following the network.
			$next = is_multisite() ? $this->clean_own( get_option( self::OPTION, array() ) )['settings'] : $this->stored();
			foreach ( is_array( $reset ) ? $reset : array() as $field ) {
				unset( $next[ $field ] );
			}
			foreach ( $changes as $field => $value ) {
				$next[ $field ] = $value;
			}
			update_option( self::OPTION, $next, true );
		} finally {
			$lock->release();
		}

		return $this->get();
	}

	/**
	 * Makes the next get_option() read the row from the database: another
	 * request may have written it since this one loaded alloptions, and
	 * update_option() compares against the cached value.
	 */
	private function forget_cached_option(): void {
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( self::OPTION, 'options' );
		wp_cache_delete( 'notoptions', 'options' );
	}

	/**
	 * Cleans a raw option value into the settings in force (before
	 * constants) and says what was dropped. On multisite each field comes
	 * from the network when the network locks it, else from the site when
	 * the site set it, else from the network's defaults, else the schema's;
	 * only the value in force is validated (in this site's context), so a
	 * site value hidden by a lock reports nothing.
	 *
	 * @param mixed                                                        $value   Raw option value.
	 * @param array{settings: array<string, mixed>, locked: string[]}|null $network The network's layer, or null to read it.
	 * @return array{settings: array<string, mixed>, problems: array<string, string>}
	 */
	private function inspect( $value, ?array $network = null ): array {
		$value    = is_array( $value ) ? $value : array();
		$network  = $network ?? NetworkSettings::raw();
		$result   = Schema::defaults();
		$problems = array();
		foreach ( array_keys( Schema::editable_properties() ) as $field ) {
			$source = $value;
			if ( in_array( $field, $network['locked'], true ) || ! array_key_exists( $field, $value ) ) {
				$source = $network['settings'];
			}
			if ( CheckedStamp::is_checked( $source, $field ) ) {
				$result[ $field ] = $source[ $field ]; // Validated by this code when it was written.
			} elseif ( array_key_exists( $field, $source ) ) {
				list( $result[ $field ], $field_problems ) = Validator::clean_field( $source[ $field ], $field );
				$problems                                 += $field_problems;
			}
		}
		$result['schemaVersion'] = Schema::VERSION;
		return array(
			'settings' => $result,
			'problems' => $problems,
		);
	}

	/**
	 * Cleans the fields a raw option value holds, and only those: what a
	 * site set itself.
	 *
	 * @param mixed $value Raw option value.
	 * @return array{settings: array<string, mixed>, problems: array<string, string>}
	 */
	private function clean_own( $value ): array {
		return NetworkSettings::clean( is_array( $value ) ? $value : array() );
	}
}
