<?php
/**
 * Which consent plugins the site runs.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Privacy;

defined( 'ABSPATH' ) || exit;

/**
 * Finds the consent (cookie banner) plugins active on the site, so the admin
 * screen can say whether the `consent` loading strategy has something to
 * listen to: the strategy reads the WP Consent API, which a banner plugin
 * must feed, or waits for the site's own grantConsent() call.
 *
 * Detection is by plugin basename in `active_plugins` (and, on multisite,
 * the network-activated `active_sitewide_plugins`), so it reads two
 * autoloaded options and no plugin file. The WP Consent API also counts as
 * active when its functions are defined, which covers a must-use install.
 *
 * `consentApi` says whether a plugin feeds the WP Consent API: true where
 * the API's own readme lists it as an integration (Complianz, Cookiebot),
 * null where we could not establish it from a published source (check the
 * plugin's settings: several have an option for it).
 */
final class ConsentPlugins {

	/**
	 * The known plugins: slug => name, basenames, WP Consent API support (null: unknown).
	 *
	 * @var array<string, array{name: string, basenames: string[], consentApi: bool|null}>
	 */
	const KNOWN = array(
		'wp-consent-api'         => array(
			'name'       => 'WP Consent API',
			'basenames'  => array( 'wp-consent-api/wp-consent-api.php' ),
			'consentApi' => true,
		),
		'complianz'              => array(
			'name'       => 'Complianz',
			// The main file's name is spelled "gpdr" in the plugin itself.
			'basenames'  => array( 'complianz-gdpr/complianz-gpdr.php', 'complianz-gdpr-premium/complianz-gpdr-premium.php' ),
			'consentApi' => true,
		),
		'cookiebot'              => array(
			'name'       => 'Cookiebot',
			'basenames'  => array( 'cookiebot/cookiebot.php' ),
			'consentApi' => true,
		),
		'cookieyes'              => array(
			'name'       => 'CookieYes (Cookie Law Info)',
			'basenames'  => array( 'cookie-law-info/cookie-law-info.php' ),
			'consentApi' => null,
		),
		'borlabs-cookie'         => array(
			'name'       => 'Borlabs Cookie',
			'basenames'  => array( 'borlabs-cookie/borlabs-cookie.php' ),
			'consentApi' => null,
		),
		'real-cookie-banner'     => array(
			'name'       => 'Real Cookie Banner',
			'basenames'  => array( 'real-cookie-banner/index.php', 'real-cookie-banner-pro/index.php' ),
			'consentApi' => null,
		),
		'iubenda'                => array(
			'name'       => 'iubenda',
			'basenames'  => array( 'iubenda-cookie-law-solution/iubenda_cookie_solution.php' ),
			'consentApi' => null,
		),
		'gdpr-cookie-compliance' => array(
			'name'       => 'GDPR Cookie Compliance',
			'basenames'  => array( 'gdpr-cookie-compliance/moove-gdpr.php' ),
			'consentApi' => null,
		),
		'cookie-notice'          => array(
			'name'       => 'Cookie Notice & Compliance',
			'basenames'  => array( 'cookie-notice/cookie-notice.php' ),
			'consentApi' => null,
		),
	);

	/**
	 * The known consent plugins active on the site, in KNOWN's order.
	 *
	 * @return array<int, array{slug: string, name: string, consentApi: bool|null}>
	 */
	public static function active(): array {
		$active = self::active_basenames();
		$found  = array();
		foreach ( self::KNOWN as $slug => $plugin ) {
			$is_active = array() !== array_intersect( $plugin['basenames'], $active )
				|| ( 'wp-consent-api' === $slug && function_exists( 'wp_has_consent' ) );
			if ( $is_active ) {
				$found[] = array(
					'slug'       => $slug,
					'name'       => $plugin['name'],
					'consentApi' => $plugin['consentApi'],
				);
			}
		}
		return $found;
	}

	/**
	 * Basenames of the active plugins, network-activated ones included.
	 *
	 * @return string[]
	 */
	private static function active_basenames(): array {
		$active = array_values( array_filter( (array) get_option( 'active_plugins', array() ), 'is_string' ) );
		if ( is_multisite() ) {
			// Network-activated plugins are the keys (the values are activation times).
			$active = array_merge( $active, array_map( 'strval', array_keys( (array) get_site_option( 'active_sitewide_plugins', array() ) ) ) );
		}
		return $active;
	}
}
