<?php
/**
 * The Qualified section of Site Health's Info tab.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Frontend\Loading;
use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Adds "Qualified" to Tools -> Site Health -> Info: a summary of the
 * settings a support person asks for first (version, schema version, on or
 * off, where the token comes from, excluded roles, how many mappings,
 * rules, handlers and webhooks, the loading strategy, the locks, the
 * problems found), so a site owner can paste it into a support request.
 *
 * It never holds a secret: no webhook address or secret, no identity
 * source key, no rule value; the token only masked (TokenMask), and marked
 * private so "Copy site info to clipboard" leaves it out. Each field has a
 * `debug` value in English, which is what the copy holds.
 */
final class DebugInfo {

	const SECTION = 'qualified-integration';

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 */
	public function __construct( SettingsRepository $repository ) {
		$this->repository = $repository;
	}

	/**
	 * Adds the section to the debug data.
	 */
	public function register(): void {
		add_filter( 'debug_information', array( $this, 'add_section' ) );
	}

	/**
	 * The debug data with the Qualified section.
	 *
	 * @param mixed $info Sections by key.
	 * @return array<string, mixed>
	 */
	public function add_section( $info ): array {
		$info                  = is_array( $info ) ? $info : array();
		$info[ self::SECTION ] = array(
			'label'       => __( 'Qualified', 'qualified-integration' ),
			'description' => __( 'The Qualified Integration settings in force, without secrets: the site token is masked and left out of the copy, webhook addresses and secrets are not shown.', 'qualified-integration' ),
			'fields'      => $this->fields(),
		);
		return $info;
	}

	/**
	 * The section's fields.
	 *
	 * @return array<string, array{label: string, value: string, debug?: string|int, private?: bool}>
	 */
	public function fields(): array {
		$settings = $this->repository->get();
		$locks    = Constants::locks();
		$problems = $this->repository->problems();
		$yes      = __( 'Yes', 'qualified-integration' );
		$no       = __( 'No', 'qualified-integration' );
		$none     = __( 'None', 'qualified-integration' );

		$raw     = get_option( SettingsRepository::OPTION, null );
		$stored  = is_array( $raw ) && is_int( $raw['schemaVersion'] ?? null ) ? $raw['schemaVersion'] : null;
		$enabled = true === ( $settings['enabled'] ?? false );
		$token   = is_string( $settings['token'] ?? null ) ? $settings['token'] : '';
		$source  = self::token_source( $token, $locks );

		$roles = array_values( array_filter( (array) ( $settings['excludeRoles'] ?? array() ), 'is_string' ) );

		$rules   = self::items( $settings, 'experiences', 'rules' );
		$on      = count(
			array_filter(
				$rules,
				static function ( $rule ): bool {
					return is_array( $rule ) && false !== ( $rule['enabled'] ?? true );
				}
			)
		);
		$hooks   = self::items( $settings, 'events', 'webhooks' );
		$live    = count(
			array_filter(
				$hooks,
				static function ( $hook ): bool {
					return is_array( $hook ) && false !== ( $hook['enabled'] ?? true );
				}
			)
		);
		$loading = self::loading( $settings );

		$locked = array();
		foreach ( $locks as $field => $lock ) {
			$locked[] = $field . ' (' . $lock['constant'] . ')';
		}

		/* translators: 1: number of items, 2: number of enabled items. */
		$counted = __( '%1$d (%2$d enabled)', 'qualified-integration' );
		return array(
			'version'           => array(
				'label' => __( 'Plugin version', 'qualified-integration' ),
				'value' => (string) QUALIFIED_INTEGRATION_VERSION,
			),
			'schema_version'    => array(
				'label' => __( 'Settings schema version', 'qualified-integration' ),
				'value' => null === $stored
					/* translators: %d: schema version. */
					? sprintf( __( 'Nothing stored yet (this plugin reads version %d)', 'qualified-integration' ), Schema::VERSION )
					/* translators: 1: stored schema version, 2: the version the plugin reads. */
					: sprintf( __( '%1$d stored (this plugin reads version %2$d)', 'qualified-integration' ), $stored, Schema::VERSION ),
				'debug' => ( null === $stored ? 'none' : (string) $stored ) . ' (plugin ' . Schema::VERSION . ')',
			),
			'enabled'           => array(
				'label' => __( 'Load Qualified', 'qualified-integration' ),
				'value' => $enabled ? $yes : $no,
				'debug' => $enabled ? 'true' : 'false',
			),
			'token_source'      => array(
				'label' => __( 'Site token', 'qualified-integration' ),
				'value' => $source['label'],
				'debug' => $source['debug'],
			),
			'token'             => array(
				'label'   => __( 'Site token (masked)', 'qualified-integration' ),
				'value'   => '' === $token ? $none : TokenMask::mask( $token ),
				'private' => true,
			),
			'excluded_roles'    => array(
				'label' => __( 'Never load for these roles', 'qualified-integration' ),
				'value' => array() === $roles ? $none : implode( ', ', $roles ),
				'debug' => array() === $roles ? 'none' : implode( ', ', $roles ),
			),
			'identity_mappings' => array(
				'label' => __( 'Identity mappings', 'qualified-integration' ),
				'value' => (string) count( self::items( $settings, 'identity', 'mappings' ) ),
			),
			'experience_rules'  => array(
				'label' => __( 'Experience rules', 'qualified-integration' ),
				'value' => sprintf( $counted, count( $rules ), $on ),
				'debug' => count( $rules ) . ' (' . $on . ' enabled)',
			),
			'event_handlers'    => array(
				'label' => __( 'Event handlers', 'qualified-integration' ),
				'value' => (string) count( self::items( $settings, 'events', 'handlers' ) ),
			),
			'webhooks'          => array(
				'label' => __( 'Webhooks', 'qualified-integration' ),
				'value' => sprintf( $counted, count( $hooks ), $live ),
				'debug' => count( $hooks ) . ' (' . $live . ' enabled)',
			),
			'loading'           => array(
				'label' => __( 'When to load Qualified', 'qualified-integration' ),
				'value' => $loading['label'],
				'debug' => $loading['debug'],
			),
			'locked_fields'     => array(
				'label' => __( 'Fields locked in wp-config.php', 'qualified-integration' ),
				'value' => array() === $locked ? $none : implode( ', ', $locked ),
				'debug' => array() === $locked ? 'none' : implode( ', ', $locked ),
			),
			'problems'          => array(
				'label' => __( 'Refused values', 'qualified-integration' ),
				'value' => array() === $problems
					? $none
					/* translators: 1: number of refused values, 2: their settings paths. */
					: sprintf( __( '%1$d: %2$s', 'qualified-integration' ), count( $problems ), implode( ', ', array_keys( $problems ) ) ),
				'debug' => array() === $problems ? '0' : count( $problems ) . ': ' . implode( ', ', array_keys( $problems ) ),
			),
		);
	}

