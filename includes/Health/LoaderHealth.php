<?php
/**
 * Site Health test: the loader is on the home page.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\Visibility;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Tools -> Site Health checks that the home page a logged-out visitor gets
 * really carries the Qualified loader (LoaderTags: the stub and the
 * runtime, by their IDs). Settings can be right and the page still lack
 * it: a page cache serving HTML from before the setup, an optimiser that
 * merged the tags away, a theme that never calls wp_head(), a hide rule or
 * a filter. When the loader is missing the description lists the likely
 * causes it can see on this site first.
 *
 * Critical when the loader is missing and nothing on the site hides it on
 * purpose (an Experience hide rule, the front page's own setting, the
 * qualified_integration_should_load filter); recommended when it is missing
 * for one of those reasons, partly there, rewritten by an optimiser, or the
 * page could not be fetched; good otherwise.
 *
 * An async test: it runs in its own REST request (HealthRoute), so the
 * Site Health screen does not wait for the loopback. Added only while
 * Qualified is configured.
 */
final class LoaderHealth extends HomePageCheck {

	const TEST = 'qualified_integration_loader';
	const SLUG = 'loader';

	/**
	 * Response headers by which a cache says it answered from its copy, and
	 * the word in the value that says so (core's page cache test reads the same ones).
	 */
	const CACHE_HEADERS = array(
		'x-cache'                => 'hit',
		'cf-cache-status'        => 'hit',
		'x-litespeed-cache'      => 'hit',
		'x-proxy-cache'          => 'hit',
		'x-srcache-fetch-status' => 'hit',
		'x-cache-status'         => 'hit',
		'x-kinsta-cache'         => 'hit',
	);

	/**
	 * The test's name in Site Health's list.
	 *
	 * @return string
	 */
	protected function label(): string {
		return __( 'Qualified loader on the home page', 'qualified-integration' );
	}

	/**
	 * The test result.
	 *
	 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
	 */
	public function run(): array {
		$response = $this->home->fetch();
		if ( $response instanceof WP_Error ) {
			return Result::make(
				self::TEST,
				'recommended',
				__( 'Qualified could not check your home page for its loader', 'qualified-integration' ),
				Result::paragraph(
					sprintf(
						/* translators: %s: error message. */
						__( 'WordPress could not request its own home page (a loopback request): %s', 'qualified-integration' ),
						$response->get_error_message()
					)
				) . Result::paragraph( __( 'Site Health\'s own loopback test says more. Open your home page in a private browser window and look for the messenger instead.', 'qualified-integration' ) )
			);
		}
		$code = (int) wp_remote_retrieve_response_code( $response );
		if ( $code < 200 || $code >= 300 ) {
			return Result::make(
				self::TEST,
				'recommended',
				/* translators: %d: HTTP status code. */
				sprintf( __( 'Your home page answered with HTTP status %d, so Qualified could not check its loader', 'qualified-integration' ), $code ),
				Result::paragraph( __( 'A maintenance mode, a password on the whole site (common on staging sites) or a security plugin that blocks the server\'s own requests gives this answer. Visitors who get the same answer do not see the messenger either.', 'qualified-integration' ) )
			);
		}

		$html  = (string) wp_remote_retrieve_body( $response );
		$found = LoaderTags::found( PageScripts::all( $html ) );
		if ( array() === $found ) {
			return $this->missing( $response, $html );
		}

		$rewritten = array();
		foreach ( $found as $part => $script ) {
			if ( ! PageScripts::runs_at_once( $script['type'] ) ) {
				/* translators: 1: which script, 2: its type attribute. */
				$rewritten[] = sprintf( __( '%1$s has type="%2$s"', 'qualified-integration' ), LoaderTags::label( $part ), $script['type'] );
			}
		}
		if ( array() !== $rewritten ) {
			return Result::make(
				self::TEST,
				'recommended',
				__( 'Qualified\'s loader is on your home page, but something rewrote it to run later', 'qualified-integration' ),
				Result::paragraph( __( 'An optimiser (or a consent tool) changed the type of these tags, so the browser runs them only when that tool lets it, often at the first scroll or tap:', 'qualified-integration' ) )
				. Result::items( $rewritten )
				. Result::paragraph( __( 'The test "Qualified and script optimisers" says what to exclude in the optimiser plugins it knows.', 'qualified-integration' ) )
			);
		}

		$missing = array();
		foreach ( array( 'stub', 'runtime' ) as $part ) {
			if ( ! isset( $found[ $part ] ) ) {
				$missing[] = LoaderTags::label( $part ) . ' (id="' . LoaderTags::ids()[ $part ] . '")';
			}
		}
		if ( array() !== $missing ) {
			return Result::make(
				self::TEST,
				'recommended',
				__( 'Parts of Qualified\'s loader are missing from your home page', 'qualified-integration' ),
				Result::paragraph( __( 'The home page has some of the loader\'s tags but not these:', 'qualified-integration' ) )
				. Result::items( $missing )
				. Result::paragraph( __( 'An optimiser that combines scripts removes the tags (and their IDs) it merges; the stub also needs the plugin\'s build/stub.js file, which a copy of the plugin made from its sources without building it lacks.', 'qualified-integration' ) )
			);
		}

		return Result::make(
			self::TEST,
			'good',
			__( 'Qualified\'s loader is on your home page', 'qualified-integration' ),
			Result::paragraph( __( 'The home page a logged-out visitor gets carries the Qualified stub and the plugin\'s runtime.', 'qualified-integration' ) ) . $this->role_note()
		);
	}

