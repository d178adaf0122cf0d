<?php
/**
 * The settings compiled for page views when they are written.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend;

use QualifiedIntegration\Frontend\Events\EventsConfig;
use QualifiedIntegration\Frontend\Experiences\CompiledRules;
use QualifiedIntegration\Network\NetworkSettings;
use QualifiedIntegration\Settings\CheckedStamp;
use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps a second autoloaded option, derived from the settings option each
 * time that one is written: the settings as SettingsRepository reads them,
 * minus the rule and handler lists, the rules compiled (CompiledRules) and
 * the enabled event handlers as the page config's JSON
 * (EventsConfig::compile()). A page view reads this instead of the settings.
 *
 * Why: 200 Experience rules are ~60 KB of nested arrays. Reading them,
 * checking their stamp, reducing and JSON-encoding them cost a page view
 * about a millisecond; the snapshot holds mostly strings, which PHP
 * unserializes in microseconds.
 *
 * It is never trusted blindly. It names the exact stored settings it was
 * made from (a hash of the option's serialized text, which alloptions holds
 * anyway, with the plugin and schema versions), and a page view whose
 * settings do not match (written past WordPress's option API, or by
 * another plugin version) reads the settings themselves, as before. The
 * snapshot is the settings' shadow, never a second source of truth: no
 * screen, route or export reads it.
 *
 * Fields locked by a wp-config.php constant are applied on each read, as
 * SettingsRepository::get() does; a locked rule list is read in full, and
 * locked event handlers are compiled from the constant.
 *
 * On multisite it is compiled from the site's settings as
 * SettingsRepository reads them, the network's defaults and locks included,
 * so a page view never reads the network option (a query without a
 * persistent object cache). Its stamp names only the site's option, so a
 * change of the network settings does not make it stale by itself:
 * Network\NetworkSites compiles every site's snapshot again then.
 */
final class PageSnapshot {

	/**
	 * The option (autoloaded).
	 */
	const OPTION = 'qualified_integration_page_snapshot';

	/**
	 * The shape of the snapshot; a change of it makes old snapshots stale.
	 */
	const FORMAT = '2';

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * The last answer of page_settings() and the stored texts (settings,
	 * snapshot) it came from: a logged-in page view asks twice (PrivateCache,
	 * Loader), and the second read would hash and unserialize them again.
	 *
	 * @var array{0: array{0: string, 1: string}, 1: PageSettings}|null
	 */
	private $last = null;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 */
	public function __construct( SettingsRepository $repository ) {
		$this->repository = $repository;
	}

	/**
	 * Rebuilds the snapshot whenever the settings option is written or deleted.
	 */
	public function register(): void {
		$option = SettingsRepository::OPTION;
		add_action( "add_option_{$option}", array( $this, 'on_add' ), 10, 2 );
		add_action( "update_option_{$option}", array( $this, 'on_update' ), 10, 2 );
		add_action( "delete_option_{$option}", array( $this, 'rebuild' ), 10, 0 );
	}

	/**
	 * The settings option was added.
	 *
	 * @param string $option Option name.
	 * @param mixed  $value  The value written.
	 */
	public function on_add( $option, $value ): void {
		$this->build( maybe_serialize( $value ) );
	}

	/**
	 * The settings option was updated.
	 *
	 * @param mixed $old_value The value before.
	 * @param mixed $value     The value written.
	 */
	public function on_update( $old_value, $value ): void {
		$this->build( maybe_serialize( $value ) );
	}

	/**
	 * Rebuilds the snapshot from the stored settings (after a migration, or
	 * when they were deleted).
	 */
	public function rebuild(): void {
		$this->build( self::stored_text() );
	}

	/**
	 * What a page view reads: the snapshot when it matches the stored
	 * settings, else the settings themselves, compiled now.
	 *
	 * @return PageSettings
	 */
	public function page_settings(): PageSettings {
		$all   = wp_load_alloptions();
		$texts = array( $all[ SettingsRepository::OPTION ] ?? null, $all[ self::OPTION ] ?? null );
		if ( null !== $this->last && $this->last[0] === $texts ) {
			return $this->last[1];
		}
		$page = $this->read();
		if ( is_string( $texts[0] ) && is_string( $texts[1] ) ) {
			$this->last = array( array( $texts[0], $texts[1] ), $page );
		}
		return $page;
	}

