/**
 * Whether an element has come near the viewport (once true, it stays
 * true): the event log, which needs the large DataViews chunk, is loaded
 * only when the admin scrolls towards it.
 */

/**
 * External dependencies
 */
import type { RefObject } from 'react';

/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

export function useNearViewport(
	ref: RefObject< Element >,
	margin = '300px'
): boolean {
	const [ near, setNear ] = useState( false );
	useEffect( () => {
		const element = ref.current;
		if ( near || ! element ) {
			return undefined;
		}
		if ( typeof IntersectionObserver === 'undefined' ) {
			setNear( true );
			return undefined;
		}
		const observer = new IntersectionObserver(
			( entries ) => {
				if ( entries.some( ( entry ) => entry.isIntersecting ) ) {
					setNear( true );
				}
			},
			{ rootMargin: margin }
		);
		observer.observe( element );
		return () => observer.disconnect();
	}, [ ref, near, margin ] );
	return near;
}
