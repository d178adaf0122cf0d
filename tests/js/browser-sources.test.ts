/**
 * Each browser source, read from a stand-in window and jsdom's document.
 */
import {
	BROWSER_SOURCES,
	LANDING_PAGE_KEY,
	type SourceWindow,
	isBrowserSource,
} from '../../src/frontend/identity/browser-sources';
import {
	blockedStorageWindow,
	memoryStorage,
	throwingStorage,
} from './storage-fixture';

const page = ( url: string ) => ( {
	href: url,
	search: new URL( url ).search,
} );

afterEach( () => {
	document.head.innerHTML = '';
	for ( const pair of document.cookie.split( ';' ) ) {
		const name = pair.split( '=' )[ 0 ]?.trim();
		if ( name ) {
			document.cookie = `${ name }=; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
		}
	}
} );

describe( 'query', () => {
	const win: SourceWindow = {
		location: page(
			'https://example.org/?utm_campaign=spring%20sale&empty=&x=1'
		),
	};

	it( 'reads a decoded parameter', () => {
		expect( BROWSER_SOURCES.query( win, document, 'utm_campaign' ) ).toBe(
			'spring sale'
		);
	} );

	it.each( [ [ 'missing' ], [ 'empty' ] ] )(
		'has no value for a %s parameter',
		( key ) => {
			expect(
				BROWSER_SOURCES.query( win, document, key ) || undefined
			).toBeUndefined();
		}
	);

	it( 'has no value without a key or a location', () => {
		expect( BROWSER_SOURCES.query( win, document, undefined ) ).toBeFalsy();
		expect( BROWSER_SOURCES.query( {}, document, 'x' ) ).toBeNull();
	} );
} );

describe( 'cookie', () => {
	it( 'reads a decoded cookie by exact name', () => {
		document.cookie = 'plan_name=Gold';
		document.cookie = 'plan=Pro%20Plus';
		document.cookie = 'xplan=wrong';

		expect( BROWSER_SOURCES.cookie( {}, document, 'plan' ) ).toBe(
			'Pro Plus'
		);
	} );

	it( 'returns a malformed encoding as it is', () => {
		document.cookie = 'bad=100%';
		expect( BROWSER_SOURCES.cookie( {}, document, 'bad' ) ).toBe( '100%' );
	} );

	it( 'has no value for a missing cookie or no cookies at all', () => {
		expect( document.cookie ).toBe( '' );
		expect(
			BROWSER_SOURCES.cookie( {}, document, 'plan' )
		).toBeUndefined();
		document.cookie = 'other=1';
		expect(
			BROWSER_SOURCES.cookie( {}, document, 'plan' )
		).toBeUndefined();
	} );
} );

describe( 'referrer', () => {
	it( 'reads document.referrer', () => {
		const doc = { referrer: 'https://search.example/?q=chat' };
		expect(
			BROWSER_SOURCES.referrer( {}, doc as Document, undefined )
		).toBe( 'https://search.example/?q=chat' );
		expect( BROWSER_SOURCES.referrer( {}, document, undefined ) ).toBe(
			''
		);
	} );
} );

describe( 'landing_page', () => {
	it( 'keeps the first URL of the visit', () => {
		const sessionStorage = memoryStorage();
		const first = {
			location: page( 'https://example.org/pricing?a=1' ),
			sessionStorage,
		};
		const later = {
			location: page( 'https://example.org/contact' ),
			sessionStorage,
		};

		expect(
			BROWSER_SOURCES.landing_page( first, document, undefined )
		).toBe( 'https://example.org/pricing?a=1' );
		expect(
			BROWSER_SOURCES.landing_page( later, document, undefined )
		).toBe( 'https://example.org/pricing?a=1' );
		expect( sessionStorage.getItem( LANDING_PAGE_KEY ) ).toBe(
			'https://example.org/pricing?a=1'
		);
	} );

	it( 'is the current URL when storage throws or is blocked', () => {
		const location = page( 'https://example.org/here' );
		expect(
			BROWSER_SOURCES.landing_page(
				{ location, sessionStorage: throwingStorage() },
				document,
				undefined
			)
		).toBe( 'https://example.org/here' );
		expect(
			BROWSER_SOURCES.landing_page(
				blockedStorageWindow( { location } ),
				document,
				undefined
			)
		).toBe( 'https://example.org/here' );
	} );
} );

describe( 'dataLayer', () => {
	const win = {
		dataLayer: [
			{ event: 'gtm.js', user: { plan: 'free', id: 7 } },
			[ 'config', 'G-1' ],
			null,
			'junk',
			{ user: { id: 8 } },
			{ 'user.plan': 'flat key is not a path' },
			{ event: 'upgrade', user: { plan: 'pro' } },
			{ event: 'other' },
		],
	};

	it( 'reads the last push that has the key, following a dot path', () => {
		expect( BROWSER_SOURCES.dataLayer( win, document, 'user.plan' ) ).toBe(
			'pro'
		);
		expect( BROWSER_SOURCES.dataLayer( win, document, 'user.id' ) ).toBe(
			8
		);
		expect( BROWSER_SOURCES.dataLayer( win, document, 'event' ) ).toBe(
			'other'
		);
	} );

	it.each( [
		[ 'no dataLayer', {}, 'user.plan' ],
		[
			'a dataLayer that is not a list',
			{ dataLayer: { user: 1 } },
			'user',
		],
		[ 'a key no push has', win, 'user.email' ],
		[ 'a path through a value', win, 'event.name' ],
		[ 'an inherited name', win, 'constructor' ],
	] )( 'has no value with %s', ( _label, source, key ) => {
		expect(
			BROWSER_SOURCES.dataLayer( source, document, key )
		).toBeUndefined();
	} );
} );

describe( 'meta_tag', () => {
	it( 'reads the content of <meta name=KEY>', () => {
		document.head.innerHTML =
			'<meta property="plan" content="by property"><meta name="plan" content=" Pro "><meta name="planned" content="no">';
		expect( BROWSER_SOURCES.meta_tag( {}, document, 'plan' ) ).toBe(
			' Pro '
		);
	} );

	it( 'has no value when the tag is missing', () => {
		expect(
			BROWSER_SOURCES.meta_tag( {}, document, 'plan' )
		).toBeUndefined();
	} );
} );

describe( 'isBrowserSource', () => {
	it( 'knows only own resolver names', () => {
		expect( isBrowserSource( 'query' ) ).toBe( true );
		expect( isBrowserSource( 'user.email' ) ).toBe( false );
		expect( isBrowserSource( 'toString' ) ).toBe( false );
		expect( isBrowserSource( 42 ) ).toBe( false );
	} );
} );
