/**
 * Internal dependencies
 */
import { parseConfig } from '../../src/frontend/config';
import {
	installQueue,
	type QualifiedWindow,
} from '../../src/frontend/qualified';
import {
	IDENTIFY_EVENT,
	READY_EVENT,
	run,
	type RuntimeWindow,
} from '../../src/frontend/runtime';
import { PERSIST_KEY } from '../../src/frontend/identity/persist';
import { blockedStorageWindow, memoryStorage } from './storage-fixture';

describe( 'installQueue', () => {
	it( 'queues calls like the vendor snippet until qualified.js arrives', () => {
		const win: QualifiedWindow = {};
		const qualified = installQueue( win );

		qualified( 'identify', { email: 'a@example.org' } );
		qualified( 'open' );

		expect( win.QualifiedObject ).toBe( 'qualified' );
		expect( win.qualified ).toBe( qualified );
		expect( qualified.q?.map( ( args ) => Array.from( args ) ) ).toEqual( [
			[ 'identify', { email: 'a@example.org' } ],
			[ 'open' ],
		] );
	} );

	it( 'keeps a qualified function that is already there', () => {
		const existing = jest.fn();
		const win: QualifiedWindow = { qualified: existing };

		expect( installQueue( win ) ).toBe( existing );
		expect( win.qualified ).toBe( existing );
	} );
} );

describe( 'parseConfig', () => {
	it( 'keeps well-formed calls of data-only methods, in order', () => {
		expect(
			parseConfig( {
				calls: [
					[ 'identify', { company: 'Acme' } ],
					[ 'showExperience', 'experience-123', true ],
					[ 'open' ],
					[ 'page' ],
				],
			} )
		).toEqual( {
			calls: [
				[ 'identify', { company: 'Acme' } ],
				[ 'showExperience', 'experience-123', true ],
				[ 'open' ],
				[ 'page' ],
			],
		} );
	} );

	it.each( [
		[ 'undefined', undefined ],
		[ 'a string', 'calls' ],
		[ 'calls not a list', { calls: 'open' } ],
		[ 'null', null ],
	] )( 'reads %s as no calls', ( _label, raw ) => {
		expect( parseConfig( raw ) ).toEqual( { calls: [] } );
	} );

	it( 'drops callback methods, unknown methods and malformed entries', () => {
		expect(
			parseConfig( {
				calls: [
					[ 'handleEvents', 'function(){}' ],
					[ 'eval', 'alert(1)' ],
					'open',
					[],
					[ 42 ],
					[ 'open' ],
				],
			} )
		).toEqual( { calls: [ [ 'open' ] ] } );
	} );
} );

describe( 'run', () => {
	it( 'replays the configured calls through window.qualified and announces it', () => {
		const received: unknown[][] = [];
		const win: RuntimeWindow = {
			qualified: ( ...args: unknown[] ) => received.push( args ),
			qualifiedIntegrationConfig: {
				calls: [ [ 'identify', { plan: 'pro' } ], [ 'open' ] ],
			},
		};
		const onReady = jest.fn();
		document.addEventListener( READY_EVENT, onReady );

		run( win, document );

		expect( received ).toEqual( [
			[ 'identify', { plan: 'pro' } ],
			[ 'open' ],
		] );
		expect( onReady ).toHaveBeenCalledTimes( 1 );
		expect( onReady.mock.calls[ 0 ]?.[ 0 ].detail ).toEqual( {
			config: { calls: [ [ 'identify', { plan: 'pro' } ], [ 'open' ] ] },
		} );
		document.removeEventListener( READY_EVENT, onReady );
	} );

	it( 'queues the calls when the stub was stripped from the page', () => {
		const win: RuntimeWindow = {
			qualifiedIntegrationConfig: { calls: [ [ 'page' ] ] },
		};

		run( win, document );

		expect( win.QualifiedObject ).toBe( 'qualified' );
		expect(
			win.qualified?.q?.map( ( args ) => Array.from( args ) )
		).toEqual( [ [ 'page' ] ] );
	} );
} );

