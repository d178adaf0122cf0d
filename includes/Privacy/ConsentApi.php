<?php
/**
 * The WP Consent API integration.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Privacy;

use QualifiedIntegration\Frontend\Loading;
use QualifiedIntegration\Frontend\Visibility;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Speaks the WP Consent API (the wordpress.org plugin "wp-consent-api"), the
 * shared language between consent banners and the plugins that set cookies:
 *
 * - it declares the plugin consent-aware with the API's documented filter,
 *   `wp_consent_api_registered_{plugin basename}` (the API's Site Health test
 *   lists active plugins that do not);
 * - it declares Qualified's cookies (Cookies) with wp_add_cookie_info(), in
 *   the consent category of the settings (`loading.consentCategory`), so a
 *   consent plugin can list them in its cookie policy under the category
 *   that also gates loading.
 *
 * Waiting for consent in the browser is the runtime's job (the `consent`
 * loading strategy reads `wp_has_consent()` and listens for
 * `wp_listen_for_consent_change`); this class only declares.
 *
 * Cheap on page views: register() adds a filter and an action. The API
 * defines its functions on plugins_loaded (priority 9), after this plugin
 * is loaded, so the cookies are declared on init; without the API that
 * callback returns before reading anything.
 */
final class ConsentApi {

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
	 * Hooks the declarations.
	 */
	public function register(): void {
		add_filter( self::registered_filter(), '__return_true' );
		add_action( 'init', array( $this, 'declare_cookies' ) );
	}

	/**
	 * The API's filter that says a plugin follows it, for this plugin's basename
	 * (qualified-integration/qualified-integration.php when installed as usual).
	 *
	 * @return string
	 */
	public static function registered_filter(): string {
		return 'wp_consent_api_registered_' . plugin_basename( QUALIFIED_INTEGRATION_FILE );
	}

	/**
	 * Declares each cookie Qualified sets, when the API is there and
	 * Qualified is on (a site that does not load Qualified gets none of its
	 * cookies, so none goes into its cookie policy).
	 */
	public function declare_cookies(): void {
		if ( ! function_exists( 'wp_add_cookie_info' ) ) {
			return;
		}
		$settings = $this->repository->get();
		if ( ! Visibility::is_configured( $settings ) ) {
			return;
		}
		$category = self::category( $settings );
		$token    = (string) $settings['token'];
		foreach ( Cookies::all() as $cookie ) {
			// The API's parameters: name, plugin or service, category, expires (text), function (purpose),
			// collected personal data ('' for none), member cookie, administrator cookie, type, domain
			// (false: this site's, which is where qualified.js sets them).
			wp_add_cookie_info(
				Cookies::name_for( $cookie['name'], $token ),
				Cookies::SERVICE,
				$category,
				$cookie['expires'],
				$cookie['purpose'],
				$cookie['personalData'],
				false,
				false,
				'HTTP',
				false
			);
		}
	}

	/**
	 * The consent category of the settings (`loading.consentCategory`), read
	 * defensively: settings from before the `loading` field, or from a
	 * filter, may lack it; anything unreadable is `marketing`, the default.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return string One of Loading::CATEGORIES.
	 */
	public static function category( array $settings ): string {
		return Loading::category( $settings );
	}
}
