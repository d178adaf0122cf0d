/**
 * Conditions as the builder handles them: which types exist and where each
 * is decided (from the one list PHP reads too), the fields a new condition of
 * a type starts with, and what a condition keeps when its type changes.
 */

/**
 * Internal dependencies
 */
import {
	CONDITION_TYPES,
	MATCH_OPS,
	conditionKeys,
	conditionWhere,
	isConditionType,
	isTimedType,
} from '../../src/shared/experiences';
import type { Condition, ConditionType } from './model';

export {
	CONDITION_TYPES,
	MATCH_OPS,
	conditionKeys,
	conditionWhere,
	isConditionType,
};

/** The contract's limits, for the inputs' min/max (the server checks them). */
export const LIMITS = {
	rules: 200,
	conditions: 20,
	seconds: 86400,
	identifyFields: 20,
} as const;

/**
 * Whether a type waits for a moment (seconds on the page, scroll depth).
 *
 * @param type Condition type.
 */
export const isTimed = isTimedType;

/**
 * A new condition of a type, with a value in every field it needs. Lists the
 * server requires non-empty start empty, so the admin is asked to pick.
 *
 * @param type Condition type.
 */
export function defaultCondition( type: ConditionType ): Condition {
	switch ( type ) {
		case 'path':
			return { type, op: 'prefix', value: '' };
		case 'query':
			return { type, key: '', op: 'equals', value: '' };
		case 'referrer':
			return { type, op: 'contains', value: '' };
		case 'device':
			return { type, value: 'mobile' };
		case 'time_on_page':
			return { type, seconds: 30 };
		case 'scroll':
			return { type, percent: 50 };
		case 'schedule':
			return {
				type,
				days: [ 'mon', 'tue', 'wed', 'thu', 'fri' ],
				from: '09:00',
				to: '17:00',
			};
		case 'post_type':
			return { type, values: [] };
		case 'post':
			return { type, ids: [] };
		case 'term':
			return { type, taxonomy: 'category', slugs: [] };
		case 'logged_in':
			return { type, value: true };
		case 'role':
			return { type, roles: [] };
	}
}

/**
 * A condition switched to another type. The text match (operator and value)
 * carries over between the types that have one (path, query, referrer), so
 * changing "path" to "referrer" keeps what was typed; everything else starts
 * from the new type's defaults.
 *
 * @param condition The condition.
 * @param type      Its new type.
 */
export function withType(
	condition: Condition,
	type: ConditionType
): Condition {
	const next = defaultCondition( type );
	if ( 'op' in next && 'op' in condition ) {
		return { ...next, op: condition.op, value: condition.value };
	}
	return next;
}
