/**
 * sessionStorage for the visit, failing quietly: storage may be missing,
 * blocked (reading `window.sessionStorage` throws) or full (setItem throws),
 * and none of that may stop the page's identify call.
 */

import { isObject } from '../read';

/** The part of `window` this reads. */
export interface StorageWindow {
	sessionStorage?: Storage;
}

/** sessionStorage key of the persisted fields (JSON object, field -> value). */
export const PERSIST_KEY = 'qualified-integration:identity';

/**
 * Reads an item.
 *
 * @param win The page's window.
 * @param key Item name.
 * @return The stored string; null or undefined when there is none or storage failed.
 */
export function readItem(
	win: StorageWindow,
	key: string
): string | null | undefined {
	try {
		return win.sessionStorage?.getItem( key );
	} catch {
		return undefined;
	}
}

/**
 * Writes an item; a failure is ignored (the value then lasts this page only).
 *
 * @param win   The page's window.
 * @param key   Item name.
 * @param value What to store.
 */
export function writeItem(
	win: StorageWindow,
	key: string,
	value: string
): void {
	try {
		win.sessionStorage?.setItem( key, value );
	} catch {
		// Blocked or full storage: nothing to keep.
	}
}

/**
 * The persisted fields of this visit.
 *
 * @param win The page's window.
 * @return Field -> stored value; {} when nothing usable is stored.
 */
export function readPersisted( win: StorageWindow ): Record< string, unknown > {
	try {
		const data: unknown = JSON.parse(
			readItem( win, PERSIST_KEY ) || '{}'
		);
		return isObject( data ) ? data : {};
	} catch {
		return {};
	}
}

/**
 * Stores the persisted fields of this visit.
 *
 * @param win    The page's window.
 * @param fields Field -> value.
 */
export function writePersisted(
	win: StorageWindow,
	fields: Record< string, unknown >
): void {
	writeItem( win, PERSIST_KEY, JSON.stringify( fields ) );
}
