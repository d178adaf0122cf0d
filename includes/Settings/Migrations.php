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
	 * activation), whatever the marker says.
	 */
	public function activate(): void {
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
	 * Migrates the stored option when it is older than this code, or missing.
	 *
	 * @return bool Whether the option was written.
	 */
	public function run(): bool {
		$raw = get_option( SettingsRepository::OPTION, null );
		if ( is_array( $raw ) && (int) ( $raw['schemaVersion'] ?? 0 ) >= Schema::VERSION ) {
			return false;
		}

		$from     = is_array( $raw ) ? (int) ( $raw['schemaVersion'] ?? 0 ) : 0;
		$settings = is_array( $raw ) ? $raw : array();
		$steps    = $this->steps();
		ksort( $steps );
		foreach ( $steps as $version => $step ) {
			if ( $version > $from && $version <= Schema::VERSION ) {
				$settings                  = $step( $settings );
				$settings['schemaVersion'] = $version;
			}
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
}
