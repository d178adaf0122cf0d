/**
 * The loading strategies in the runtime, on jsdom's real window with fake
 * timers: when qualified.js is added, that queued calls survive until it
 * arrives, chat buttons before it, and the consent gate (WP Consent API
 * and the JS hook).
 */
import { CONSENT_API_EVENT, CONSENT_EVENT } from '../../src/frontend/consent';
import { IDLE_TIMEOUT_MS, LOAD_EVENT } from '../../src/frontend/loading';
import {
	READY_EVENT,
	run,
	type RuntimeWindow,
} from '../../src/frontend/runtime';
import type { QualifiedFunction } from '../../src/frontend/qualified';

type Win = RuntimeWindow & Window;
const win = window as unknown as Win;
const SRC = 'https://js.qualified.com/qualified.js?token=Abc123';

let listeners: Parameters< Window[ 'addEventListener' ] >[];
let docListeners: Parameters< Document[ 'addEventListener' ] >[];
let loads: unknown[];
let readyState: DocumentReadyState;
const onLoad = ( event: Event ) =>
	loads.push( ( event as CustomEvent ).detail );

beforeEach( () => {
	jest.useFakeTimers();
	listeners = [];
	docListeners = [];
	loads = [];
	readyState = 'interactive';
	jest.spyOn( document, 'readyState', 'get' ).mockImplementation(
		() => readyState
	);
	const add = window.addEventListener.bind( window );
	jest.spyOn( window, 'addEventListener' ).mockImplementation(
		( ...args: Parameters< Window[ 'addEventListener' ] > ) => {
			listeners.push( args );
			add( ...args );
		}
	);
	const addDoc = document.addEventListener.bind( document );
	jest.spyOn( document, 'addEventListener' ).mockImplementation(
		( ...args: Parameters< Document[ 'addEventListener' ] > ) => {
			docListeners.push( args );
			addDoc( ...args );
		}
	);
	document.addEventListener( LOAD_EVENT, onLoad );
	delete win.qualified;
} );

afterEach( () => {
	for ( const args of listeners ) {
		window.removeEventListener( args[ 0 ], args[ 1 ], args[ 2 ] );
	}
	for ( const args of docListeners ) {
		document.removeEventListener( args[ 0 ], args[ 1 ], args[ 2 ] );
	}
	jest.restoreAllMocks();
	delete win.qualified;
	delete win.qualifiedIntegrationConfig;
	delete win.qualifiedIntegration;
	delete win.wp_has_consent;
	( win as { requestIdleCallback?: unknown } ).requestIdleCallback =
		undefined;
	document.head.innerHTML = '';
	document.body.innerHTML = '';
	jest.useRealTimers();
} );

/**
 * Runs the runtime with a loading part (and other parts).
 *
 * @param loading The page config's `loading` part.
 * @param rest    Other parts of the page config.
 */
function start(
	loading: Record< string, unknown >,
	rest: Record< string, unknown > = {}
) {
	win.qualifiedIntegrationConfig = {
		calls: [],
		...rest,
		loading: { src: SRC, ...loading },
	};
	return run( win, document );
}

const vendorScripts = () =>
	Array.from( document.querySelectorAll( 'script' ) ).filter(
		( script ) => script.src === SRC
	);

const queued = () =>
	Array.from( win.qualified?.q ?? [] ).map( ( args ) => Array.from( args ) );

/** The window's load event (the spied readyState says complete from now on). */
function pageLoads() {
	readyState = 'complete';
	window.dispatchEvent( new Event( 'load' ) );
}

/**
 * qualified.js runs: it replaces the stub and drains the queue, as the vendor script does.
 *
 * @return The calls it received, queued ones first.
 */
function vendorRuns(): unknown[][] {
	const calls = queued();
	const vendor: QualifiedFunction = ( ...args ) => {
		calls.push( args );
	};
	win.qualified = vendor;
	vendorScripts()[ 0 ]?.dispatchEvent( new Event( 'load' ) );
	return calls;
}

