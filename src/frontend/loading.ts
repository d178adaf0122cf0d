/**
 * When qualified.js arrives on the page, and whether it ran.
 *
 * Without a `loading` part in the page config, PHP printed qualified.js in
 * the HTML (the `immediate` strategy, as the vendor's snippet does); the
 * runtime only watches it. With one, PHP held it back and the runtime adds
 * it at the strategy's moment (loading.src), once Qualified may load on the
 * page view (no hide rule applies, consent given):
 *
 * - immediate: at once;
 * - idle: after the window's load event, in requestIdleCallback (a timeout
 *   of IDLE_TIMEOUT_MS: a busy page still gets it);
 * - interaction: at the first scroll, pointer, key or touch, or after
 *   `maxDelay` seconds when set (without it, a visitor who never interacts
 *   never loads it);
 * - consent: at once, since the runtime starts only after consent (consent.ts).
 *
 * A chat button's click, a `load` rule and an `open` load it at once. Calls
 * made before it arrives wait in the stub's queue, which qualified.js drains.
 */
import type { LoadingConfig } from '../shared/loading';
import { emit } from './emit';
import type { QualifiedWindow } from './qualified';
import { vendorArrived } from './vendor';

export const LOAD_EVENT = 'qualified-integration:load';
export const IDLE_TIMEOUT_MS = 3000;
/** What counts as the visitor's first interaction. */
export const INTERACTIONS = [
	'scroll',
	'pointerdown',
	'keydown',
	'touchstart',
];

export type LoadingWindow = QualifiedWindow &
	Pick< Window, 'addEventListener' | 'removeEventListener' > & {
		requestIdleCallback?: (
			callback: () => void,
			options: { timeout: number }
		) => unknown;
	};

export interface VendorLoader {
	/** Qualified may load on this page view: add qualified.js at the strategy's moment. */
	allow: () => void;
	/** Add it now (once allowed): a chat button, a load rule, open. */
	now: () => void;
	/** Calls back when qualified.js will not run on this page view (blocked, failed, consent revoked). */
	onFail: ( callback: () => void ) => void;
	/** Stops this page view's use of Qualified (consent revoked): the failure callbacks run. */
	fail: () => void;
}

/**
 * @param win     The page's window.
 * @param doc     The page's document.
 * @param loading The page config's `loading` part; undefined when qualified.js is in the HTML.
 * @return The page view's loader.
 */
export function vendorLoader(
	win: LoadingWindow,
	doc: Document,
	loading?: LoadingConfig
): VendorLoader {
	const failures: Array< () => void > = [];
	let allowed = false;
	let added = false;
	let failed = false;
	const fail = () => {
		if ( ! failed ) {
			failed = true;
			failures.forEach( ( callback ) => callback() );
		}
	};
	const add = () => {
		if ( allowed && ! added && loading ) {
			added = true;
			INTERACTIONS.forEach( ( type ) =>
				win.removeEventListener( type, add, true )
			);
			const script = doc.createElement( 'script' );
			script.async = true;
			script.src = loading.src;
			script.onerror = fail;
			// qualified.js replaces the stub when it runs: still the stub after its load, it did not.
			script.onload = () => vendorArrived( win ) || fail();
			doc.head.appendChild( script );
			emit( doc, LOAD_EVENT, { strategy: loading.strategy } );
		}
	};
	const afterLoad = ( callback: () => void ) =>
		doc.readyState === 'complete'
			? callback()
			: win.addEventListener( 'load', callback );

	if ( ! loading ) {
		// An async script in the HTML finishes, run or failed, before the window's load event.
		afterLoad( () => vendorArrived( win ) || fail() );
	}
	return {
		allow() {
			if ( allowed || ! loading ) {
				return;
			}
			allowed = true;
			const { strategy, maxDelay } = loading;
			if ( strategy === 'idle' ) {
				afterLoad( () =>
					win.requestIdleCallback
						? win.requestIdleCallback( add, {
								timeout: IDLE_TIMEOUT_MS,
							} )
						: setTimeout( add )
				);
			} else if ( strategy === 'interaction' ) {
				INTERACTIONS.forEach( ( type ) =>
					win.addEventListener( type, add, {
						capture: true,
						passive: true,
					} )
				);
				if ( maxDelay ) {
					setTimeout( add, maxDelay * 1000 );
				}
			} else {
				add();
			}
		},
		now: add,
		onFail( callback ) {
			failures.push( callback );
			if ( failed ) {
				callback();
			}
		},
		fail,
	};
}