	/**
	 * The result when none of the loader's tags is on the page.
	 *
	 * @param array<string, mixed> $response The home page's response.
	 * @param string               $html     Its body.
	 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
	 */
	private function missing( array $response, string $html ): array {
		$settings  = $this->repository->get();
		$on_intent = array();
		$front     = 'page' === get_option( 'show_on_front' ) ? (int) get_option( 'page_on_front' ) : 0;
		$override  = $front > 0 ? get_post_meta( $front, PageOverride::META_KEY, true ) : array();
		if ( is_array( $override ) && true === ( $override['hide'] ?? false ) ) {
			/* translators: %s: page title. */
			$on_intent[] = sprintf( __( 'Your front page, "%s", is set to hide Qualified (in the Qualified panel of its editor).', 'qualified-integration' ), (string) get_post_field( 'post_title', $front ) );
		}
		$rules = is_array( $settings['experiences']['rules'] ?? null ) ? $settings['experiences']['rules'] : array();
		foreach ( array_values( $rules ) as $index => $rule ) {
			if ( is_array( $rule ) && false !== ( $rule['enabled'] ?? true ) && 'hide' === ( $rule['then']['action'] ?? null ) ) {
				$name        = is_string( $rule['label'] ?? null ) && '' !== $rule['label'] ? $rule['label'] : (string) ( $rule['id'] ?? '' );
				$on_intent[] = sprintf(
					/* translators: 1: rule number, starting at 1, 2: rule label or ID. */
					__( 'Experience rule %1$d ("%2$s") hides Qualified where its conditions hold; if they hold on the home page, this is expected.', 'qualified-integration' ),
					$index + 1,
					$name
				);
			}
		}
		if ( has_filter( 'qualified_integration_should_load' ) ) {
			$on_intent[] = __( 'Code on your site (the theme or a plugin) uses the qualified_integration_should_load filter to decide where Qualified loads.', 'qualified-integration' );
		}

		$causes = array();
		$cached = self::cache_evidence( $response );
		if ( '' !== $cached ) {
			/* translators: %s: response header and value. */
			$causes[] = sprintf( __( 'A page cache answered (%s). It may hold a copy of the page from before Qualified was set up: clear it.', 'qualified-integration' ), $cached );
		}
		if ( false === strpos( $html, '/wp-content/' ) && false === strpos( $html, '/wp-includes/' ) && false === stripos( $html, 'api.w.org' ) ) {
			$causes[] = __( 'The page has none of what WordPress itself prints in the page head: the theme may not call wp_head(), or the page does not come from WordPress (a static page, a maintenance page).', 'qualified-integration' );
		}
		foreach ( OptimizerPlugins::active() as $plugin ) {
			/* translators: %s: plugin name. */
			$causes[] = sprintf( __( '%s is active: an optimiser that combines or delays scripts may have removed or renamed the loader\'s tags.', 'qualified-integration' ), $plugin['name'] );
		}
		if ( '' === $cached ) {
			$causes[] = __( 'A page cache (a caching plugin, your host or a CDN) serves a copy made before Qualified was set up: clear every cache, then run this check again.', 'qualified-integration' );
		}
		$causes[] = __( 'An optimiser or security plugin strips inline scripts or scripts it does not know.', 'qualified-integration' );

		$ids = LoaderTags::ids();
		return Result::make(
			self::TEST,
			array() === $on_intent ? 'critical' : 'recommended',
			__( 'Qualified\'s loader is not on your home page', 'qualified-integration' ),
			Result::paragraph(
				sprintf(
					/* translators: 1: tag ID, 2: tag ID. */
					__( 'Qualified is set up (on, with a site token), but the home page a logged-out visitor gets has none of its loader\'s tags (such as id="%1$s" and id="%2$s"), so the messenger cannot appear there.', 'qualified-integration' ),
					$ids['stub'],
					$ids['runtime']
				)
			)
			. ( array() === $on_intent ? '' : Result::paragraph( __( 'Set on this site:', 'qualified-integration' ) ) . Result::items( $on_intent ) )
			. Result::paragraph( __( 'Likely causes:', 'qualified-integration' ) )
			. Result::items( $causes )
			. Result::paragraph( __( 'This check asks as a logged-out visitor, so "Never load for these roles" is not the cause: it only concerns logged-in users.', 'qualified-integration' ) ),
			Result::settings_link( 'general', __( 'Review Settings -> Qualified -> General', 'qualified-integration' ) )
			. Result::settings_link( 'experiences', __( 'Review the hide rules in Settings -> Qualified -> Experiences', 'qualified-integration' ) )
		);
	}

	/**
	 * A response header that says a cache answered from its copy, as
	 * "name: value", or ''.
	 *
	 * @param array<string, mixed> $response HTTP API response.
	 * @return string
	 */
	public static function cache_evidence( array $response ): string {
		foreach ( self::CACHE_HEADERS as $name => $word ) {
			foreach ( HomePage::header_values( $response, $name ) as $value ) {
				if ( false !== stripos( $value, $word ) ) {
					return $name . ': ' . $value;
				}
			}
		}
		foreach ( HomePage::header_values( $response, 'age' ) as $value ) {
			if ( (int) $value > 0 ) {
				return 'age: ' . $value;
			}
		}
		return '';
	}

	/**
	 * For a user whose role is excluded: why they do not see the messenger.
	 *
	 * @return string
	 */
	private function role_note(): string {
		$settings = $this->repository->get();
		if ( ! Visibility::user_is_excluded( wp_get_current_user(), (array) ( $settings['excludeRoles'] ?? array() ) ) ) {
			return '';
		}
		return Result::paragraph( __( 'You do not see the messenger while logged in because your role is in "Never load for these roles" (Settings -> Qualified -> General); visitors get it.', 'qualified-integration' ) );
	}
}
