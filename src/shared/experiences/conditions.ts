/**
 * One condition against what the visitor's browser knows. Page-fact
 * conditions (post_type, post, term, logged_in, role) are PHP's: a page
 * config never carries them (PHP removed them), so here they, and any type
 * this code does not know, never hold.
 */
import { inSchedule, weekMinute } from './schedule';
import { matchText } from './text';
import type { Condition, TimedCondition, VisitorFacts } from './types';

/**
 * Whether a condition waits for a moment of the page view (seconds on the
 * page, scroll depth). catalog.test checks this against the `timed` flags of
 * experience-conditions.json.
 *
 * @param condition A condition.
 */
export function isTimedCondition(
	condition: Condition
): condition is TimedCondition {
	return condition.type === 'time_on_page' || condition.type === 'scroll';
}

/**
 * Whether one condition holds for these facts.
 *
 * - path: `url.pathname`, as the browser has it (percent-encoded);
 * - query: the decoded value of parameter `key`; an absent parameter never
 *   holds, a present empty one is "" (so `contains ""` means "is present");
 * - referrer: the whole document.referrer ("" when there is none);
 * - device: `facts.device`;
 * - time_on_page / scroll: at least `seconds` / `percent`;
 * - schedule: see inSchedule(), in `facts.timezone` (worked out once per
 *   facts object: `facts.minute`).
 *
 * @param condition A condition (from a page config or the tester).
 * @param facts     The visitor's facts.
 * @return Whether it holds; false for a malformed condition.
 */
export function matchCondition(
	condition: Condition,
	facts: VisitorFacts
): boolean {
	const { type } = condition;
	if ( type === 'path' || type === 'query' || type === 'referrer' ) {
		let input: string | null = facts.referrer;
		if ( type === 'path' ) {
			input = facts.url.pathname;
		}
		if ( type === 'query' ) {
			input = ( facts.params ??= new URLSearchParams(
				facts.url.search
			) ).get( condition.key );
		}
		return (
			input !== null && matchText( condition.op, condition.value, input )
		);
	}
	switch ( type ) {
		case 'device':
			return facts.device === condition.value;
		case 'time_on_page':
			return facts.timeOnPage >= condition.seconds;
		case 'scroll':
			return facts.scrollPercent >= condition.percent;
		case 'schedule':
			return inSchedule(
				( facts.minute ??= weekMinute( facts.now, facts.timezone ) ),
				condition.days,
				condition.from,
				condition.to
			);
	}
	return false;
}
