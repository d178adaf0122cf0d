/**
 * The condition types and actions, read from the ONE lists PHP validates
 * against: includes/Settings/experience-conditions.json (type -> where it is
 * decided, timed, keys) and experience-actions.json (action -> keys). The
 * admin's builder and tester read them here; the runtime does not import
 * this file (its bundle stays free of the JSON).
 */
import conditions from '../../../includes/Settings/experience-conditions.json';
import actions from '../../../includes/Settings/experience-actions.json';
import type { ActionName, ConditionType, MatchOp } from './types';

/** Where a condition is decided: by PHP from the page and user, or by the runtime from the visit. */
export type ConditionWhere = 'browser' | 'page';

export interface ConditionInfo {
	where: ConditionWhere;
	/** Waits for a moment of the page view (time on page, scroll). */
	timed?: boolean;
	/** The keys a condition of this type has besides `type`, all required. */
	keys: readonly string[];
}

export interface ActionInfo {
	/** Required keys besides `action`. */
	keys: readonly string[];
	optional?: readonly string[];
	/** The action may not have timed conditions (hide). */
	refusesTimed?: boolean;
}

type SameKeys< A, B > = [ A ] extends [ B ]
	? [ B ] extends [ A ]
		? true
		: false
	: false;

/**
 * Compile-time only: `tsc` rejects `true` here when the Condition union or
 * the Action union names other types/actions than the JSON lists.
 */
export const CATALOG_MATCHES_TYPES: [
	SameKeys< ConditionType, keyof typeof conditions >,
	SameKeys< ActionName, keyof typeof actions >,
] = [ true, true ];

/** Every condition type with its facts, in the file's order. */
export const CONDITIONS = conditions as Readonly<
	Record< ConditionType, ConditionInfo >
>;

/** Every action with its keys, in the file's order. */
export const ACTIONS = actions as Readonly< Record< ActionName, ActionInfo > >;

/** Condition types, in the file's order. */
export const CONDITION_TYPES = Object.keys( conditions ) as ConditionType[];

/** Actions, in the file's order. */
export const ACTION_NAMES = Object.keys( actions ) as ActionName[];

/** Text operators of path, query and referrer conditions. */
export const MATCH_OPS: readonly MatchOp[] = [
	'equals',
	'prefix',
	'contains',
	'glob',
	'regex',
];

/**
 * Whether a string names a known condition type (own keys only).
 *
 * @param name Any string.
 */
export function isConditionType( name: string ): name is ConditionType {
	return Object.prototype.hasOwnProperty.call( conditions, name );
}

/**
 * Where a type is decided.
 *
 * @param type Condition type.
 */
export function conditionWhere( type: ConditionType ): ConditionWhere {
	return CONDITIONS[ type ].where;
}

/**
 * Whether a type waits for a moment (seconds on the page, scroll depth).
 *
 * @param type Condition type.
 */
export function isTimedType( type: ConditionType ): boolean {
	return CONDITIONS[ type ].timed === true;
}

/**
 * The keys a condition of this type has besides `type`.
 *
 * @param type Condition type.
 */
export function conditionKeys( type: ConditionType ): readonly string[] {
	return CONDITIONS[ type ].keys;
}
