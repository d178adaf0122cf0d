<?php
/**
 * Upgrades of the stored settings.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

use QualifiedIntegration\Events\EventsTable;
use QualifiedIntegration\Events\Retention;
use QualifiedIntegration\Frontend\PageSnapshot;

defined( 'ABSPATH' ) || exit;

/**
 * Brings the stored option up to Schema::VERSION, one step per version, so
 * that an upgrade never loses a setting. Each step receives the object at
 * version N-1 and returns it at version N.
 *
 * It also creates the option (autoloaded) when it is missing: a missing
 * option would cost a database query on every page view.
 *
 * Page views do not read the settings for this: maybe_run() compares a
 * small autoloaded marker (plugin version, schema version, CheckedStamp's
 * hash) and reads the option only when the code changed, so the ~60 KB of a
 * big rule set is unserialized once per request, by the loader, not twice.
 */
final class Migrations {

	/**
	 * Option holding the plugin version, schema version and stamp hash the
	 * settings were last brought up to.
	 */
	const MARKER_OPTION = 'qualified_integration_upgraded';

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * The settings compiled for page views, made again after an update.
	 *
	 * @var PageSnapshot
	 */
	private $snapshot;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 * @param PageSnapshot       $snapshot   The settings compiled for page views.
	 */
	public function __construct( SettingsRepository $repository, PageSnapshot $snapshot ) {
		$this->repository = $repository;
		$this->snapshot   = $snapshot;
	}

	/**
	 * Runs pending migrations early, before anything reads the settings.
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'maybe_run' ), 5 );
	}

	/**
	 * On activation: brings the settings up to date (creates them on a first
	 * activation), whatever the marker says. Network-wide, on every site of
	 * the network (Network\NetworkSites::each(); a site it does not reach is
	 * set up by maybe_run() on its first request, as after an update).
	 *
	 * @param bool $network_wide Whether the plugin is activated for the whole network.
	 */
	public function activate( $network_wide = false ): void {
		if ( is_multisite() && true === $network_wide ) {
			\QualifiedIntegration\Network\NetworkSites::each( array( $this, 'activate_site' ) );
			return;
		}
		$this->activate_site();
	}

	/**
	 * Sets up the current site: its settings, their snapshot for page views,
	 * the event log's tables and purge.
	 */
	public function activate_site(): void {
		$this->run();
		$this->snapshot->rebuild();
		self::install_events();
	}

	/**
	 * The event log's tables (dbDelta, skipped when already at their version)
	 * and its daily purge: with the settings, on activation and after an update.
	 */
	private static function install_events(): void {
		EventsTable::install();
		Retention::schedule();
	}

	/**
	 * On an admin request (admin_init): installs the event log's tables when
	 * the DDL version they were last brought to is not this code's. The
	 * marker records an update once its migrations ran, even when the
	 * tables' install failed there (no CREATE privilege, a full disk), so
	 * without this the tables would stay missing until the next version.
	 * The version option is autoloaded: while the tables are in order this
	 * costs no query.
	 *
	 * @return bool Whether the install ran.
	 */
	public static function maybe_install_tables(): bool {
		if ( ! is_admin() || EventsTable::VERSION === get_option( EventsTable::VERSION_OPTION ) ) {
			return false;
		}
		return EventsTable::install();
	}

	/**
	 * What the marker holds once this code brought the settings up to date.
	 *
	 * @return string
	 */
	public static function marker(): string {
		return QUALIFIED_INTEGRATION_VERSION . '/' . Schema::VERSION . '/' . CheckedStamp::algorithm();
	}

	/**
	 * Runs the migrations when this code has not yet looked at the stored
	 * option (a new install, an update) or the option went missing; else
	 * returns without reading it.
	 *
	 * After an update, the option is also stamped again (CheckedStamp: the
	 * validation code changed, so the old stamps no longer match and every
	 * page view would validate the rules in full until the next save).
	 *
	 * @return bool Whether the migrations ran.
	 */
	public function maybe_run(): bool {
		if ( self::marker() === get_option( self::MARKER_OPTION ) && isset( wp_load_alloptions()[ SettingsRepository::OPTION ] ) ) {
			return false;
		}
		if ( ! $this->run() ) {
			$this->repository->restamp();
		}
		// A write rebuilt it already; without one (nothing to migrate or stamp) it is still the old code's.
		$this->snapshot->rebuild();
		self::install_events();
		update_option( self::MARKER_OPTION, self::marker(), true );
		return true;
	}

