/**
 * Runs the page's handlers for one arriving event: every handler of the
 * event's kind whose name equals the event's (or is `*`), in the settings'
 * order, each one's actions in order. Then, once per event: the request to
 * the site when any matching action is `wordpress` (store.ts), the
 * `qualified-integration:event` DOM event, and last the redirect, so every
 * other action of every matching handler has run before the page is left;
 * the first redirect wins, later ones are ignored.
 *
 * Each step has its own try/catch: a destination that throws (a broken
 * gtag, a full storage quota, a hostile payload) costs only that step, and
 * nothing ever throws into Qualified's callback.
 */
import type { EventKind } from '../../shared/events/types';
import { emit } from '../emit';
import { has } from '../read';
import { ANALYTICS, type AnalyticsWindow } from './analytics';
import type { EventsConfig } from './config';
import { describe, fieldsOf } from './event';
import { redirect, type RedirectWindow } from './redirect';
import { send, storeBody, type StoreWindow } from './store';

export const EVENT_EVENT = 'qualified-integration:event';

export type EventsWindow = AnalyticsWindow & StoreWindow & RedirectWindow;

export type Dispatch = (
	kind: EventKind,
	name: unknown,
	data?: unknown
) => void;

/**
 * Runs a step; an error ends the step only.
 *
 * @param step The step.
 */
const attempt = ( step: () => unknown ) => {
	try {
		step();
	} catch {
		// This destination is broken; the others still run.
	}
};

/**
 * @param win    The page's window.
 * @param doc    The document that receives the DOM event.
 * @param config The parsed `events` config.
 * @return What the registered callbacks call.
 */
export function dispatcher(
	win: EventsWindow,
	doc: Document,
	config: EventsConfig
): Dispatch {
	return ( kind, name, data ) => {
		const detail = describe( kind, name, data );
		const fields = fieldsOf( data );
		const names: string[] = [];
		let store = false;
		let target: string | undefined;
		for ( const handler of config.handlers ) {
			if (
				handler.kind === kind &&
				( handler.name === name || handler.name === '*' )
			) {
				for ( const action of handler.actions ) {
					attempt( () => {
						const { type } = action;
						if ( type === 'redirect' ) {
							target ??= action.url;
						} else if ( type === 'wordpress' ) {
							store = true;
							names.push( ...( action.storeFields || [] ) );
						} else if ( has( ANALYTICS, type ) ) {
							// The map holds one sender per type; `as never` spares a cast per branch.
							ANALYTICS[ type ](
								win,
								action as never,
								detail,
								fields
							);
						}
					} );
				}
			}
		}
		if ( store ) {
			attempt( () =>
				send(
					win,
					config.endpoint,
					storeBody( win, detail, fields, names )
				)
			);
		}
		attempt( () => emit( doc, EVENT_EVENT, detail ) );
		if ( target ) {
			attempt( () => redirect( win, target as string ) );
		}
	};
}