	/**
	 * Where the token comes from, in words and for the copy.
	 *
	 * @param string                                                                   $token The token in force.
	 * @param array<string, array{constant: string, value: mixed, error: string|null}> $locks Constants::locks().
	 * @return array{label: string, debug: string}
	 */
	private static function token_source( string $token, array $locks ): array {
		if ( isset( $locks['token'] ) ) {
			$invalid = null !== $locks['token']['error'];
			return array(
				'label' => $invalid
					/* translators: %s: PHP constant name. */
					? sprintf( __( 'Set by %s in wp-config.php, invalid (nothing loads)', 'qualified-integration' ), $locks['token']['constant'] )
					/* translators: %s: PHP constant name. */
					: ( '' === $token ? sprintf( __( 'Set to nothing by %s in wp-config.php', 'qualified-integration' ), $locks['token']['constant'] ) : sprintf( __( 'Set by %s in wp-config.php', 'qualified-integration' ), $locks['token']['constant'] ) ),
				'debug' => $invalid ? 'constant (invalid)' : ( '' === $token ? 'constant (empty)' : 'constant' ),
			);
		}
		return '' === $token
			? array(
				'label' => __( 'Not set', 'qualified-integration' ),
				'debug' => 'none',
			)
			: array(
				'label' => __( 'Stored in the settings', 'qualified-integration' ),
				'debug' => 'option',
			);
	}

	/**
	 * The loading strategy, with its delay or consent category, in words
	 * and for the copy (`interaction (maxDelay 10 s)`, `consent (marketing)`).
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return array{label: string, debug: string}
	 */
	private static function loading( array $settings ): array {
		$strategy = Loading::strategy( $settings );
		$loading  = is_array( $settings['loading'] ?? null ) ? $settings['loading'] : array();
		$delay    = is_int( $loading['maxDelay'] ?? null ) ? $loading['maxDelay'] : 0;
		switch ( $strategy ) {
			case 'idle':
				$label = __( 'After the page has loaded, when the browser is idle', 'qualified-integration' );
				break;
			case 'interaction':
				$label = $delay > 0
					/* translators: %d: seconds. */
					? sprintf( __( 'At the visitor\'s first interaction, or after %d seconds', 'qualified-integration' ), $delay )
					: __( 'At the visitor\'s first interaction', 'qualified-integration' );
				break;
			case 'consent':
				/* translators: %s: WP Consent API category. */
				$label = sprintf( __( 'Only after the visitor consents (category: %s)', 'qualified-integration' ), Loading::category( $settings ) );
				break;
			default:
				$label = __( 'At once, with the page', 'qualified-integration' );
		}
		$debug = $strategy;
		if ( 'interaction' === $strategy && $delay > 0 ) {
			$debug .= ' (maxDelay ' . $delay . ' s)';
		} elseif ( 'consent' === $strategy ) {
			$debug .= ' (' . Loading::category( $settings ) . ')';
		}
		return array(
			'label' => $label,
			'debug' => $debug,
		);
	}

	/**
	 * A list inside a section of the settings (empty when it is not a list).
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @param string               $section  Top-level field.
	 * @param string               $key      List key inside it.
	 * @return array<int|string, mixed>
	 */
	private static function items( array $settings, string $section, string $key ): array {
		$part = is_array( $settings[ $section ] ?? null ) ? $settings[ $section ] : array();
		return is_array( $part[ $key ] ?? null ) ? $part[ $key ] : array();
	}
}