	/**
	 * Migration steps keyed by the version they produce.
	 *
	 * Extensions may add steps with the `qualified_integration_migrations`
	 * filter; each callable takes and returns the settings array.
	 *
	 * @return array<int, callable(array<string, mixed>): array<string, mixed>>
	 */
	public function steps(): array {
		$steps = array(
			// Version 1 is the first shape; anything older (or no option) only needs defaults.
			1 => static function ( array $settings ): array {
				return $settings;
			},
			// Version 2 adds identity mappings; every version 1 field is kept as it was.
			2 => static function ( array $settings ): array {
				if ( ! isset( $settings['identity'] ) || ! is_array( $settings['identity'] ) ) {
					$settings['identity'] = array( 'mappings' => array() );
				}
				return $settings;
			},
			// Version 3 adds Experiences (targeting rules), off and empty; every version 2 field,
			// identity mappings included, is kept as it was.
			3 => static function ( array $settings ): array {
				if ( ! isset( $settings['experiences'] ) || ! is_array( $settings['experiences'] ) ) {
					$settings['experiences'] = array(
						'spa'   => false,
						'rules' => array(),
					);
				}
				return $settings;
			},
			// Version 4 adds event handlers, webhooks and the event log's retention, empty
			// (and 90 days); every version 3 field, Experience rules included, is kept as it was.
			4 => static function ( array $settings ): array {
				if ( ! isset( $settings['events'] ) || ! is_array( $settings['events'] ) ) {
					$settings['events'] = array(
						'handlers'      => array(),
						'webhooks'      => array(),
						'retentionDays' => 90,
					);
				}
				return $settings;
			},
			// Version 5 adds the loading strategy, immediate (how every earlier version loaded
			// qualified.js), with no maximum delay and the marketing consent category; every
			// version 4 field, event handlers included, is kept as it was.
			5 => static function ( array $settings ): array {
				if ( ! isset( $settings['loading'] ) || ! is_array( $settings['loading'] ) ) {
					$settings['loading'] = array(
						'strategy'        => 'immediate',
						'maxDelay'        => 0,
						'consentCategory' => 'marketing',
					);
				}
				return $settings;
			},
		);

		/**
		 * Filters the settings migration steps.
		 *
		 * @param array<int, callable> $steps Steps keyed by the schema version they produce.
		 */
		return (array) apply_filters( 'qualified_integration_migrations', $steps );
	}

	/**
	 * Runs the steps after version $from, in order, on a settings array, and
	 * stamps each version reached. It reads and writes nothing: run() gives
	 * it the stored option, an import (Transfer) an older exported file, so
	 * both go through the very same steps.
	 *
	 * @param array<string, mixed> $settings Settings at version $from.
	 * @param int                  $from     Their version (0: no settings yet).
	 * @return array<string, mixed> The settings at Schema::VERSION.
	 */
	public function upgrade( array $settings, int $from ): array {
		$steps = $this->steps();
		ksort( $steps );
		foreach ( $steps as $version => $step ) {
			if ( $version > $from && $version <= Schema::VERSION ) {
				$settings                  = $step( $settings );
				$settings['schemaVersion'] = $version;
			}
		}
		return $settings;
	}

	/**
	 * Migrates the stored option when it is older than this code, or missing.
	 *
	 * On multisite the option holds only the fields the site set
	 * (SettingsRepository::PARTIAL_KEY), so a field a step only fills with
	 * the value the site would inherit anyway is left out: it keeps
	 * following the network. A whole option an earlier version wrote there
	 * is converted once the same way: each field equal to what the site
	 * would inherit now is left out, every other one is kept as the site's
	 * own, so no site's settings in force change.
	 *
	 * @return bool Whether the option was written.
	 */
	public function run(): bool {
		$raw    = get_option( SettingsRepository::OPTION, null );
		$whole  = is_multisite() && is_array( $raw ) && true !== ( $raw[ SettingsRepository::PARTIAL_KEY ] ?? null );
		$before = is_array( $raw ) && ! $whole ? array_keys( $raw ) : array();
		if ( is_array( $raw ) && ! $whole && (int) ( $raw['schemaVersion'] ?? 0 ) >= Schema::VERSION ) {
			return false;
		}

		$from     = is_array( $raw ) ? (int) ( $raw['schemaVersion'] ?? 0 ) : 0;
		$settings = $this->upgrade( is_array( $raw ) ? $raw : array(), $from );

		if ( is_multisite() ) {
			$settings = $this->without_inherited( $settings, $before );
		}
		$settings = $this->repository->for_storage( $settings );
		if ( null === $raw ) {
			add_option( SettingsRepository::OPTION, $settings, '', true );
		} else {
			update_option( SettingsRepository::OPTION, $settings, true );
		}

		/**
		 * Fires after the stored settings were migrated.
		 *
		 * @param int                  $from     Version found (0 when the option was missing).
		 * @param int                  $to       Version written.
		 * @param array<string, mixed> $settings Settings written.
		 */
		do_action( 'qualified_integration_migrated', $from, Schema::VERSION, $settings );

		return true;
	}

	/**
	 * A migrated multisite option without the fields that only repeat what
	 * the site inherits (the network's default, else the schema's), except
	 * those it held before: a field the site set stays its own even when
	 * equal.
	 *
	 * @param array<string, mixed> $settings Migrated settings.
	 * @param string[]             $keep     Keys the site's partial option held before.
	 * @return array<string, mixed>
	 */
	private function without_inherited( array $settings, array $keep ): array {
		$inherited = array_merge( Schema::defaults(), \QualifiedIntegration\Network\NetworkSettings::get()['settings'] );
		foreach ( array_keys( Schema::editable_properties() ) as $field ) {
			if ( in_array( $field, $keep, true ) || ! array_key_exists( $field, $settings ) ) {
				continue;
			}
			$value = Validator::clean_field( $settings[ $field ], $field )[0];
			if ( self::canonical( $value ) === self::canonical( $inherited[ $field ] ?? null ) ) {
				unset( $settings[ $field ] );
			}
		}
		return $settings;
	}

	/**
	 * A value with its objects' keys sorted, to compare two values whatever
	 * order their keys were written in.
	 *
	 * @param mixed $value Value.
	 * @return mixed
	 */
	private static function canonical( $value ) {
		if ( ! is_array( $value ) ) {
			return $value;
		}
		$value = array_map( array( self::class, 'canonical' ), $value );
		if ( array() !== $value && array_keys( $value ) !== range( 0, count( $value ) - 1 ) ) {
			ksort( $value );
		}
		return $value;
	}
}
