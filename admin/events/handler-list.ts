/**
 * Pure edits of the handler list and of a handler's actions. Each list edit
 * also says where every item came from (see experiences/rule-list), so the
 * messages shown per handler or per action follow their item.
 */

/**
 * Internal dependencies
 */
import { moveItem, removeItem, type ListEdit } from '../experiences/rule-list';
import { defaultAction } from './actions';
import { LIMITS } from './limits';
import type { EventActionType, EventHandler, EventKind } from './model';

export { moveItem, removeItem, type ListEdit };

const sameOrder = ( length: number ) =>
	Array.from( { length }, ( _, index ) => index );

/** The action a new handler starts with: store the event, no field values. */
export const FIRST_ACTION: EventActionType = 'wordpress';

/**
 * A new handler at the end: a visitor event whose name is still to type,
 * storing the event in WordPress (so it shows in the event log).
 *
 * @param handlers Current handlers.
 * @param kind     Its kind.
 * @param name     Its event name (may be empty).
 */
export function addHandler(
	handlers: EventHandler[],
	kind: EventKind = 'event',
	name = ''
): ListEdit< EventHandler > {
	if ( handlers.length >= LIMITS.handlers ) {
		return { list: handlers, order: sameOrder( handlers.length ) };
	}
	return {
		list: [
			...handlers,
			{ kind, name, actions: [ defaultAction( FIRST_ACTION, name ) ] },
		],
		order: [ ...sameOrder( handlers.length ), null ],
	};
}

/**
 * A deep copy of a handler right after it.
 *
 * @param handlers Current handlers.
 * @param index    Handler to copy.
 */
export function duplicateHandler(
	handlers: EventHandler[],
	index: number
): ListEdit< EventHandler > {
	const source = handlers[ index ];
	if ( ! source || handlers.length >= LIMITS.handlers ) {
		return { list: handlers, order: sameOrder( handlers.length ) };
	}
	const copy = JSON.parse( JSON.stringify( source ) ) as EventHandler;
	const order: Array< number | null > = sameOrder( handlers.length );
	order.splice( index + 1, 0, null );
	return {
		list: order.map( ( old ) =>
			old === null ? copy : ( handlers[ old ] as EventHandler )
		),
		order,
	};
}

/**
 * Whether a handler is on (absent `enabled` means on).
 *
 * @param handler         A handler.
 * @param handler.enabled
 */
export function isHandlerEnabled( handler: { enabled?: boolean } ): boolean {
	return handler.enabled !== false;
}

/**
 * A handler or webhook switched on or off. On is stored as the default
 * (no `enabled` key), off as `enabled: false`.
 *
 * @param item    A handler or webhook.
 * @param enabled Whether it is on.
 */
export function withEnabled< T extends { enabled?: boolean } >(
	item: T,
	enabled: boolean
): T {
	const next = { ...item };
	delete next.enabled;
	return enabled ? next : { ...next, enabled: false };
}

/**
 * An action added at the end of a handler's list.
 *
 * @param handler The handler.
 * @param type    Type of the new action.
 */
export function addAction(
	handler: EventHandler,
	type: EventActionType
): ListEdit< EventHandler[ 'actions' ][ number ] > {
	const { actions } = handler;
	if ( actions.length >= LIMITS.actions ) {
		return { list: actions, order: sameOrder( actions.length ) };
	}
	return {
		list: [ ...actions, defaultAction( type, handler.name ) ],
		order: [ ...sameOrder( actions.length ), null ],
	};
}

/**
 * Whether a handler stores its events (has a `wordpress` action): only
 * then does the public route accept them, and only then do webhooks and
 * the event log see them.
 *
 * @param handler A handler.
 */
export function storesEvents( handler: EventHandler ): boolean {
	return handler.actions.some( ( action ) => action.type === 'wordpress' );
}
