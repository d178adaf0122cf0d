/**
 * Event names offered while typing: Qualified's standard events (from
 * includes/Settings/event-names.json, the one list PHP reads too), names
 * already seen in the event log, and `*` for any event. Any other name can
 * still be typed: Qualified's custom and messenger event names are open.
 */

/**
 * Internal dependencies
 */
import names from '../../includes/Settings/event-names.json';
import { storesEvents } from './handler-list';
import { ANY_EVENT, type EventHandler, type EventKind } from './model';

const SUGGESTED: Readonly< Record< EventKind, readonly string[] > > =
	names.suggested;

/**
 * @param kind Handler kind.
 * @return Qualified's documented names for that kind (none for messenger events).
 */
export function standardNames( kind: EventKind ): readonly string[] {
	return SUGGESTED[ kind ] ?? [];
}

/**
 * Suggestions for a handler's name: standard names first, then names seen
 * in the log, then `*`; each once.
 *
 * @param kind     Handler kind.
 * @param logNames Distinct names stored in the event log.
 */
export function nameSuggestions(
	kind: EventKind,
	logNames: readonly string[]
): string[] {
	return unique( [ ...standardNames( kind ), ...logNames, ANY_EVENT ] );
}

/**
 * Names a webhook may be limited to: names of handlers that store events,
 * Qualified's standard names when a handler stores any event (`*`), names
 * seen in the log, and the names the webhook already has (kept even when
 * nothing else offers them any more).
 *
 * @param handlers Handlers in the form.
 * @param logNames Distinct names stored in the event log.
 * @param selected The webhook's names.
 */
export function webhookNameChoices(
	handlers: readonly EventHandler[],
	logNames: readonly string[],
	selected: readonly string[]
): string[] {
	const storing = handlers.filter( storesEvents );
	const fromHandlers = storing.flatMap( ( handler ) =>
		handler.name === ANY_EVENT
			? standardNames( handler.kind )
			: [ handler.name ]
	);
	return unique( [ ...fromHandlers, ...logNames, ...selected ] ).filter(
		( name ) => name.trim() !== '' && name !== ANY_EVENT
	);
}

function unique( list: readonly string[] ): string[] {
	return [ ...new Set( list ) ];
}