	/**
	 * Reads what page_settings() answers.
	 *
	 * @return PageSettings
	 */
	private function read(): PageSettings {
		$repository = $this->repository;
		$snapshot   = $this->current();
		if ( null === $snapshot ) {
			return PageSettings::of( $repository->get() );
		}
		// The settings whole, from the network layer the snapshot was compiled with (no network read).
		$network = $snapshot['network'];
		$full    = static function () use ( $repository, $network ): array {
			return null === $network ? $repository->get() : $repository->get_with_network( $network );
		};

		$settings = $snapshot['settings'];
		$locked   = array_filter( $snapshot['constants'], 'defined' );
		if ( array() !== $locked ) {
			if ( isset( $locked['experiences'] ) ) {
				return PageSettings::of( $full() );
			}
			foreach ( Constants::locks() as $field => $lock ) {
				$settings[ $field ] = $lock['value'];
			}
		}
		$events = isset( $locked['events'] ) ? EventsConfig::compile( $settings ) : $snapshot['events'];
		return new PageSettings( $settings, CompiledRules::readable( $snapshot['rules'] ), $events, $full );
	}

	/**
	 * The stored snapshot when it was made from the stored settings; null otherwise.
	 *
	 * `network` is the network's layer it was compiled with (NetworkSettings::raw()),
	 * null in a snapshot an earlier version wrote.
	 *
	 * @return array{settings: array<string, mixed>, rules: array<mixed>, events: string, constants: array<string, string>, network: array{settings: array<string, mixed>, locked: string[]}|null}|null
	 */
	private function current(): ?array {
		$text = self::stored_text();
		if ( null === $text ) {
			return null;
		}
		$snapshot = get_option( self::OPTION );
		if (
			! is_array( $snapshot )
			|| ! is_string( $snapshot['source'] ?? null )
			|| ! hash_equals( self::source( $text ), $snapshot['source'] )
			|| ! is_array( $snapshot['settings'] ?? null )
			|| ! is_array( $snapshot['rules'] ?? null )
			|| ! is_string( $snapshot['events'] ?? null )
			|| ! is_array( $snapshot['constants'] ?? null )
		) {
			return null;
		}
		return array(
			'settings'  => $snapshot['settings'],
			'rules'     => $snapshot['rules'],
			'events'    => $snapshot['events'],
			'constants' => array_filter( $snapshot['constants'], 'is_string' ),
			'network'   => self::network_layer( $snapshot['network'] ?? null ),
		);
	}

	/**
	 * The network layer a snapshot holds, when it has the right shape.
	 *
	 * @param mixed $network Stored value.
	 * @return array{settings: array<string, mixed>, locked: string[]}|null
	 */
	private static function network_layer( $network ): ?array {
		if ( ! is_array( $network ) || ! is_array( $network['settings'] ?? null ) || ! is_array( $network['locked'] ?? null ) ) {
			return null;
		}
		return array(
			'settings' => $network['settings'],
			'locked'   => array_values( array_filter( $network['locked'], 'is_string' ) ),
		);
	}

	/**
	 * Writes the snapshot of settings stored as a serialized text; deletes
	 * it when there are none (or they are not autoloaded: page views then
	 * read them from the database anyway).
	 *
	 * @param string|null $text The option's serialized text, as the database holds it.
	 */
	private function build( ?string $text ): void {
		if ( null === $text ) {
			delete_option( self::OPTION );
			return;
		}
		$settings = $this->repository->sanitize( maybe_unserialize( $text ) );
		$rules    = array();
		foreach ( CompiledRules::of_settings( $settings ) as $rule ) {
			unset( $rule['rule'] );
			$rules[] = $rule;
		}
		$constants = array();
		foreach ( array_keys( Schema::editable_properties() ) as $field ) {
			$constants[ $field ] = Constants::name_for( $field );
		}
		update_option(
			self::OPTION,
			array(
				'source'    => self::source( $text ),
				'settings'  => PageSettings::without_compiled( $settings ),
				'rules'     => $rules,
				'events'    => EventsConfig::compile( $settings ),
				'constants' => $constants,
				// What the settings were compiled with on multisite (empty on a single site, read from nothing).
				'network'   => NetworkSettings::raw(),
			),
			true
		);
	}

	/**
	 * The settings option's serialized text from alloptions; null when it
	 * is missing or not autoloaded.
	 *
	 * @return string|null
	 */
	private static function stored_text(): ?string {
		$text = wp_load_alloptions()[ SettingsRepository::OPTION ] ?? null;
		return is_string( $text ) ? $text : null;
	}

	/**
	 * What a snapshot made from a stored text is stamped with.
	 *
	 * @param string $text The option's serialized text.
	 * @return string
	 */
	private static function source( string $text ): string {
		$version = defined( 'QUALIFIED_INTEGRATION_VERSION' ) ? QUALIFIED_INTEGRATION_VERSION : '';
		return hash( CheckedStamp::algorithm(), self::FORMAT . '|' . $version . '|' . Schema::VERSION . "\n" . $text );
	}
}
