/**
 * Internal dependencies
 */
import { FORM_IDENTITY_EVENT, startForms } from '../../src/frontend/forms';
import { IDENTITY_EVENTS } from '../../src/shared/events/identity-events';
import names from '../../includes/Settings/event-names.json';

type Callback = ( ...args: unknown[] ) => void;

/**
 * A qualified() that records calls and hands the test the getIdentity and
 * handleEvents callbacks, to answer when (and how) the test likes.
 */
function fakeQualified() {
	const calls: unknown[][] = [];
	const identity: Callback[] = [];
	const events: Callback[] = [];
	const qualified = ( method: string, ...args: unknown[] ) => {
		calls.push( [ method, ...args ] );
		if ( method === 'getIdentity' ) {
			identity.push( args[ 0 ] as Callback );
		}
		if ( method === 'handleEvents' ) {
			events.push( args[ 0 ] as Callback );
		}
	};
	return { calls, identity, events, qualified };
}

function page( html: string ) {
	const doc = document.implementation.createHTMLDocument();
	doc.body.innerHTML = html;
	return doc;
}

const value = ( doc: Document, selector: string ) =>
	( doc.querySelector( selector ) as HTMLInputElement ).value;

describe( 'forms filled from getIdentity', () => {
	it( 'asks nothing on a page without fields', () => {
		const fake = fakeQualified();

		startForms( page( '<input name="email">' ), fake.qualified );

		expect( fake.calls ).toEqual( [] );
	} );

	it( 'fills empty fields by attribute, and by class on the control or its wrapper', () => {
		const doc = page(
			'<input id="a" data-qualified-field="email">' +
				'<input id="b" class="wide qualified-field-company">' +
				'<div class="gfield qualified-field-first_name"><label>First</label><input id="c" type="text"></div>' +
				'<textarea id="d" data-qualified-field="notes"></textarea>' +
				'<select id="e" data-qualified-field="country"><option value="">-</option><option>FR</option></select>'
		);
		const fake = fakeQualified();
		startForms( doc, fake.qualified );

		fake.identity[ 0 ]!( {
			fieldValues: {
				email: 'ada@example.org',
				company: 'Acme',
				first_name: 'Ada',
				notes: 'Hello',
				country: 'FR',
			},
		} );

		expect(
			[ '#a', '#b', '#c', '#d', '#e' ].map( ( s ) => value( doc, s ) )
		).toEqual( [ 'ada@example.org', 'Acme', 'Ada', 'Hello', 'FR' ] );
	} );

	it( 'leaves alone what the visitor typed', () => {
		const doc = page(
			'<input id="a" data-qualified-field="email"><input id="b" data-qualified-field="company">'
		);
		const fake = fakeQualified();
		startForms( doc, fake.qualified );
		( doc.querySelector( '#a' ) as HTMLInputElement ).value =
			'mine@example.org';

		fake.identity[ 0 ]!( {
			fieldValues: { email: 'ada@example.org', company: 'Acme' },
		} );

		expect( value( doc, '#a' ) ).toBe( 'mine@example.org' );
		expect( value( doc, '#b' ) ).toBe( 'Acme' );
	} );

	it( 'tells form plugins with input and change events that bubble', () => {
		const doc = page(
			'<form><input id="a" data-qualified-field="email"></form>'
		);
		const seen: string[] = [];
		for ( const type of [ 'input', 'change' ] ) {
			doc.querySelector( 'form' )!.addEventListener( type, ( event ) =>
				seen.push(
					`${ event.type }:${ ( event.target as HTMLInputElement ).value }`
				)
			);
		}
		const fake = fakeQualified();
		startForms( doc, fake.qualified );

		fake.identity[ 0 ]!( { fieldValues: { email: 'ada@example.org' } } );

		expect( seen ).toEqual( [
			'input:ada@example.org',
			'change:ada@example.org',
		] );
	} );

	it( 'announces the text values as qualified-integration:identity', () => {
		const doc = page( '<input data-qualified-field="email">' );
		const details: unknown[] = [];
		doc.addEventListener( FORM_IDENTITY_EVENT, ( event ) =>
			details.push( ( event as CustomEvent ).detail )
		);
		const fake = fakeQualified();
		startForms( doc, fake.qualified );

		fake.identity[ 0 ]!( {
			fieldValues: { email: 'ada@example.org', score: 12, tags: [ 'x' ] },
		} );

		expect( details ).toEqual( [
			{ fields: { email: 'ada@example.org' } },
		] );
	} );

	it.each( [
		[ 'no answer at all', undefined ],
		[ 'null', null ],
		[ 'a string', 'ada@example.org' ],
		[ 'fieldValues not an object', { fieldValues: 'x' } ],
		[ 'fieldValues a list', { fieldValues: [ 'ada@example.org' ] } ],
		[
			'values that are not strings',
			{
				fieldValues: {
					email: 42,
					company: { name: 'Acme' },
					city: null,
				},
			},
		],
		[ 'fields not on the page', { fieldValues: { phone: '+33' } } ],
		[ 'inherited names', { fieldValues: {} } ],
	] )( 'does no harm with %s', ( _, answer ) => {
		const doc = page(
			'<input id="a" data-qualified-field="email"><input id="b" data-qualified-field="company">' +
				'<input id="c" data-qualified-field="constructor"><input id="d" data-qualified-field="toString">'
		);
		const fake = fakeQualified();
		startForms( doc, fake.qualified );

		expect( () => fake.identity[ 0 ]!( answer ) ).not.toThrow();
		expect(
			[ '#a', '#b', '#c', '#d' ].map( ( s ) => value( doc, s ) )
		).toEqual( [ '', '', '', '' ] );
	} );

	it( 'fills what is still empty when the answer comes late, and nothing when it never comes', () => {
		const doc = page(
			'<input id="a" data-qualified-field="email"><input id="b" data-qualified-field="company">'
		);
		const fake = fakeQualified();
		startForms( doc, fake.qualified );

		expect( fake.calls[ 0 ] ).toEqual( [
			'getIdentity',
			expect.any( Function ),
		] );
		expect( value( doc, '#a' ) ).toBe( '' );
		// The visitor types before Qualified answers.
		( doc.querySelector( '#a' ) as HTMLInputElement ).value =
			'typed@example.org';
		fake.identity[ 0 ]!( {
			fieldValues: { email: 'ada@example.org', company: 'Acme' },
		} );

		expect( value( doc, '#a' ) ).toBe( 'typed@example.org' );
		expect( value( doc, '#b' ) ).toBe( 'Acme' );
	} );

	it( 'asks again after the events that change what Qualified knows, and only those', () => {
		const doc = page( '<input id="a" data-qualified-field="email">' );
		const fake = fakeQualified();
		startForms( doc, fake.qualified );
		fake.identity[ 0 ]!( { fieldValues: {} } );

		fake.events[ 0 ]!( 'Meeting Booked', {} );
		expect( fake.identity ).toHaveLength( 1 );
		fake.events[ 0 ]!( 'Email Captured', {} );
		fake.identity[ 1 ]!( { fieldValues: { email: 'ada@example.org' } } );
		fake.events[ 0 ]!( 'Conversation Started', {} );

		expect( fake.identity ).toHaveLength( 3 );
		expect( value( doc, '#a' ) ).toBe( 'ada@example.org' );
	} );

	it( 'names only standard events the settings suggest too', () => {
		for ( const name of IDENTITY_EVENTS ) {
			expect( names.suggested.event ).toContain( name );
		}
	} );

	it( 'leaves a select alone when it has no such option, with no events', () => {
		const doc = page(
			'<select id="e" data-qualified-field="country"><option value="">-</option><option>FR</option></select>'
		);
		const seen: string[] = [];
		doc.addEventListener( 'change', () => seen.push( 'change' ) );
		const fake = fakeQualified();
		startForms( doc, fake.qualified );

		fake.identity[ 0 ]!( { fieldValues: { country: 'Narnia' } } );

		expect( value( doc, '#e' ) ).toBe( '' );
		expect( seen ).toEqual( [] );
	} );
} );
