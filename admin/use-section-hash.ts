/**
 * The open section, kept in the URL hash (`#identity`) so a link or a reload
 * lands on it.
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

function fromHash( names: readonly string[] ): string {
	const hash = window.location.hash.replace( /^#/, '' );
	return names.includes( hash ) ? hash : ( names[ 0 ] ?? '' );
}

/**
 * @param names Section names, the first being the default.
 * @return The open section; `select` for a tab the user picked; `open` to
 *         switch from code (the tab list is re-created: `generation` is its key).
 */
export function useSectionHash( names: readonly string[] ) {
	const [ section, setSection ] = useState( () => fromHash( names ) );
	const [ generation, setGeneration ] = useState( 0 );

	const select = useCallback( ( name: string ) => {
		setSection( name );
		if ( window.location.hash !== `#${ name }` ) {
			// replaceState: no history entry per tab, and no hashchange event.
			window.history.replaceState( null, '', `#${ name }` );
		}
	}, [] );

	const open = useCallback(
		( name: string ) => {
			select( name );
			setGeneration( ( value ) => value + 1 );
		},
		[ select ]
	);

	useEffect( () => {
		const onHashChange = () => {
			setSection( fromHash( names ) );
			setGeneration( ( value ) => value + 1 );
		};
		window.addEventListener( 'hashchange', onHashChange );
		return () => window.removeEventListener( 'hashchange', onHashChange );
	}, [ names ] );

	return { section, generation, select, open };
}
