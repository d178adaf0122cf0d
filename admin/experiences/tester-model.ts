/**
 * The rule tester's reading of a URL: the preview route has resolved the
 * page facts (which rules can still match there, reduced to their visitor
 * conditions); here the ONE shared matcher (src/shared/experiences) is run
 * on those reduced rules with the visitor facts typed in the tester, and
 * the result is put in the tester's terms: per rule matched or not and why,
 * what waits for a moment, and the calls the page would make in order.
 */

/**
 * Internal dependencies
 */
import {
	decide,
	isTimedCondition,
	matchCondition,
	type Action,
	type BrowserCondition,
	type Condition,
	type DecidableRule,
	type Device,
	type Override,
	type VisitorFacts,
} from '../../src/shared/experiences';
import type { LoadStrategy } from '../../src/shared/loading';
import { pageStrategy } from '../../src/shared/loading-choices';
import { canonicalJson } from '../changes';
import type { Rule } from './model';
import { isEnabled } from './rule-list';

/** Body of POST /qualified-integration/v1/experiences/preview. */
export interface ExperiencesPreviewRequest {
	url: string;
	rules: Rule[];
	loggedIn?: boolean;
	role?: string;
}

/** One rule in the preview's answer: what the page facts made of it. */
export interface PreviewRule {
	id: string;
	/** match: its page conditions hold; no_match: one does not; none: it has none. */
	pageFacts: 'match' | 'no_match' | 'none';
	/** The rule reduced to its visitor conditions. */
	rule: { id: string; when: BrowserCondition[]; then: Action; once?: true };
}

/** Answer of the preview route. */
export interface ExperiencesPreviewPayload {
	url: string;
	/** The post the URL shows; nulls (found: false) for archives, search, not found. */
	page: {
		postId: number | null;
		postType: string | null;
		title: string | null;
		found: boolean;
	};
	/** Page facts alone hide Qualified there (a hide rule, or the post's override). */
	hidden: boolean;
	override: Override | null;
	rules: PreviewRule[];
	timezone: string;
}

/** What the admin typed about the visitor. */
export interface VisitorInput {
	url: string;
	referrer: string;
	device: Device;
	now: Date;
}

/** When a timed rule would fire: after N seconds and/or at N% scroll. */
export interface Moment {
	seconds?: number;
	percent?: number;
}

export type RuleVerdict =
	| { kind: 'disabled' }
	/** The preview did not return it (the server dropped it). */
	| { kind: 'missing' }
	/** A page condition (post, type, term, login, role) does not hold. */
	| { kind: 'page' }
	/** A visitor condition does not hold: its index in the rule's own list. */
	| { kind: 'visitor'; condition: number; type: Condition[ 'type' ] }
	/** Its other conditions hold; it waits for its moment. */
	| { kind: 'waits'; moment: Moment; takes: boolean }
	/** It matches now; `takes` says whether its action has an effect. */
	| { kind: 'matches'; takes: boolean };

export interface RuleOutcome {
	id: string;
	index: number;
	action: Action[ 'action' ];
	once: boolean;
	verdict: RuleVerdict;
}

/**
 * A call the page makes, as `qualified( method, ...args )`; `load` is no
 * call but a "Load Qualified at once" rule's effect: qualified.js is added
 * to the page now, whatever the loading strategy's moment.
 */
export interface PageCall {
	method: 'load' | 'identify' | 'showExperience' | 'open';
	args: unknown[];
	/** Rule ids that caused it (none: the page's override). */
	rules: string[];
	/** For timed rules: when. */
	moment?: Moment;
}

export interface TestResult {
	hidden: boolean;
	rules: RuleOutcome[];
	/** Calls made when the page loads, in order (load, identify, showExperience, open). */
	calls: PageCall[];
	/** Calls of timed rules, each when its moment comes (if still free then). */
	later: PageCall[];
	/** When qualified.js loads on the page: the site's strategy, or the post's own choice (never lifting consent). */
	loading: LoadStrategy;
}

/**
 * The visitor facts the matcher reads, from what the admin typed.
 *
 * @param input    Visitor input.
 * @param url      The URL the server resolved.
 * @param timezone The site's timezone.
 * @param moment   Time on page and scroll reached (0 on load).
 */
export function visitorFacts(
	input: VisitorInput,
	url: string,
	timezone: string,
	moment: Moment = {}
): VisitorFacts {
	let pathname = '/';
	let search = '';
	try {
		const parsed = new URL( url );
		pathname = parsed.pathname;
		search = parsed.search;
	} catch {
		// The server answered with the URL it used; a bad one matches no path.
	}
	return {
		url: { pathname, search },
		referrer: input.referrer,
		device: input.device,
		now: input.now,
		timezone,
		timeOnPage: moment.seconds ?? 0,
		scrollPercent: moment.percent ?? 0,
	};
}

/**
 * The moment a rule's timed conditions all hold.
 *
 * @param when Conditions.
 */
export function momentOf( when: readonly Condition[] ): Moment {
	const moment: Moment = {};
	for ( const condition of when ) {
		if ( condition.type === 'time_on_page' ) {
			moment.seconds = Math.max( moment.seconds ?? 0, condition.seconds );
		} else if ( condition.type === 'scroll' ) {
			moment.percent = Math.max( moment.percent ?? 0, condition.percent );
		}
	}
	return moment;
}

/**
 * The index of a reduced rule's condition in the rule as edited (the server
 * removed page conditions, so indexes shift).
 *
 * @param rule      The rule as edited.
 * @param condition A condition of the reduced rule.
 * @param fallback  Index in the reduced rule.
 */
