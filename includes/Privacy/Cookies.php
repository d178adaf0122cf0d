<?php
/**
 * The cookies Qualified sets.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Privacy;

defined( 'ABSPATH' ) || exit;

/**
 * The one list of the cookies qualified.js sets in a visitor's browser, for
 * every place that tells someone about them: the suggested privacy-policy
 * text (PolicyText) and the cookie declarations a consent plugin reads
 * through the WP Consent API (ConsentApi).
 *
 * The plugin itself sets none of them: Qualified's script does, on the
 * site's own domain. Qualified decides their lifetimes and may change them,
 * and we cannot read them from a published source, so no lifetime is stated
 * here; the expiry text says so instead of guessing.
 *
 * The fields follow what wp_add_cookie_info() takes: a purpose ("what the
 * cookie is meant to do"), an expiry description (free text) and the kind
 * of personal data it holds ('' when none).
 */
final class Cookies {

	/**
	 * The service that sets the cookies, as a consent plugin shows it.
	 */
	const SERVICE = 'Qualified';

	/**
	 * Each cookie: its name (`<token>` stands for the site's Qualified
	 * token), what it is for, when it expires and what personal data it holds.
	 *
	 * @return array<int, array{name: string, purpose: string, expires: string, personalData: string}>
	 */
	public static function all(): array {
		$expires = __( 'Set by Qualified; Qualified decides how long it lasts.', 'qualified-integration' );
		return array(
			array(
				'name'         => '__q_state_<token>',
				'purpose'      => __( 'Set by Qualified to recognise the visitor\'s browser on this site and keep the messenger\'s state, such as an ongoing conversation, across pages and visits.', 'qualified-integration' ),
				'expires'      => $expires,
				'personalData' => __( 'An identifier of the visitor\'s browser', 'qualified-integration' ),
			),
			array(
				'name'         => '__q_domainTest',
				'purpose'      => __( 'Set by Qualified to test on which domain of this site it can set its cookies.', 'qualified-integration' ),
				'expires'      => $expires,
				'personalData' => '',
			),
			array(
				'name'         => 'qualified_session',
				'purpose'      => __( 'Set by Qualified to keep the visitor\'s current visit (session) with the messenger across pages.', 'qualified-integration' ),
				'expires'      => $expires,
				'personalData' => __( 'An identifier of the visitor\'s session', 'qualified-integration' ),
			),
		);
	}

	/**
	 * A cookie's real name for a site token: `__q_state_<token>` becomes
	 * `__q_state_AbCd1234`, the name a consent plugin sees in the browser.
	 * Without a token the placeholder stays.
	 *
	 * @param string $name  Name from all().
	 * @param string $token Site token.
	 * @return string
	 */
	public static function name_for( string $name, string $token ): string {
		return '' === $token ? $name : str_replace( '<token>', $token, $name );
	}
}
