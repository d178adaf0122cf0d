/**
 * The `events` part of the page config (Frontend\Events\EventsConfig):
 * where `wordpress` actions send events, and the enabled handlers as the
 * settings hold them, each fbq action with the method PHP chose from
 * includes/Settings/event-names.json (`track` for Meta's standard event
 * names, `trackCustom` for any other), so the runtime ships no list.
 *
 * PHP cleans this part, also after the `qualified_integration_page_config`
 * filter (each handler validated against the settings schema, a redirect
 * off this site dropped, the fbq methods decided again), so the runtime
 * keeps only the handlers it can walk: a kind, a string name and a list of
 * actions. An action that is still odd fails alone when it runs.
 */
import type { EventAction, EventKind } from '../../shared/events/types';
import { isObject } from '../read';

type FbqAction = Extract< EventAction, { type: 'fbq' } >;

/** An action as the page config carries it. */
export type PageEventAction =
	| Exclude< EventAction, FbqAction >
	| ( FbqAction & { method: 'track' | 'trackCustom' } );

export interface PageEventHandler {
	kind: EventKind;
	/** The name as Qualified sends it, or `*` for any. */
	name: string;
	actions: PageEventAction[];
}

export interface EventsConfig {
	/** POST /qualified-integration/v1/events, absolute. */
	endpoint: string;
	/** Enabled handlers, in the settings' order. */
	handlers: PageEventHandler[];
}

const isHandler = ( value: unknown ): value is PageEventHandler =>
	isObject( value ) &&
	( value.kind === 'event' || value.kind === 'messenger' ) &&
	typeof value.name === 'string' &&
	Array.isArray( value.actions );

/**
 * Reads `events`.
 *
 * @param raw The config's `events` value.
 * @return The handlers that have the shape of one, or undefined when none has.
 */
export function parseEvents( raw: unknown ): EventsConfig | undefined {
	const part = isObject( raw ) ? raw : {};
	const handlers = Array.isArray( part.handlers )
		? part.handlers.filter( isHandler )
		: [];
	return handlers[ 0 ]
		? {
				endpoint:
					typeof part.endpoint === 'string' ? part.endpoint : '',
				handlers,
			}
		: undefined;
}
