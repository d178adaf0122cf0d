/**
 * Event actions as the handler editor handles them: what a new action of
 * each type starts with (only the keys its type has, from
 * event-actions.json), switching an action's type, and the event names
 * suggested for analytics destinations.
 */

/**
 * Internal dependencies
 */
import catalogue from '../../includes/Settings/event-actions.json';
import names from '../../includes/Settings/event-names.json';
import {
	ANY_EVENT,
	EVENT_ACTION_TYPES,
	type AnalyticsAction,
	type EventAction,
	type EventActionType,
} from './model';

export { EVENT_ACTION_TYPES };

/** The analytics destinations (dataLayer, gtag, fbq): they take an event name. */
export type AnalyticsType = AnalyticsAction[ 'type' ];

/** Meta Pixel standard events, offered as suggestions for fbq. */
export const META_STANDARD_EVENTS: readonly string[] = names.metaStandardEvents;

interface CatalogueEntry {
	keys: string[];
	optional?: string[];
	analytics?: boolean;
	last?: boolean;
	keySchemas?: Record<
		string,
		{ description?: string; pattern?: string; type?: string }
	>;
}

const CATALOGUE = catalogue as Record< EventActionType, CatalogueEntry >;

export function isEventActionType( type: string ): type is EventActionType {
	return ( EVENT_ACTION_TYPES as readonly string[] ).includes( type );
}

export function isAnalyticsType(
	type: EventActionType
): type is AnalyticsType {
	return CATALOGUE[ type ]?.analytics === true;
}

export function isAnalytics( action: EventAction ): action is AnalyticsAction {
	return isAnalyticsType( action.type );
}

/**
 * What the schema says about an action's event name (GA4 and Meta have
 * their own rules), to show as help and to test a kept name against.
 *
 * @param type An analytics type.
 */
export function eventNameRule( type: AnalyticsType ): {
	description: string | null;
	pattern: RegExp | null;
} {
	const schema = CATALOGUE[ type ].keySchemas?.event;
	return {
		description: schema?.description ?? null,
		pattern: schema?.pattern ? new RegExp( schema.pattern ) : null,
	};
}

/** Standard Qualified events and the Meta Pixel standard event that fits each. */
const META_FOR: Readonly< Record< string, string > > = {
	'Conversation Started': 'Contact',
	'Meeting Booked': 'Schedule',
	'Email Captured': 'Lead',
};

/**
 * A handler's name as an analytics event name: `Meeting Booked` becomes
 * `qualified_meeting_booked` (letters, digits and underscores, at most 40
 * characters: a valid GA4 name, and a readable dataLayer one); `*` and
 * names without letters become `qualified_event`.
 *
 * @param handlerName The handler's event name.
 */
export function snakeEventName( handlerName: string ): string {
	const slug =
		handlerName === ANY_EVENT
			? ''
			: handlerName
					.normalize( 'NFKD' )
					.replace( /[\u0300-\u036f]/g, '' )
					.toLowerCase()
					.replace( /[^a-z0-9]+/g, '_' )
					.replace( /^_+|_+$/g, '' );
	return `qualified_${ slug || 'event' }`.slice( 0, 40 ).replace( /_+$/, '' );
}

/**
 * The event name a new analytics action sends for a handler.
 *
 * @param type        Analytics type.
 * @param handlerName The handler's event name.
 */
export function suggestedEventName(
	type: AnalyticsType,
	handlerName: string
): string {
	if ( type === 'fbq' ) {
		return META_FOR[ handlerName ] ?? 'Lead';
	}
	return snakeEventName( handlerName );
}

/**
 * A new action of a type, with only the keys that type has.
 *
 * @param type        Action type.
 * @param handlerName The handler's event name (for analytics names).
 */
export function defaultAction(
	type: EventActionType,
	handlerName: string
): EventAction {
	switch ( type ) {
		case 'dataLayer':
		case 'gtag':
		case 'fbq':
			return { type, event: suggestedEventName( type, handlerName ) };
		case 'wordpress':
			return { type };
		case 'redirect':
			return { type, url: '' };
	}
}

/**
 * An action switched to another type. Between analytics types the
 * "include visitor fields" choice is kept, and so is the event name when
 * the new destination accepts it; any other switch starts afresh.
 *
 * @param action      The current action.
 * @param type        The new type.
 * @param handlerName The handler's event name.
 */
export function withActionType(
	action: EventAction,
	type: EventActionType,
	handlerName: string
): EventAction {
	if ( action.type === type ) {
		return action;
	}
	const fresh = defaultAction( type, handlerName );
	if ( ! isAnalytics( action ) || ! isAnalyticsType( type ) ) {
		return fresh;
	}
	const { pattern } = eventNameRule( type );
	const event =
		action.event !== '' && ( ! pattern || pattern.test( action.event ) )
			? action.event
			: suggestedEventName( type, handlerName );
	return action.includeFields === true
		? { type, event, includeFields: true }
		: { type, event };
}

/**
 * Whether actions of this type always run after the others (a redirect
 * leaves the page).
 *
 * @param type Action type.
 */
export function runsLast( type: EventActionType ): boolean {
	return CATALOGUE[ type ]?.last === true;
}
