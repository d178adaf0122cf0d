/**
 * Dispatching one arriving event: each action type, includeFields, `*`,
 * kinds kept apart, order with the redirect last, the request to the site
 * (sendBeacon, then fetch), errors isolated, hostile names and payloads.
 */
import type { EventsConfig } from '../../src/frontend/events/config';
import { dispatcher, EVENT_EVENT } from '../../src/frontend/events/dispatch';
import { describe as describeEvent } from '../../src/frontend/events/event';
import {
	ENDPOINT,
	PAGE,
	SAMPLE,
	testWindow,
	type TestWindow,
} from './events-fixtures';

let log: unknown[][];
let win: TestWindow;
const record = ( event: Event ) =>
	log.push( [ 'event', ( event as CustomEvent ).detail ] );

beforeEach( () => {
	log = [];
	win = testWindow( log );
	document.addEventListener( EVENT_EVENT, record );
} );

afterEach( () => {
	document.removeEventListener( EVENT_EVENT, record );
} );

/**
 * Dispatches one event through handlers.
 *
 * @param handlers Handlers (the config's `handlers`).
 * @param kind     Event kind.
 * @param name     Event name.
 * @param data     Payload (the vendor's sample when not given; `undefined` is a payload).
 */
function fire(
	handlers: unknown[],
	kind: 'event' | 'messenger' = 'event',
	name: unknown = 'Meeting Booked',
	...data: unknown[]
) {
	const config = { endpoint: ENDPOINT, handlers } as EventsConfig;
	dispatcher( win, document, config )(
		kind,
		name,
		data.length ? data[ 0 ] : SAMPLE
	);
}

const handler = (
	actions: unknown[],
	name = 'Meeting Booked',
	kind = 'event'
) => ( {
	kind,
	name,
	actions,
} );
const effects = () => log.map( ( [ what ] ) => what );
const BASE = {
	name: 'Meeting Booked',
	experience: 'My Experience',
	conversationId: 'gct6jvH379QyHnoX3x83pgq3ktk5d1KUCKvbq',
	senderType: 'rep',
};
const PARAMS = {
	qualified_event: 'Meeting Booked',
	experience: 'My Experience',
	conversation_id: 'gct6jvH379QyHnoX3x83pgq3ktk5d1KUCKvbq',
	sender_type: 'rep',
};

describe( 'dataLayer', () => {
	it( 'creates window.dataLayer and pushes the event without field values', () => {
		fire( [
			handler( [ { type: 'dataLayer', event: 'qualified_meeting' } ] ),
		] );
		expect( win.dataLayer ).toEqual( [
			{ event: 'qualified_meeting', qualified: BASE },
		] );
	} );

	it( 'adds the field values with includeFields, onto the existing dataLayer', () => {
		const layer = [ { event: 'gtm.js' } ];
		win.dataLayer = layer;
		fire( [
			handler( [
				{ type: 'dataLayer', event: 'with', includeFields: true },
				{ type: 'dataLayer', event: 'without', includeFields: false },
			] ),
		] );
		expect( win.dataLayer ).toBe( layer );
		expect( layer.slice( 1 ) ).toEqual( [
			{
				event: 'with',
				qualified: { ...BASE, fields: SAMPLE.field_values },
			},
			{ event: 'without', qualified: BASE },
		] );
	} );
} );

describe( 'gtag', () => {
	it( 'calls gtag("event", name, params), fields only with includeFields', () => {
		fire( [
			handler( [
				{ type: 'gtag', event: 'generate_lead' },
				{ type: 'gtag', event: 'with_fields', includeFields: true },
			] ),
		] );
		expect( log ).toEqual( [
			[ 'gtag', 'event', 'generate_lead', PARAMS ],
			[
				'gtag',
				'event',
				'with_fields',
				{ ...PARAMS, ...SAMPLE.field_values },
			],
			[ 'event', expect.anything() ],
		] );
	} );

	it( 'queues an arguments object on dataLayer when gtag is not defined, as the gtag snippet does', () => {
		delete win.gtag;
		fire( [ handler( [ { type: 'gtag', event: 'generate_lead' } ] ) ] );
		const [ entry ] = win.dataLayer as unknown[];
		expect( Object.prototype.toString.call( entry ) ).toBe(
			'[object Arguments]'
		);
		expect( Array.from( entry as IArguments ) ).toEqual( [
			'event',
			'generate_lead',
			PARAMS,
		] );
	} );
} );

