<?php
/**
 * A site token, shown without giving it away.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

defined( 'ABSPATH' ) || exit;

/**
 * Site Health shows which token is in force without printing it: a support
 * thread that quotes the debug data must not carry it. The token is public
 * in every page's HTML, but copying it into a forum is still a leak of
 * which Qualified account a site uses.
 */
final class TokenMask {

	/**
	 * Characters shown from the start of a long enough token.
	 */
	const SHOWN = 4;

	/**
	 * The first characters and an ellipsis: "AbCd…". A token shorter than
	 * twice SHOWN shows only the ellipsis, so at least half of it stays hidden.
	 *
	 * @param string $token Site token.
	 * @return string '' for no token.
	 */
	public static function mask( string $token ): string {
		if ( '' === $token ) {
			return '';
		}
		return ( strlen( $token ) >= 2 * self::SHOWN ? substr( $token, 0, self::SHOWN ) : '' ) . "\u{2026}";
	}
}
