<?php
/**
 * Suggested privacy-policy text.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Privacy;

use QualifiedIntegration\Events\EventsSettings;
use QualifiedIntegration\Events\IncomingEvent;
use QualifiedIntegration\Frontend\ScriptUrl;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Offers text for the site's privacy policy (Settings -> Privacy -> Policy
 * guide) that says what this site's configuration does: Qualified, a third
 * party, runs on its pages and sets its cookies (Cookies); which details
 * the identity mappings send it, and from where; whether it waits for the
 * visitor's consent; and what the event handlers keep or pass on.
 *
 * Core accepts the text only during admin_init and compares it on each
 * admin request with the copy it showed last, flagging the guide as
 * changed when it differs; building it from the settings in force on every
 * admin_init keeps the two in sync with no save hook.
 */
final class PolicyText {

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
			wp_add_privacy_policy_content( __( 'Qualified Integration', 'qualified-integration' ), $this->text() );
		}
	}

	/**
	 * The suggested text for the settings in force, as HTML.
	 *
	 * @return string
	 */
	public function text(): string {
		return self::for_settings( $this->repository->get() );
	}

	/**
	 * The suggested text for a settings object, as HTML.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return string
	 */
	public static function for_settings( array $settings ): string {
		$html  = '<p class="privacy-policy-tutorial">' . esc_html__( 'Qualified Integration loads the Qualified messenger on public pages and may send visitor details to Qualified. The text below follows the plugin\'s current settings (Settings -> Qualified: loading, identity, experiences, events) and changes when they do; adjust it to your site.', 'qualified-integration' ) . "</p>\n";
		$html .= '<strong class="privacy-policy-tutorial">' . esc_html__( 'Suggested text:', 'qualified-integration' ) . '</strong> ';

		$html .= self::paragraph(
			sprintf(
				/* translators: %s: host name Qualified's script loads from (js.qualified.com). */
				__( 'This site uses Qualified (qualified.com), a third-party chat and meeting-booking service. Its script loads from %s and runs on the pages you view, so Qualified receives the address of each of them, and what you type in the chat is sent to Qualified.', 'qualified-integration' ),
				self::script_host()
			)
		);
		if ( 'consent' === self::strategy( $settings ) ) {
			$html .= self::paragraph(
				sprintf(
					/* translators: %s: consent category (marketing, statistics, preferences or functional). */
					__( 'Qualified loads only after you consent to %s cookies (for example in this site\'s cookie banner). Until then its script is not loaded, it sets no cookies and nothing is sent to it.', 'qualified-integration' ),
					self::category_label( ConsentApi::category( $settings ) )
				)
			);
		}

		$html .= self::paragraph( __( 'Qualified sets these cookies in your browser to recognise your visit and keep the chat across pages (<token> stands for this site\'s Qualified token):', 'qualified-integration' ) );
		$items = array();
		foreach ( Cookies::all() as $cookie ) {
			$items[] = $cookie['name'] . ': ' . $cookie['purpose'] . ' ' . $cookie['expires'];
		}
		$html .= self::items( $items );

		$html .= self::identity_text( $settings );
		$html .= self::events_text( $settings );
		return $html;
	}

	/**
	 * What the identity mappings (and the Experience rules' fixed fields) send.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return string
	 */
	private static function identity_text( array $settings ): string {
		$identity = is_array( $settings['identity'] ?? null ) ? $settings['identity'] : array();
		$mappings = is_array( $identity['mappings'] ?? null ) ? $identity['mappings'] : array();
		$items    = array();
		foreach ( $mappings as $mapping ) {
			if ( is_array( $mapping ) && is_string( $mapping['field'] ?? null ) && is_string( $mapping['source'] ?? null ) ) {
				$item = sprintf(
					/* translators: 1: Qualified field name, 2: where the value comes from. */
					__( '%1$s: %2$s', 'qualified-integration' ),
					$mapping['field'],
					self::source_text( $mapping['source'], is_string( $mapping['key'] ?? null ) ? $mapping['key'] : '' )
				);
				if ( isset( $mapping['persist'] ) ) {
					$item .= ' ' . __( '(kept in your browser for the rest of the visit)', 'qualified-integration' );
				}
				$items[] = $item;
			}
		}

		$html = array() === $items
			? self::paragraph( __( 'This site sends Qualified no other details about you.', 'qualified-integration' ) )
			: self::paragraph( __( 'This site also sends Qualified these details about you, under the names on the left:', 'qualified-integration' ) ) . self::items( $items );
		if ( self::rules_identify( $settings ) ) {
			$html .= self::paragraph( __( 'When some pages or visits match rules this site has set, it also sends Qualified fixed values that describe them (for example where a visitor came from).', 'qualified-integration' ) );
		}
		if ( array() !== $items ) {
			$html .= self::paragraph( __( 'Qualified stores these details with your conversation, as described in Qualified\'s privacy policy on qualified.com.', 'qualified-integration' ) );
		}
		return $html;
	}

	/**
	 * A mapping's source in plain language (the sources of identity-sources.json).
	 *
	 * @param string $source Source name.
	 * @param string $key    The mapping's key (meta key, taxonomy, parameter, cookie name...), '' when none.
	 * @return string
	 */
	public static function source_text( string $source, string $key ): string {
		$logged_in = __( 'when you are logged in', 'qualified-integration' );
		switch ( $source ) {
			case 'static':
				return __( 'a fixed value this site sets, the same for every visitor', 'qualified-integration' );
			case 'user.email':
				/* translators: %s: "when you are logged in". */
				return sprintf( __( 'your email address, %s', 'qualified-integration' ), $logged_in );
			case 'user.first_name':
				/* translators: %s: "when you are logged in". */
				return sprintf( __( 'your first name, %s', 'qualified-integration' ), $logged_in );
			case 'user.last_name':
				/* translators: %s: "when you are logged in". */
				return sprintf( __( 'your last name, %s', 'qualified-integration' ), $logged_in );
			case 'user.display_name':
				/* translators: %s: "when you are logged in". */
				return sprintf( __( 'the name this site displays for you, %s', 'qualified-integration' ), $logged_in );
			case 'user.login':
				/* translators: %s: "when you are logged in". */
				return sprintf( __( 'your username on this site, %s', 'qualified-integration' ), $logged_in );
			case 'user.id':
				/* translators: %s: "when you are logged in". */
				return sprintf( __( 'your user number on this site, %s', 'qualified-integration' ), $logged_in );
			case 'user.roles':
				/* translators: %s: "when you are logged in". */
				return sprintf( __( 'your role on this site, %s', 'qualified-integration' ), $logged_in );
			case 'user.meta':
				/* translators: 1: profile field key, 2: "when you are logged in". */
				return sprintf( __( 'the "%1$s" detail of your account on this site, %2$s', 'qualified-integration' ), $key, $logged_in );
			case 'post.id':
				return __( 'the number of the page you are viewing', 'qualified-integration' );
			case 'post.title':
				return __( 'the title of the page you are viewing', 'qualified-integration' );
			case 'post.type':
				return __( 'the kind of page you are viewing', 'qualified-integration' );
			case 'post.author':
				return __( 'the author of the page you are viewing', 'qualified-integration' );
			case 'post.terms':
				/* translators: %s: taxonomy name. */
				return sprintf( __( 'the "%s" terms (such as categories) of the page you are viewing', 'qualified-integration' ), $key );
			case 'post.meta':
				/* translators: %s: field key. */
				return sprintf( __( 'the "%s" field of the page you are viewing', 'qualified-integration' ), $key );
			case 'site.name':
				return __( 'the name of this site', 'qualified-integration' );
			case 'site.language':
				return __( 'the language of this site', 'qualified-integration' );
			case 'query':
				/* translators: %s: query parameter name. */
				return sprintf( __( 'the "%s" parameter of the page address (such as a campaign tag in a link you followed)', 'qualified-integration' ), $key );
			case 'cookie':
				/* translators: %s: cookie name. */
				return sprintf( __( 'the value of the "%s" cookie in your browser', 'qualified-integration' ), $key );
			case 'referrer':
				return __( 'the address of the page that sent you to this site', 'qualified-integration' );
			case 'landing_page':
				return __( 'the first page you opened on this site during your visit', 'qualified-integration' );
			case 'dataLayer':
				/* translators: %s: data layer key. */
				return sprintf( __( 'the "%s" value of the page\'s analytics data layer', 'qualified-integration' ), $key );
			case 'meta_tag':
				/* translators: %s: meta tag name. */
				return sprintf( __( 'the "%s" meta tag of the page you are viewing', 'qualified-integration' ), $key );
			default:
				/* translators: %s: source name. */
				return sprintf( __( 'a value from "%s"', 'qualified-integration' ), $source );
		}
	}

	/**
	 * What event handlers pass to analytics tools, store and forward.
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return string
	 */
	private static function events_text( array $settings ): string {
		$events       = EventsSettings::of( $settings );
		$tools        = array();
		$with_fields  = false;
		$stores       = false;
		$store_fields = false;
		foreach ( $events['handlers'] as $handler ) {
			if ( false === ( $handler['enabled'] ?? true ) || ! is_array( $handler['actions'] ?? null ) ) {
				continue;
			}
			foreach ( $handler['actions'] as $action ) {
				$type = is_array( $action ) ? ( $action['type'] ?? null ) : null;
				if ( IncomingEvent::STORE_ACTION === $type ) {
					$stores       = true;
					$store_fields = $store_fields || ! empty( $action['storeFields'] );
				} elseif ( in_array( $type, array( 'dataLayer', 'gtag', 'fbq' ), true ) ) {
					$tools[ $type ] = self::tool_label( (string) $type );
					$with_fields    = $with_fields || true === ( $action['includeFields'] ?? false );
				}
			}
		}

		$html = '';
		if ( array() !== $tools ) {
			$html .= self::paragraph(
				sprintf(
					/* translators: %s: list of analytics tools. */
					__( 'When the chat reports an event (for example that you booked a meeting), this site passes it to its analytics tools: %s.', 'qualified-integration' ),
					implode( ', ', $tools )
				)
				. ( $with_fields ? ' ' . __( 'Some of these events include details you gave in the chat, such as your email address.', 'qualified-integration' ) : '' )
			);
		}
		if ( $stores ) {
			$text = __( 'When the chat reports an event (for example that you booked a meeting or left your email address), this site may store it in its own database: the event\'s name and time, the page address, the Qualified experience and conversation ID and a one-way hash of your IP address (used only to limit how many events one visitor can send).', 'qualified-integration' );
			if ( $store_fields ) {
				$text .= ' ' . __( 'It also keeps the details the site chose to keep from the chat, such as your email address.', 'qualified-integration' );
			}
			if ( array() !== $events['webhooks'] ) {
				$text .= ' ' . __( 'This site also forwards these events to services it uses, such as a CRM, by webhook.', 'qualified-integration' );
			}
			$text .= ' ' . sprintf(
				/* translators: %d: number of days. */
				_n( 'Events are sent by your browser without any login, so the site treats them as unverified. They are deleted automatically after %d day, and you can ask for a copy or for their erasure by email address.', 'Events are sent by your browser without any login, so the site treats them as unverified. They are deleted automatically after %d days, and you can ask for a copy or for their erasure by email address.', (int) $events['retentionDays'], 'qualified-integration' ),
				(int) $events['retentionDays']
			);
			$html .= self::paragraph( $text );
		}
		return $html;
	}

	/**
	 * Whether an enabled Experience rule sends fixed fields (its action is identify).
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return bool
	 */
	private static function rules_identify( array $settings ): bool {
		$experiences = is_array( $settings['experiences'] ?? null ) ? $settings['experiences'] : array();
		foreach ( is_array( $experiences['rules'] ?? null ) ? $experiences['rules'] : array() as $rule ) {
			if ( is_array( $rule ) && false !== ( $rule['enabled'] ?? true ) && 'identify' === ( $rule['then']['action'] ?? null ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The site's loading strategy, read defensively (settings from before
	 * the `loading` field lack it: they load at once).
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return string
	 */
	private static function strategy( array $settings ): string {
		$loading = is_array( $settings['loading'] ?? null ) ? $settings['loading'] : array();
		return is_string( $loading['strategy'] ?? null ) ? $loading['strategy'] : 'immediate';
	}

	/**
	 * A consent category in plain language.
	 *
	 * @param string $category One of the WP Consent API categories.
	 * @return string
	 */
	private static function category_label( string $category ): string {
		switch ( $category ) {
			case 'functional':
				return __( 'functional', 'qualified-integration' );
			case 'statistics':
				return __( 'statistics', 'qualified-integration' );
			case 'preferences':
				return __( 'preferences', 'qualified-integration' );
			default:
				return __( 'marketing', 'qualified-integration' );
		}
	}

	/**
	 * An analytics action's destination in plain language.
	 *
	 * @param string $type dataLayer, gtag or fbq.
	 * @return string
	 */
	private static function tool_label( string $type ): string {
		switch ( $type ) {
			case 'gtag':
				return __( 'Google Analytics', 'qualified-integration' );
			case 'fbq':
				return __( 'Meta Pixel', 'qualified-integration' );
			default:
				return __( 'the page\'s data layer (read by tools such as Google Tag Manager)', 'qualified-integration' );
		}
	}

	/**
	 * The host qualified.js loads from.
	 *
	 * @return string
	 */
	private static function script_host(): string {
		$host = wp_parse_url( ScriptUrl::for_token( '' ), PHP_URL_HOST );
		return is_string( $host ) && '' !== $host ? $host : 'js.qualified.com';
	}

	/**
	 * A paragraph of escaped text.
	 *
	 * @param string $text Plain text.
	 * @return string
	 */
	private static function paragraph( string $text ): string {
		return '<p>' . esc_html( $text ) . "</p>\n";
	}

	/**
	 * A list of escaped items.
	 *
	 * @param string[] $items Plain text items.
	 * @return string
	 */
	private static function items( array $items ): string {
		$html = '<ul>';
		foreach ( $items as $item ) {
			$html .= '<li>' . esc_html( $item ) . '</li>';
		}
		return $html . "</ul>\n";
	}
}
