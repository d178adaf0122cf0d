/**
 * Single-page navigation (opt-in: `experiences.spa`): pushState and
 * replaceState are wrapped (the originals still run first, with their
 * arguments, `this` and return value), popstate and hashchange listened to.
 * After a quiet ~100 ms, if location.href changed, `onNavigate` runs once.
 */

/** The parts of `window` this hooks. */
export interface NavigationWindow {
	location: { href: string };
	history: History;
	addEventListener: Window[ 'addEventListener' ];
}

export const NAVIGATION_DEBOUNCE_MS = 100;

/**
 * @param win        The page's window.
 * @param onNavigate Called after a navigation that changed the URL.
 */
export function followNavigation(
	win: NavigationWindow,
	onNavigate: () => void
): void {
	let last = win.location.href;
	let wait: ReturnType< typeof setTimeout > | undefined;
	const check = () => {
		clearTimeout( wait );
		wait = setTimeout( () => {
			if ( win.location.href !== last ) {
				last = win.location.href;
				try {
					onNavigate();
				} catch {
					// Nothing reaches the page.
				}
			}
		}, NAVIGATION_DEBOUNCE_MS );
	};
	const { history } = win;
	for ( const name of [ 'pushState', 'replaceState' ] as const ) {
		const original = history[ name ];
		history[ name ] = function (
			this: History,
			...args: Parameters< History[ 'pushState' ] >
		) {
			// check() only schedules a look at the URL, so it may come first.
			check();
			return original.apply( this, args );
		};
	}
	win.addEventListener( 'popstate', check );
	win.addEventListener( 'hashchange', check );
}
