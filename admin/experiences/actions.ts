/**
 * Actions as the rule editor handles them: the fields a new action starts
 * with, and identify's field list edited as rows.
 */

/**
 * Internal dependencies
 */
import { ACTION_NAMES } from '../../src/shared/experiences';
import type { Action, ActionName } from './model';

export { ACTION_NAMES };

export function isActionName( name: string ): name is ActionName {
	return ( ACTION_NAMES as readonly string[] ).includes( name );
}

/**
 * A rule's action switched to another one; an Experience's API name and
 * "start collapsed" are kept if the admin switches back and forth.
 *
 * @param action The current action.
 * @param name   The new action.
 */
export function withAction( action: Action, name: ActionName ): Action {
	if ( action.action === name ) {
		return action;
	}
	switch ( name ) {
		case 'showExperience':
			return { action: name, experience: '' };
		case 'identify':
			return { action: name, fields: {} };
		default:
			return { action: name };
	}
}

/** An identify field as a row of the editor (the name may still be empty). */
export type FieldRow = [ name: string, value: string ];

/**
 * The object sent for identify rows: rows without a name are left out
 * until they get one; of two rows with the same name, the first counts.
 *
 * @param rows Rows as typed.
 */
export function fieldsFromRows(
	rows: readonly FieldRow[]
): Record< string, string > {
	const fields: Record< string, string > = {};
	for ( const [ name, value ] of rows ) {
		if (
			name !== '' &&
			! Object.prototype.hasOwnProperty.call( fields, name )
		) {
			fields[ name ] = value;
		}
	}
	return fields;
}

/**
 * The rows to show: those typed while they still give the stored object,
 * else the stored object's entries.
 *
 * @param typed  Rows typed last, or null.
 * @param fields Stored fields.
 */
export function shownRows(
	typed: readonly FieldRow[] | null,
	fields: Record< string, string >
): FieldRow[] {
	if (
		typed &&
		JSON.stringify( fieldsFromRows( typed ) ) === JSON.stringify( fields )
	) {
		return [ ...typed ];
	}
	return Object.entries( fields );
}
