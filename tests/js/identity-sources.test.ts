/**
 * The shared source facts come from includes/Settings/identity-sources.json,
 * and the runtime resolves exactly the browser sources that file lists.
 */
import sources from '../../includes/Settings/identity-sources.json';
import {
	IDENTITY_SOURCES,
	SOURCE_GROUPS,
	SOURCE_NAMES,
	canPersist,
	isBrowserSource,
	isIdentitySource,
	sourceNeeds,
	sourcesInGroup,
} from '../../src/shared/identity-sources';
import { BROWSER_SOURCES } from '../../src/frontend/identity/browser-sources';

const entries = Object.entries( sources as Record< string, object > );

describe( 'identity-sources.json', () => {
	it.each( entries )(
		'%s has only the facts the types describe',
		( _name, info ) => {
			const { group, where, needs, persist, ...rest } = info as Record<
				string,
				unknown
			>;
			expect( rest ).toEqual( {} );
			expect( typeof group ).toBe( 'string' );
			expect( [ 'server', 'browser' ] ).toContain( where );
			expect( [ undefined, 'key', 'value' ] ).toContain( needs );
			expect( [ undefined, true ] ).toContain( persist );
			// persist is a browser thing: the server value is the same all visit.
			expect( persist === true && where !== 'browser' ).toBe( false );
		}
	);
} );

describe( 'shared source facts', () => {
	it( 'lists every source of the file, in its order', () => {
		expect( SOURCE_NAMES ).toEqual( Object.keys( sources ) );
		expect( IDENTITY_SOURCES ).toBe( sources );
	} );

	it( 'derives the group ids in the order they first appear', () => {
		const seen: string[] = [];
		for ( const [ , info ] of entries ) {
			const { group } = info as { group: string };
			if ( ! seen.includes( group ) ) {
				seen.push( group );
			}
		}
		expect( SOURCE_GROUPS ).toEqual( seen );
		expect( SOURCE_GROUPS.flatMap( sourcesInGroup ) ).toHaveLength(
			entries.length
		);
	} );

	it( 'answers what a source needs and where it runs from the file', () => {
		for ( const name of SOURCE_NAMES ) {
			const info = sources[ name ] as {
				where: string;
				needs?: string;
				persist?: boolean;
			};
			expect( sourceNeeds( name ) ).toBe( info.needs );
			expect( isBrowserSource( name ) ).toBe( info.where === 'browser' );
			expect( canPersist( name ) ).toBe( info.persist === true );
		}
	} );

	it( 'knows only its own names', () => {
		expect( isIdentitySource( SOURCE_NAMES[ 0 ] as string ) ).toBe( true );
		expect( isIdentitySource( 'toString' ) ).toBe( false );
		expect( isIdentitySource( 'user.password' ) ).toBe( false );
	} );
} );

describe( 'runtime resolvers', () => {
	it( 'resolve exactly the browser sources of the file', () => {
		expect( Object.keys( BROWSER_SOURCES ).sort() ).toEqual(
			SOURCE_NAMES.filter( isBrowserSource ).sort()
		);
	} );
} );
