/**
 * Internal dependencies
 */
import { startButtons, type ButtonWindow } from '../../src/frontend/buttons';
import { vendorLoader, type LoadingWindow } from '../../src/frontend/loading';
import {
	installQueue,
	type QualifiedFunction,
	type QualifiedWindow,
} from '../../src/frontend/qualified';
import { run, type RuntimeWindow } from '../../src/frontend/runtime';

type TestWindow = ButtonWindow &
	LoadingWindow &
	QualifiedWindow & {
		loadListeners: Array< () => void >;
		assigned: string[];
	};

/**
 * A window whose load event the test fires, whose navigation is recorded,
 * with the inline stub in place.
 */
function testWindow(): TestWindow {
	const win: TestWindow = {
		loadListeners: [],
		assigned: [],
		addEventListener: ( ( type: string, listener: () => void ) => {
			if ( type === 'load' ) {
				win.loadListeners.push( listener );
			}
		} ) as Window[ 'addEventListener' ],
		removeEventListener: () => undefined,
		location: {
			assign: ( url: string ) => {
				win.assigned.push( url );
			},
		},
	};
	installQueue( win );
	return win;
}

const queued = ( win: QualifiedWindow ) =>
	( win.qualified?.q ?? [] ).map( ( args ) => Array.from( args ) );

/**
 * The vendor script arrives: it replaces the stub and drains its queue.
 * @param win
 */
function vendorArrives( win: TestWindow ): unknown[][] {
	const calls: unknown[][] = queued( win );
	const vendor: QualifiedFunction = ( ...args ) => {
		calls.push( args );
	};
	win.qualified = vendor;
	return calls;
}

const pageLoads = ( win: TestWindow ) =>
	win.loadListeners.forEach( ( listener ) => listener() );

// A fresh document per test: a document keeps the listeners of earlier tests.
let doc: Document;

function freshDocument( html: string, readyState: DocumentReadyState ) {
	doc = document.implementation.createHTMLDocument();
	doc.body.innerHTML = html;
	Object.defineProperty( doc, 'readyState', {
		configurable: true,
		get: () => readyState,
	} );
	return doc;
}

function setUp( html: string, spy?: ( doc: Document ) => void ) {
	freshDocument( html, 'interactive' );
	spy?.( doc );
	const win = testWindow();
	const qualified: QualifiedFunction = ( ...args ) =>
		win.qualified!( ...args );
	startButtons( win, doc, qualified, vendorLoader( win, doc ) );
	return win;
}

const click = ( selector: string ) => {
	const event = new MouseEvent( 'click', {
		bubbles: true,
		cancelable: true,
	} );
	doc.querySelector( selector )!.dispatchEvent( event );
	return event;
};

const press = ( selector: string, key: string ) => {
	const event = new KeyboardEvent( 'keydown', {
		key,
		bubbles: true,
		cancelable: true,
	} );
	doc.querySelector( selector )!.dispatchEvent( event );
	return event;
};

const BLOCK = ( inner: string, hidden = false ) =>
	`<div class="wp-block-qualified-integration-button"${
		hidden ? ' hidden' : ''
	}>${ inner }</div>`;

afterEach( () => {
	jest.restoreAllMocks();
} );