function originalIndex(
	rule: Rule | undefined,
	condition: Condition,
	fallback: number
): number {
	const wanted = canonicalJson( condition );
	const index = rule
		? rule.when.findIndex( ( item ) => canonicalJson( item ) === wanted )
		: -1;
	return index === -1 ? fallback : index;
}

function callsOf(
	result: ReturnType< typeof decide >,
	identifyRules: string[],
	loadRules: string[],
	moment?: Moment
): PageCall[] {
	const calls: PageCall[] = [];
	const at = moment ? { moment } : {};
	if ( result.load ) {
		calls.push( { method: 'load', args: [], rules: loadRules, ...at } );
	}
	if ( Object.keys( result.identify ).length > 0 ) {
		calls.push( {
			method: 'identify',
			args: [ result.identify ],
			rules: identifyRules,
			...at,
		} );
	}
	const decision = result.decision;
	if ( decision?.action === 'showExperience' ) {
		calls.push( {
			method: 'showExperience',
			args: [ decision.experience, !! decision.startCollapsed ],
			rules: decision.rule ? [ decision.rule ] : [],
			...at,
		} );
	}
	if ( result.open ) {
		calls.push( {
			method: 'open',
			args: [],
			rules: result.openRule ? [ result.openRule ] : [],
			...at,
		} );
	}
	return calls;
}

/**
 * What a page view at the preview's URL would do, for the visitor typed in.
 * Every rule is assumed not to have fired yet in the visit (a new visit).
 *
 * @param rules   The rules as edited (the ones sent to the preview).
 * @param preview The preview's answer.
 * @param input   The visitor.
 * @param site    The site's loading strategy (as edited).
 */
export function testRules(
	rules: readonly Rule[],
	preview: ExperiencesPreviewPayload,
	input: VisitorInput,
	site: LoadStrategy = 'immediate'
): TestResult {
	const facts = visitorFacts( input, preview.url, preview.timezone );
	const byId = new Map( preview.rules.map( ( item ) => [ item.id, item ] ) );
	const reached: DecidableRule[] = preview.rules
		.filter( ( item ) => item.pageFacts !== 'no_match' )
		.map( ( item ) => item.rule );
	const override = preview.override ?? {};
	const now = decide( reached, facts, { override } );
	const hidden = preview.hidden || now.decision?.action === 'hide';
	const loading = pageStrategy( site, override.load );

	const outcomes: RuleOutcome[] = rules.map( ( rule, index ) => {
		const base = {
			id: rule.id,
			index,
			action: rule.then.action,
			once: rule.oncePerVisit === true,
		};
		if ( ! isEnabled( rule ) ) {
			return { ...base, verdict: { kind: 'disabled' } };
		}
		const item = byId.get( rule.id );
		if ( ! item ) {
			return { ...base, verdict: { kind: 'missing' } };
		}
		if ( item.pageFacts === 'no_match' ) {
			return { ...base, verdict: { kind: 'page' } };
		}
		if ( now.matched.includes( rule.id ) ) {
			return {
				...base,
				verdict: {
					kind: 'matches',
					takes: now.fired.includes( rule.id ),
				},
			};
		}
		const when = item.rule.when;
		const failing = when.findIndex( ( condition ) => {
			if ( isTimedCondition( condition ) ) {
				return false;
			}
			try {
				return ! matchCondition( condition, facts );
			} catch {
				return true;
			}
		} );
		const failed = when[ failing ];
		if ( failed ) {
			return {
				...base,
				verdict: {
					kind: 'visitor',
					condition: originalIndex( rule, failed, failing ),
					type: failed.type,
				},
			};
		}
		const moment = momentOf( when );
		const later = decide(
			[ item.rule ],
			visitorFacts( input, preview.url, preview.timezone, moment ),
			{ override, taken: !! now.decision, opened: now.open }
		);
		return {
			...base,
			verdict: {
				kind: 'waits',
				moment,
				takes:
					now.pending.includes( rule.id ) &&
					later.fired.includes( rule.id ),
			},
		};
	} );

	if ( hidden ) {
		return { hidden: true, rules: outcomes, calls: [], later: [], loading };
	}

	const rulesDoing = ( action: Action[ 'action' ] ) =>
		now.matched.filter(
			( id ) => byId.get( id )?.rule.then.action === action
		);
	const later: PageCall[] = [];
	for ( const outcome of outcomes ) {
		const item = byId.get( outcome.id );
		if (
			outcome.verdict.kind !== 'waits' ||
			! outcome.verdict.takes ||
			! item
		) {
			continue;
		}
		const { moment } = outcome.verdict;
		const action = item.rule.then.action;
		if ( action === 'load' && now.load ) {
			// qualified.js is on the page already: a later load changes nothing.
			continue;
		}
		const result = decide(
			[ item.rule ],
			visitorFacts( input, preview.url, preview.timezone, moment ),
			{ override, taken: !! now.decision, opened: now.open }
		);
		later.push(
			...callsOf(
				result,
				action === 'identify' ? [ item.id ] : [],
				action === 'load' ? [ item.id ] : [],
				moment
			)
		);
	}
	return {
		hidden: false,
		rules: outcomes,
		calls: callsOf( now, rulesDoing( 'identify' ), rulesDoing( 'load' ) ),
		later,
		loading,
	};
}

/**
 * The absolute URL for what was typed: a path is taken on the site.
 *
 * @param typed   Typed URL or path.
 * @param homeUrl The site's home URL.
 */
export function absoluteUrl( typed: string, homeUrl: string ): string {
	try {
		return new URL( typed.trim(), homeUrl.replace( /\/?$/, '/' ) ).href;
	} catch {
		return typed.trim();
	}
}
