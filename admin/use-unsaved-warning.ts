/**
 * Asks before leaving the page while the form has unsaved changes.
 */

/**
 * WordPress dependencies
 */
import { useEffect } from '@wordpress/element';

export function useUnsavedWarning( dirty: boolean ) {
	useEffect( () => {
		if ( ! dirty ) {
			return undefined;
		}
		const onBeforeUnload = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			// Older browsers need returnValue set; the text itself is not shown.
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', onBeforeUnload );
		return () =>
			window.removeEventListener( 'beforeunload', onBeforeUnload );
	}, [ dirty ] );
}
