/**
 * A settings path in the words of the screen ("experiences.rules[3].label"
 * is "Rule 4, Label"), for the import preview's list of changes. The words
 * are those of Settings/Labels.php, which names the fields in the server's
 * messages; a path it has no words for gets none, and the preview shows the
 * path alone.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	actionContext,
	fieldWords,
	handlerContext,
	joinLabel,
	webhookContext,
} from '../events/texts';

type Segment = string | number;

/**
 * `experiences.rules[3].when[0].value` -> [ 'experiences', 'rules', 3, 'when', 0, 'value' ].
 *
 * @param path A dot path with list indexes in brackets.
 */
export function pathSegments( path: string ): Segment[] {
	return Array.from( path.matchAll( /([^.[\]]+)|\[(\d+)\]/g ), ( match ) =>
		match[ 2 ] !== undefined ? Number( match[ 2 ] ) : ( match[ 1 ] ?? '' )
	);
}

function topLabels(): Record< string, string > {
	return {
		enabled: __( 'Load Qualified', 'qualified-integration' ),
		token: __( 'Site token', 'qualified-integration' ),
		excludeRoles: __(
			'Never load for these roles',
			'qualified-integration'
		),
		identity: __( 'Identity', 'qualified-integration' ),
		'identity.mappings': __( 'Identity mappings', 'qualified-integration' ),
		experiences: __( 'Experiences', 'qualified-integration' ),
		'experiences.spa': __(
			'Single-page navigation',
			'qualified-integration'
		),
		'experiences.rules': __( 'Experience rules', 'qualified-integration' ),
		events: __( 'Events', 'qualified-integration' ),
		'events.handlers': __( 'Event handlers', 'qualified-integration' ),
		'events.webhooks': __( 'Webhooks', 'qualified-integration' ),
		'events.retentionDays': __(
			'Keep events for (days)',
			'qualified-integration'
		),
		loading: __( 'Loading', 'qualified-integration' ),
		'loading.strategy': __(
			'When to load Qualified',
			'qualified-integration'
		),
		'loading.maxDelay': __(
			'Load anyway after (seconds)',
			'qualified-integration'
		),
		'loading.consentCategory': __(
			'Consent category',
			'qualified-integration'
		),
	};
}

function mappingColumns(): Record< string, string > {
	return {
		field: __( 'Qualified field', 'qualified-integration' ),
		source: __( 'Source', 'qualified-integration' ),
		key: __( 'Key', 'qualified-integration' ),
		value: __( 'Value', 'qualified-integration' ),
		persist: __( 'Keep for the visit', 'qualified-integration' ),
	};
}

function ruleKeys(): Record< string, string > {
	return {
		id: __( 'ID', 'qualified-integration' ),
		label: __( 'Label', 'qualified-integration' ),
		enabled: __( 'Enabled', 'qualified-integration' ),
		oncePerVisit: __( 'Once per visit', 'qualified-integration' ),
		when: __( 'Conditions', 'qualified-integration' ),
		then: __( 'Action', 'qualified-integration' ),
		action: __( 'Action', 'qualified-integration' ),
		experience: __( 'Experience', 'qualified-integration' ),
		startCollapsed: __( 'Start collapsed', 'qualified-integration' ),
		fields: __( 'Fields to send', 'qualified-integration' ),
	};
}

function conditionKeys(): Record< string, string > {
	return {
		type: __( 'Type', 'qualified-integration' ),
		op: __( 'Match', 'qualified-integration' ),
		value: __( 'Value', 'qualified-integration' ),
		key: __( 'Parameter', 'qualified-integration' ),
		seconds: __( 'Seconds', 'qualified-integration' ),
		percent: __( 'Percent scrolled', 'qualified-integration' ),
		days: __( 'Days', 'qualified-integration' ),
		from: __( 'From', 'qualified-integration' ),
		to: __( 'To', 'qualified-integration' ),
		values: __( 'Post types', 'qualified-integration' ),
		ids: __( 'Posts', 'qualified-integration' ),
		taxonomy: __( 'Taxonomy', 'qualified-integration' ),
		slugs: __( 'Terms', 'qualified-integration' ),
		roles: __( 'Roles', 'qualified-integration' ),
	};
}

/**
 * "Rule 4", "Rule 4, Label", "Rule 4, Condition 1, Value", "Rule 4, Experience".
 *
 * @param rule Rule index.
 * @param rest What follows `experiences.rules[n]`.
 */