describe( 'fbq', () => {
	it( 'calls the method PHP chose, fields only with includeFields', () => {
		fire( [
			handler( [
				{ type: 'fbq', event: 'Schedule', method: 'track' },
				{
					type: 'fbq',
					event: 'Qualified_Chat',
					method: 'trackCustom',
					includeFields: true,
				},
			] ),
		] );
		expect( log.slice( 0, 2 ) ).toEqual( [
			[ 'fbq', 'track', 'Schedule', PARAMS ],
			[
				'fbq',
				'trackCustom',
				'Qualified_Chat',
				{ ...PARAMS, ...SAMPLE.field_values },
			],
		] );
	} );

	it( 'does nothing without the Meta Pixel', () => {
		delete win.fbq;
		fire( [
			handler( [
				{ type: 'fbq', event: 'Lead', method: 'track' },
				{ type: 'dataLayer', event: 'after' },
			] ),
		] );
		expect( effects() ).toEqual( [ 'event' ] );
		expect( win.dataLayer ).toHaveLength( 1 );
	} );
} );

describe( 'wordpress', () => {
	it( 'sends one beacon per event with only the storeFields values', () => {
		fire( [
			handler( [ { type: 'wordpress', storeFields: [ 'email' ] } ] ),
			handler(
				[
					{
						type: 'wordpress',
						storeFields: [ 'country_code', 'missing' ],
					},
				],
				'*'
			),
			handler( [ { type: 'wordpress' } ], 'Meeting Booked' ),
		] );
		expect( win.navigator.sendBeacon ).toHaveBeenCalledTimes( 1 );
		expect( log[ 0 ] ).toEqual( [
			'sendBeacon',
			ENDPOINT,
			{
				kind: 'event',
				name: 'Meeting Booked',
				url: PAGE,
				experience: 'My Experience',
				conversationId: 'gct6jvH379QyHnoX3x83pgq3ktk5d1KUCKvbq',
				fields: { email: 'visitor@example.org', country_code: 'IN' },
			},
		] );
		expect( win.fetch ).not.toHaveBeenCalled();
	} );

	it( 'sends no field value without storeFields, and only a name for messenger events', () => {
		fire(
			[ handler( [ { type: 'wordpress' } ], 'opened', 'messenger' ) ],
			'messenger',
			'opened',
			undefined
		);
		expect( log[ 0 ] ).toEqual( [
			'sendBeacon',
			ENDPOINT,
			{ kind: 'messenger', name: 'opened', url: PAGE, fields: {} },
		] );
	} );

	it.each( [
		[ 'refuses', () => false ],
		[ 'is missing', undefined ],
	] )(
		'falls back to fetch with keepalive and no cookies when sendBeacon %s',
		async ( _case, beacon ) => {
			if ( beacon ) {
				win.navigator.sendBeacon = jest.fn( beacon );
			} else {
				delete win.navigator.sendBeacon;
			}
			fire( [
				handler( [ { type: 'wordpress', storeFields: [ 'email' ] } ] ),
			] );
			expect( win.fetch ).toHaveBeenCalledTimes( 1 );
			const [ url, init ] = win.fetch.mock.calls[ 0 ];
			expect( url ).toBe( ENDPOINT );
			expect( init ).toEqual( {
				method: 'POST',
				keepalive: true,
				credentials: 'omit',
				body: expect.any( String ),
			} );
			expect( JSON.parse( init.body ) ).toEqual( {
				kind: 'event',
				name: 'Meeting Booked',
				url: PAGE,
				experience: 'My Experience',
				conversationId: 'gct6jvH379QyHnoX3x83pgq3ktk5d1KUCKvbq',
				fields: { email: 'visitor@example.org' },
			} );
		}
	);

	it( 'swallows a failed fetch', async () => {
		delete win.navigator.sendBeacon;
		win.fetch = jest.fn( () =>
			Promise.reject( new TypeError( 'offline' ) )
		);
		const unhandled = jest.fn();
		process.on( 'unhandledRejection', unhandled );
		fire( [ handler( [ { type: 'wordpress' } ] ) ] );
		await new Promise( ( resolve ) => setTimeout( resolve, 10 ) );
		process.off( 'unhandledRejection', unhandled );
		expect( win.fetch ).toHaveBeenCalledTimes( 1 );
		expect( unhandled ).not.toHaveBeenCalled();
	} );

	it( 'cuts values to what the route accepts', () => {
		const names = Array.from( { length: 25 }, ( _, i ) => `f${ i }` );
		const values = Object.fromEntries(
			names.map( ( name ) => [ name, 'x'.repeat( 600 ) ] )
		);
		win.location.href = PAGE + '&q=' + 'y'.repeat( 3000 );
		fire(
			[ handler( [ { type: 'wordpress', storeFields: names } ] ) ],
			'event',
			'Meeting Booked',
			{ bot: { name: 'n'.repeat( 300 ) }, field_values: values }
		);
		const raw = win.navigator.sendBeacon?.mock.calls[ 0 ]?.[ 1 ] as string;
		const body = log[ 0 ]?.[ 2 ] as Record< string, unknown >;
		const fields = body.fields as Record< string, string >;
		// 20 fields of 500 and a 2000-character address would pass 8 KB: the
		// last fields are left out until the body fits.
		expect( new Blob( [ raw ] ).size ).toBeLessThanOrEqual( 8192 );
		const kept = Object.keys( fields );
		expect( kept.length ).toBeGreaterThan( 0 );
		expect( kept ).toEqual( names.slice( 0, kept.length ) );
		expect( kept.length ).toBeLessThan( 20 );
		expect( fields.f0 ).toHaveLength( 500 );
		expect( body.url ).toHaveLength( 2000 );
		expect( body.experience ).toHaveLength( 200 );
	} );

	it( 'cuts by characters, never inside an emoji, and keeps the body within 8 KB of UTF-8', () => {
		const emoji = '\u{1F600}';
		fire(
			[ handler( [ { type: 'wordpress', storeFields: [ 'a', 'b' ] } ] ) ],
			'event',
			'Meeting Booked',
			{
				bot: { name: 'x'.repeat( 199 ) + emoji + emoji },
				field_values: {
					a: 'x'.repeat( 499 ) + emoji + emoji,
					b: emoji.repeat( 600 ),
				},
			}
		);
		const raw = win.navigator.sendBeacon?.mock.calls[ 0 ]?.[ 1 ] as string;
		const body = log[ 0 ]?.[ 2 ] as Record< string, unknown >;
		const fields = body.fields as Record< string, string >;
		expect( Array.from( fields.a as string ) ).toHaveLength( 500 );
		expect( ( fields.a as string ).endsWith( emoji ) ).toBe( true );
		expect( Array.from( fields.b as string ) ).toHaveLength( 500 );
		expect( Array.from( body.experience as string ) ).toHaveLength( 200 );
		// No lone surrogate: PHP's json_decode refuses the whole body for one.
		expect( raw ).not.toMatch( /\\ud[89ab]/i );
		expect( new Blob( [ raw ] ).size ).toBeLessThanOrEqual( 8192 );
	} );

	it( 'sends nothing without an endpoint', () => {
		const config = {
			endpoint: '',
			handlers: [ handler( [ { type: 'wordpress' } ] ) ],
		} as EventsConfig;
		dispatcher( win, document, config )(
			'event',
			'Meeting Booked',
			SAMPLE
		);
		expect( win.navigator.sendBeacon ).not.toHaveBeenCalled();
		expect( win.fetch ).not.toHaveBeenCalled();
	} );
} );

