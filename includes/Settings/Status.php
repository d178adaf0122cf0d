<?php
/**
 * Whether the messenger is live, and why not.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

use QualifiedIntegration\Frontend\Visibility;
use WP_User;

defined( 'ABSPATH' ) || exit;

/**
 * Answers the admin's first question, "is it on?", from the settings in
 * force and the same rules the frontend applies (Frontend\Visibility).
 * `live` means the home page loads Qualified for the user asking; each
 * reason says why it does not: disabled, invalid_enabled (the stored or
 * constant value is not a boolean, so it fails closed), locked_off (a
 * constant turns it off), no_token, role_excluded (the user's own role is
 * excluded; visitors still get it).
 */
final class Status {

	/**
	 * The status.
	 *
	 * @param array<string, mixed>                $settings Settings in force.
	 * @param array<string, string>               $problems Refused values, by path (SettingsRepository::problems()).
	 * @param array<string, array<string, mixed>> $locks    Constants::locks().
	 * @param WP_User                             $user     Who asks.
	 * @return array{live: bool, reasons: array<int, array{code: string, message: string}>, homeUrl: string}
	 */
	public static function of( array $settings, array $problems, array $locks, WP_User $user ): array {
		$reasons = array();
		if ( true !== ( $settings['enabled'] ?? false ) ) {
			if ( isset( $problems['enabled'] ) ) {
				$reasons[] = self::reason( 'invalid_enabled', __( 'The "Load Qualified" value is not true or false, so Qualified stays off until it is fixed.', 'qualified-integration' ) );
			} elseif ( isset( $locks['enabled'] ) ) {
				/* translators: %s: PHP constant name. */
				$reasons[] = self::reason( 'locked_off', sprintf( __( 'The %s constant in wp-config.php turns Qualified off.', 'qualified-integration' ), (string) $locks['enabled']['constant'] ) );
			} else {
				$reasons[] = self::reason( 'disabled', __( 'Load Qualified is off.', 'qualified-integration' ) );
			}
		}
		if ( '' === (string) ( $settings['token'] ?? '' ) ) {
			$reasons[] = self::reason( 'no_token', __( 'No site token is set.', 'qualified-integration' ) );
		}
		if ( Visibility::user_is_excluded( $user, (array) ( $settings['excludeRoles'] ?? array() ) ) ) {
			$reasons[] = self::reason( 'role_excluded', __( 'Your role is in "Never load for these roles", so Qualified does not load while you are logged in. Visitors still get it.', 'qualified-integration' ) );
		}
		return array(
			'live'    => array() === $reasons && Visibility::is_configured( $settings ),
			'reasons' => $reasons,
			'homeUrl' => home_url( '/' ),
		);
	}

	/**
	 * One reason.
	 *
	 * @param string $code    Code.
	 * @param string $message Sentence to show.
	 * @return array{code: string, message: string}
	 */
	private static function reason( string $code, string $message ): array {
		return array(
			'code'    => $code,
			'message' => $message,
		);
	}
}
