/**
 * Words the Experiences section shows for condition types, operators,
 * devices, days and actions. `Record< ConditionType, ... >` makes tsc fail
 * when a type is added to the shared list without words here.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ActionName, ConditionType, MatchOp, Weekday } from './model';
import type { Moment } from './tester-model';

export function conditionLabels(): Record< ConditionType, string > {
	return {
		path: __( 'Page address (path)', 'qualified-integration' ),
		query: __( 'URL query parameter', 'qualified-integration' ),
		referrer: __( 'Came from (referrer)', 'qualified-integration' ),
		device: __( 'Device', 'qualified-integration' ),
		time_on_page: __( 'Time on the page', 'qualified-integration' ),
		scroll: __( 'Scrolled down the page', 'qualified-integration' ),
		schedule: __( 'Day and time', 'qualified-integration' ),
		post_type: __( 'Post type', 'qualified-integration' ),
		post: __( 'Specific posts or pages', 'qualified-integration' ),
		term: __( 'Category, tag or other term', 'qualified-integration' ),
		logged_in: __( 'Logged in to WordPress', 'qualified-integration' ),
		role: __( 'WordPress user role', 'qualified-integration' ),
	};
}

/**
 * Heading of a group in the condition type picker.
 *
 * @param where `page` (decided by WordPress) or `browser` (in the visit).
 */
export function whereLabel( where: 'page' | 'browser' ): string {
	return where === 'page'
		? __( 'This page', 'qualified-integration' )
		: __( 'Visitor', 'qualified-integration' );
}

export function opLabels(): Record< MatchOp, string > {
	return {
		equals: __( 'is exactly', 'qualified-integration' ),
		prefix: __( 'starts with', 'qualified-integration' ),
		contains: __( 'contains', 'qualified-integration' ),
		glob: __( 'matches the pattern (* ?)', 'qualified-integration' ),
		regex: __( 'matches the regex', 'qualified-integration' ),
	};
}

export function dayLabels(): Record< Weekday, string > {
	return {
		mon: __( 'Mon', 'qualified-integration' ),
		tue: __( 'Tue', 'qualified-integration' ),
		wed: __( 'Wed', 'qualified-integration' ),
		thu: __( 'Thu', 'qualified-integration' ),
		fri: __( 'Fri', 'qualified-integration' ),
		sat: __( 'Sat', 'qualified-integration' ),
		sun: __( 'Sun', 'qualified-integration' ),
	};
}

export const WEEKDAYS: readonly Weekday[] = [
	'mon',
	'tue',
	'wed',
	'thu',
	'fri',
	'sat',
	'sun',
];

export function actionLabels(): Record< ActionName, string > {
	return {
		showExperience: __( 'Show an Experience', 'qualified-integration' ),
		open: __( 'Open the messenger', 'qualified-integration' ),
		hide: __( 'Hide Qualified on matching pages', 'qualified-integration' ),
		identify: __(
			'Identify (send visitor fields)',
			'qualified-integration'
		),
		load: __( 'Load Qualified at once', 'qualified-integration' ),
	};
}

/**
 * The accessible label of a rule's input, the words the server's messages
 * start with ("Rule 3, Experience API name: ...").
 *
 * @param index Rule index.
 * @param field Field label.
 */
export function ruleFieldLabel( index: number, field: string ): string {
	return sprintf(
		/* translators: 1: rule number, 2: field label such as "Label". */
		__( 'Rule %1$d, %2$s', 'qualified-integration' ),
		index + 1,
		field
	);
}

/**
 * The accessible label of a condition's input ("Rule 3, Condition 2, Value").
 *
 * @param index     Rule index.
 * @param condition Condition index.
 * @param field     Field label.
 */
export function conditionFieldLabel(
	index: number,
	condition: number,
	field: string
): string {
	return sprintf(
		/* translators: 1: rule number, 2: condition number, 3: field label such as "Value". */
		__( 'Rule %1$d, Condition %2$d, %3$s', 'qualified-integration' ),
		index + 1,
		condition + 1,
		field
	);
}

/**
 * When a timed rule fires: "after 30 s", "at 50% scroll", or both.
 *
 * @param moment Seconds and/or percent.
 */
export function momentText( moment: Moment ): string {
	const seconds =
		moment.seconds === undefined
			? ''
			: sprintf(
					/* translators: %d: seconds on the page. */
					__( 'after %d s', 'qualified-integration' ),
					moment.seconds
				);
	const percent =
		moment.percent === undefined
			? ''
			: sprintf(
					/* translators: %d: percentage of the page scrolled. */
					__( 'at %d%% scroll', 'qualified-integration' ),
					moment.percent
				);
	return seconds && percent
		? sprintf(
				/* translators: 1: "after 30 s", 2: "at 50% scroll". */
				__( '%1$s and %2$s', 'qualified-integration' ),
				seconds,
				percent
			)
		: seconds || percent;
}