describe( 'redirect', () => {
	it.each( [
		[ '/thank-you/', 'https://site.example/thank-you/' ],
		[ 'https://site.example/a?b=1', 'https://site.example/a?b=1' ],
		[ 'http://shop.example/', 'http://shop.example/' ],
	] )( 'sends the visitor to %s', ( url, expected ) => {
		fire( [ handler( [ { type: 'redirect', url } ] ) ] );
		expect( win.location.assign ).toHaveBeenCalledTimes( 1 );
		expect( win.location.assign ).toHaveBeenCalledWith( expected );
	} );

	it.each( [
		'javascript:alert(1)',
		' JavaScript:alert(1)',
		'data:text/html,<script>alert(1)</script>',
		'vbscript:msgbox',
		'blob:https://site.example/1',
		'http://[',
	] )( 'refuses %s (and nothing else is lost)', ( url ) => {
		fire( [
			handler( [
				{ type: 'redirect', url },
				{ type: 'dataLayer', event: 'still' },
			] ),
		] );
		expect( win.location.assign ).not.toHaveBeenCalled();
		expect( win.dataLayer ).toHaveLength( 1 );
		expect( effects() ).toEqual( [ 'event' ] );
	} );
} );

describe( 'matching and order', () => {
	it( 'runs matching handlers in order, actions in order, the first redirect last', () => {
		fire( [
			handler( [
				{ type: 'redirect', url: '/first/' },
				{ type: 'gtag', event: 'one' },
			] ),
			handler( [ { type: 'gtag', event: 'other' } ], 'Email Captured' ),
			handler(
				[
					{ type: 'fbq', event: 'Lead', method: 'track' },
					{ type: 'redirect', url: '/second/' },
					{ type: 'wordpress' },
					{ type: 'gtag', event: 'two' },
				],
				'*'
			),
		] );
		expect( effects() ).toEqual( [
			'gtag',
			'fbq',
			'gtag',
			'sendBeacon',
			'event',
			'assign',
		] );
		expect( log[ 0 ]?.[ 2 ] ).toBe( 'one' );
		expect( log[ 2 ]?.[ 2 ] ).toBe( 'two' );
		expect( log[ 5 ] ).toEqual( [
			'assign',
			'https://site.example/first/',
		] );
	} );

	it( 'matches names exactly or by *, and keeps kinds apart', () => {
		const handlers = [
			handler( [ { type: 'gtag', event: 'exact' } ], 'Meeting Booked' ),
			handler( [ { type: 'gtag', event: 'any_event' } ], '*' ),
			handler( [ { type: 'gtag', event: 'lower' } ], 'meeting booked' ),
			handler( [ { type: 'gtag', event: 'm_any' } ], '*', 'messenger' ),
			handler(
				[ { type: 'gtag', event: 'm_named' } ],
				'Meeting Booked',
				'messenger'
			),
		];
		fire( handlers );
		fire( handlers, 'messenger', 'closed', undefined );
		expect(
			log
				.filter( ( [ what ] ) => what === 'gtag' )
				.map( ( entry ) => entry[ 2 ] )
		).toEqual( [ 'exact', 'any_event', 'm_any' ] );
	} );

	it( 'announces every event on document, matched or not', () => {
		fire( [ handler( [ { type: 'gtag', event: 'x' } ], 'Other' ) ] );
		fire( [], 'messenger', 'opened', undefined );
		expect( log ).toEqual( [
			[
				'event',
				{
					kind: 'event',
					data: SAMPLE,
					...BASE,
				},
			],
			[
				'event',
				{
					kind: 'messenger',
					name: 'opened',
					data: undefined,
					experience: undefined,
					conversationId: undefined,
					senderType: undefined,
				},
			],
		] );
	} );
} );

