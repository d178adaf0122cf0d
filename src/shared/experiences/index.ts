/**
 * Experiences (targeting rules): the ONE matcher and precedence, used by the
 * runtime on public pages and by the admin's rule tester, plus the condition
 * and action lists. Admin code imports from here; the runtime imports the
 * files it needs (so its bundle carries no JSON list).
 *
 * - `matchText( op, value, input )`: one text comparison (equals, prefix,
 *   contains, glob with `*` and `?`, regex; regex input capped at
 *   MAX_TESTED_LENGTH = 1000 characters, any error = no match).
 * - `matchCondition( condition, facts )`: one condition against what the
 *   browser knows (`VisitorFacts`); page-fact conditions (decided by PHP)
 *   and unknown types never hold here.
 * - `decide( rules, facts, { override, fired, taken, opened } )`: the
 *   contract's precedence over a rule list -> `DecideResult` (decision,
 *   open, openRule, identify, matched, fired, pending).
 * - `weekMinute( now, timezone )` / `inSchedule( minute, days, from, to )`:
 *   the schedule condition in the site's timezone.
 * - Catalog: CONDITIONS, CONDITION_TYPES, ACTIONS, ACTION_NAMES, MATCH_OPS,
 *   isConditionType, conditionWhere, isTimedType, conditionKeys.
 */
export type * from './types';
export type { DecidableRule } from './decide';
export type { ConditionInfo, ConditionWhere, ActionInfo } from './catalog';
export { matchText, MAX_TESTED_LENGTH } from './text';
export { weekMinute, inSchedule } from './schedule';
export { matchCondition, isTimedCondition } from './conditions';
export { decide } from './decide';
export {
	CONDITIONS,
	CONDITION_TYPES,
	ACTIONS,
	ACTION_NAMES,
	MATCH_OPS,
	isConditionType,
	conditionWhere,
	isTimedType,
	conditionKeys,
} from './catalog';
