<?php
/**
 * Site Health test of the script optimiser plugins.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Frontend\Visibility;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Tools -> Site Health warns when an active optimiser plugin delays,
 * combines, defers or moves the page's scripts in a way that reaches
 * Qualified's (OptimizerPlugins holds the list and reads their settings),
 * and says what to exclude and where in that plugin: the strings that match
 * every tag of the loader, or its script handles.
 *
 * Recommended while such a feature is on for Qualified, or cannot be read
 * (check it); good when none is active or each leaves Qualified alone.
 * Added only while Qualified is configured.
 */
final class OptimizerHealth {

	const TEST = 'qualified_integration_optimizers';

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
	 * Adds a direct test (it reads options only) while Qualified is configured.
	 *
	 * @param mixed $tests Tests by type (direct, async).
	 * @return array<string, mixed>
	 */
	public function add_test( $tests ): array {
		$tests = is_array( $tests ) ? $tests : array();
		if ( Visibility::is_configured( $this->repository->get() ) ) {
			$tests['direct'][ self::TEST ] = array(
				'label' => __( 'Qualified and script optimisers', 'qualified-integration' ),
				'test'  => array( $this, 'run' ),
			);
		}
		return $tests;
	}

	/**
	 * The test result.
	 *
	 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
	 */
	public function run(): array {
		$active = OptimizerPlugins::active();
		if ( array() === $active ) {
			$names = wp_list_pluck( OptimizerPlugins::known(), 'name' );
			return Result::make(
				self::TEST,
				'good',
				__( 'No script optimiser known to delay Qualified is active', 'qualified-integration' ),
				Result::paragraph(
					sprintf(
						/* translators: %s: comma-separated plugin names. */
						__( 'Checked for: %s.', 'qualified-integration' ),
						implode( ', ', $names )
					)
				)
			);
		}

		$issues = '';
		$fine   = array();
		$by     = array();
		foreach ( $active as $plugin ) {
			$items = array();
			foreach ( $plugin['features'] as $feature ) {
				if ( in_array( $feature['state'], array( 'off', 'excluded' ), true ) ) {
					$fine[] = 'excluded' === $feature['state']
						/* translators: 1: plugin name, 2: what the feature does. */
						? sprintf( __( '%1$s: %2$s, with Qualified\'s scripts excluded.', 'qualified-integration' ), $plugin['name'], self::feature_name( $feature['kind'] ) )
						/* translators: 1: plugin name, 2: what the feature does. */
						: sprintf( __( '%1$s: %2$s is off for Qualified.', 'qualified-integration' ), $plugin['name'], self::feature_name( $feature['kind'] ) );
					continue;
				}
				$by[ $feature['by'] ] = true;
				$items[]              = '<li>' . esc_html( self::effect( $feature['kind'] ) ) . ' '
					. esc_html( 'on' === $feature['state'] ? __( 'This is on.', 'qualified-integration' ) : __( 'Its setting could not be read here: check whether it is on.', 'qualified-integration' ) )
					. '<br>' . esc_html(
						sprintf(
							/* translators: %s: where in the optimiser plugin. */
							__( 'Where: %s', 'qualified-integration' ),
							$feature['where']
						)
					) . '</li>';
			}
			if ( array() !== $items ) {
				$issues .= '<p><strong>' . esc_html( $plugin['name'] ) . '</strong></p><ul>' . implode( '', $items ) . '</ul>';
			}
		}

		if ( '' === $issues ) {
			return Result::make(
				self::TEST,
				'good',
				__( 'Your script optimisers leave Qualified alone', 'qualified-integration' ),
				Result::items( $fine )
			);
		}

		return Result::make(
			self::TEST,
			'recommended',
			__( 'A script optimiser may delay or break Qualified', 'qualified-integration' ),
			Result::paragraph( __( 'An optimiser plugin on this site changes how the page\'s scripts run, and that reaches Qualified\'s loader:', 'qualified-integration' ) )
			. $issues
			. self::what_to_exclude( $by )
			. Result::paragraph( __( 'To load the messenger later on purpose, use the plugin\'s own setting instead: it keeps every call queued and replays it when qualified.js arrives.', 'qualified-integration' ) )
			. Result::items( $fine ),
			Result::settings_link( 'loading', __( 'Choose when Qualified loads in Settings -> Qualified -> Loading & privacy -> When to load Qualified', 'qualified-integration' ) )
			. Result::paragraph( __( 'After changing the optimiser\'s settings, clear its cache, then run these checks again.', 'qualified-integration' ) )
		);
	}

	/**
	 * What to enter in the exclusion lists, for the kinds of list in use.
	 *
	 * @param array<string, bool> $by The kinds of list (tag, handle) the reported features use.
	 * @return string
	 */
	private static function what_to_exclude( array $by ): string {
		$html = '';
		if ( isset( $by['tag'] ) ) {
			$html .= '<p>' . esc_html__( 'Add each of these lines to the exclusion list named above (together they match every tag of Qualified\'s loader, by ID, address or code):', 'qualified-integration' ) . '</p>'
				. self::codes( LoaderTags::keywords() );
		}
		if ( isset( $by['handle'] ) ) {
			$html .= '<p>' . esc_html__( 'Where the list takes script handles, exclude these:', 'qualified-integration' ) . '</p>'
				. self::codes( LoaderTags::handles() );
		}
		return $html;
	}

	/**
	 * A list of code items.
	 *
	 * @param string[] $values Values.
	 * @return string
	 */
	private static function codes( array $values ): string {
		$html = '';
		foreach ( $values as $value ) {
			$html .= '<li><code>' . esc_html( $value ) . '</code></li>';
		}
		return '<ul>' . $html . '</ul>';
	}

	/**
	 * A feature's name.
	 *
	 * @param string $kind delay, combine, defer_inline or move.
	 * @return string
	 */
	private static function feature_name( string $kind ): string {
		switch ( $kind ) {
			case 'delay':
				return __( 'delaying JavaScript', 'qualified-integration' );
			case 'combine':
				return __( 'combining JavaScript', 'qualified-integration' );
			case 'defer_inline':
				return __( 'deferring inline JavaScript', 'qualified-integration' );
			default:
				return __( 'moving JavaScript to the end of the page', 'qualified-integration' );
		}
	}

	/**
	 * What a feature does to Qualified, in plain words.
	 *
	 * @param string $kind delay, combine, defer_inline or move.
	 * @return string
	 */
	private static function effect( string $kind ): string {
		switch ( $kind ) {
			case 'delay':
				return __( 'It delays JavaScript until the visitor scrolls, taps or presses a key: the messenger appears only then, and never for a visitor who only reads.', 'qualified-integration' );
			case 'combine':
				return __( 'It combines scripts into one file: Qualified\'s stub and page configuration may run after code that needs them, and the combined file may keep old settings until its cache is cleared.', 'qualified-integration' );
			case 'defer_inline':
				return __( 'It defers inline scripts: Qualified\'s stub runs late, so a script that calls qualified() before it fails.', 'qualified-integration' );
			default:
				return __( 'It moves scripts to the end of the page: the messenger starts later, and a script that calls qualified() earlier fails.', 'qualified-integration' );
		}
	}
}