describe( 'chat buttons', () => {
	it( 'starts the Experience a button names, queued before qualified.js arrives', () => {
		const win = setUp(
			BLOCK(
				'<a id="b" class="wp-block-button__link qualified-open" href="/contact/" data-qualified-experience="experience-123">Talk to sales</a>'
			)
		);

		const event = click( '#b' );

		expect( event.defaultPrevented ).toBe( true );
		expect( queued( win ) ).toEqual( [
			[ 'showExperience', 'experience-123' ],
		] );
		expect( vendorArrives( win ) ).toEqual( [
			[ 'showExperience', 'experience-123' ],
		] );
	} );

	it( 'opens the messenger when no Experience or an invalid one is named', () => {
		const win = setUp(
			'<button id="a" class="qualified-open">Chat</button>' +
				'<a id="b" class="qualified-open" href="#" data-qualified-experience="experience-1&quot;&gt;&lt;img&gt;">Chat</a>' +
				'<a id="c" class="qualified-open" href="#" data-qualified-experience="javascript:alert(1)">Chat</a>'
		);

		click( '#a' );
		click( '#b' );
		click( '#c' );

		expect( queued( win ) ).toEqual( [
			[ 'open' ],
			[ 'open' ],
			[ 'open' ],
		] );
	} );

	it( 'calls the vendor at once after it arrived', () => {
		const win = setUp(
			'<button id="a" class="qualified-open">Chat</button>'
		);
		const calls = vendorArrives( win );

		click( '#a' );

		expect( calls ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'serves a menu item: the class on the <li>, the click on its link', () => {
		const win = setUp(
			'<ul><li class="menu-item qualified-open"><a id="m" href="/contact/">Chat</a></li></ul>'
		);

		const event = click( '#m' );

		expect( event.defaultPrevented ).toBe( true );
		expect( queued( win ) ).toEqual( [ [ 'open' ] ] );
		expect(
			doc.querySelector( '#m' )!.getAttribute( 'aria-haspopup' )
		).toBe( 'dialog' );
		expect( doc.querySelector( 'li' )!.hasAttribute( 'role' ) ).toBe(
			false
		);
	} );

	it( 'makes other elements keyboard buttons: role, tabindex, Enter and Space', () => {
		const win = setUp( '<span id="s" class="qualified-open">Chat</span>' );
		const span = doc.querySelector< HTMLElement >( '#s' )!;

		expect( span.getAttribute( 'role' ) ).toBe( 'button' );
		expect( span.tabIndex ).toBe( 0 );
		expect( span.getAttribute( 'aria-haspopup' ) ).toBe( 'dialog' );

		expect( press( '#s', 'Enter' ).defaultPrevented ).toBe( true );
		// Space must not scroll the page either.
		expect( press( '#s', ' ' ).defaultPrevented ).toBe( true );
		expect( press( '#s', 'a' ).defaultPrevented ).toBe( false );

		expect( queued( win ) ).toEqual( [ [ 'open' ], [ 'open' ] ] );
	} );

	it( 'leaves the keys of links and buttons to the browser (their Enter is a click)', () => {
		const win = setUp(
			'<a id="l" class="qualified-open" href="#">Chat</a><button id="b" class="qualified-open">Chat</button>'
		);

		expect( press( '#l', 'Enter' ).defaultPrevented ).toBe( false );
		expect( press( '#b', ' ' ).defaultPrevented ).toBe( false );
		expect( queued( win ) ).toEqual( [] );
	} );

	it( 'binds one listener per event type on the document for 500 buttons, and none on them', () => {
		const html = Array.from(
			{ length: 500 },
			( _, i ) =>
				`<a class="qualified-open" href="#" id="b${ i }" data-qualified-experience="experience-${ i + 1 }">Chat</a>`
		).join( '' );
		let onDocument: jest.SpyInstance | undefined;
		const onElements = jest.spyOn(
			HTMLElement.prototype,
			'addEventListener'
		);

		const win = setUp( html, ( page ) => {
			onDocument = jest.spyOn( page, 'addEventListener' );
		} );

		// (The test environment itself adds mouseover/mouseout listeners to a new document.)
		expect(
			onDocument!.mock.calls
				.map( ( [ type ] ) => type )
				.filter( ( type ) => ! /^mouse(over|out)$/.test( type ) )
		).toEqual( [ 'click', 'keydown' ] );
		expect( onElements ).not.toHaveBeenCalled();
		click( '#b499' );
		click( '#b0' );
		expect( queued( win ) ).toEqual( [
			[ 'showExperience', 'experience-500' ],
			[ 'showExperience', 'experience-1' ],
		] );
	} );

	it( 'serves buttons added after it started', () => {
		const win = setUp( '' );
		doc.body.innerHTML =
			'<button id="late" class="qualified-open">Chat</button>';

		click( '#late' );

		expect( queued( win ) ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'reveals buttons saved without a fallback, and hides them again when qualified.js never arrives', () => {
		const win = setUp(
			BLOCK( '<button id="b" class="qualified-open">Chat</button>', true )
		);
		const wrapper = doc.querySelector< HTMLElement >(
			'.wp-block-qualified-integration-button'
		)!;

		expect( wrapper.hidden ).toBe( false );
		pageLoads( win );
		expect( wrapper.hidden ).toBe( true );
	} );

	it( 'keeps buttons revealed when qualified.js arrived by the load event', () => {
		const win = setUp(
			BLOCK( '<button id="b" class="qualified-open">Chat</button>', true )
		);

		vendorArrives( win );
		pageLoads( win );

		expect(
			doc.querySelector< HTMLElement >(
				'.wp-block-qualified-integration-button'
			)!.hidden
		).toBe( false );
	} );

	it( 'follows the fallback link of a click made before qualified.js failed, and plain links after', () => {
		const win = setUp(
			BLOCK(
				'<a id="b" class="qualified-open" href="https://example.org/contact/">Chat</a>'
			)
		);

		click( '#b' );
		expect( win.assigned ).toEqual( [] );
		pageLoads( win );
		expect( win.assigned ).toEqual( [ 'https://example.org/contact/' ] );

		// Now a plain link: the browser follows it, nothing is queued.
		const event = click( '#b' );
		expect( event.defaultPrevented ).toBe( false );
		expect( queued( win ) ).toEqual( [ [ 'open' ] ] );
	} );

	it( 'does not navigate when the click came after qualified.js arrived', () => {
		const win = setUp(
			'<a id="b" class="qualified-open" href="https://example.org/contact/">Chat</a>'
		);
		vendorArrives( win );

		click( '#b' );
		pageLoads( win );

		expect( win.assigned ).toEqual( [] );
	} );

	it( 'decides at once when the page had loaded before the runtime ran', () => {
		freshDocument(
			BLOCK( '<button class="qualified-open">Chat</button>', true ),
			'complete'
		);
		const win = testWindow();

		startButtons( win, doc, win.qualified!, vendorLoader( win, doc ) );

		expect(
			doc.querySelector< HTMLElement >(
				'.wp-block-qualified-integration-button'
			)!.hidden
		).toBe( true );
	} );
} );

describe( 'chat buttons and forms in the runtime', () => {
	const PAGE =
		BLOCK( '<button id="b" class="qualified-open">Chat</button>', true ) +
		'<a id="l" class="qualified-open" href="/contact/">Chat</a>' +
		'<input id="f" data-qualified-field="email">';

	function runOn( experiences: unknown ) {
		// jsdom has no performance.measure; the rules' measure is not under test here.
		performance.measure = jest.fn() as unknown as Performance[ 'measure' ];
		freshDocument( PAGE, 'interactive' );
		const win = {
			...testWindow(),
			location: {
				href: 'https://example.org/pricing/',
				search: '',
				pathname: '/pricing/',
			},
			removeEventListener: () => undefined,
			qualifiedIntegrationConfig: { calls: [], experiences },
		};
		installQueue( win );
		run( win as unknown as RuntimeWindow, doc );
		return win;
	}

	it( 'makes buttons live and asks getIdentity where Qualified is on', () => {
		const win = runOn( undefined );

		expect( queued( win ).map( ( [ method ] ) => method ) ).toEqual( [
			'getIdentity',
			'handleEvents',
		] );
		expect(
			doc.querySelector< HTMLElement >(
				'.wp-block-qualified-integration-button'
			)!.hidden
		).toBe( false );
		expect( click( '#l' ).defaultPrevented ).toBe( true );
	} );

	it( 'leaves buttons plain (links) or hidden and asks nothing where a rule hides Qualified', () => {
		const win = runOn( {
			spa: false,
			rules: [ { id: 'no-chat', when: [], then: { action: 'hide' } } ],
			timezone: 'UTC',
		} );

		expect( queued( win ) ).toEqual( [] );
		expect(
			doc.querySelector< HTMLElement >(
				'.wp-block-qualified-integration-button'
			)!.hidden
		).toBe( true );
		expect( click( '#l' ).defaultPrevented ).toBe( false );
		expect( click( '#b' ).defaultPrevented ).toBe( false );
		expect( queued( win ) ).toEqual( [] );
	} );
} );