describe( 'errors', () => {
	it( 'a throwing gtag stops neither the dataLayer, the beacon, the DOM event nor the redirect', () => {
		win.gtag = () => {
			throw new Error( 'broken gtag' );
		};
		expect( () =>
			fire( [
				handler( [
					{ type: 'gtag', event: 'broken' },
					{ type: 'dataLayer', event: 'fine' },
					{ type: 'wordpress' },
					{ type: 'redirect', url: '/thanks/' },
				] ),
			] )
		).not.toThrow();
		expect( win.dataLayer ).toEqual( [
			{ event: 'fine', qualified: BASE },
		] );
		expect( effects() ).toEqual( [ 'sendBeacon', 'event', 'assign' ] );
	} );

	it( 'a broken dataLayer, sendBeacon, document and location each fail alone', () => {
		win.dataLayer = {
			push() {
				throw new Error( 'frozen' );
			},
		};
		win.navigator.sendBeacon = jest.fn( () => {
			throw new TypeError( 'bad' );
		} );
		win.location.assign = jest.fn( () => {
			throw new Error( 'blocked' );
		} );
		const doc = {
			dispatchEvent() {
				throw new Error( 'no DOM' );
			},
		} as unknown as Document;
		const config = {
			endpoint: ENDPOINT,
			handlers: [
				handler( [
					{ type: 'dataLayer', event: 'a' },
					{ type: 'gtag', event: 'b' },
					{ type: 'wordpress' },
					{ type: 'redirect', url: '/thanks/' },
				] ),
			],
		} as EventsConfig;
		expect( () =>
			dispatcher( win, doc, config )( 'event', 'Meeting Booked', SAMPLE )
		).not.toThrow();
		expect( effects() ).toEqual( [ 'gtag' ] );
		expect( win.location.assign ).toHaveBeenCalledWith(
			'https://site.example/thanks/'
		);
	} );

	it( 'odd actions fail alone', () => {
		expect( () =>
			fire( [
				handler( [
					null,
					'dataLayer',
					{ type: 'constructor' },
					{ type: 'toString', event: 'x' },
					{ type: 'wordpress', storeFields: null },
					{ type: 'dataLayer', event: 'kept' },
				] ),
			] )
		).not.toThrow();
		expect( win.dataLayer ).toEqual( [
			{ event: 'kept', qualified: BASE },
		] );
		expect( effects() ).toEqual( [ 'sendBeacon', 'event' ] );
	} );
} );

