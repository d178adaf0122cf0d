/**
 * The contract's precedence, in ONE place: the runtime decides each page
 * view with it and the admin's rule tester shows what a URL would get.
 */
import { isTimedCondition, matchCondition } from './conditions';
import type {
	Action,
	Condition,
	DecideOptions,
	DecideResult,
	VisitorFacts,
} from './types';

/** What decide() reads of a rule: a stored Rule and a page config's PageRule both fit. */
export interface DecidableRule {
	id: string;
	/** false skips the rule (the tester may pass disabled, unsaved rules). */
	enabled?: boolean;
	when: readonly Condition[];
	then: Action;
}

/**
 * Applies rules, in order, to the visitor's facts.
 *
 * 1. The override: `experience` takes the decision (showExperience,
 *    startCollapsed) so showExperience/hide rules are ignored; `open` opens.
 *    (`hide` is PHP's: such a page loads nothing, and the preview route
 *    answers `hidden: true`; decide() ignores it.)
 * 2. Rules skipped: disabled, already fired this visit (`fired`), a `hide`
 *    with a timed condition (the schema refuses those: a hide cannot wait).
 *    A malformed rule (a condition or action that is not what the types
 *    say, so something throws) is skipped too: page configs pass filters.
 * 3. The first matching showExperience/hide rule takes the decision, unless
 *    the override or an earlier moment of the page view (`taken`) did.
 *    Every matching open rule -> one open (none when `opened`). Every
 *    matching identify rule adds its fields, earlier rules winning on a key.
 *    Any matching load rule -> `load` (qualified.js now, whatever the
 *    loading strategy's moment).
 *    A rule "fires" when its action took effect (record the oncePerVisit ones).
 * 4. A timed rule whose other conditions hold is `pending`: decide it again
 *    when its moment comes (time on page, scroll), passing `taken` and
 *    `opened` so the page view's decision and open stay single.
 * 5. A hide decision means no calls at all: no open, no identify, no load, nothing
 *    pending (`matched` still lists every rule whose conditions hold).
 *
 * @param rules            Rules in order (page config rules, or the tester's).
 * @param facts            What the browser knows now.
 * @param options          Override, visit and page-view state.
 * @param options.override The per-post override (first page view only).
 * @param options.fired    Rule ids that fired earlier in the visit.
 * @param options.taken    The page view's decision is already made.
 * @param options.opened   The page view already called open.
 * @return The decision, calls and the rules' fate.
 */
export function decide(
	rules: readonly DecidableRule[],
	facts: VisitorFacts,
	{ override = {}, fired = [], taken, opened }: DecideOptions = {}
): DecideResult {
	const result: DecideResult = {
		decision: null,
		open: !! override.open && ! opened,
		openRule: null,
		identify: {},
		matched: [],
		fired: [],
		pending: [],
		load: false,
	};
	const { experience } = override;
	if ( experience && ! taken ) {
		result.decision = {
			rule: null,
			action: 'showExperience',
			experience,
			startCollapsed: !! override.startCollapsed,
		};
	}
	for ( const rule of rules ) {
		try {
			const { id, when, then } = rule;
			const { action } = then;
			// One pass, no callbacks: a page view runs this cold, over up to 200 rules.
			if ( rule.enabled === false || fired.includes( id ) ) {
				continue;
			}
			let timed = false;
			let holds = true;
			for ( const condition of when ) {
				if ( isTimedCondition( condition ) ) {
					timed = true;
				} else if ( ! matchCondition( condition, facts ) ) {
					holds = false;
					break;
				}
			}
			if ( ! holds || ( timed && action === 'hide' ) ) {
				continue;
			}
			if (
				timed &&
				// The others held already: the same facts give the same answer.
				! when.every( ( condition ) =>
					matchCondition( condition, facts )
				)
			) {
				result.pending.push( id );
				continue;
			}
			result.matched.push( id );
			if ( action === 'identify' ) {
				result.identify = { ...then.fields, ...result.identify };
			} else if ( action === 'load' ) {
				result.load = true;
			} else if ( action === 'open' && ! opened ) {
				if ( ! result.open ) {
					result.openRule = id;
				}
				result.open = true;
			} else if (
				( action === 'hide' ||
					( action === 'showExperience' && then.experience ) ) &&
				! taken &&
				! result.decision
			) {
				result.decision =
					action === 'hide'
						? { rule: id, action }
						: {
								rule: id,
								action,
								experience: then.experience,
								startCollapsed: !! then.startCollapsed,
							};
			} else {
				continue;
			}
			result.fired.push( id );
		} catch {
			// A malformed rule does not match.
		}
	}
	// Hidden: no calls at all.
	return result.decision?.action === 'hide'
		? {
				...result,
				open: false,
				openRule: null,
				identify: {},
				fired: [ result.decision.rule as string ],
				pending: [],
				load: false,
			}
		: result;
}
