<?php
/**
 * Prints the Qualified loader on public pages.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend;

use QualifiedIntegration\Assets;
use QualifiedIntegration\Frontend\Experiences\PagePlan;

defined( 'ABSPATH' ) || exit;

/**
 * Puts the three parts of the loader in <head>, in this order:
 *
 * 1. the vendor's queueing stub, inline, first thing in wp_head, so any later
 *    script may call qualified(...) before the vendor script arrives;
 * 2. qualified.js?token=TOKEN, async; unless the loading strategy is not
 *    `immediate` or an Experience hide rule may apply to the visitor: then
 *    the runtime adds it at the strategy's moment, once it knows no hide
 *    applies (the config carries its URL as `loading.src`, see Loading);
 * 3. the per-page config as JSON (with the event handlers, on every page
 *    that loads Qualified), then the runtime, deferred.
 *
 * When page facts alone hide Qualified (PagePlan::hidden()), none of the
 * three is printed.
 *
 * Everything goes through core's script APIs, so CSP nonces and script
 * filters apply, and everything printed into a script is JSON-encoded with
 * the HEX flags.
 */
final class Loader {

	const VENDOR_HANDLE  = 'qualified-integration-vendor';
	const RUNTIME_HANDLE = 'qualified-integration-runtime';
	const CONFIG_GLOBAL  = 'qualifiedIntegrationConfig';
	const JSON_FLAGS     = JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT;

	/**
	 * Where page views read the settings.
	 *
	 * @var PageSnapshot
	 */
	private $snapshot;

	/**
	 * Whether this request loads Qualified, decided once.
	 *
	 * @var bool|null
	 */
	private $load = null;

	/**
	 * Settings in force for this request, read once by should_load()
	 * (PageSettings::for_hooks(): without the rules unless a filter gets them).
	 *
	 * @var array<string, mixed>
	 */
	private $settings = array();

	/**
	 * What this request reads of the settings, read once by should_load().
	 *
	 * @var PageSettings|null
	 */
	private $page = null;

	/**
	 * The page's Experience plan, built once by should_load().
	 *
	 * @var PagePlan|null
	 */
	private $plan = null;

	/**
	 * Path of the compiled stub printed inline.
	 *
	 * @var string
	 */
	private $stub_file;

	/**
	 * Constructor.
	 *
	 * @param PageSnapshot $snapshot  Where page views read the settings.
	 * @param string|null  $stub_file Path of the inline stub; build/stub.js by default (tests point elsewhere).
	 */
	public function __construct( PageSnapshot $snapshot, ?string $stub_file = null ) {
		$this->snapshot  = $snapshot;
		$this->stub_file = $stub_file ?? Assets::path( 'stub.js' );
	}

	/**
	 * Hooks the output.
	 */
	public function register(): void {
		// Priority 0: ahead of everything else in wp_head, so any script printed there can queue calls.
		add_action( 'wp_head', array( $this, 'print_stub' ), 0 );
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Whether this request loads Qualified.
	 *
	 * @return bool
	 */
	private function should_load(): bool {
		if ( null === $this->load ) {
			$page           = $this->snapshot->page_settings();
			$this->page     = $page;
			$this->settings = $page->for_hooks();
			$this->plan     = Visibility::is_configured( $this->settings ) ? PagePlan::for_request( $page ) : null;
			$this->load     = Visibility::should_load( $this->settings, $this->plan );
		}
		return $this->load;
	}

	/**
	 * Forgets the decision; the next hook decides again (tests render several pages in one process).
	 */
	public function reset(): void {
		$this->load = null;
		$this->page = null;
		$this->plan = null;
	}

	/**
	 * Prints the vendor stub that queues calls until qualified.js arrives.
	 */
	public function print_stub(): void {
		if ( ! $this->should_load() ) {
			return;
		}
		// A missing build (a checkout before `npm run build`) prints no stub rather than a warning per page.
		if ( ! is_file( $this->stub_file ) || ! is_readable( $this->stub_file ) ) {
			return;
		}
		// A compiled plugin file, not remote content.
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		$stub = file_get_contents( $this->stub_file );
		if ( ! is_string( $stub ) || '' === $stub ) {
			return;
		}
		wp_print_inline_script_tag( trim( $stub ), array( 'id' => 'qualified-integration-stub' ) );
	}

	/**
	 * Enqueues qualified.js and the runtime with its config.
	 */
	public function enqueue(): void {
		if ( ! $this->should_load() ) {
			return;
		}
		$settings = $this->settings;
		$page     = $this->page ?? $this->snapshot->page_settings();
		$plan     = $this->plan ?? PagePlan::for_request( $page );

		if ( null === PageConfig::loading( $settings, $plan ) ) {
			// The vendor versions its own file; a ?ver= would only split caches. Disabled for the whole
			// call: WPCS 2 reports the call's first line, WPCS 3 the line of the `null` argument.
			// phpcs:disable WordPress.WP.EnqueuedResourceParameters.MissingVersion
			wp_enqueue_script(
				self::VENDOR_HANDLE,
				ScriptUrl::for_token( (string) $settings['token'] ),
				array(),
				null,
				array(
					'strategy'  => 'async',
					'in_footer' => false,
				)
			);
			// phpcs:enable WordPress.WP.EnqueuedResourceParameters.MissingVersion
		}

		Assets::register_script(
			self::RUNTIME_HANDLE,
			'frontend',
			array(
				'strategy'  => 'defer',
				'in_footer' => false,
			)
		);
		wp_add_inline_script(
			self::RUNTIME_HANDLE,
			sprintf( 'window.%s = %s;', self::CONFIG_GLOBAL, PageConfig::json( $settings, $plan, $page->events ) ),
			'before'
		);
		wp_enqueue_script( self::RUNTIME_HANDLE );
	}
}
