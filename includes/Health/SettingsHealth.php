<?php
/**
 * Site Health test of the settings.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Admin\SettingsPage;
use QualifiedIntegration\Settings\Labels;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Tools -> Site Health reports an off-switch that was refused: a stored
 * `enabled` or QUALIFIED_INTEGRATION_ENABLED that is not a real boolean
 * turns Qualified off (it fails closed), and a site owner must learn why.
 * Critical then, good otherwise.
 */
final class SettingsHealth {

	const TEST = 'qualified_integration_settings';

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
	 * Adds a direct test.
	 *
	 * @param mixed $tests Tests by type (direct, async).
	 * @return array<string, mixed>
	 */
	public function add_test( $tests ): array {
		$tests                         = is_array( $tests ) ? $tests : array();
		$tests['direct'][ self::TEST ] = array(
			'label' => __( 'Qualified settings', 'qualified-integration' ),
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
		$problems = $this->repository->problems();
		$badge    = array(
			'label' => __( 'Qualified', 'qualified-integration' ),
			'color' => 'blue',
		);
		if ( isset( $problems['enabled'] ) ) {
			$badge['color'] = 'red';
			return array(
				'label'       => __( 'Qualified is off because its "Load Qualified" setting is invalid', 'qualified-integration' ),
				'status'      => 'critical',
				'badge'       => $badge,
				'description' => '<p>' . esc_html( $problems['enabled'] ) . '</p><p>' . esc_html__( 'A value that is not true or false turns Qualified off rather than on.', 'qualified-integration' ) . '</p>',
				'actions'     => sprintf(
					'<p><a href="%s">%s</a></p>',
					esc_url( admin_url( 'options-general.php?page=' . SettingsPage::SLUG ) ),
					/* translators: %s: field label. */
					esc_html( sprintf( __( 'Review "%s" in Settings -> Qualified', 'qualified-integration' ), Labels::of( 'enabled' ) ) )
				),
				'test'        => self::TEST,
			);
		}
		return array(
			'label'       => __( 'Qualified settings are valid', 'qualified-integration' ),
			'status'      => 'good',
			'badge'       => $badge,
			'description' => '<p>' . esc_html__( 'The "Load Qualified" setting (stored or in wp-config.php) is a valid true or false.', 'qualified-integration' ) . '</p>',
			'actions'     => '',
			'test'        => self::TEST,
		);
	}
}
