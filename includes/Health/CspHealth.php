<?php
/**
 * Site Health test of the site's Content Security Policy.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Frontend\Loader;
use WP_HTML_Tag_Processor;

defined( 'ABSPATH' ) || exit;

/**
 * Tools -> Site Health tells a site owner when the site's own
 * Content-Security-Policy (sent by a security plugin, the theme or the
 * server) keeps the messenger from working, and what to allow. A policy
 * that blocks Qualified fails silently: the page looks fine and the
 * messenger never appears.
 *
 * It asks the home page over a loopback request (HomePage), as an anonymous
 * visitor, the way core's own loopback tests do, and checks every enforced policy
 * (all Content-Security-Policy headers, each possibly holding several
 * policies, and a <meta http-equiv> policy; Report-Only ones block nothing)
 * against CspHosts, and the plugin's script tags on that page against the
 * policy's nonces and hashes. Recommended when something is blocked, good
 * otherwise; the description always lists what to allow.
 *
 * Added only while Qualified is configured (enabled, with a token): a site
 * that does not load Qualified has nothing to check. An async test: it runs
 * in its own REST request (HealthRoute), so the Site Health screen does not
 * wait for the loopback.
 */
final class CspHealth extends HomePageCheck {

	const TEST = 'qualified_integration_csp';
	const SLUG = 'csp';

	/**
	 * The test's name in Site Health's list.
	 *
	 * @return string
	 */
	protected function label(): string {
		return __( 'Qualified and the Content Security Policy', 'qualified-integration' );
	}

	/**
	 * The test result, from the home page as an anonymous visitor gets it.
	 *
	 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
	 */
	public function run(): array {
		$response = $this->home->fetch();
		if ( is_wp_error( $response ) ) {
			return self::result(
				'recommended',
				__( 'Qualified could not check your Content Security Policy', 'qualified-integration' ),
				'<p>' . esc_html(
					sprintf(
						/* translators: %s: error message. */
						__( 'The request for the home page failed: %s', 'qualified-integration' ),
						$response->get_error_message()
					)
				) . '</p>'
			);
		}

		$html     = (string) wp_remote_retrieve_body( $response );
		$policies = CspPolicy::from_headers( array_merge( HomePage::header_values( $response, 'content-security-policy' ), self::meta_policies( $html ) ) );
		$scripts  = self::plugin_scripts( $html );
		$blocked  = self::blocked( $policies, $scripts, self::origin( HomePage::url() ) );

		$note = array() === $scripts && array() !== $policies
			? '<p>' . esc_html__( 'Qualified\'s scripts were not on the home page (a rule or the page\'s setting may hide them there), so only the policy\'s hosts were checked.', 'qualified-integration' ) . '</p>'
			: '';
		if ( array() !== $blocked ) {
			$items = '';
			foreach ( $blocked as $item ) {
				$items .= '<li><code>' . esc_html( $item['directive'] ) . '</code> ' . esc_html( $item['what'] ) . '</li>';
			}
			return self::result(
				'recommended',
				__( 'Your Content Security Policy blocks parts of Qualified', 'qualified-integration' ),
				'<p>' . esc_html__( 'The Content-Security-Policy your home page is sent with keeps the Qualified messenger from loading or working. Blocked:', 'qualified-integration' ) . '</p><ul>' . $items . '</ul>' . $note
			);
		}
		return self::result(
			'good',
			array() === $policies
				? __( 'No Content Security Policy limits Qualified', 'qualified-integration' )
				: __( 'Your Content Security Policy allows Qualified', 'qualified-integration' ),
			$note
		);
	}

	/**
	 * What the policies block: each CspHosts origin not allowed by every
	 * policy, and each of the plugin's script tags a policy refuses.
	 *
	 * @param CspPolicy[]                                                                     $policies    Enforced policies.
	 * @param array<int, array{label: string, src: string, nonce: string|null, text: string}> $scripts     The plugin's script tags on the page.
	 * @param string                                                                          $self_origin The page's origin.
	 * @return array<int, array{directive: string, what: string}>
	 */
	public static function blocked( array $policies, array $scripts, string $self_origin ): array {
		$blocked = array();
		foreach ( $policies as $policy ) {
			foreach ( CspHosts::by_directive() as $directive => $origins ) {
				// A <script src> element follows script-src-elem, then script-src.
				$checked = 'script-src' === $directive ? 'script-src-elem' : $directive;
				if ( 'script-src-elem' === $checked && $policy->is_strict_dynamic( $checked ) ) {
					// Hosts do not count under 'strict-dynamic': the script tags below need the nonce.
					continue;
				}
				foreach ( $origins as $origin ) {
					if ( ! $policy->allows_origin( $checked, $origin, $self_origin ) ) {
						$blocked[ $directive . ' ' . $origin ] = array(
							'directive' => self::directive_label( $policy, $directive, $checked ),
							'what'      => $origin,
						);
					}
				}
			}
			foreach ( $scripts as $script ) {
				$allowed = '' === $script['src']
					? $policy->allows_inline( 'script-src-elem', $script['nonce'], $script['text'] )
					: $policy->allows_script_tag( 'script-src-elem', $script['src'], $script['nonce'], $self_origin );
				if ( ! $allowed ) {
					$blocked[ 'script ' . $script['label'] ] = array(
						'directive' => self::directive_label( $policy, 'script-src', 'script-src-elem' ),
						'what'      => $script['label'],
					);
				}
			}
		}
		return array_values( $blocked );
	}