function ruleLabel( rule: number, rest: Segment[] ): string | null {
	const label = sprintf(
		/* translators: %d: rule number, starting at 1. */
		__( 'Rule %d', 'qualified-integration' ),
		rule + 1
	);
	const [ first, second, third ] = rest;
	if ( first === undefined ) {
		return label;
	}
	if ( first === 'when' && typeof second === 'number' ) {
		const condition = sprintf(
			/* translators: 1: "Rule 3", 2: condition number, starting at 1. */
			__( '%1$s, Condition %2$d', 'qualified-integration' ),
			label,
			second + 1
		);
		if ( typeof third !== 'string' ) {
			return condition;
		}
		const word = conditionKeys()[ third ];
		return word ? joinLabel( condition, word ) : null;
	}
	// `then.experience` is the action's Experience; `then.fields.email` its Fields to send.
	const key = first === 'then' && typeof second === 'string' ? second : first;
	const word = typeof key === 'string' ? ruleKeys()[ key ] : undefined;
	return word ? joinLabel( label, word ) : null;
}

/**
 * @param key A handler, action or webhook key, e.g. `url`.
 * @return Its words in the Events section, if any.
 */
function fieldWord( key: string ): string | undefined {
	return ( fieldWords() as Record< string, string > )[ key ];
}

/**
 * "Handler 2", "Handler 2, Event name", "Handler 2, Action 1, Address".
 *
 * @param handler Handler index.
 * @param rest    What follows `events.handlers[n]`.
 */
function handlerLabel( handler: number, rest: Segment[] ): string | null {
	const [ first, second, third ] = rest;
	if ( first === undefined ) {
		return handlerContext( handler );
	}
	if ( first === 'actions' && typeof second === 'number' ) {
		const context = actionContext( handler, second );
		if ( typeof third !== 'string' ) {
			return context;
		}
		const word = fieldWord( third );
		return word ? joinLabel( context, word ) : null;
	}
	if ( first === 'actions' ) {
		return joinLabel(
			handlerContext( handler ),
			__( 'Actions', 'qualified-integration' )
		);
	}
	const word = typeof first === 'string' ? fieldWord( first ) : undefined;
	return word ? joinLabel( handlerContext( handler ), word ) : null;
}

/**
 * "Webhook 1", "Webhook 1, Address".
 *
 * @param webhook Webhook index.
 * @param rest    What follows `events.webhooks[n]`.
 */
function webhookLabel( webhook: number, rest: Segment[] ): string | null {
	const [ first ] = rest;
	if ( first === undefined ) {
		return webhookContext( webhook );
	}
	if ( typeof first !== 'string' ) {
		return null;
	}
	const word =
		first === 'id'
			? __( 'ID', 'qualified-integration' )
			: fieldWord( first );
	return word ? joinLabel( webhookContext( webhook ), word ) : null;
}

/**
 * The words for a path, or null when the screen has none for it.
 *
 * @param path e.g. `identity.mappings[0].field`.
 * @return e.g. "Mapping 1, Qualified field".
 */
export function pathLabel( path: string ): string | null {
	const segments = pathSegments( path );
	const [ top, second, index ] = segments;
	const rest = segments.slice( 3 );
	if ( typeof index === 'number' ) {
		if ( top === 'identity' && second === 'mappings' ) {
			const [ column ] = rest;
			const mapping = sprintf(
				/* translators: %d: mapping row number, starting at 1. */
				__( 'Mapping %d', 'qualified-integration' ),
				index + 1
			);
			if ( column === undefined ) {
				return mapping;
			}
			const word =
				typeof column === 'string'
					? mappingColumns()[ column ]
					: undefined;
			return word
				? sprintf(
						/* translators: 1: mapping row number, starting at 1, 2: column label. */
						__( 'Mapping %1$d, %2$s', 'qualified-integration' ),
						index + 1,
						word
					)
				: null;
		}
		if ( top === 'experiences' && second === 'rules' ) {
			return ruleLabel( index, rest );
		}
		if ( top === 'events' && second === 'handlers' ) {
			return handlerLabel( index, rest );
		}
		if ( top === 'events' && second === 'webhooks' ) {
			return webhookLabel( index, rest );
		}
	}
	// `excludeRoles[2]` is one item of the roles list.
	const named = segments.filter( ( part ) => typeof part === 'string' );
	if ( segments.length > named.length && named.length === 1 ) {
		return topLabels()[ named[ 0 ] as string ] ?? null;
	}
	if ( segments.length !== named.length ) {
		return null;
	}
	return topLabels()[ named.join( '.' ) ] ?? null;
}
