/**
 * The consent gate of the `consent` strategy: nothing of Qualified runs on
 * the page (no identify, no queued call, no chat button, no qualified.js)
 * until the visitor consents, through either
 *
 * - the WP Consent API (the wp-consent-api plugin): `wp_has_consent( category )`
 *   when the runtime starts and at the window's load event, then its
 *   `wp_listen_for_consent_change` event (`detail[ category ]` 'allow' or 'deny');
 * - any banner (Complianz, CookieYes, Cookiebot, custom):
 *   `window.qualifiedIntegration.grantConsent()` / `.revokeConsent()`, the
 *   `qualified-integration:consent` event on document with `detail.granted`,
 *   or, for code that runs before the runtime,
 *   `window.qualifiedIntegration = { consent: true }`.
 *
 * A grant starts Qualified without a reload. A revoke after that stops the
 * page view's use of it (the runtime makes no more calls and drops what is
 * still queued), but a script that ran cannot be unloaded: what qualified.js
 * set up stays until the next page. Consent is given once per page view: a
 * grant after a revoke waits for the next page.
 */
import type { ConsentCategory } from '../shared/loading';

export const CONSENT_EVENT = 'qualified-integration:consent';
export const CONSENT_API_EVENT = 'wp_listen_for_consent_change';

export interface ConsentApi {
	/** Set true by a banner whose code runs before the runtime. */
	consent?: boolean;
	grantConsent?: () => void;
	revokeConsent?: () => void;
}

export type ConsentWindow = Pick< Window, 'addEventListener' > & {
	qualifiedIntegration?: ConsentApi;
	wp_has_consent?: ( category: string ) => boolean;
};

/**
 * Waits for consent.
 *
 * @param win      The page's window.
 * @param doc      The page's document.
 * @param category The WP Consent API category that must be granted.
 * @param onGrant  Starts Qualified (once).
 * @param onRevoke Stops it (once, after a grant).
 */
export function awaitConsent(
	win: ConsentWindow,
	doc: Document,
	category: ConsentCategory,
	onGrant: () => void,
	onRevoke: () => void
): void {
	// 0: waiting, 1: granted, 2: revoked.
	let state = 0;
	const set = ( granted: boolean ) => {
		if ( granted ? ! state : state === 1 ) {
			state = granted ? 1 : 2;
			if ( granted ) {
				onGrant();
			} else {
				onRevoke();
			}
		}
	};
	const api = ( win.qualifiedIntegration ||= {} );
	api.grantConsent = () => set( true );
	api.revokeConsent = () => set( false );
	doc.addEventListener( CONSENT_EVENT, ( event ) =>
		set( !! ( event as CustomEvent ).detail?.granted )
	);
	doc.addEventListener( CONSENT_API_EVENT, ( event ) => {
		const value = ( event as CustomEvent ).detail?.[ category ];
		if ( value === 'allow' || value === 'deny' ) {
			set( value === 'allow' );
		}
	} );
	const check = () => {
		if ( api.consent === true || win.wp_has_consent?.( category ) ) {
			set( true );
		}
	};
	check();
	win.addEventListener( 'load', check );
}
