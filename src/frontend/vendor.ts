/**
 * Whether qualified.js has arrived, or has failed to (blocked by an ad
 * blocker, a network error, a CSP).
 *
 * The inline stub's queue is an array from the start (installQueue), and
 * qualified.js replaces the stub with its own function when it runs: a
 * `qualified` without a queue is the vendor's. An async script finishes,
 * loaded or failed, before the window's load event (a script the runtime
 * adds while the page loads delays it too), so a stub still in place after
 * that event means the vendor script will not run on this page view.
 */
import type { QualifiedWindow } from './qualified';

export type VendorWindow = QualifiedWindow & Pick< Window, 'addEventListener' >;

/**
 * @param win The page's window.
 * @return True once qualified.js replaced the stub.
 */
export const vendorArrived = ( win: QualifiedWindow ) => ! win.qualified?.q;

/**
 * Calls back once, when the page has loaded and qualified.js has not arrived.
 *
 * @param win    The page's window.
 * @param doc    The page's document.
 * @param failed Called when qualified.js will not run.
 */
export function onVendorFailure(
	win: VendorWindow,
	doc: Document,
	failed: () => void
): void {
	const check = () => {
		if ( ! vendorArrived( win ) ) {
			failed();
		}
	};
	if ( doc.readyState === 'complete' ) {
		check();
	} else {
		win.addEventListener( 'load', check );
	}
}
