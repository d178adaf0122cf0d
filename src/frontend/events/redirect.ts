/**
 * The `redirect` action. PHP let through only paths on this site and
 * http(s) addresses on allowed hosts (Settings\RedirectPolicy, when saved
 * and again after the page config filter); the protocol is checked once
 * more here, so whatever reaches the config, a visitor is never sent to a
 * `javascript:` or `data:` URL.
 */

/** The part of `window` this uses. */
export interface RedirectWindow {
	location?: { href: string; assign?: ( url: string ) => void };
}

/**
 * Sends the visitor to an address (relative to the page).
 *
 * @param win The page's window.
 * @param url The action's address.
 */
export function redirect( win: RedirectWindow, url: string ) {
	const target = new URL( url, win.location?.href );
	if ( /^https?:$/.test( target.protocol ) ) {
		win.location?.assign?.( target.href );
	}
}
