<?php
/**
 * Suggested privacy-policy text.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Privacy;

defined( 'ABSPATH' ) || exit;

/**
 * Offers text for the site's privacy policy (Settings -> Privacy -> Policy
 * guide): Qualified sets cookies, and mapped visitor data goes to Qualified,
 * a third party. Core accepts it only during admin_init.
 */
final class PolicyText {

	/**
	 * Hooks the suggestion.
	 */
	public function register(): void {
		add_action( 'admin_init', array( $this, 'add' ) );
	}

	/**
	 * Hands the text to core's policy guide.
	 */
	public function add(): void {
		if ( function_exists( 'wp_add_privacy_policy_content' ) ) {
			wp_add_privacy_policy_content( __( 'Qualified Integration', 'qualified-integration' ), self::text() );
		}
	}

	/**
	 * The suggested text, as HTML.
	 *
	 * @return string
	 */
	public static function text(): string {
		$tutorial = __( 'Qualified Integration loads the Qualified messenger on public pages and may send visitor details to Qualified. Which details depends on Settings -> Qualified -> Identity: adjust the text below to match the fields you map.', 'qualified-integration' );
		$text     = array(
			__( 'This site uses Qualified (qualified.com), a third-party chat and meeting-booking service. Its script loads from js.qualified.com, and what you type in the chat is sent to Qualified.', 'qualified-integration' ),
			__( 'Qualified sets cookies in your browser to recognise your visit and keep the chat across pages: __q_state_<token> (where <token> is this site\'s Qualified token), __q_domainTest and qualified_session.', 'qualified-integration' ),
			__( 'This site may also send details about you to Qualified: when you are logged in, for example your email address, name or company; and from your visit, for example the page you are on or the campaign that brought you here. Qualified stores them with your conversation, as described in Qualified\'s privacy policy on qualified.com.', 'qualified-integration' ),
			__( 'When the chat reports an event (for example that you booked a meeting or left your email address), this site may store it in its own database: the event\'s name and time, the page address, the Qualified experience and conversation ID, a one-way hash of your IP address (used only to limit how many events one visitor can send) and the field values the site chose to keep, such as your email address. This site may also forward these events to services it uses, such as a CRM, by webhook. Events are sent by your browser without any login, so the site treats them as unverified. They are deleted automatically after a set number of days (90 unless the site changed it), and you can ask for a copy or for their erasure by email address.', 'qualified-integration' ),
		);
		$html     = '<p class="privacy-policy-tutorial">' . esc_html( $tutorial ) . "</p>\n";
		$html    .= '<strong class="privacy-policy-tutorial">' . esc_html__( 'Suggested text:', 'qualified-integration' ) . '</strong> ';
		foreach ( $text as $paragraph ) {
			$html .= '<p>' . esc_html( $paragraph ) . "</p>\n";
		}
		return $html;
	}
}
