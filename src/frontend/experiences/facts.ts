/**
 * What the visitor's browser knows, gathered for the shared matcher.
 */
import type { Device, VisitorFacts } from '../../shared/experiences/types';

/** The parts of `window` read here; all optional, so a bare object works. */
export interface FactsWindow {
	location?: { pathname: string; search: string };
	matchMedia?: ( query: string ) => { matches: boolean };
	scrollY?: number;
	innerHeight?: number;
}

/**
 * The device rule, one documented test: "mobile" when the primary pointer
 * is coarse (a finger: phones and tablets), else "desktop". It follows the
 * input, not the screen width or the user-agent string.
 *
 * @param win The page's window.
 */
export function device( win: FactsWindow ): Device {
	return win.matchMedia?.( '(pointer: coarse)' ).matches
		? 'mobile'
		: 'desktop';
}

/**
 * How far down the visitor scrolled: scrollY over the scrollable height, in
 * percent (0..100). A page too short to scroll is 0: nobody scrolls it.
 *
 * @param win The page's window.
 * @param doc The page's document.
 */
export function scrollPercent( win: FactsWindow, doc: Document ): number {
	// Missing numbers make NaN, and NaN > 0 is false: 0.
	const room =
		doc.documentElement.scrollHeight - ( win.innerHeight as number );
	return room > 0
		? Math.min( 100, ( ( win.scrollY as number ) / room ) * 100 )
		: 0;
}

/**
 * The facts now.
 *
 * @param win      The page's window.
 * @param doc      The page's document.
 * @param timezone The site's timezone (page config).
 * @param start    When the page view started (Date.now()).
 */
export function visitorFacts(
	win: FactsWindow,
	doc: Document,
	timezone: string,
	start: number
): VisitorFacts {
	const loc = win.location;
	return {
		// Copied once: each read of location's parts is a call into the browser.
		// Without a location, URL conditions throw and decide() counts them as no match.
		url: {
			pathname: loc?.pathname,
			search: loc?.search,
		} as VisitorFacts[ 'url' ],
		referrer: doc.referrer,
		device: device( win ),
		now: new Date(),
		timezone,
		// 50 ms of slack, so a timer that fires a hair early still counts.
		timeOnPage: ( Date.now() - start + 50 ) / 1000,
		// Read only when a scroll condition asks: it forces a layout.
		get scrollPercent() {
			return scrollPercent( win, doc );
		},
	};
}
