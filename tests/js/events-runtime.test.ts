/**
 * Event handlers in the runtime: the config's `events` part read
 * defensively, handleEvents / handleMessengerEvents registered once each and
 * only when needed, through the stub's queue, and the whole path with the
 * fake qualified.js the e2e tests use (its fire() and fireMessenger()).
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { parseConfig } from '../../src/frontend/config';
import { parseEvents } from '../../src/frontend/events/config';
import {
	EVENT_EVENT,
	run,
	type RuntimeWindow,
} from '../../src/frontend/runtime';
import { ENDPOINT, SAMPLE } from './events-fixtures';

type Win = RuntimeWindow &
	Window & {
		__fakeQualified?: {
			fire: ( name: string, data?: unknown ) => number;
			fireMessenger: ( name: string ) => number;
			calls: Array< { method: string } >;
		};
	};
const win = window as unknown as Win;

const FAKE_VENDOR = readFileSync(
	join( __dirname, '../fixtures/fake-qualified/qualified.js' ),
	'utf8'
);

const handler = ( kind: string, name: string, actions: unknown[] = [] ) => ( {
	kind,
	name,
	actions: actions.length ? actions : [ { type: 'dataLayer', event: 'e' } ],
} );

let calls: unknown[][];
let detail: unknown[];
const record = ( event: Event ) =>
	detail.push( ( event as CustomEvent ).detail );

beforeEach( () => {
	calls = [];
	detail = [];
	win.qualified = ( ...args: unknown[] ) => {
		calls.push( args );
	};
	document.addEventListener( EVENT_EVENT, record );
} );

afterEach( () => {
	document.removeEventListener( EVENT_EVENT, record );
	delete win.qualified;
	delete win.qualifiedIntegrationConfig;
	delete win.dataLayer;
	delete win.__fakeQualified;
	delete ( win as { matchMedia?: unknown } ).matchMedia;
	document.head.innerHTML = '';
} );

/**
 * Runs the runtime with this config.
 *
 * @param config The page config.
 */
function start( config: Record< string, unknown > ) {
	win.qualifiedIntegrationConfig = { calls: [], ...config };
	return run( win, document );
}

const registrations = () =>
	calls.filter( ( [ method ] ) => String( method ).startsWith( 'handle' ) );

describe( 'parseEvents', () => {
	it( 'keeps the handlers PHP printed, in order', () => {
		const raw = {
			endpoint: ENDPOINT,
			handlers: [
				handler( 'event', 'Meeting Booked' ),
				handler( 'messenger', '*' ),
			],
		};
		expect( parseEvents( raw ) ).toEqual( raw );
		expect( parseConfig( { calls: [], events: raw } ).events ).toEqual(
			raw
		);
	} );

	it( 'drops malformed handlers, one at a time', () => {
		const good = handler( 'event', 'Meeting Booked' );
		expect(
			parseEvents( {
				endpoint: ENDPOINT,
				handlers: [
					null,
					'Meeting Booked',
					[ 'event', 'x', [] ],
					{ ...good, kind: 'visitor' },
					{ ...good, kind: undefined },
					{ ...good, name: 7 },
					{ ...good, name: undefined },
					{ ...good, actions: 'dataLayer' },
					{ ...good, actions: undefined },
					good,
				],
			} )?.handlers
		).toEqual( [ good ] );
	} );

	it.each( [
		undefined,
		null,
		'events',
		[],
		{},
		{ endpoint: ENDPOINT },
		{ endpoint: ENDPOINT, handlers: {} },
		{ endpoint: ENDPOINT, handlers: [] },
		{ endpoint: ENDPOINT, handlers: [ null ] },
	] )( 'reads %j as no events', ( raw ) => {
		expect( parseEvents( raw ) ).toBeUndefined();
		expect( parseConfig( { calls: [], events: raw } ) ).toEqual( {
			calls: [],
		} );
	} );

	it( 'reads an endpoint that is not text as none', () => {
		expect(
			parseEvents( {
				endpoint: { href: ENDPOINT },
				handlers: [ handler( 'event', '*' ) ],
			} )?.endpoint
		).toBe( '' );
	} );
} );

