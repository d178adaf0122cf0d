/**
 * The `wordpress` action: the event sent to the site's public REST route
 * (POST /qualified-integration/v1/events), which stores it, fires the
 * `qualified_integration_event` PHP action and queues it for webhooks.
 *
 * One request per event, however many matching handlers have the action
 * (the site stores one row per request), with the field values that their
 * `storeFields` name and no other: the rest of what the visitor typed never
 * leaves the browser. Sent with navigator.sendBeacon, which outlives the
 * page (a redirect right after, a click on a link); with fetch and
 * `keepalive` when sendBeacon is missing or refuses (it answers false when
 * its queue is full). fetch sends no cookies: the route is public and
 * identical for everyone, so nothing of the visitor's session goes with it.
 * Text is cut to what the route accepts (page URL 2000, field values 500,
 * 20 fields, in characters), and fields are left out from the last one
 * until the body fits the route's 8 KB (in UTF-8 bytes), so long values do
 * not cost the whole event.
 */
import { has } from '../read';
import { cut } from '../../shared/cut';
import type { EventDetail } from './event';

/** The largest body the route accepts, in bytes. */
const MAX_BODY = 8192;

/** The parts of `window` this uses. */
export interface StoreWindow {
	location?: { href: string };
	navigator?: { sendBeacon?: Navigator[ 'sendBeacon' ] };
	fetch?: typeof fetch;
}

/**
 * The request body (the route's contract).
 *
 * @param win    The page's window.
 * @param detail The event.
 * @param fields The visitor's field values.
 * @param names  Field names to send (storeFields of the matching actions).
 */
export function storeBody(
	win: StoreWindow,
	detail: EventDetail,
	fields: Record< string, string >,
	names: string[]
): string {
	const kept: Array< [ string, string ] > = [];
	for ( const name of names ) {
		if ( has( fields, name ) && kept.length < 20 ) {
			kept.push( [ name, cut( fields[ name ] as string, 500 ) ] );
		}
	}
	let body: string;
	do {
		body = JSON.stringify( {
			kind: detail.kind,
			name: detail.name,
			url: cut( win.location?.href ?? '', kept.length ? 2000 : 1000 ),
			experience: detail.experience,
			conversationId: detail.conversationId,
			fields: Object.fromEntries( kept ),
		} );
	} while ( new Blob( [ body ] ).size > MAX_BODY && kept.pop() );
	return body;
}

/**
 * Sends the event to the site.
 *
 * @param win      The page's window.
 * @param endpoint The route's absolute URL.
 * @param body     From storeBody().
 */
export function send( win: StoreWindow, endpoint: string, body: string ) {
	if ( endpoint && ! win.navigator?.sendBeacon?.( endpoint, body ) ) {
		win.fetch?.( endpoint, {
			method: 'POST',
			keepalive: true,
			credentials: 'omit',
			body,
		} ).catch( () => {} );
	}
}
