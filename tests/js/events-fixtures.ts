/**
 * A stand-in window for the event actions (analytics globals, sendBeacon,
 * fetch, location) that logs every outside effect in order, and the
 * vendor's sample payload from its client-side API reference.
 */
import type { EventsWindow } from '../../src/frontend/events/dispatch';

export const ENDPOINT =
	'https://site.example/wp-json/qualified-integration/v1/events';
export const PAGE = 'https://site.example/pricing/?utm_source=x';

/** The vendor's documented sample payload, with an email added. */
export const SAMPLE = {
	bot: { id: 1234, name: 'My Experience' },
	bot_conversation_id: 'gct6jvH379QyHnoX3x83pgq3ktk5d1KUCKvbq',
	field_values: {
		country_code: 'IN',
		email: 'visitor@example.org',
		ga_client_id: 'examplenumber',
	},
	message: { text: 'Hello there! Do you have a moment to chat?' },
	rep_conversation_id: 'rep-1',
	sender: { rep_name: null, type: 'rep' },
	name: 'Meeting Booked',
};

export type TestWindow = Omit<
	EventsWindow,
	'location' | 'navigator' | 'fetch'
> & {
	dataLayer?: unknown;
	location: { href: string; assign: jest.Mock };
	navigator: { sendBeacon?: jest.Mock };
	fetch: jest.Mock;
	gtag?: unknown;
	fbq?: unknown;
};

/**
 * @param log Receives one entry per outside effect, in order.
 * @return A window with gtag, fbq, sendBeacon (accepting), fetch and location.
 */
export function testWindow( log: unknown[][] = [] ): TestWindow {
	return {
		location: {
			href: PAGE,
			assign: jest.fn( ( url: string ) => log.push( [ 'assign', url ] ) ),
		},
		navigator: {
			sendBeacon: jest.fn( ( url: string, body: string ) => {
				log.push( [ 'sendBeacon', url, JSON.parse( body ) ] );
				return true;
			} ),
		},
		fetch: jest.fn( ( url: string, init: RequestInit ) => {
			log.push( [ 'fetch', url, init ] );
			return Promise.resolve( { status: 201 } );
		} ),
		gtag: jest.fn( ( ...args: unknown[] ) =>
			log.push( [ 'gtag', ...args ] )
		),
		fbq: jest.fn( ( ...args: unknown[] ) =>
			log.push( [ 'fbq', ...args ] )
		),
	};
}
