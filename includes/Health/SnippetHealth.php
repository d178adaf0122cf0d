<?php
/**
 * Site Health test: no other Qualified snippet on the home page.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Frontend\ScriptUrl;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Tools -> Site Health looks for a Qualified snippet that is not the
 * plugin's in the home page a logged-out visitor gets: a qualified.js tag
 * or a `QualifiedObject` stub pasted into the theme, a page, or a
 * header-scripts plugin before the plugin was installed. Two loaders start
 * the messenger twice, count events twice and ignore the plugin's settings.
 *
 * Critical when the plugin's loader is on the page too (a double load);
 * recommended when only the other snippet is (it loads Qualified without the
 * plugin's settings); good otherwise. The plugin's own tags are told apart
 * by their IDs (LoaderTags), or by the stub's exact code when an optimiser
 * merged it into another inline script.
 *
 * An async test (HealthRoute), added only while Qualified is configured.
 */
final class SnippetHealth extends HomePageCheck {

	const TEST = 'qualified_integration_snippets';
	const SLUG = 'snippets';

	/**
	 * Where the vendor's script lives, without a scheme.
	 */
	const VENDOR_SCRIPT = 'js.qualified.com/qualified.js';

	/**
	 * The test's name in Site Health's list.
	 *
	 * @return string
	 */
	protected function label(): string {
		return __( 'Another Qualified snippet on the home page', 'qualified-integration' );
	}

	/**
	 * The test result.
	 *
	 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
	 */
	public function run(): array {
		$response = $this->home->fetch();
		$code     = $response instanceof WP_Error ? 0 : (int) wp_remote_retrieve_response_code( $response );
		if ( $response instanceof WP_Error || $code < 200 || $code >= 300 ) {
			return Result::make(
				self::TEST,
				'recommended',
				__( 'Qualified could not check your home page for another Qualified snippet', 'qualified-integration' ),
				Result::paragraph(
					$response instanceof WP_Error
						/* translators: %s: error message. */
						? sprintf( __( 'WordPress could not request its own home page (a loopback request): %s', 'qualified-integration' ), $response->get_error_message() )
						/* translators: %d: HTTP status code. */
						: sprintf( __( 'The home page answered with HTTP status %d.', 'qualified-integration' ), $code )
				)
			);
		}

		$scripts = PageScripts::all( (string) wp_remote_retrieve_body( $response ) );
		$others  = self::others( $scripts );
		if ( array() === $others ) {
			return Result::make(
				self::TEST,
				'good',
				__( 'No other Qualified snippet is on your home page', 'qualified-integration' ),
				Result::paragraph( __( 'Only the plugin loads Qualified on the home page.', 'qualified-integration' ) ) . self::tag_manager_note()
			);
		}

		$settings = $this->repository->get();
		$token    = is_string( $settings['token'] ?? null ) ? $settings['token'] : '';
		$items    = array();
		foreach ( $others as $other ) {
			$items[] = self::describe( $other, $token );
		}
		$ours = array() !== LoaderTags::found( $scripts );

		return Result::make(
			self::TEST,
			$ours ? 'critical' : 'recommended',
			$ours
				? __( 'Qualified is loaded twice on your home page', 'qualified-integration' )
				: __( 'Another Qualified snippet is on your home page', 'qualified-integration' ),
			Result::paragraph(
				$ours
					? __( 'Besides the plugin\'s loader, the home page has another Qualified snippet, pasted into the theme, a page or another plugin:', 'qualified-integration' )
					: __( 'The plugin\'s loader is not on the home page, but another Qualified snippet is: it loads Qualified without the plugin\'s settings.', 'qualified-integration' )
			)
			. Result::items( $items )
			. Result::paragraph( __( 'Two loaders start the messenger twice: events can be counted twice, and the plugin\'s settings (Experience rules, identity, events, when to load) may not apply.', 'qualified-integration' ) )
			. self::tag_manager_note(),
			Result::paragraph( __( 'Remove the other snippet (its script with QualifiedObject and the one that loads js.qualified.com/qualified.js) and keep the plugin\'s loader. Look in:', 'qualified-integration' ) )
			. Result::items(
				array(
					__( 'a classic theme: header.php or functions.php (Appearance -> Theme File Editor, or your child theme\'s files);', 'qualified-integration' ),
					__( 'a block theme: a Custom HTML block in the header template part (Appearance -> Editor -> Patterns -> Header);', 'qualified-integration' ),
					__( 'a plugin that adds code to every page (such as WPCode or Insert Headers and Footers): its header scripts;', 'qualified-integration' ),
					__( 'the front page\'s content: a Custom HTML block.', 'qualified-integration' ),
				)
			)
			. Result::paragraph( __( 'Then clear your page cache and run this check again.', 'qualified-integration' ) )
		);
	}

