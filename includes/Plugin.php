<?php
/**
 * Service wiring.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration;

use QualifiedIntegration\Admin\ClassicMetaBox;
use QualifiedIntegration\Admin\SettingsPage;
use QualifiedIntegration\Connectors\QualifiedConnector;
use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\Identity\PrivateCache;
use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Frontend\PageSnapshot;
use QualifiedIntegration\Privacy\PolicyText;
use QualifiedIntegration\Rest\ExperiencesPreviewController;
use QualifiedIntegration\Rest\IdentityPreviewController;
use QualifiedIntegration\Rest\SettingsController;
use QualifiedIntegration\Rest\WebhooksController;
use QualifiedIntegration\Settings\Migrations;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * The one place where services are built and their hooks wired. No other
 * file adds a hook when it is included.
 */
final class Plugin {

	/**
	 * The booted instance.
	 *
	 * @var Plugin|null
	 */
	private static $instance = null;

	/**
	 * Settings repository, shared by every service.
	 *
	 * @var SettingsRepository
	 */
	public $settings;

	/**
	 * The settings compiled for page views.
	 *
	 * @var PageSnapshot
	 */
	public $snapshot;

	/**
	 * Settings migrations.
	 *
	 * @var Migrations
	 */
	public $migrations;

	/**
	 * Frontend loader.
	 *
	 * @var Loader
	 */
	public $loader;

	/**
	 * Builds the services.
	 */
	private function __construct() {
		$this->settings   = new SettingsRepository();
		$this->snapshot   = new PageSnapshot( $this->settings );
		$this->migrations = new Migrations( $this->settings, $this->snapshot );
		$this->loader     = new Loader( $this->snapshot );
	}

	/**
	 * Boots the plugin once.
	 *
	 * @return Plugin
	 */
	public static function boot(): Plugin {
		if ( null === self::$instance ) {
			self::$instance = new self();
			self::$instance->register();
		}
		return self::$instance;
	}

	/**
	 * The booted instance, for tests and extensions.
	 *
	 * @return Plugin|null
	 */
	public static function instance(): ?Plugin {
		return self::$instance;
	}

	/**
	 * Builds services only when the one hook they listen to first fires, and
	 * lets each wire itself then (its register() adds its callback at the
	 * default priority, which still runs in this firing): a page view loads
	 * none of their files (REST routes, Site Health).
	 *
	 * @param string   $hook  Action or filter the services listen to.
	 * @param callable $build Builds the services.
	 * @phpstan-param callable(): array<int, SettingsController|IdentityPreviewController|ExperiencesPreviewController|WebhooksController|Events\WebhookQueue|Events\WebhookWorker|Rest\EventsController|Rest\EventLogController|Rest\TransferController|Events\Retention|Privacy\EventsPrivacy|Health\SettingsHealth|Health\CspHealth|Health\TokenHealth|Health\LoaderHealth|Health\SnippetHealth|Health\OptimizerHealth|Health\HealthRoute|Health\DebugInfo> $build
	 */
	private static function when( string $hook, callable $build ): void {
		$builder = static function ( $value = null ) use ( $hook, $build, &$builder ) {
			foreach ( $build() as $service ) {
				$service->register();
			}
			// Once: the services' own callbacks stay hooked for later firings. Removed
			// after they are added, or this firing would end here (no callback left).
			remove_filter( $hook, $builder, 0 );
			// A filter's value passes through untouched (an action ignores it).
			return $value;
		};
		add_filter( $hook, $builder, 0 );
	}