describe( 'hostile names and payloads', () => {
	const all = [
		handler( [ { type: 'dataLayer', event: 'any' } ], '*' ),
		handler( [ { type: 'dataLayer', event: 'proto' } ], 'toString' ),
	];

	it.each( [
		[ '__proto__' ],
		[ 'constructor' ],
		[ '<img src=x onerror=alert(1)>' ],
		[ { toString: () => 'Meeting Booked' } ],
		[ Symbol( 'x' ) ],
		[ null ],
		[ 42 ],
	] )( 'name %p matches only *', ( name ) => {
		expect( () => fire( all, 'event', name ) ).not.toThrow();
		expect( win.dataLayer ).toEqual( [
			{ event: 'any', qualified: { ...BASE, name } },
		] );
	} );

	const throwing = new Proxy(
		{},
		{
			get() {
				throw new Error( 'hostile getter' );
			},
			ownKeys() {
				throw new Error( 'hostile keys' );
			},
		}
	);

	it.each( [
		[ 'null', null ],
		[ 'a string', 'Meeting Booked' ],
		[ 'a number', 7 ],
		[ 'a throwing proxy', throwing ],
		[ 'a throwing bot', { bot: throwing, field_values: throwing } ],
		[ 'wrong types', { bot: { name: {}, id: [] }, sender: 'rep' } ],
	] )( 'data that is %s reads as absent', ( _case, data ) => {
		expect( () =>
			fire(
				[
					handler( [
						{ type: 'dataLayer', event: 'e', includeFields: true },
						{ type: 'wordpress', storeFields: [ 'email' ] },
					] ),
				],
				'event',
				'Meeting Booked',
				data
			)
		).not.toThrow();
		expect( win.dataLayer ).toEqual( [
			{
				event: 'e',
				qualified: {
					name: 'Meeting Booked',
					experience: undefined,
					conversationId: undefined,
					senderType: undefined,
					fields: {},
				},
			},
		] );
		expect( log[ 0 ]?.[ 2 ] ).toEqual( {
			kind: 'event',
			name: 'Meeting Booked',
			url: PAGE,
			fields: {},
		} );
	} );

	it( 'keeps only string field values, as own properties', () => {
		const fieldValues = JSON.parse(
			'{"__proto__": "polluted", "email": "a@example.org", "n": 3, "o": {"x": 1}, "nul": null, "constructor": "c"}'
		);
		fire(
			[
				handler( [
					{ type: 'gtag', event: 'g', includeFields: true },
					{
						type: 'wordpress',
						storeFields: [
							'email',
							'n',
							'constructor',
							'toString',
						],
					},
				] ),
			],
			'event',
			'Meeting Booked',
			{ field_values: fieldValues }
		);
		const params = log[ 0 ]?.[ 3 ] as Record< string, unknown >;
		expect( Object.getPrototypeOf( params ) ).toBe( Object.prototype );
		expect( Object.keys( params ) ).toEqual( [
			'qualified_event',
			'experience',
			'conversation_id',
			'sender_type',
			'__proto__',
			'email',
			'constructor',
		] );
		expect( ( {} as Record< string, unknown > ).polluted ).toBeUndefined();
		expect( log[ 1 ]?.[ 2 ] ).toMatchObject( {
			fields: { email: 'a@example.org', constructor: 'c' },
		} );
	} );

	it( 'reads the Experience from the bot id, and the rep conversation', () => {
		expect(
			describeEvent( 'event', 'x', {
				bot: { id: 99, name: '' },
				rep_conversation_id: 'rep-7',
				sender: { type: 'visitor' },
			} )
		).toEqual( {
			kind: 'event',
			name: 'x',
			data: expect.anything(),
			experience: '99',
			conversationId: 'rep-7',
			senderType: 'visitor',
		} );
	} );
} );
