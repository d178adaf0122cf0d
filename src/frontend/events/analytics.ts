/**
 * The analytics destinations of an event: Google Tag Manager's dataLayer,
 * the Google tag (gtag.js) and the Meta Pixel (fbq).
 *
 * The visitor's field values (an email, a phone number) go to them only
 * when the action opts in with `includeFields`. Analytics tools are not
 * where personal data should go by default: their data is shared with ad
 * platforms, kept for months and read by everyone with report access, and
 * Google Analytics' terms forbid sending it personally identifiable
 * information at all. The event's name, Experience, conversation id and
 * sender type are not about the visitor, so they always go.
 */
import type { PageEventAction } from './config';
import type { EventDetail } from './event';

/** The parts of `window` the destinations use. */
export interface AnalyticsWindow {
	dataLayer?: unknown;
	gtag?: unknown;
	fbq?: unknown;
}

type Action< T > = Extract< PageEventAction, { type: T } >;
type Send< T > = (
	win: AnalyticsWindow,
	action: Action< T >,
	detail: EventDetail,
	fields: Record< string, string >
) => void;

/**
 * Pushes onto window.dataLayer, created if absent (as GTM's and gtag.js's snippets do).
 *
 * @param win   The page's window.
 * @param entry What to push.
 */
const push = ( win: AnalyticsWindow, entry: unknown ) =>
	( ( win.dataLayer ||= [] ) as unknown[] ).push( entry );

/**
 * gtag.js reads commands off dataLayer only as `arguments` objects: its
 * snippet is `function gtag(){dataLayer.push(arguments);}`, and an array
 * is read as a plain message. This makes one, for when gtag is not defined
 * yet (gtag.js runs what it finds queued when it loads).
 */
const args = function () {
	// eslint-disable-next-line prefer-rest-params -- An Arguments object is the point.
	return arguments;
} as ( ...values: unknown[] ) => IArguments;

/**
 * The parameters of gtag and fbq: flat, as GA4 takes no nested objects.
 *
 * @param action The gtag or fbq action.
 * @param detail The event.
 * @param fields The visitor's field values.
 */
const params = (
	action: Action< 'gtag' | 'fbq' >,
	detail: EventDetail,
	fields: Record< string, string >
) => ( {
	qualified_event: detail.name,
	experience: detail.experience,
	conversation_id: detail.conversationId,
	sender_type: detail.senderType,
	...( action.includeFields && fields ),
} );

const dataLayer: Send< 'dataLayer' > = ( win, action, detail, fields ) =>
	push( win, {
		event: action.event,
		qualified: {
			name: detail.name,
			experience: detail.experience,
			conversationId: detail.conversationId,
			senderType: detail.senderType,
			...( action.includeFields && { fields } ),
		},
	} );

const gtag: Send< 'gtag' > = ( win, action, detail, fields ) => {
	const command = [ 'event', action.event, params( action, detail, fields ) ];
	if ( typeof win.gtag === 'function' ) {
		win.gtag( ...command );
	} else {
		push( win, args( ...command ) );
	}
};

const fbq: Send< 'fbq' > = ( win, action, detail, fields ) => {
	if ( typeof win.fbq === 'function' ) {
		win.fbq(
			action.method,
			action.event,
			params( action, detail, fields )
		);
	}
};

/** One sender per analytics action type. */
export const ANALYTICS = { dataLayer, gtag, fbq };