	/**
	 * The plugin's script tags in a page, by the IDs core gives them: the
	 * stub, the page config (inline, before the runtime), qualified.js (when
	 * printed in the HTML) and the runtime.
	 *
	 * @param string $html The page.
	 * @return array<int, array{label: string, src: string, nonce: string|null, text: string}>
	 */
	public static function plugin_scripts( string $html ): array {
		$labels    = array(
			'qualified-integration-stub'          => __( 'the inline Qualified stub (it needs the policy\'s nonce)', 'qualified-integration' ),
			Loader::RUNTIME_HANDLE . '-js-before' => __( 'the inline page configuration (it needs the policy\'s nonce)', 'qualified-integration' ),
			Loader::VENDOR_HANDLE . '-js'         => __( 'qualified.js (its tag)', 'qualified-integration' ),
			Loader::RUNTIME_HANDLE . '-js'        => __( 'the plugin\'s runtime script (frontend.js)', 'qualified-integration' ),
		);
		$scripts   = array();
		$processor = new WP_HTML_Tag_Processor( $html );
		while ( $processor->next_tag( array( 'tag_name' => 'SCRIPT' ) ) ) {
			$id = $processor->get_attribute( 'id' );
			if ( ! is_string( $id ) || ! isset( $labels[ $id ] ) ) {
				continue;
			}
			$src       = $processor->get_attribute( 'src' );
			$nonce     = $processor->get_attribute( 'nonce' );
			$scripts[] = array(
				'label' => $labels[ $id ],
				'src'   => is_string( $src ) ? html_entity_decode( $src, ENT_QUOTES ) : '',
				'nonce' => is_string( $nonce ) ? $nonce : null,
				'text'  => (string) $processor->get_modifiable_text(),
			);
		}
		return $scripts;
	}

	/**
	 * Policies a page sets with <meta http-equiv="Content-Security-Policy">.
	 *
	 * @param string $html The page.
	 * @return string[]
	 */
	private static function meta_policies( string $html ): array {
		$values    = array();
		$processor = new WP_HTML_Tag_Processor( $html );
		while ( $processor->next_tag( array( 'tag_name' => 'META' ) ) ) {
			$equiv   = $processor->get_attribute( 'http-equiv' );
			$content = $processor->get_attribute( 'content' );
			if ( is_string( $equiv ) && 'content-security-policy' === strtolower( trim( $equiv ) ) && is_string( $content ) ) {
				$values[] = $content;
			}
		}
		return $values;
	}

	/**
	 * "connect-src", or "connect-src (from default-src)" when the policy
	 * has no connect-src and its default-src blocks.
	 *
	 * @param CspPolicy $policy    The policy.
	 * @param string    $directive The CspHosts directive.
	 * @param string    $checked   The directive checked.
	 * @return string
	 */
	private static function directive_label( CspPolicy $policy, string $directive, string $checked ): string {
		$effective = $policy->effective( $checked );
		if ( null === $effective || $effective['directive'] === $directive ) {
			return $directive;
		}
		/* translators: 1: CSP directive needed, 2: the directive the policy falls back to. */
		return sprintf( __( '%1$s (from %2$s)', 'qualified-integration' ), $directive, $effective['directive'] );
	}

	/**
	 * The scheme, host and port of a URL.
	 *
	 * @param string $url URL.
	 * @return string
	 */
	private static function origin( string $url ): string {
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
			return '';
		}
		return strtolower( (string) ( $parts['scheme'] ?? 'http' ) ) . '://' . strtolower( (string) $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '' );
	}

	/**
	 * A result, with the hosts to allow always in its description.
	 *
	 * @param string $status      good or recommended.
	 * @param string $label       Result label.
	 * @param string $description HTML before the host list.
	 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
	 */
	private static function result( string $status, string $label, string $description ): array {
		$hosts = '';
		foreach ( CspHosts::by_directive() as $directive => $origins ) {
			$hosts .= '<li><code>' . esc_html( $directive ) . '</code> ' . esc_html( implode( ' ', $origins ) ) . '</li>';
		}
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Qualified', 'qualified-integration' ),
				'color' => 'blue',
			),
			'description' => $description
				. '<p>' . esc_html__( 'If your site sends a Content-Security-Policy, it must allow these sources for the Qualified messenger:', 'qualified-integration' ) . '</p>'
				. '<ul>' . $hosts . '</ul>'
				. '<p>' . esc_html__( 'The plugin also prints two inline scripts (the stub and the page configuration): a policy without \'unsafe-inline\' must give them its nonce, which WordPress adds to every script it prints when the code that sets the policy supplies it through the wp_inline_script_attributes and wp_script_attributes filters.', 'qualified-integration' ) . '</p>',
			'actions'     => '',
			'test'        => self::TEST,
		);
	}
}