describe( 'run: identify', () => {
	const identity = {
		fields: { email: 'a@example.org' },
		browser: [
			{
				field: 'utm_campaign',
				source: 'query',
				key: 'utm_campaign',
				persist: 'first',
			},
		],
	};
	const location = {
		href: 'https://example.org/?utm_campaign=spring',
		search: '?utm_campaign=spring',
	};

	function listen() {
		const events: unknown[] = [];
		const listener = ( event: Event ) =>
			events.push( ( event as CustomEvent ).detail );
		document.addEventListener( IDENTIFY_EVENT, listener );
		return {
			events,
			stop: () =>
				document.removeEventListener( IDENTIFY_EVENT, listener ),
		};
	}

	it( 'identifies once, before the configured calls, and announces the fields', () => {
		const received: unknown[][] = [];
		const win: RuntimeWindow = {
			qualified: ( ...args: unknown[] ) => received.push( args ),
			qualifiedIntegrationConfig: {
				calls: [ [ 'showExperience', 'experience-1' ], [ 'open' ] ],
				identity,
			},
			location,
			sessionStorage: memoryStorage(),
		};
		const { events, stop } = listen();

		run( win, document );
		stop();

		const fields = { email: 'a@example.org', utm_campaign: 'spring' };
		expect( received ).toEqual( [
			[ 'identify', fields ],
			[ 'showExperience', 'experience-1' ],
			[ 'open' ],
		] );
		expect( events ).toEqual( [ { fields } ] );
	} );

	it( 'queues identify through the stub when qualified.js is not there yet', () => {
		const win: RuntimeWindow = {
			qualifiedIntegrationConfig: { calls: [ [ 'open' ] ], identity },
			location,
			sessionStorage: memoryStorage(),
		};
		installQueue( win );

		run( win, document );

		// What qualified.js does when it arrives: drain the queue.
		const drained = win.qualified?.q?.map( ( args ) => Array.from( args ) );
		expect( drained ).toEqual( [
			[ 'identify', { email: 'a@example.org', utm_campaign: 'spring' } ],
			[ 'open' ],
		] );
	} );

	it( 'keeps a persisted value on the next page of the visit', () => {
		const sessionStorage = memoryStorage();
		const page = ( search: string ): RuntimeWindow => ( {
			qualifiedIntegrationConfig: { calls: [], identity },
			location: { href: `https://example.org/${ search }`, search },
			sessionStorage,
		} );
		const first = page( '?utm_campaign=spring' );
		const next = page( '' );

		run( first, document );
		run( next, document );

		expect(
			next.qualified?.q?.map( ( args ) => Array.from( args ) )
		).toEqual( [
			[ 'identify', { email: 'a@example.org', utm_campaign: 'spring' } ],
		] );
		expect( sessionStorage.getItem( PERSIST_KEY ) ).toBe(
			JSON.stringify( { utm_campaign: 'spring' } )
		);
	} );

	it( 'makes no identify call and no event when nothing has a value', () => {
		const received: unknown[][] = [];
		const { events, stop } = listen();

		run(
			blockedStorageWindow< RuntimeWindow >( {
				qualified: ( ...args: unknown[] ) => received.push( args ),
				qualifiedIntegrationConfig: {
					calls: [ [ 'page' ] ],
					identity: {
						fields: { email: '' },
						browser: [
							{
								field: 'a',
								source: 'dataLayer',
								key: 'user.plan',
							},
							{ field: 'b', source: 'cookie', key: 'missing' },
							{
								field: 'c',
								source: 'query',
								key: 'utm_campaign',
								persist: 'last',
							},
							{ field: 'd', source: 'meta_tag', key: 'missing' },
							{ field: 'e', source: 'referrer' },
						],
					},
				},
			} ),
			document
		);
		stop();

		expect( received ).toEqual( [ [ 'page' ] ] );
		expect( events ).toEqual( [] );
	} );

	it.each( [
		[ 'identity null', { calls: [], identity: null } ],
		[ 'identity a string', { calls: [], identity: '<script>' } ],
		[
			'browser entries of the wrong shape',
			{ identity: { browser: [ 1, [ 'query' ], { source: 'query' } ] } },
		],
		[ 'a config that is a number', 42 ],
	] )( 'runs without errors with %s', ( _label, config ) => {
		const win: RuntimeWindow = { qualifiedIntegrationConfig: config };
		expect( () => run( win, document ) ).not.toThrow();
		expect( win.qualified?.q ?? [] ).toEqual( [] );
	} );

	it( 'reads the real page: URL, cookie, meta tag and dataLayer', () => {
		window.history.replaceState( null, '', '/landing?utm_campaign=real' );
		document.cookie = 'plan=Pro%20Plus';
		document.head.innerHTML = '<meta name="author-tier" content="gold">';
		const realWindow = window as unknown as RuntimeWindow & {
			dataLayer?: unknown[];
		};
		realWindow.dataLayer = [ { visitor: { segment: 'smb' } } ];
		realWindow.qualifiedIntegrationConfig = {
			calls: [],
			identity: {
				fields: {},
				browser: [
					{ field: 'campaign', source: 'query', key: 'utm_campaign' },
					{ field: 'plan', source: 'cookie', key: 'plan' },
					{ field: 'tier', source: 'meta_tag', key: 'author-tier' },
					{
						field: 'segment',
						source: 'dataLayer',
						key: 'visitor.segment',
					},
					{ field: 'landing', source: 'landing_page' },
				],
			},
		};
		const received: unknown[][] = [];
		realWindow.qualified = ( ...args: unknown[] ) => received.push( args );

		run( realWindow, document );

		expect( received ).toEqual( [
			[
				'identify',
				{
					campaign: 'real',
					plan: 'Pro Plus',
					tier: 'gold',
					segment: 'smb',
					landing: 'http://localhost/landing?utm_campaign=real',
				},
			],
		] );
		delete realWindow.dataLayer;
		delete realWindow.qualified;
		delete realWindow.qualifiedIntegrationConfig;
		document.cookie = 'plan=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
		document.head.innerHTML = '';
		window.sessionStorage.clear();
	} );
} );
