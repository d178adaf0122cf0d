/**
 * persist: "first" | "last" across the pages of a visit, and storage that fails.
 */
import { identityPayload } from '../../src/frontend/identity/payload';
import type { IdentityConfig } from '../../src/frontend/identity/config';
import {
	PERSIST_KEY,
	readPersisted,
	writePersisted,
} from '../../src/frontend/identity/persist';
import {
	blockedStorageWindow,
	memoryStorage,
	throwingStorage,
} from './storage-fixture';

const mappings: IdentityConfig = {
	fields: {},
	browser: [
		{
			field: 'first_campaign',
			source: 'query',
			key: 'utm_campaign',
			persist: 'first',
		},
		{
			field: 'last_campaign',
			source: 'query',
			key: 'utm_campaign',
			persist: 'last',
		},
		{ field: 'campaign', source: 'query', key: 'utm_campaign' },
	],
};

function visit( sessionStorage: Storage, query: string ) {
	return identityPayload(
		mappings,
		{
			location: { href: `https://example.org/${ query }`, search: query },
			sessionStorage,
		},
		document
	);
}

describe( 'persist', () => {
	it( 'keeps the first value of the visit and follows the last one', () => {
		const storage = memoryStorage();

		expect( visit( storage, '?utm_campaign=spring' ) ).toEqual( {
			first_campaign: 'spring',
			last_campaign: 'spring',
			campaign: 'spring',
		} );
		expect( visit( storage, '' ) ).toEqual( {
			first_campaign: 'spring',
			last_campaign: 'spring',
		} );
		expect( visit( storage, '?utm_campaign=summer' ) ).toEqual( {
			first_campaign: 'spring',
			last_campaign: 'summer',
			campaign: 'summer',
		} );
		expect( visit( storage, '?utm_campaign=' ) ).toEqual( {
			first_campaign: 'spring',
			last_campaign: 'summer',
		} );
		expect(
			JSON.parse( storage.getItem( PERSIST_KEY ) as string )
		).toEqual( { first_campaign: 'spring', last_campaign: 'summer' } );
	} );

	it( 'does not keep anything before a value arrives', () => {
		const storage = memoryStorage();
		expect( visit( storage, '' ) ).toEqual( {} );
		expect( storage.getItem( PERSIST_KEY ) ).toBeNull();
		expect( visit( storage, '?utm_campaign=late' ) ).toMatchObject( {
			first_campaign: 'late',
		} );
	} );

	it( 'ignores stored values that are not usable', () => {
		const storage = memoryStorage( {
			[ PERSIST_KEY ]: JSON.stringify( {
				first_campaign: '   ',
				last_campaign: { nested: true },
			} ),
		} );
		expect( visit( storage, '' ) ).toEqual( {} );
		expect( visit( storage, '?utm_campaign=fresh' ) ).toMatchObject( {
			first_campaign: 'fresh',
			last_campaign: 'fresh',
		} );
	} );

	it.each( [
		[ 'corrupt JSON', '{"first_campaign":' ],
		[ 'a list', '["spring"]' ],
		[ 'a string', '"spring"' ],
		[ 'null', 'null' ],
	] )( 'reads %s as nothing kept', ( _label, stored ) => {
		const win = {
			sessionStorage: memoryStorage( { [ PERSIST_KEY ]: stored } ),
		};
		expect( readPersisted( win ) ).toEqual( {} );
	} );

	it( 'still sends this page’s values when storage throws on get and set', () => {
		const storage = throwingStorage();
		expect( () =>
			writePersisted( { sessionStorage: storage }, { a: 'b' } )
		).not.toThrow();
		expect( readPersisted( { sessionStorage: storage } ) ).toEqual( {} );
		expect( visit( storage, '?utm_campaign=spring' ) ).toEqual( {
			first_campaign: 'spring',
			last_campaign: 'spring',
			campaign: 'spring',
		} );
		expect( visit( storage, '' ) ).toEqual( {} );
	} );

	it( 'still sends this page’s values when window.sessionStorage itself throws', () => {
		const win = blockedStorageWindow( {
			location: {
				href: 'https://example.org/?utm_campaign=x',
				search: '?utm_campaign=x',
			},
		} );
		expect( identityPayload( mappings, win, document ) ).toEqual( {
			first_campaign: 'x',
			last_campaign: 'x',
			campaign: 'x',
		} );
	} );

	it( 'works with no sessionStorage at all', () => {
		expect( readPersisted( {} ) ).toEqual( {} );
		expect( () => writePersisted( {}, { a: 'b' } ) ).not.toThrow();
	} );
} );
