/**
 * The runtime with Experience rules, on jsdom's real window: call order,
 * the held vendor script, timed rules (fake timers), oncePerVisit, SPA
 * navigation, and that nothing reaches the page as an error.
 */
import { parseExperiences } from '../../src/frontend/experiences/config';
import { FIRED_KEY } from '../../src/frontend/experiences/fired';
import {
	EXPERIENCE_EVENT,
	RULES_MEASURE,
} from '../../src/frontend/experiences/page-views';
import {
	IDENTIFY_EVENT,
	READY_EVENT,
	run,
	type RuntimeWindow,
} from '../../src/frontend/runtime';
import { blockedStorageWindow } from './storage-fixture';

type Win = RuntimeWindow & Window;
const win = window as unknown as Win;
const VENDOR = 'https://js.qualified.com/qualified.js?token=Abc123';
/** The page config's part when PHP held qualified.js for the runtime (a hide rule may apply). */
const HELD = { loading: { src: VENDOR, strategy: 'immediate' } };

let calls: unknown[][];
let events: Array< { type: string; detail: unknown } >;
let listeners: Parameters< Window[ 'addEventListener' ] >[];
const originalHistory = {
	pushState: window.history.pushState,
	replaceState: window.history.replaceState,
};
const record = ( event: Event ) =>
	events.push( {
		type: event.type,
		detail: ( event as CustomEvent ).detail,
	} );

beforeEach( () => {
	jest.useFakeTimers();
	jest.setSystemTime( new Date( Date.UTC( 2024, 6, 1, 10, 0 ) ) ); // Monday.
	originalHistory.replaceState.call( window.history, null, '', '/pricing/' );
	calls = [];
	events = [];
	listeners = [];
	const add = window.addEventListener.bind( window );
	jest.spyOn( window, 'addEventListener' ).mockImplementation(
		( ...args: Parameters< Window[ 'addEventListener' ] > ) => {
			listeners.push( args );
			add( ...args );
		}
	);
	jest.spyOn( window, 'removeEventListener' );
	performance.mark = jest.fn() as unknown as Performance[ 'mark' ];
	performance.measure = jest.fn() as unknown as Performance[ 'measure' ];
	win.qualified = ( ...args: unknown[] ) => {
		calls.push( args );
	};
	for ( const type of [ EXPERIENCE_EVENT, IDENTIFY_EVENT ] ) {
		document.addEventListener( type, record );
	}
} );

afterEach( () => {
	for ( const args of listeners ) {
		window.removeEventListener( args[ 0 ], args[ 1 ], args[ 2 ] );
	}
	jest.restoreAllMocks();
	Object.assign( window.history, originalHistory );
	for ( const type of [ EXPERIENCE_EVENT, IDENTIFY_EVENT ] ) {
		document.removeEventListener( type, record );
	}
	delete win.qualified;
	delete win.qualifiedIntegrationConfig;
	delete ( win as { matchMedia?: unknown } ).matchMedia;
	window.sessionStorage.clear();
	document.head.innerHTML = '';
	jest.useRealTimers();
} );

/**
 * Runs the runtime on the real window with this config.
 *
 * @param experiences The `experiences` part.
 * @param rest        Other parts of the page config.
 */
function start( experiences: unknown, rest: Record< string, unknown > = {} ) {
	win.qualifiedIntegrationConfig = { calls: [], ...rest, experiences };
	return run( win, document );
}

const config = ( rules: unknown[], more: Record< string, unknown > = {} ) => ( {
	spa: false,
	timezone: 'UTC',
	rules,
	...more,
} );
const methods = () => calls.map( ( [ method ] ) => method );
const vendorScripts = () =>
	Array.from( document.querySelectorAll( 'script' ) ).filter(
		( script ) => script.src === VENDOR
	);
const experienceEvents = () =>
	events
		.filter( ( event ) => event.type === EXPERIENCE_EVENT )
		.map( ( event ) => event.detail );