	/**
	 * Wires every service's hooks.
	 */
	private function register(): void {
		register_activation_hook( QUALIFIED_INTEGRATION_FILE, array( $this->migrations, 'activate' ) );
		register_deactivation_hook( QUALIFIED_INTEGRATION_FILE, array( Events\Retention::class, 'unschedule' ) );
		// Pending deliveries stay in their table; reactivating schedules them again with the next stored event.
		register_deactivation_hook( QUALIFIED_INTEGRATION_FILE, array( Events\WebhookSchedule::class, 'clear' ) );

		$this->settings->register();
		$this->snapshot->register();
		$this->migrations->register();
		$this->loader->register();
		( new PrivateCache( $this->snapshot ) )->register();
		( new PageOverride() )->register();
		( new QualifiedConnector( $this->settings ) )->register();
		( new PolicyText( $this->settings ) )->register();
		// The WP Consent API: the plugin declares itself consent-aware and its cookies (nothing runs without the API).
		( new Privacy\ConsentApi( $this->settings ) )->register();
		// The Qualified button: its block, the same markup as a shortcode, and a pattern that holds it.
		( new Blocks\ButtonBlock() )->register();
		( new Blocks\ButtonShortcode() )->register();
		( new Blocks\TalkToSalesPattern() )->register();
		// Multisite: the network's defaults and locks (their route, screen, and every site's snapshot when they change).
		if ( is_multisite() ) {
			( new Network\NetworkSites( $this->migrations, $this->snapshot ) )->register();
			add_action(
				'rest_api_init',
				static function (): void {
					( new Network\NetworkSettingsController() )->register_routes();
				}
			);
			if ( is_network_admin() ) {
				( new Network\NetworkPage() )->register();
			}
		}

		$settings   = $this->settings;
		$migrations = $this->migrations;
		// `wp qualified ...`: registered, and its classes loaded, only when WP-CLI runs.
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			Cli\Commands::register( $settings, $migrations );
		}
		self::when(
			'rest_api_init',
			static function () use ( $settings, $migrations ): array {
				$store = new Events\EventStore();
				return array( new SettingsController( $settings ), new IdentityPreviewController( $settings ), new ExperiencesPreviewController( $settings ), new WebhooksController(), new Rest\EventsController( $settings, $store, new Events\RateLimiter( $store ) ), new Rest\EventLogController( $store ), new Rest\TransferController( $settings, new Settings\Transfer( $settings, $migrations ) ) );
			}
		);
		// Stored events: the daily purge is built when its cron event (Events\Retention::HOOK, named
		// here so that a page view loads no file) runs; the privacy exporter and eraser when core
		// first asks for either list (both lists are keyed, so a second instance, built when the
		// other list is asked for, only writes the same entries again).
		self::when(
			'qualified_integration_purge_events',
			static function () use ( $settings ): array {
				return array( new Events\Retention( $settings, new Events\EventStore() ) );
			}
		);
		$build_privacy = static function (): array {
			return array( new Privacy\EventsPrivacy( new Events\EventStore() ) );
		};
		self::when( 'wp_privacy_personal_data_exporters', $build_privacy );
		self::when( 'wp_privacy_personal_data_erasers', $build_privacy );
		// Webhooks: the queue is built when an event is stored, the worker when its cron event
		// (Events\WebhookSchedule::HOOK, named here so that a page view loads no file) runs.
		self::when(
			'qualified_integration_event',
			static function () use ( $settings ): array {
				return array( new Events\WebhookQueue( $settings ) );
			}
		);
		self::when(
			'qualified_integration_deliver_webhooks',
			static function () use ( $settings ): array {
				return array( new Events\WebhookWorker( $settings ) );
			}
		);
		self::when(
			'site_status_tests',
			static function () use ( $settings ): array {
				// The CSP, loader and snippet tests ask the home page over one loopback (Health\HomePage), only when
				// Site Health runs its tests; the screen runs them async, through the route below.
				$home = new Health\HomePage();
				return array( new Health\SettingsHealth( $settings ), new Health\TokenHealth( $settings ), new Health\CspHealth( $settings, $home ), new Health\LoaderHealth( $settings, $home ), new Health\SnippetHealth( $settings, $home ), new Health\OptimizerHealth( $settings ) );
			}
		);
		self::when(
			'rest_api_init',
			static function () use ( $settings ): array {
				// The route of the async Site Health tests; they are built when it runs.
				return array( new Health\HealthRoute( $settings ) );
			}
		);
		// Tools -> Site Health -> Info: the settings summary, built when core gathers the debug data.
		self::when(
			'debug_information',
			static function () use ( $settings ): array {
				return array( new Health\DebugInfo( $settings ) );
			}
		);

		// Installs the event tables again if their install failed. admin_init fires on admin requests
		// only, and the tables' version option is autoloaded: no query while they are in order.
		add_action( 'admin_init', array( Migrations::class, 'maybe_install_tables' ) );

		if ( is_admin() ) {
			( new SettingsPage() )->register();
			( new Admin\EditorPanel() )->register();
			( new ClassicMetaBox() )->register();
			// Puts the daily purge back if something unscheduled it (the cron option is autoloaded: no query).
			add_action( 'admin_init', array( Events\Retention::class, 'schedule' ) );
			// Puts the webhook worker's run back for pending deliveries that lost it (no query without webhooks).
			add_action( 'admin_init', array( new Events\WebhookQueue( $settings ), 'backstop' ) );
		}
	}
}