describe( 'registration', () => {
	it( 'registers handleEvents once however many event handlers there are, and no messenger handler', () => {
		start( {
			events: {
				endpoint: ENDPOINT,
				handlers: [
					handler( 'event', 'Meeting Booked' ),
					handler( 'event', '*' ),
					handler( 'event', 'Email Captured' ),
				],
			},
		} );
		expect( registrations() ).toEqual( [
			[ 'handleEvents', expect.any( Function ) ],
		] );
	} );

	it( 'registers each kind once when both exist', () => {
		start( {
			events: {
				endpoint: ENDPOINT,
				handlers: [
					handler( 'messenger', 'opened' ),
					handler( 'event', '*' ),
					handler( 'messenger', '*' ),
				],
			},
		} );
		expect( registrations().map( ( [ method ] ) => method ) ).toEqual( [
			'handleEvents',
			'handleMessengerEvents',
		] );
	} );

	it( 'registers only handleMessengerEvents for messenger handlers alone', () => {
		start( {
			events: {
				endpoint: ENDPOINT,
				handlers: [ handler( 'messenger', '*' ) ],
			},
		} );
		expect( registrations().map( ( [ method ] ) => method ) ).toEqual( [
			'handleMessengerEvents',
		] );
	} );

	it( 'registers nothing without handlers', () => {
		start( {} );
		start( { events: { endpoint: ENDPOINT, handlers: [] } } );
		expect( registrations() ).toEqual( [] );
	} );

	it( 'registers after the page view’s calls and before the filter’s', () => {
		start( {
			calls: [ [ 'page' ] ],
			identity: { fields: { plan: 'pro' }, browser: [] },
			events: {
				endpoint: ENDPOINT,
				handlers: [ handler( 'event', '*' ) ],
			},
		} );
		expect( calls.map( ( [ method ] ) => method ) ).toEqual( [
			'identify',
			'handleEvents',
			'page',
		] );
	} );

	it( 'queues the registrations in the stub until qualified.js arrives, then the vendor calls them', () => {
		delete win.qualified;
		start( {
			events: {
				endpoint: ENDPOINT,
				handlers: [
					handler( 'event', 'Meeting Booked', [
						{ type: 'dataLayer', event: 'qualified_meeting' },
					] ),
					handler( 'messenger', '*', [
						{ type: 'dataLayer', event: 'qualified_messenger' },
					] ),
				],
			},
		} );
		const queued = (
			win.qualified as unknown as { q?: ArrayLike< unknown >[] }
		 ).q;
		expect( queued?.map( ( args ) => Array.from( args )[ 0 ] ) ).toEqual( [
			'handleEvents',
			'handleMessengerEvents',
		] );

		// The fake vendor script drains the queue, as qualified.js does.
		new Function( FAKE_VENDOR )();
		const fake = win.__fakeQualified;
		expect( fake?.fire( 'Meeting Booked', SAMPLE ) ).toBe( 1 );
		expect( fake?.fire( 'Email Captured', SAMPLE ) ).toBe( 1 );
		expect( fake?.fireMessenger( 'opened' ) ).toBe( 1 );

		expect( win.dataLayer ).toEqual( [
			{
				event: 'qualified_meeting',
				qualified: {
					name: 'Meeting Booked',
					experience: 'My Experience',
					conversationId: 'gct6jvH379QyHnoX3x83pgq3ktk5d1KUCKvbq',
					senderType: 'rep',
				},
			},
			{
				event: 'qualified_messenger',
				qualified: {
					name: 'opened',
					experience: undefined,
					conversationId: undefined,
					senderType: undefined,
				},
			},
		] );
		expect( detail ).toHaveLength( 3 );
		expect( detail[ 1 ] ).toMatchObject( {
			kind: 'event',
			name: 'Email Captured',
		} );
	} );

	it( 'queues them with the held vendor script while a hide rule decides', () => {
		win.matchMedia = ( () => ( {
			matches: true,
		} ) ) as unknown as Window[ 'matchMedia' ];
		performance.measure = jest.fn() as unknown as Performance[ 'measure' ];
		start( {
			calls: [ [ 'page' ] ],
			experiences: {
				spa: false,
				timezone: 'UTC',
				rules: [
					{
						id: 'mobile',
						when: [ { type: 'device', value: 'mobile' } ],
						then: { action: 'hide' },
					},
				],
			},
			loading: {
				src: 'https://js.qualified.com/qualified.js?token=T',
				strategy: 'immediate',
			},
			events: {
				endpoint: ENDPOINT,
				handlers: [ handler( 'event', '*' ) ],
			},
		} );
		expect( calls.map( ( [ method ] ) => method ) ).toEqual( [
			'handleEvents',
		] );
		expect( document.querySelectorAll( 'script' ) ).toHaveLength( 0 );
	} );

	it( 'never throws into Qualified’s callback', () => {
		win.gtag = () => {
			throw new Error( 'broken' );
		};
		start( {
			events: {
				endpoint: ENDPOINT,
				handlers: [
					handler( 'event', '*', [
						{ type: 'gtag', event: 'x' },
						{ type: 'redirect', url: 'javascript:alert(1)' },
					] ),
					{ kind: 'event', name: '*', actions: [ null, 3, {} ] },
				],
			},
		} );
		const [ , callback ] = registrations()[ 0 ] as [
			string,
			( name: unknown, data: unknown ) => void,
		];
		const hostile = new Proxy(
			{},
			{
				get() {
					throw new Error( 'hostile' );
				},
			}
		);
		expect( () => callback( hostile, hostile ) ).not.toThrow();
		expect( () => callback( 'Meeting Booked', SAMPLE ) ).not.toThrow();
		delete win.gtag;
	} );
} );
