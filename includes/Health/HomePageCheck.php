<?php
/**
 * What the Site Health tests that read the home page share.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Frontend\Visibility;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * An async Site Health test over the home page as an anonymous visitor gets
 * it (one loopback fetch, HomePage, shared by every such test in a request):
 * listed only while Qualified is configured, run by Site Health through
 * HealthRoute. Each test says what it is called (label()), its TEST id and
 * route SLUG, and how it judges the page (run()).
 */
abstract class HomePageCheck {

	/**
	 * The test's id in Site Health (each test sets its own).
	 */
	const TEST = '';

	/**
	 * The test's part of HealthRoute's path (each test sets its own).
	 */
	const SLUG = '';

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	protected $repository;

	/**
	 * The home page.
	 *
	 * @var HomePage
	 */
	protected $home;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 * @param HomePage|null      $home       The home page, shared with the other tests that read it.
	 */
	public function __construct( SettingsRepository $repository, ?HomePage $home = null ) {
		$this->repository = $repository;
		$this->home       = $home ?? new HomePage();
	}

	/**
	 * Adds the test to Site Health.
	 */
	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_test' ) );
	}

	/**
	 * Adds the async test while Qualified is configured.
	 *
	 * @param mixed $tests Tests by type (direct, async).
	 * @return array<string, mixed>
	 */
	public function add_test( $tests ): array {
		$tests = is_array( $tests ) ? $tests : array();
		if ( Visibility::is_configured( $this->repository->get() ) ) {
			$tests['async'][ static::TEST ] = array(
				'label'             => $this->label(),
				'test'              => HealthRoute::url( static::SLUG ),
				'has_rest'          => true,
				'async_direct_test' => array( $this, 'run' ),
			);
		}
		return $tests;
	}

	/**
	 * The test's name in Site Health's list.
	 *
	 * @return string
	 */
	abstract protected function label(): string;

	/**
	 * The test result.
	 *
	 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
	 */
	abstract public function run(): array;
}