	/**
	 * The Qualified snippets of a page that are not the plugin's: script
	 * tags that load qualified.js, and inline scripts with the stub or code
	 * that adds qualified.js.
	 *
	 * @param array<int, array{id: string, src: string, type: string, text: string}> $scripts PageScripts::all().
	 * @return array<int, array{kind: string, src: string, token: string}>
	 */
	public static function others( array $scripts ): array {
		$others = array();
		foreach ( $scripts as $script ) {
			if ( PageScripts::is_data( $script['type'] ) || LoaderTags::is_ours( $script ) ) {
				continue;
			}
			if ( '' !== $script['src'] ) {
				if ( self::is_vendor_script( $script['src'] ) ) {
					$others[] = array(
						'kind'  => 'tag',
						'src'   => $script['src'],
						'token' => self::token_in( $script['src'] ),
					);
				}
				continue;
			}
			$text = str_replace( '\\/', '/', $script['text'] );
			if ( false !== stripos( $text, self::VENDOR_SCRIPT ) ) {
				$others[] = array(
					'kind'  => 'inline_loader',
					'src'   => '',
					'token' => self::token_in( $text ),
				);
			} elseif ( false !== strpos( $text, 'QualifiedObject' ) ) {
				$others[] = array(
					'kind'  => 'stub',
					'src'   => '',
					'token' => '',
				);
			}
		}
		return $others;
	}

	/**
	 * Whether a script address is qualified.js: the vendor's, or the base
	 * that replaces it on this site (QUALIFIED_INTEGRATION_SCRIPT_URL or its filter).
	 *
	 * @param string $src Script address.
	 * @return bool
	 */
	public static function is_vendor_script( string $src ): bool {
		$where = self::host_and_path( $src );
		return '' !== $where && in_array( $where, array( self::VENDOR_SCRIPT, self::host_and_path( ScriptUrl::for_token( '' ) ) ), true );
	}

	/**
	 * "host/path" of an address, lowercased ('' when it has no host).
	 *
	 * @param string $url Address (absolute or protocol-relative).
	 * @return string
	 */
	private static function host_and_path( string $url ): string {
		$parts = wp_parse_url( 0 === strpos( $url, '//' ) ? 'https:' . $url : $url );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
			return '';
		}
		return strtolower( $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '' ) . strtolower( $parts['path'] ?? '' );
	}

	/**
	 * The site token in a snippet's address or code ('' when none).
	 *
	 * @param string $text Address or code.
	 * @return string
	 */
	private static function token_in( string $text ): string {
		return preg_match( '/(?:[?&;]|&amp;)token=([A-Za-z0-9]+)/', $text, $match ) ? $match[1] : '';
	}

	/**
	 * One snippet, in words (its token masked).
	 *
	 * @param array{kind: string, src: string, token: string} $other    A snippet of others().
	 * @param string                                          $settings The token in the settings.
	 * @return string
	 */
	private static function describe( array $other, string $settings ): string {
		if ( 'stub' === $other['kind'] ) {
			return __( 'an inline script that sets up QualifiedObject (the vendor\'s stub)', 'qualified-integration' );
		}
		$what = 'tag' === $other['kind']
			/* translators: %s: script address without its token. */
			? sprintf( __( 'a script tag that loads %s', 'qualified-integration' ), (string) preg_replace( '/\?.*\z/s', '', $other['src'] ) )
			: __( 'an inline script that adds qualified.js', 'qualified-integration' );
		if ( '' === $other['token'] ) {
			return $what;
		}
		$same = hash_equals( $settings, $other['token'] );
		return sprintf(
			/* translators: 1: what the snippet is, 2: the token's first characters, 3: whether it is the plugin's token. */
			__( '%1$s, with the token %2$s (%3$s)', 'qualified-integration' ),
			$what,
			TokenMask::mask( $other['token'] ),
			$same ? __( 'the same as in the settings', 'qualified-integration' ) : __( 'not the token in the settings', 'qualified-integration' )
		);
	}

	/**
	 * What this check cannot see.
	 *
	 * @return string
	 */
	private static function tag_manager_note(): string {
		return Result::paragraph( __( 'This check reads the HTML the server sends. A snippet added by a tag manager (such as Google Tag Manager) runs in the browser and is not in it: if the messenger still starts twice, look there too.', 'qualified-integration' ) );
	}
}