describe( 'parseExperiences', () => {
	it( 'hands an object over as PHP cleaned it', () => {
		const raw = {
			spa: true,
			timezone: 'Europe/Paris',
			rules: [ { id: 'a', when: [], then: { action: 'open' } } ],
			override: { open: true },
		};
		expect( parseExperiences( raw ) ).toEqual( raw );
	} );

	it.each( [ undefined, null, 'rules', [ {} ], 3 ] )(
		'reads %j as no experiences',
		( raw ) => {
			expect( parseExperiences( raw ) ).toBeUndefined();
		}
	);
} );

describe( 'a page view', () => {
	it( 'identifies, shows, opens, then makes the filter’s calls, in that order', () => {
		start(
			config( [
				{ id: 'open', when: [], then: { action: 'open' } },
				{
					id: 'pricing',
					when: [
						{ type: 'path', op: 'equals', value: '/pricing/' },
					],
					then: {
						action: 'showExperience',
						experience: 'experience-42',
						startCollapsed: true,
					},
				},
				{
					id: 'tag',
					when: [],
					then: {
						action: 'identify',
						fields: { segment: 'rules', plan: 'rule' },
					},
				},
			] ),
			{
				calls: [ [ 'page' ] ],
				identity: {
					fields: { plan: 'server', email: 'a@example.org' },
					browser: [],
				},
			}
		);

		expect( calls ).toEqual( [
			[
				'identify',
				{ segment: 'rules', plan: 'server', email: 'a@example.org' },
			],
			[ 'showExperience', 'experience-42', true ],
			[ 'open' ],
			[ 'page' ],
		] );
		expect( events ).toEqual( [
			{
				type: IDENTIFY_EVENT,
				detail: {
					fields: {
						segment: 'rules',
						plan: 'server',
						email: 'a@example.org',
					},
				},
			},
			{
				type: EXPERIENCE_EVENT,
				detail: {
					rule: 'pricing',
					action: 'showExperience',
					experience: 'experience-42',
					startCollapsed: true,
				},
			},
			{
				type: EXPERIENCE_EVENT,
				detail: { rule: 'open', action: 'open' },
			},
		] );
	} );

	it( 'applies the per-post override before the rules', () => {
		start(
			config(
				[
					{
						id: 'pricing',
						when: [],
						then: {
							action: 'showExperience',
							experience: 'experience-1',
						},
					},
				],
				{ override: { experience: 'experience-9', open: true } }
			)
		);
		expect( calls ).toEqual( [
			[ 'showExperience', 'experience-9', false ],
			[ 'open' ],
		] );
		expect( experienceEvents() ).toEqual( [
			{
				rule: null,
				action: 'showExperience',
				experience: 'experience-9',
				startCollapsed: false,
			},
			{ rule: null, action: 'open' },
		] );
	} );

	it( 'measures the rules evaluation', () => {
		start( config( [] ) );
		expect( performance.measure ).toHaveBeenCalledWith( RULES_MEASURE, {
			start: expect.any( Number ),
		} );
		expect( RULES_MEASURE ).toBe( 'qualified-integration:rules' );
	} );

	it( 'decides the device from the pointer', () => {
		const rules = [
			{
				id: 'phones',
				when: [ { type: 'device', value: 'mobile' } ],
				then: { action: 'open' },
			},
		];
		start( config( rules ) );
		expect( calls ).toEqual( [] );

		win.matchMedia = jest.fn( ( query: string ) => ( {
			matches: query === '(pointer: coarse)',
		} ) ) as unknown as Window[ 'matchMedia' ];
		start( config( rules ) );
		expect( calls ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'decides a schedule in the site timezone', () => {
		const rules = [
			{
				id: 'office-hours',
				when: [
					{
						type: 'schedule',
						days: [ 'mon' ],
						from: '11:00',
						to: '13:00',
					},
				],
				then: { action: 'open' },
			},
		];
		start( config( rules, { timezone: 'UTC' } ) );
		expect( calls ).toEqual( [] );
		start( config( rules, { timezone: 'Europe/Paris' } ) ); // 12:00 there.
		expect( calls ).toEqual( [ [ 'open' ] ] );
	} );
} );

describe( 'the held vendor script', () => {
	it( 'is added once, async, when no hide applies', () => {
		start(
			config( [
				{
					id: 'hide-docs',
					when: [ { type: 'path', op: 'prefix', value: '/docs/' } ],
					then: { action: 'hide' },
				},
			] ),
			HELD
		);
		const scripts = vendorScripts();
		expect( scripts ).toHaveLength( 1 );
		expect( scripts[ 0 ]?.async ).toBe( true );
		expect( scripts[ 0 ]?.parentNode ).toBe( document.head );
	} );

	it( 'stays out, with no calls at all, when a hide applies', () => {
		const onReady = jest.fn();
		document.addEventListener( READY_EVENT, onReady );
		start(
			config( [
				{
					id: 'tag',
					when: [],
					then: { action: 'identify', fields: { a: 'b' } },
				},
				{
					id: 'no-chat',
					when: [ { type: 'path', op: 'glob', value: '/pri*' } ],
					then: { action: 'hide' },
				},
				{ id: 'open', when: [], then: { action: 'open' } },
				{
					id: 'later',
					when: [ { type: 'time_on_page', seconds: 1 } ],
					then: { action: 'open' },
				},
			] ),
			{
				...HELD,
				calls: [ [ 'open' ] ],
				identity: { fields: { email: 'a@example.org' }, browser: [] },
			}
		);
		jest.advanceTimersByTime( 5000 );
		document.removeEventListener( READY_EVENT, onReady );

		expect( vendorScripts() ).toHaveLength( 0 );
		expect( calls ).toEqual( [] );
		expect( experienceEvents() ).toEqual( [
			{ rule: 'no-chat', action: 'hide' },
		] );
		expect( onReady ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'is never added when PHP did not hold it', () => {
		start(
			config( [ { id: 'open', when: [], then: { action: 'open' } } ] )
		);
		expect( document.querySelectorAll( 'script' ) ).toHaveLength( 0 );
	} );
} );

describe( 'timed rules', () => {
	it( 'open after N seconds, once per page view', () => {
		start(
			config( [
				{
					id: 'demo',
					when: [ { type: 'time_on_page', seconds: 30 } ],
					then: { action: 'open' },
				},
			] )
		);
		jest.advanceTimersByTime( 29_000 );
		expect( calls ).toEqual( [] );
		jest.advanceTimersByTime( 1_000 );
		expect( calls ).toEqual( [ [ 'open' ] ] );
		expect( experienceEvents() ).toEqual( [
			{ rule: 'demo', action: 'open' },
		] );
		jest.advanceTimersByTime( 120_000 );
		expect( calls ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'reach qualified.js when it replaced the stub after the runtime started', () => {
		delete win.qualified;
		start(
			config( [
				{
					id: 'demo',
					when: [ { type: 'time_on_page', seconds: 2 } ],
					then: { action: 'open' },
				},
			] )
		);
		const stub = win.qualified as unknown as { q?: unknown[] };
		// qualified.js arrives: it drains the stub's queue and takes its place.
		const queued = stub.q ?? [];
		win.qualified = ( ...args: unknown[] ) => {
			calls.push( args );
		};
		jest.advanceTimersByTime( 2_000 );
		expect( queued ).toEqual( [] );
		expect( calls ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'follow scroll depth through a passive, throttled listener', () => {
		Object.defineProperty( document.documentElement, 'scrollHeight', {
			configurable: true,
			value: 3000,
		} );
		Object.defineProperty( window, 'innerHeight', {
			configurable: true,
			value: 1000,
		} );
		const scrollTo = ( y: number ) => {
			Object.defineProperty( window, 'scrollY', {
				configurable: true,
				value: y,
			} );
			window.dispatchEvent( new Event( 'scroll' ) );
		};
		start(
			config( [
				{
					id: 'deep',
					when: [ { type: 'scroll', percent: 50 } ],
					then: {
						action: 'showExperience',
						experience: 'experience-5',
					},
				},
			] )
		);
		expect( window.addEventListener ).toHaveBeenCalledWith(
			'scroll',
			expect.any( Function ),
			{ passive: true }
		);

		scrollTo( 400 ); // 20 %
		jest.advanceTimersByTime( 100 );
		expect( calls ).toEqual( [] );
		scrollTo( 900 );
		scrollTo( 1000 ); // 50 %, within the same 100 ms
		scrollTo( 1200 );
		expect( calls ).toEqual( [] );
		jest.advanceTimersByTime( 100 );
		expect( calls ).toEqual( [
			[ 'showExperience', 'experience-5', false ],
		] );
		expect( window.removeEventListener ).toHaveBeenCalledWith(
			'scroll',
			expect.any( Function )
		);

		scrollTo( 2000 );
		jest.advanceTimersByTime( 1000 );
		expect( calls ).toHaveLength( 1 );
		delete ( document.documentElement as { scrollHeight?: number } )
			.scrollHeight;
	} );

	it( 'take the decision only if it is still free', () => {
		start(
			config( [
				{
					id: 'late',
					when: [ { type: 'time_on_page', seconds: 5 } ],
					then: {
						action: 'showExperience',
						experience: 'experience-2',
					},
				},
				{
					id: 'now',
					when: [],
					then: {
						action: 'showExperience',
						experience: 'experience-1',
					},
				},
			] )
		);
		jest.advanceTimersByTime( 10_000 );
		expect( calls ).toEqual( [
			[ 'showExperience', 'experience-1', false ],
		] );
	} );

	it( 'identify later only the fields not sent yet', () => {
		start(
			config( [
				{
					id: 'now',
					when: [],
					then: { action: 'identify', fields: { a: '1' } },
				},
				{
					id: 'later',
					when: [ { type: 'time_on_page', seconds: 5 } ],
					then: { action: 'identify', fields: { a: '2', b: '3' } },
				},
			] ),
			{ identity: { fields: { email: 'a@example.org' }, browser: [] } }
		);
		jest.advanceTimersByTime( 5_000 );
		expect( calls ).toEqual( [
			[ 'identify', { a: '1', email: 'a@example.org' } ],
			[ 'identify', { b: '3' } ],
		] );
	} );
} );

describe( 'oncePerVisit', () => {
	const rules = [
		{
			id: 'welcome',
			once: true,
			when: [],
			then: { action: 'showExperience', experience: 'experience-3' },
		},
		{ id: 'always', when: [], then: { action: 'open' } },
		{
			id: 'later',
			once: true,
			when: [ { type: 'time_on_page', seconds: 2 } ],
			then: { action: 'identify', fields: { seen: 'yes' } },
		},
	];

	it( 'fires a rule once in the visit, also a timed one', () => {
		start( config( rules ) );
		jest.advanceTimersByTime( 2_000 );
		expect(
			JSON.parse( window.sessionStorage.getItem( FIRED_KEY ) || '' )
		).toEqual( [ 'welcome', 'later' ] );

		calls = [];
		start( config( rules ) ); // The next page of the visit.
		jest.advanceTimersByTime( 2_000 );
		expect( calls ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'leaves storage unread when no rule of the page is limited to once per visit', () => {
		const read = jest.spyOn( Storage.prototype, 'getItem' );
		start( config( rules.slice( 1, 2 ) ) );
		expect( calls ).toEqual( [ [ 'open' ] ] );
		expect( read ).not.toHaveBeenCalledWith( FIRED_KEY );

		start( config( rules.slice( 0, 1 ) ) );
		expect( read ).toHaveBeenCalledWith( FIRED_KEY );
	} );

	it( 'fires every time when storage is blocked, without an error', () => {
		const bare = () =>
			blockedStorageWindow< RuntimeWindow >( {
				qualified: ( ...args: unknown[] ) => {
					calls.push( args );
				},
				qualifiedIntegrationConfig: {
					calls: [],
					experiences: config( rules.slice( 0, 1 ) ),
				},
				location: {
					href: 'https://example.org/',
					search: '',
					pathname: '/',
				},
				addEventListener: () => undefined,
				removeEventListener: () => undefined,
			} );
		expect( () => run( bare(), document ) ).not.toThrow();
		expect( () => run( bare(), document ) ).not.toThrow();
		expect( methods() ).toEqual( [ 'showExperience', 'showExperience' ] );
	} );
} );

describe( 'SPA navigation', () => {
	const rules = [
		{
			id: 'pricing',
			when: [ { type: 'path', op: 'equals', value: '/pricing/' } ],
			then: { action: 'showExperience', experience: 'experience-1' },
		},
		{
			id: 'docs',
			when: [ { type: 'path', op: 'prefix', value: '/docs/' } ],
			then: { action: 'showExperience', experience: 'experience-2' },
		},
		{
			id: 'tag',
			when: [],
			then: { action: 'identify', fields: { site: 'docs' } },
		},
	];
	const spa = ( more: Record< string, unknown > = {} ) =>
		start( config( rules, { spa: true, ...more } ) );
	const pageCalls = () =>
		calls
			.filter( ( [ method ] ) => method === 'page' )
			.map( ( call ) => call[ 1 ] );

	beforeEach( () => {
		// Record the URL each page call sees, like the fake qualified.js does.
		win.qualified = ( ...args: unknown[] ) => {
			calls.push(
				args[ 0 ] === 'page'
					? [ 'page', window.location.pathname ]
					: args
			);
		};
	} );

	it( 'calls page after pushState and applies the new page’s rules', () => {
		spa();
		expect( calls ).toEqual( [
			[ 'identify', { site: 'docs' } ],
			[ 'showExperience', 'experience-1', false ],
		] );

		const returned = window.history.pushState(
			{ step: 2 },
			'',
			'/docs/setup/'
		);
		expect( returned ).toBeUndefined();
		expect( window.location.pathname ).toBe( '/docs/setup/' );
		expect( window.history.state ).toEqual( { step: 2 } );
		jest.advanceTimersByTime( 99 );
		expect( pageCalls() ).toEqual( [] );
		jest.advanceTimersByTime( 1 );

		expect( calls.slice( 2 ) ).toEqual( [
			[ 'page', '/docs/setup/' ],
			[ 'showExperience', 'experience-2', false ],
		] );
		expect( experienceEvents() ).toEqual( [
			expect.objectContaining( { rule: 'pricing' } ),
			expect.objectContaining( { rule: 'docs' } ),
		] );
	} );

	it( 'debounces a burst into one navigation, and ignores an unchanged URL', () => {
		spa();
		window.history.replaceState( null, '', '/pricing/' );
		jest.advanceTimersByTime( 500 );
		expect( pageCalls() ).toEqual( [] );

		window.history.pushState( null, '', '/a/' );
		jest.advanceTimersByTime( 50 );
		window.history.replaceState( null, '', '/b/' );
		jest.advanceTimersByTime( 50 );
		window.history.pushState( null, '', '/docs/x/' );
		jest.advanceTimersByTime( 500 );
		expect( pageCalls() ).toEqual( [ '/docs/x/' ] );
	} );

	it( 'follows popstate and hashchange', () => {
		spa();
		originalHistory.pushState.call(
			window.history,
			null,
			'',
			'/docs/back/'
		);
		window.dispatchEvent( new PopStateEvent( 'popstate' ) );
		jest.advanceTimersByTime( 100 );
		originalHistory.pushState.call(
			window.history,
			null,
			'',
			'/docs/back/#part'
		);
		window.dispatchEvent( new HashChangeEvent( 'hashchange' ) );
		jest.advanceTimersByTime( 100 );
		expect( pageCalls() ).toEqual( [ '/docs/back/', '/docs/back/' ] );
	} );

	it( 're-arms timed rules and resets open for the new page view', () => {
		start(
			config(
				[
					{
						id: 'nudge',
						when: [ { type: 'time_on_page', seconds: 10 } ],
						then: { action: 'open' },
					},
				],
				{ spa: true }
			)
		);
		jest.advanceTimersByTime( 10_000 );
		expect( methods() ).toEqual( [ 'open' ] );

		window.history.pushState( null, '', '/next/' );
		jest.advanceTimersByTime( 100 );
		jest.advanceTimersByTime( 9_000 );
		expect( methods() ).toEqual( [ 'open', 'page' ] );
		jest.advanceTimersByTime( 1_000 );
		expect( methods() ).toEqual( [ 'open', 'page', 'open' ] );
	} );

	it( 'sends identify again only with new values', () => {
		spa( {
			rules: [
				{
					id: 'docs',
					when: [ { type: 'path', op: 'prefix', value: '/docs/' } ],
					then: { action: 'identify', fields: { area: 'docs' } },
				},
				{
					id: 'tag',
					when: [],
					then: {
						action: 'identify',
						fields: { area: 'site', site: 'x' },
					},
				},
			],
		} );
		window.history.pushState( null, '', '/about/' );
		jest.advanceTimersByTime( 100 );
		window.history.pushState( null, '', '/docs/a/' );
		jest.advanceTimersByTime( 100 );
		expect(
			calls.filter( ( [ method ] ) => method === 'identify' )
		).toEqual( [
			[ 'identify', { area: 'site', site: 'x' } ],
			[ 'identify', { area: 'docs' } ],
		] );
	} );

	it( 'keeps the override to the page PHP rendered', () => {
		spa( { override: { experience: 'experience-9' } } );
		window.history.pushState( null, '', '/docs/x/' );
		jest.advanceTimersByTime( 100 );
		expect(
			calls.filter( ( [ method ] ) => method === 'showExperience' )
		).toEqual( [
			[ 'showExperience', 'experience-9', false ],
			[ 'showExperience', 'experience-2', false ],
		] );
	} );

	it( 'adds the held vendor script once, when a later page is not hidden', () => {
		start(
			config(
				[
					{
						id: 'no-chat',
						when: [
							{ type: 'path', op: 'equals', value: '/pricing/' },
						],
						then: { action: 'hide' },
					},
				],
				{ spa: true }
			),
			HELD
		);
		expect( vendorScripts() ).toHaveLength( 0 );
		window.history.pushState( null, '', '/docs/' );
		jest.advanceTimersByTime( 100 );
		window.history.pushState( null, '', '/docs/more/' );
		jest.advanceTimersByTime( 100 );
		expect( vendorScripts() ).toHaveLength( 1 );
	} );

	it( 'leaves history alone without spa', () => {
		start( config( rules ) );
		expect( window.history.pushState ).toBe( originalHistory.pushState );
		window.history.pushState( null, '', '/docs/' );
		jest.advanceTimersByTime( 500 );
		expect( pageCalls() ).toEqual( [] );
	} );
} );

describe( 'errors', () => {
	it( 'never reach the page, not even from a throwing qualified()', () => {
		win.qualified = () => {
			throw new Error( 'vendor broke' );
		};
		expect( () =>
			start(
				config(
					[
						{
							id: 'open',
							when: [ { type: 'time_on_page', seconds: 1 } ],
							then: { action: 'open' },
						},
					],
					{
						spa: true,
					}
				)
			)
		).not.toThrow();
		expect( () => jest.advanceTimersByTime( 1_000 ) ).not.toThrow();
		window.history.pushState( null, '', '/docs/' );
		expect( () => jest.advanceTimersByTime( 2_000 ) ).not.toThrow();
	} );

	it.each( [
		[
			'rules of the wrong shape',
			{
				rules: [
					{ id: 1 },
					{ when: 'x' },
					{ id: 'a', when: [ 7 ], then: {} },
				],
			},
		],
		[
			'an override that is a list',
			{ rules: [], override: [ 'experience-1' ] },
		],
		[
			'a bad timezone',
			{
				timezone: 'Nowhere',
				rules: [
					{
						id: 's',
						when: [
							{
								type: 'schedule',
								days: [ 'mon' ],
								from: '00:00',
								to: '23:00',
							},
						],
						then: { action: 'open' },
					},
				],
			},
		],
	] )( 'are swallowed with %s', ( _label, experiences ) => {
		expect( () => start( experiences ) ).not.toThrow();
		expect( calls ).toEqual( [] );
	} );
} );
