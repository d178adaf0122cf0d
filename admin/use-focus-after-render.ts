/**
 * Moves keyboard focus to an element that a list edit is about to render
 * (a new row, a moved one), once it is in the DOM: lists of rules and of
 * mappings both keep the user's place this way.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * @return A setter: pass the id of the element to focus after the next render.
 */
export function useFocusAfterRender(): ( id: string | null ) => void {
	const [ focusId, setFocusId ] = useState< string | null >( null );
	useEffect( () => {
		if ( focusId ) {
			document.getElementById( focusId )?.focus();
			setFocusId( null );
		}
	}, [ focusId ] );
	return setFocusId;
}
