/**
 * Hands the page's handlers to Qualified: one handleEvents callback and one
 * handleMessengerEvents callback at most, each only when a handler of its
 * kind is configured (a callback with nothing to do would still run on
 * every event).
 *
 * The calls go through `qualified`, so before qualified.js arrives they
 * wait in the stub's queue with the page's other calls; where an
 * Experience rule may hide Qualified, the vendor script is held and the
 * registrations wait with it, so they run exactly when Qualified does.
 */
import type { QualifiedFunction } from '../qualified';
import type { PageEventHandler } from './config';
import type { Dispatch } from './dispatch';

/**
 * @param qualified The queue or the vendor's function.
 * @param dispatch  Runs the handlers of one event.
 * @param handlers  The page's handlers.
 */
export function registerEvents(
	qualified: QualifiedFunction,
	dispatch: Dispatch,
	handlers: PageEventHandler[]
): void {
	for ( const kind of [ 'event', 'messenger' ] as const ) {
		if ( handlers.some( ( handler ) => handler.kind === kind ) ) {
			qualified(
				kind === 'event' ? 'handleEvents' : 'handleMessengerEvents',
				( name: unknown, data: unknown ) => {
					try {
						// Messenger events carry a name only.
						dispatch(
							kind,
							name,
							kind === 'event' ? data : undefined
						);
					} catch {
						// Nothing throws into Qualified's callback.
					}
				}
			);
		}
	}
}
