/**
 * Pure edits of the rule list and of a rule's conditions. Each list edit
 * also says where every item came from, so the messages shown per rule or
 * per condition can follow their item (field-errors' reindexErrors).
 */

/**
 * Internal dependencies
 */
import { defaultCondition, LIMITS } from './conditions';
import type { Condition, ConditionType, Rule } from './model';

export interface ListEdit< T > {
	list: T[];
	/** For each new position, the old index (null: a new item). */
	order: Array< number | null >;
}

/** The contract's id pattern: what the server accepts and keeps. */
export const RULE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const ID_MAX = 64;

const sameOrder = ( length: number ) =>
	Array.from( { length }, ( _, index ) => index );

/**
 * A label turned into an id: lower case, accents dropped, every other run of
 * characters a single hyphen, at most 64 characters.
 *
 * @param label Any text.
 * @return The slug, possibly empty.
 */
export function slugify( label: string ): string {
	return label
		.normalize( 'NFKD' )
		.replace( /[\u0300-\u036f]/g, '' )
		.toLowerCase()
		.replace( /[^a-z0-9]+/g, '-' )
		.replace( /^-+/, '' )
		.slice( 0, ID_MAX )
		.replace( /-+$/, '' );
}

/**
 * An id for a new rule: the slug of its label, or `rule-` and six random
 * letters and digits when the label gives none, with `-2`, `-3`... when taken.
 * It is never changed afterwards: the runtime remembers rules that fired
 * once per visit by id.
 *
 * @param label  The new rule's label (may be empty).
 * @param taken  Ids already in the list.
 * @param random Random numbers in [0, 1) (Math.random; tests pass their own).
 */
export function newRuleId(
	label: string,
	taken: readonly string[],
	random: () => number = Math.random
): string {
	const used = new Set( taken );
	let base = slugify( label );
	while ( base === '' || used.has( base ) ) {
		if ( base !== '' ) {
			for ( let n = 2; n < 1000; n++ ) {
				const suffix = `-${ n }`;
				const candidate =
					base
						.slice( 0, ID_MAX - suffix.length )
						.replace( /-+$/, '' ) + suffix;
				if ( ! used.has( candidate ) ) {
					return candidate;
				}
			}
		}
		base =
			'rule-' +
			Array.from( { length: 6 }, () =>
				Math.floor( random() * 36 ).toString( 36 )
			).join( '' );
	}
	return base;
}

/**
 * A new rule at the end: enabled, no conditions (every page) until the
 * admin adds some, showing an Experience whose API name is still to fill in.
 *
 * @param rules  Current rules.
 * @param label  Its label (may be empty).
 * @param random For the id.
 */
export function addRule(
	rules: Rule[],
	label: string,
	random: () => number = Math.random
): ListEdit< Rule > {
	const rule: Rule = {
		id: newRuleId(
			label,
			rules.map( ( item ) => item.id ),
			random
		),
		label: label.trim(),
		enabled: true,
		when: [],
		then: { action: 'showExperience', experience: '' },
	};
	return {
		list: [ ...rules, rule ],
		order: [ ...sameOrder( rules.length ), null ],
	};
}

/**
 * A copy of a rule right after it, with its own id and "(copy)" in its label.
 *
 * @param rules  Current rules.
 * @param index  Rule to copy.
 * @param copyOf Label of the copy, e.g. "Pricing (copy)".
 * @param random For the id.
 */
export function duplicateRule(
	rules: Rule[],
	index: number,
	copyOf: ( label: string ) => string,
	random: () => number = Math.random
): ListEdit< Rule > {
	const source = rules[ index ];
	if ( ! source ) {
		return { list: rules, order: sameOrder( rules.length ) };
	}
	const label = source.label ? copyOf( source.label ) : '';
	const copy: Rule = {
		...( JSON.parse( JSON.stringify( source ) ) as Rule ),
		id: newRuleId(
			label || source.id,
			rules.map( ( item ) => item.id ),
			random
		),
		...( label ? { label } : {} ),
	};
	const order: Array< number | null > = sameOrder( rules.length );
	order.splice( index + 1, 0, null );
	return {
		list: order.map( ( old ) =>
			old === null ? copy : ( rules[ old ] as Rule )
		),
		order,
	};
}

/**
 * @param list  Current items.
 * @param index Item to remove.
 */
export function removeItem< T >( list: T[], index: number ): ListEdit< T > {
	const order = sameOrder( list.length ).filter( ( i ) => i !== index );
	return { list: order.map( ( i ) => list[ i ] as T ), order };
}

/**
 * @param list Current items.
 * @param from Item to move.
 * @param to   Its new index.
 */
export function moveItem< T >(
	list: T[],
	from: number,
	to: number
): ListEdit< T > {
	const order: number[] = sameOrder( list.length );
	if ( to < 0 || to >= list.length || from === to || ! ( from in list ) ) {
		return { list, order };
	}
	order.splice( from, 1 );
	order.splice( to, 0, from );
	return { list: order.map( ( i ) => list[ i ] as T ), order };
}

/**
 * A condition added at the end of a rule's list.
 *
 * @param when Current conditions.
 * @param type Type of the new condition.
 */
export function addCondition(
	when: Condition[],
	type: ConditionType
): ListEdit< Condition > {
	if ( when.length >= LIMITS.conditions ) {
		return { list: when, order: sameOrder( when.length ) };
	}
	return {
		list: [ ...when, defaultCondition( type ) ],
		order: [ ...sameOrder( when.length ), null ],
	};
}

/**
 * Whether a rule is on (absent `enabled` means on).
 *
 * @param rule A rule.
 */
export function isEnabled( rule: Rule ): boolean {
	return rule.enabled !== false;
}
