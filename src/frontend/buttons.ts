/**
 * Chat buttons: the block `qualified-integration/button`, the shortcode
 * `[qualified_button]` and any element with the class `qualified-open`
 * (a menu item's class lands on its <li>) open the messenger, or start the
 * Experience named by `data-qualified-experience`. A name that is not an
 * Experience API name opens the messenger.
 *
 * One delegated listener on the document, for clicks and keys, serves every
 * button, present or added later. A `qualified-open` element that is not a
 * link or button and holds none becomes one for assistive technology
 * (role, tabindex) and answers Enter and Space; links and buttons keep their
 * own keyboard handling.
 *
 * A button saved without a fallback link is hidden (`hidden` on its
 * wrapper) until the runtime finds Qualified active on the page; with one,
 * it is a plain link wherever Qualified is not (no runtime, a hide, no
 * consent yet, a blocked qualified.js). A click before qualified.js arrives
 * is queued with the stub and loads qualified.js at once (whatever the
 * loading strategy's moment); if the vendor script then fails, a link goes
 * to its fallback.
 */
import { EXPERIENCE_NAME } from '../shared/experiences/name';
import type { VendorLoader } from './loading';
import type { QualifiedFunction, QualifiedWindow } from './qualified';
import { vendorArrived } from './vendor';

export const BUTTON_CLASS = '.qualified-open';
export const BUTTON_WRAPPER = '.wp-block-qualified-integration-button';
const NATIVE = 'a[href],button';

export type ButtonWindow = QualifiedWindow &
	Pick< Window, 'addEventListener' > & {
		location: { assign: ( url: string ) => void };
	};

/**
 * Makes the page's buttons live (Qualified is active on this page view).
 *
 * @param win       The page's window.
 * @param doc       The page's document.
 * @param qualified The queue or the vendor's function.
 * @param vendor    The page view's qualified.js loader.
 */
export function startButtons(
	win: ButtonWindow,
	doc: Document,
	qualified: QualifiedFunction,
	vendor: VendorLoader
): void {
	let failed = false;
	let fallback: string | undefined;
	const hiddenWrappers = doc.querySelectorAll< HTMLElement >(
		BUTTON_WRAPPER + '[hidden]'
	);
	const hide = ( hidden: boolean ) =>
		hiddenWrappers.forEach( ( el ) => ( el.hidden = hidden ) );
	hide( false );
	doc.querySelectorAll< HTMLElement >( BUTTON_CLASS ).forEach( ( el ) => {
		const control = el.matches( NATIVE ) ? el : el.querySelector( NATIVE );
		if ( ! control ) {
			el.setAttribute( 'role', 'button' );
			el.tabIndex = 0;
		}
		( control ?? el ).setAttribute( 'aria-haspopup', 'dialog' );
	} );

	const activate = ( event: Event ) => {
		const target = event.target as Element;
		const el = target.closest( BUTTON_CLASS );
		const { key } = event as KeyboardEvent;
		// A click has no key; a key counts on a button made of another element.
		if (
			el &&
			! failed &&
			( ! key ||
				( target === el &&
					! el.matches( NATIVE ) &&
					( key === 'Enter' || key === ' ' ) ) )
		) {
			event.preventDefault();
			const experience = el.getAttribute( 'data-qualified-experience' );
			if ( experience && EXPERIENCE_NAME.test( experience ) ) {
				qualified( 'showExperience', experience );
			} else {
				qualified( 'open' );
			}
			vendor.now();
			// Followed only if qualified.js then fails to arrive.
			fallback ||= ( el.closest( 'a' ) ?? el.querySelector( 'a' ) )?.href;
		}
	};
	doc.addEventListener( 'click', activate );
	doc.addEventListener( 'keydown', activate );

	// qualified.js will not run on this page view (an ad blocker, a network
	// error, a CSP; consent revoked): the buttons are plain links again, and
	// a click that waited for it goes to its fallback.
	vendor.onFail( () => {
		failed = true;
		hide( true );
		if ( fallback && ! vendorArrived( win ) ) {
			win.location.assign( fallback );
		}
	} );
}
