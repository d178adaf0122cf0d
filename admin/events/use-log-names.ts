/**
 * The event names stored so far (GET /events/log `names`), for the
 * handler name suggestions and the webhook filters. Read once when the
 * section opens; the event log updates them whenever it loads a page.
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { fetchLog, type EventRoutes } from './api';

export function useLogNames( routes: EventRoutes ) {
	const [ names, setNames ] = useState< string[] >( [] );
	useEffect( () => {
		let live = true;
		fetchLog( routes, { page: 1, perPage: 1 } )
			.then( ( answer ) => live && setNames( answer.names ?? [] ) )
			.catch( () => {
				// Suggestions only: without them, any name can still be typed.
			} );
		return () => {
			live = false;
		};
	}, [ routes ] );
	const update = useCallback(
		( next: string[] ) =>
			setNames( ( current ) =>
				JSON.stringify( current ) === JSON.stringify( next )
					? current
					: next
			),
		[]
	);
	return [ names, update ] as const;
}
