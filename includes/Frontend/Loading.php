<?php
/**
 * When qualified.js loads on a page: the page config's `loading` part.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend;

defined( 'ABSPATH' ) || exit;

/**
 * Decides, per page, whether qualified.js is printed in the HTML (the
 * `immediate` strategy, as the vendor's snippet does) or held back for the
 * runtime, which adds it at the strategy's moment: after the load event when
 * the browser is idle, at the first interaction, or once the visitor
 * consents. The visitor-dependent part (idle, interaction, consent granted)
 * is the browser's: the HTML is the same for every visitor.
 *
 * The post's override (`load`) replaces the site's strategy on its page,
 * except that a site waiting for consent keeps waiting: an override never
 * lifts the consent gate.
 */
final class Loading {

	/**
	 * The strategies, as the settings schema's enum lists them (a test holds
	 * the two together; a page view reads this, not the schema file).
	 */
	const STRATEGIES = array( 'immediate', 'idle', 'interaction', 'consent' );

	/**
	 * The consent categories, as the settings schema's enum lists them.
	 */
	const CATEGORIES = array( 'functional', 'statistics', 'preferences', 'marketing' );

	/**
	 * The strategy in force on a page.
	 *
	 * @param array<string, mixed>      $settings Settings in force.
	 * @param array<string, mixed>|null $override The post's cleaned override.
	 * @return string One of STRATEGIES.
	 */
	public static function strategy( array $settings, ?array $override = null ): string {
		return self::in_force( self::site( $settings )['strategy'], $override );
	}

	/**
	 * The site's strategy, or the override's where it may replace it.
	 *
	 * @param string                    $site     The site's strategy (one of STRATEGIES).
	 * @param array<string, mixed>|null $override The post's cleaned override.
	 * @return string
	 */
	private static function in_force( string $site, ?array $override ): string {
		$page = $override['load'] ?? null;
		if ( 'consent' === $site || ! in_array( $page, self::STRATEGIES, true ) ) {
			return $site;
		}
		return (string) $page;
	}

	/**
	 * The page config's `loading` part: null when qualified.js is printed in
	 * the HTML (immediate, and no hide rule holds it for the runtime).
	 *
	 * @param array<string, mixed>      $settings Settings in force.
	 * @param array<string, mixed>|null $override The post's cleaned override.
	 * @param bool                      $held     Whether the Experience rules hold qualified.js anyway (a hide rule may apply).
	 * @return array{src: string, strategy: string, maxDelay?: int, category?: string}|null
	 */
	public static function part( array $settings, ?array $override, bool $held ): ?array {
		$site     = self::site( $settings );
		$strategy = self::in_force( $site['strategy'], $override );
		if ( 'immediate' === $strategy && ! $held ) {
			return null;
		}
		$part = array(
			'src'      => ScriptUrl::for_token( (string) ( $settings['token'] ?? '' ) ),
			'strategy' => $strategy,
		);
		if ( 'interaction' === $strategy && $site['maxDelay'] > 0 ) {
			$part['maxDelay'] = $site['maxDelay'];
		}
		if ( 'consent' === $strategy ) {
			$part['category'] = $site['consentCategory'];
		}
		return $part;
	}

	/**
	 * A `loading` part a page_config filter returned, kept only when it is
	 * one the runtime can follow and PHP held the script (a filter cannot
	 * hold back a script already printed); otherwise the one PHP built stands.
	 *
	 * @param mixed                                                                        $value  Filtered value.
	 * @param array{src: string, strategy: string, maxDelay?: int, category?: string}|null $before The part before the filter.
	 * @return array{src: string, strategy: string, maxDelay?: int, category?: string}|null
	 */
	public static function clean( $value, ?array $before ): ?array {
		if ( null === $before || ! is_array( $value )
			|| ! is_string( $value['src'] ?? null ) || ! preg_match( '#\Ahttps?://#i', $value['src'] )
			|| ! in_array( $value['strategy'] ?? null, self::STRATEGIES, true ) ) {
			return $before;
		}
		$clean = array(
			'src'      => $value['src'],
			'strategy' => (string) $value['strategy'],
		);
		if ( 'interaction' === $clean['strategy'] && is_int( $value['maxDelay'] ?? null ) && $value['maxDelay'] > 0 ) {
			$clean['maxDelay'] = min( 600, $value['maxDelay'] );
		}
		if ( 'consent' === $clean['strategy'] ) {
			$clean['category'] = in_array( $value['category'] ?? null, self::CATEGORIES, true ) ? (string) $value['category'] : 'marketing';
		}
		return $clean;
	}

	/**
	 * The consent category of the settings (`loading.consentCategory`; marketing when unreadable).
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return string One of CATEGORIES.
	 */
	public static function category( array $settings ): string {
		return self::site( $settings )['consentCategory'];
	}

	/**
	 * The site's `loading` settings, read defensively (the repository has
	 * validated them; a settings array from a filter may lack them).
	 *
	 * @param array<string, mixed> $settings Settings in force.
	 * @return array{strategy: string, maxDelay: int, consentCategory: string}
	 */
	private static function site( array $settings ): array {
		$loading  = is_array( $settings['loading'] ?? null ) ? $settings['loading'] : array();
		$strategy = $loading['strategy'] ?? 'immediate';
		$category = $loading['consentCategory'] ?? 'marketing';
		return array(
			// Anything unreadable waits for consent: a privacy switch fails closed.
			'strategy'        => in_array( $strategy, self::STRATEGIES, true ) ? (string) $strategy : 'consent',
			'maxDelay'        => is_int( $loading['maxDelay'] ?? null ) ? max( 0, min( 600, $loading['maxDelay'] ) ) : 0,
			'consentCategory' => in_array( $category, self::CATEGORIES, true ) ? (string) $category : 'marketing',
		);
	}
}
