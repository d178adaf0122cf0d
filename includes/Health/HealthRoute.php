<?php
/**
 * The REST route that runs Qualified's async Site Health tests.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Settings\SettingsRepository;
use WP_REST_Request;
use WP_REST_Server;

defined( 'ABSPATH' ) || exit;

/**
 * Tools -> Site Health runs an async test by asking its `test` URL through
 * the REST API (with the user's cookie and nonce) and shows the result the
 * route returns, as core's own loopback tests do: the screen renders at
 * once and the tests that fetch the home page run one by one after it.
 *
 * GET /qualified-integration/v1/site-health/<test> runs one of the tests it
 * was given (csp, loader, snippets), for users who may view Site Health
 * checks (core's `view_site_health_checks`, as its own routes require).
 * The tests are built only when the route runs: every REST request
 * registers the route, and loads this file alone.
 */
final class HealthRoute {

	const NAMESPACE = 'qualified-integration/v1';
	const BASE      = '/site-health/';

	/**
	 * The async tests' SLUGs (CspHealth, LoaderHealth, SnippetHealth), written
	 * out so that registering the route loads none of their files.
	 */
	const SLUGS = array( 'csp', 'loader', 'snippets' );

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
	 * The async tests, by SLUG, sharing one fetch of the home page.
	 *
	 * @return array<string, CspHealth|LoaderHealth|SnippetHealth>
	 */
	public function tests(): array {
		$home = new HomePage();
		return array(
			CspHealth::SLUG     => new CspHealth( $this->repository, $home ),
			LoaderHealth::SLUG  => new LoaderHealth( $this->repository, $home ),
			SnippetHealth::SLUG => new SnippetHealth( $this->repository, $home ),
		);
	}

	/**
	 * The URL Site Health asks for a test.
	 *
	 * @param string $slug The test's SLUG.
	 * @return string
	 */
	public static function url( string $slug ): string {
		return rest_url( self::NAMESPACE . self::BASE . $slug );
	}

	/**
	 * Hooks the route.
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the route, one slug per test.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			self::BASE . '(?P<test>' . implode( '|', self::SLUGS ) . ')',
			array(
				'methods'             => WP_REST_Server::READABLE,
				'callback'            => array( $this, 'run' ),
				'permission_callback' => array( $this, 'can_view' ),
				'args'                => array(
					'test' => array(
						'type' => 'string',
						'enum' => self::SLUGS,
					),
				),
			)
		);
	}

	/**
	 * Whether the user may run Site Health checks.
	 *
	 * @return bool
	 */
	public function can_view(): bool {
		return current_user_can( 'view_site_health_checks' );
	}

	/**
	 * Runs the test the URL names.
	 *
	 * @param WP_REST_Request $request Request.
	 * @phpstan-param WP_REST_Request<array<string, mixed>> $request
	 * @return array<string, mixed>
	 */
	public function run( WP_REST_Request $request ): array {
		$tests = $this->tests();
		return $tests[ (string) $request['test'] ]->run();
	}
}
