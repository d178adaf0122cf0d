/**
 * The oncePerVisit record: ids of rules that fired in this visit, as a JSON
 * array in sessionStorage. Storage that is missing, blocked or full means
 * nothing is remembered (the rule may fire again), never an error.
 */
import { readItem, writeItem, type StorageWindow } from '../identity/persist';

export const FIRED_KEY = 'qualified-integration:fired';

/**
 * Ids that fired in this visit (a stored list is taken as is: it is only
 * searched, so a stray non-string entry matches no rule).
 *
 * @param win The page's window.
 */
export function readFired( win: StorageWindow ): string[] {
	try {
		return [].concat( JSON.parse( readItem( win, FIRED_KEY ) || '[]' ) );
	} catch {
		return [];
	}
}

/**
 * Adds ids to the visit's record (a rule that fired is skipped afterwards,
 * so ids do not repeat).
 *
 * @param win The page's window.
 * @param ids Rule ids that just fired.
 */
export function addFired( win: StorageWindow, ids: string[] ): void {
	if ( ids.length ) {
		writeItem(
			win,
			FIRED_KEY,
			JSON.stringify( [ ...readFired( win ), ...ids ] )
		);
	}
}
