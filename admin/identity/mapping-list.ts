/**
 * Pure edits of the mapping list. Each list edit also says where every row
 * came from, so errors shown per row can follow their row.
 */

/**
 * Internal dependencies
 */
import {
	canPersist,
	isIdentitySource,
	sourceNeeds,
	type IdentitySource,
} from '../../src/shared/identity-sources';
import type { IdentityMapping } from '../../src/shared/settings';

/** The server refuses more (contract: at most 100 mappings). */
export const MAX_MAPPINGS = 100;

export interface ListEdit {
	list: IdentityMapping[];
	/** For each new position, the old index (null: a new row). */
	order: Array< number | null >;
}

const identityOrder = ( length: number ) =>
	Array.from( { length }, ( _, index ) => index );

/** Source of a new row: the signed-in user's email, the most common mapping. */
export const NEW_ROW_SOURCE = 'user.email';

/**
 * @param list Current mappings.
 * @return The list with an empty row at the end.
 */
export function addMapping( list: IdentityMapping[] ): ListEdit {
	const source = isIdentitySource( NEW_ROW_SOURCE )
		? NEW_ROW_SOURCE
		: undefined;
	if ( ! source ) {
		return { list, order: identityOrder( list.length ) };
	}
	return {
		list: [ ...list, withSource( { field: '', source }, source ) ],
		order: [ ...identityOrder( list.length ), null ],
	};
}

/**
 * @param list  Current mappings.
 * @param index Row to remove.
 */
export function removeMapping(
	list: IdentityMapping[],
	index: number
): ListEdit {
	const order = identityOrder( list.length ).filter( ( i ) => i !== index );
	return { list: order.map( ( i ) => list[ i ] as IdentityMapping ), order };
}

/**
 * @param list Current mappings.
 * @param from Row to move.
 * @param to   Its new index.
 */
export function moveMapping(
	list: IdentityMapping[],
	from: number,
	to: number
): ListEdit {
	const order: number[] = identityOrder( list.length );
	if ( to < 0 || to >= list.length || from === to ) {
		return { list, order };
	}
	order.splice( from, 1 );
	order.splice( to, 0, from );
	return { list: order.map( ( i ) => list[ i ] as IdentityMapping ), order };
}

/**
 * A mapping switched to another source: it keeps `key` or `value` only when
 * the new source needs it (starting empty otherwise), and `persist` only when
 * the new source allows it, so what is sent always fits the source.
 *
 * @param mapping The row.
 * @param source  The new source.
 */
export function withSource(
	mapping: IdentityMapping,
	source: IdentitySource
): IdentityMapping {
	const next: IdentityMapping = { field: mapping.field, source };
	const needs = sourceNeeds( source );
	if ( needs === 'key' ) {
		next.key = mapping.key ?? '';
	}
	if ( needs === 'value' ) {
		next.value = mapping.value ?? '';
	}
	if ( canPersist( source ) && mapping.persist ) {
		next.persist = mapping.persist;
	}
	return next;
}
