<?php
/**
 * Site Health test of the site token.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Tools -> Site Health says whether the site token is set and well-formed,
 * and where it comes from: the setting (Settings -> Qualified -> General ->
 * Site token) or the QUALIFIED_INTEGRATION_TOKEN constant in wp-config.php,
 * which overrides and locks it. Without a valid token nothing loads, and
 * the pages look just the same, so a site owner learns it here.
 *
 * Critical when the token in force was refused (a constant, or a stored
 * value, that is not letters and digits: Qualified then loads nowhere);
 * recommended when Qualified is on with no token; good otherwise. The
 * pattern is the settings schema's, so this test and every writer agree.
 */
final class TokenHealth {

	const TEST = 'qualified_integration_token';

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
	 * Adds the test to Site Health.
	 */
	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_test' ) );
	}

	/**
	 * Adds a direct test: it reads settings only.
	 *
	 * @param mixed $tests Tests by type (direct, async).
	 * @return array<string, mixed>
	 */
	public function add_test( $tests ): array {
		$tests                         = is_array( $tests ) ? $tests : array();
		$tests['direct'][ self::TEST ] = array(
			'label' => __( 'Qualified site token', 'qualified-integration' ),
			'test'  => array( $this, 'run' ),
		);
		return $tests;
	}

	/**
	 * The test result.
	 *
	 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
	 */
	public function run(): array {
		$locks    = Constants::locks();
		$lock     = $locks['token'] ?? null;
		$settings = $this->repository->get();
		$token    = is_string( $settings['token'] ?? null ) ? $settings['token'] : '';
		$constant = Constants::name_for( 'token' );
		$where    = Result::paragraph( __( 'You find the site token in Qualified under Settings -> Install: it is the part after "token=" in the install snippet, letters and digits only.', 'qualified-integration' ) );

		if ( null !== $lock && null !== $lock['error'] ) {
			return Result::make(
				self::TEST,
				'critical',
				__( 'The Qualified site token in wp-config.php is invalid, so Qualified loads nowhere', 'qualified-integration' ),
				Result::paragraph( $lock['error'] )
				. Result::paragraph(
					sprintf(
						/* translators: %s: PHP constant name. */
						__( 'The %s constant in wp-config.php overrides the token stored in the settings and locks it, so the settings screen cannot fix this.', 'qualified-integration' ),
						$constant
					)
				) . $where,
				Result::paragraph(
					sprintf(
						/* translators: 1: PHP constant name, 2: example line. */
						__( 'Edit wp-config.php: give %1$s the token alone, for example %2$s, or remove the line to manage the token in Settings -> Qualified -> General -> Site token.', 'qualified-integration' ),
						$constant,
						"define( '" . $constant . "', 'AbCd1234EfGh5678' );"
					)
				)
			);
		}

		$problems = $this->repository->problems();
		if ( null === $lock && isset( $problems['token'] ) ) {
			return Result::make(
				self::TEST,
				'critical',
				__( 'The stored Qualified site token is invalid, so Qualified loads nowhere', 'qualified-integration' ),
				Result::paragraph( $problems['token'] )
				. Result::paragraph( __( 'The stored value was refused: it may come from an older version of the plugin or a direct edit of the database.', 'qualified-integration' ) )
				. $where,
				Result::settings_link( 'general', __( 'Enter the token again in Settings -> Qualified -> General -> Site token', 'qualified-integration' ) )
			);
		}

		if ( '' === $token ) {
			if ( true !== ( $settings['enabled'] ?? false ) ) {
				return Result::make(
					self::TEST,
					'good',
					__( 'Qualified is turned off and has no site token', 'qualified-integration' ),
					Result::paragraph( __( 'Nothing loads while "Load Qualified" is off. Add the token before you turn it on.', 'qualified-integration' ) ) . $where
				);
			}
			return Result::make(
				self::TEST,
				'recommended',
				__( 'Qualified has no site token, so it loads nowhere', 'qualified-integration' ),
				Result::paragraph( __( '"Load Qualified" is on, but without the site token of your Qualified account no page can load the messenger.', 'qualified-integration' ) ) . $where,
				null !== $lock
					? Result::paragraph(
						sprintf(
							/* translators: %s: PHP constant name. */
							__( 'The %s constant in wp-config.php sets the token to nothing and locks it: give it your token there, or remove the line to manage the token in Settings -> Qualified -> General -> Site token.', 'qualified-integration' ),
							$constant
						)
					)
					: Result::settings_link( 'general', __( 'Add the token in Settings -> Qualified -> General -> Site token', 'qualified-integration' ) )
			);
		}

		$source = null !== $lock
			/* translators: %s: PHP constant name. */
			? sprintf( __( 'It is set by the %s constant in wp-config.php, which locks it.', 'qualified-integration' ), $constant )
			: __( 'It is stored in Settings -> Qualified -> General -> Site token.', 'qualified-integration' );
		return Result::make(
			self::TEST,
			'good',
			__( 'The Qualified site token is set', 'qualified-integration' ),
			Result::paragraph(
				sprintf(
					/* translators: 1: the token's first characters, 2: where it is set. */
					__( 'The site token (%1$s) is well-formed. %2$s', 'qualified-integration' ),
					TokenMask::mask( $token ),
					$source
				)
			)
		);
	}
}
