/**
 * The logic of the "Loading & privacy" section, apart from its markup so
 * Jest tests it directly: which fields a strategy shows, whether the
 * consent strategy has something on the site to grant consent, and the
 * Content Security Policy lines to copy.
 */

/**
 * Internal dependencies
 */
import type { LoadStrategy } from '../../src/shared/loading';

/** A consent (cookie banner) plugin active on the site (PHP's Privacy\ConsentPlugins::active()). */
export interface ConsentPlugin {
	slug: string;
	name: string;
	/** Feeds the WP Consent API: true when known to, null when we could not tell. */
	consentApi: boolean | null;
}

/** The WP Consent API plugin itself: the API banners feed and the runtime reads. */
export const CONSENT_API_SLUG = 'wp-consent-api';

/** The inputs a strategy uses besides the strategy itself. */
export interface ShownFields {
	/** "Load anyway after (seconds)": the first interaction only. */
	maxDelay: boolean;
	/** "Consent category": consent only. */
	consentCategory: boolean;
}

/**
 * Which inputs to show for a strategy.
 *
 * @param strategy The strategy chosen.
 */
export function shownFields( strategy: LoadStrategy ): ShownFields {
	return {
		maxDelay: strategy === 'interaction',
		consentCategory: strategy === 'consent',
	};
}

/**
 * Why consent might never come through the WP Consent API on this site, so
 * the site must call the JavaScript hook itself:
 *
 * - `none`: no consent plugin was found at all;
 * - `no-api`: a banner, but not the WP Consent API plugin the runtime reads;
 * - `no-banner`: the WP Consent API, but no banner that grants consent through it;
 * - `unknown`: the WP Consent API and banners whose support we could not establish.
 */
export type ConsentGap = 'none' | 'no-api' | 'no-banner' | 'unknown';

/**
 * The gap to warn about, or null when there is none: the strategy is not
 * consent, or the WP Consent API runs with a banner known to feed it.
 *
 * @param strategy The strategy chosen.
 * @param plugins  The consent plugins active on the site.
 */
export function consentGap(
	strategy: LoadStrategy,
	plugins: readonly ConsentPlugin[]
): ConsentGap | null {
	if ( strategy !== 'consent' ) {
		return null;
	}
	const api = plugins.some( ( plugin ) => plugin.slug === CONSENT_API_SLUG );
	const banners = consentBanners( plugins );
	if ( ! api ) {
		return banners.length > 0 ? 'no-api' : 'none';
	}
	if ( banners.some( ( plugin ) => plugin.consentApi === true ) ) {
		return null;
	}
	return banners.length > 0 ? 'unknown' : 'no-banner';
}

/**
 * The banners among the consent plugins (all but the WP Consent API itself).
 *
 * @param plugins The consent plugins active on the site.
 */
export function consentBanners(
	plugins: readonly ConsentPlugin[]
): ConsentPlugin[] {
	return plugins.filter( ( plugin ) => plugin.slug !== CONSENT_API_SLUG );
}

/**
 * The policy lines to add, one directive a line (`script-src https://js.qualified.com;`).
 *
 * @param hosts Sources by directive (PHP's Health\CspHosts::by_directive()).
 */
export function cspLines(
	hosts: Readonly< Record< string, readonly string[] > >
): string {
	return Object.entries( hosts )
		.filter( ( [ , sources ] ) => sources.length > 0 )
		.map(
			( [ directive, sources ] ) =>
				[ directive, ...sources ].join( ' ' ) + ';'
		)
		.join( '\n' );
}

/**
 * A cookie's name as the visitor's browser shows it: `<token>` becomes the
 * site token (PHP's Privacy\Cookies::name_for()).
 *
 * @param name  e.g. `__q_state_<token>`.
 * @param token The site token ('' keeps the placeholder).
 */
export function cookieName( name: string, token: string ): string {
	return token === '' ? name : name.split( '<token>' ).join( token );
}

/**
 * The seconds typed in "Load anyway after": empty means 0 (wait for an
 * interaction); anything else is sent as the number it reads as, so the
 * server names the field when it is out of range or not whole (NaN, sent
 * as null, when it is no number at all).
 *
 * @param text Typed text.
 */
export function parseSeconds( text: string ): number {
	const trimmed = text.trim();
	return trimmed === '' ? 0 : Number( trimmed );
}