describe( 'idle', () => {
	it( 'adds qualified.js after the load event, in an idle callback with a timeout', () => {
		const idle = jest.fn();
		win.requestIdleCallback = idle;
		start( { strategy: 'idle' }, { calls: [ [ 'open' ] ] } );

		expect( vendorScripts() ).toHaveLength( 0 );
		expect( queued() ).toEqual( [ [ 'open' ] ] );
		pageLoads();
		expect( vendorScripts() ).toHaveLength( 0 );
		expect( idle ).toHaveBeenCalledWith( expect.any( Function ), {
			timeout: IDLE_TIMEOUT_MS,
		} );

		idle.mock.calls[ 0 ][ 0 ]();
		const scripts = vendorScripts();
		expect( scripts ).toHaveLength( 1 );
		expect( scripts[ 0 ]!.async ).toBe( true );
		expect( loads ).toEqual( [ { strategy: 'idle' } ] );
		expect( vendorRuns() ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'falls back to a timer where requestIdleCallback is missing', () => {
		start( { strategy: 'idle' } );
		pageLoads();
		expect( vendorScripts() ).toHaveLength( 0 );
		jest.runOnlyPendingTimers();
		expect( vendorScripts() ).toHaveLength( 1 );
	} );

	it( 'waits for idle even when the page had loaded before the runtime ran', () => {
		readyState = 'complete';
		const idle = jest.fn();
		win.requestIdleCallback = idle;
		start( { strategy: 'idle' } );
		expect( idle ).toHaveBeenCalledTimes( 1 );
		expect( vendorScripts() ).toHaveLength( 0 );
	} );
} );

describe( 'interaction', () => {
	it.each( [ 'scroll', 'pointerdown', 'keydown', 'touchstart' ] )(
		'adds qualified.js at the first %s, once',
		( type ) => {
			start( { strategy: 'interaction' } );
			pageLoads();
			jest.advanceTimersByTime( 600_000 );
			expect( vendorScripts() ).toHaveLength( 0 );

			window.dispatchEvent( new Event( type ) );
			window.dispatchEvent( new Event( 'scroll' ) );
			document.body.dispatchEvent(
				new Event( 'keydown', { bubbles: true } )
			);
			expect( vendorScripts() ).toHaveLength( 1 );
			expect( loads ).toHaveLength( 1 );
		}
	);

	it( 'never loads without an interaction and no max delay', () => {
		start( { strategy: 'interaction' }, { calls: [ [ 'open' ] ] } );
		pageLoads();
		jest.advanceTimersByTime( 24 * 3600 * 1000 );
		expect( vendorScripts() ).toHaveLength( 0 );
		expect( queued() ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'loads after maxDelay seconds without an interaction', () => {
		start( { strategy: 'interaction', maxDelay: 5 } );
		jest.advanceTimersByTime( 4999 );
		expect( vendorScripts() ).toHaveLength( 0 );
		jest.advanceTimersByTime( 1 );
		expect( vendorScripts() ).toHaveLength( 1 );
		window.dispatchEvent( new Event( 'scroll' ) );
		expect( vendorScripts() ).toHaveLength( 1 );
	} );

	it( 'listens passively, in the capture phase, and stops listening once loaded', () => {
		start( { strategy: 'interaction' } );
		const added = listeners.filter( ( [ type ] ) =>
			[ 'scroll', 'pointerdown', 'keydown', 'touchstart' ].includes(
				type
			)
		);
		expect( added ).toHaveLength( 4 );
		for ( const [ , , options ] of added ) {
			expect( options ).toEqual( { capture: true, passive: true } );
		}
		const remove = jest.spyOn( window, 'removeEventListener' );
		window.dispatchEvent( new Event( 'touchstart' ) );
		expect( remove ).toHaveBeenCalledTimes( 4 );
	} );
} );

describe( 'chat buttons and rules before qualified.js', () => {
	const BUTTON =
		'<div class="wp-block-qualified-integration-button" hidden><button id="b" class="qualified-open">Chat</button></div>';

	it( 'a click loads it at once and the messenger opens when it runs', () => {
		document.body.innerHTML = BUTTON;
		start( { strategy: 'interaction' } );
		expect(
			document.querySelector< HTMLElement >(
				'.wp-block-qualified-integration-button'
			)!.hidden
		).toBe( false );

		// A click that is not the first interaction the capture listener saw still loads it.
		document.getElementById( 'b' )!.click();
		expect( vendorScripts() ).toHaveLength( 1 );
		expect( vendorRuns() ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'a click on an idle page loads it before the idle moment', () => {
		document.body.innerHTML = BUTTON;
		win.requestIdleCallback = jest.fn();
		start( { strategy: 'idle' } );
		document.getElementById( 'b' )!.click();
		expect( vendorScripts() ).toHaveLength( 1 );
	} );

	it( 'hides the buttons again when the added qualified.js fails', () => {
		document.body.innerHTML = BUTTON;
		start( { strategy: 'interaction' } );
		document.getElementById( 'b' )!.click();
		vendorScripts()[ 0 ]!.dispatchEvent( new Event( 'error' ) );
		expect(
			document.querySelector< HTMLElement >(
				'.wp-block-qualified-integration-button'
			)!.hidden
		).toBe( true );
	} );

	it( 'counts a script that loaded but left the stub in place as failed', () => {
		document.body.innerHTML = BUTTON;
		start( { strategy: 'immediate' } );
		vendorScripts()[ 0 ]!.dispatchEvent( new Event( 'load' ) );
		expect(
			document.querySelector< HTMLElement >(
				'.wp-block-qualified-integration-button'
			)!.hidden
		).toBe( true );
	} );

	it( 'a matching load rule loads it at once, and an open rule too', () => {
		const experiences = ( then: Record< string, unknown > ) => ( {
			spa: false,
			timezone: 'UTC',
			rules: [ { id: 'r', when: [], then } ],
		} );
		start(
			{ strategy: 'interaction' },
			{ experiences: experiences( { action: 'load' } ) }
		);
		expect( vendorScripts() ).toHaveLength( 1 );
		// load makes no call of its own.
		expect( queued() ).toEqual( [] );

		document.head.innerHTML = '';
		delete win.qualified;
		start(
			{ strategy: 'idle' },
			{ experiences: experiences( { action: 'open' } ) }
		);
		expect( vendorScripts() ).toHaveLength( 1 );
	} );

	it( 'a hide rule keeps it out whatever the strategy', () => {
		start(
			{ strategy: 'interaction', maxDelay: 1 },
			{
				experiences: {
					spa: false,
					timezone: 'UTC',
					rules: [
						{ id: 'h', when: [], then: { action: 'hide' } },
						{ id: 'l', when: [], then: { action: 'load' } },
					],
				},
			}
		);
		window.dispatchEvent( new Event( 'scroll' ) );
		jest.advanceTimersByTime( 5000 );
		expect( vendorScripts() ).toHaveLength( 0 );
	} );
} );

describe( 'consent', () => {
	const ready = jest.fn();
	beforeEach( () => {
		ready.mockReset();
		document.addEventListener( READY_EVENT, ready );
	} );

	it( 'runs nothing before consent: no call, no button, no qualified.js', () => {
		document.body.innerHTML =
			'<div class="wp-block-qualified-integration-button" hidden><button class="qualified-open">Chat</button></div>';
		start(
			{ strategy: 'consent', category: 'marketing' },
			{
				calls: [ [ 'open' ] ],
				identity: { fields: { email: 'a@example.org' }, browser: [] },
			}
		);
		pageLoads();
		jest.advanceTimersByTime( 60_000 );
		expect( vendorScripts() ).toHaveLength( 0 );
		expect( queued() ).toEqual( [] );
		expect( ready ).not.toHaveBeenCalled();
		expect(
			document.querySelector< HTMLElement >(
				'.wp-block-qualified-integration-button'
			)!.hidden
		).toBe( true );
	} );

	it( 'starts on grantConsent() without a reload, once', () => {
		start(
			{ strategy: 'consent', category: 'marketing' },
			{
				calls: [ [ 'open' ] ],
			}
		);
		win.qualifiedIntegration!.grantConsent!();
		win.qualifiedIntegration!.grantConsent!();
		expect( vendorScripts() ).toHaveLength( 1 );
		expect( ready ).toHaveBeenCalledTimes( 1 );
		expect( vendorRuns() ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'starts on the qualified-integration:consent event', () => {
		start( { strategy: 'consent', category: 'marketing' } );
		document.dispatchEvent(
			new CustomEvent( CONSENT_EVENT, { detail: { granted: false } } )
		);
		expect( vendorScripts() ).toHaveLength( 0 );
		document.dispatchEvent(
			new CustomEvent( CONSENT_EVENT, { detail: { granted: true } } )
		);
		expect( vendorScripts() ).toHaveLength( 1 );
	} );

	it( 'starts at once when a banner said yes before the runtime ran', () => {
		win.qualifiedIntegration = { consent: true };
		start( { strategy: 'consent', category: 'marketing' } );
		expect( vendorScripts() ).toHaveLength( 1 );
	} );

	it( 'asks the WP Consent API for the chosen category, now and at the load event', () => {
		const asked: string[] = [];
		let granted = false;
		win.wp_has_consent = ( category: string ) => {
			asked.push( category );
			return granted;
		};
		start( { strategy: 'consent', category: 'statistics' } );
		expect( asked ).toEqual( [ 'statistics' ] );
		expect( vendorScripts() ).toHaveLength( 0 );
		granted = true;
		pageLoads();
		expect( vendorScripts() ).toHaveLength( 1 );
	} );

	it( 'reacts to wp_listen_for_consent_change for its category only', () => {
		start(
			{ strategy: 'consent', category: 'marketing' },
			{
				calls: [ [ 'open' ] ],
			}
		);
		document.dispatchEvent(
			new CustomEvent( CONSENT_API_EVENT, {
				detail: { statistics: 'allow' },
			} )
		);
		expect( vendorScripts() ).toHaveLength( 0 );
		document.dispatchEvent(
			new CustomEvent( CONSENT_API_EVENT, {
				detail: { marketing: 'allow' },
			} )
		);
		expect( vendorScripts() ).toHaveLength( 1 );
		expect( vendorRuns() ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'loses nothing queued by other scripts when consent comes late in the page', () => {
		start( { strategy: 'consent', category: 'marketing' } );
		win.qualified!( 'identify', { plan: 'pro' } );
		jest.advanceTimersByTime( 120_000 );
		win.qualifiedIntegration!.grantConsent!();
		expect( vendorRuns() ).toEqual( [ [ 'identify', { plan: 'pro' } ] ] );
	} );

	it( 'after a revoke makes no new call, drops what is queued, and a later grant waits for the next page', () => {
		document.body.innerHTML =
			'<a id="b" class="qualified-open" href="https://example.org/contact/">Chat</a>';
		start(
			{ strategy: 'consent', category: 'marketing' },
			{
				calls: [ [ 'open' ] ],
			}
		);
		win.qualifiedIntegration!.grantConsent!();
		expect( queued() ).toEqual( [ [ 'open' ] ] );

		document.dispatchEvent(
			new CustomEvent( CONSENT_API_EVENT, {
				detail: { marketing: 'deny' },
			} )
		);
		expect( queued() ).toEqual( [] );

		// The button is a plain link again: the browser follows it, nothing is queued.
		const click = new MouseEvent( 'click', {
			bubbles: true,
			cancelable: true,
		} );
		document.getElementById( 'b' )!.dispatchEvent( click );
		expect( click.defaultPrevented ).toBe( false );
		expect( queued() ).toEqual( [] );

		win.qualifiedIntegration!.grantConsent!();
		expect( queued() ).toEqual( [] );
		expect( vendorScripts() ).toHaveLength( 1 );
	} );
} );
