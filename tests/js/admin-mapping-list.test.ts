/**
 * Internal dependencies
 */
import {
	addMapping,
	moveMapping,
	removeMapping,
	withSource,
} from '../../admin/identity/mapping-list';
import type { IdentityMapping } from '../../src/shared/settings';

const list: IdentityMapping[] = [
	{ field: 'a', source: 'user.email' },
	{ field: 'b', source: 'query', key: 'utm_campaign', persist: 'first' },
	{ field: 'c', source: 'static', value: 'Website' },
];

describe( 'mapping list edits', () => {
	it( 'adds an empty row at the end and says it is new', () => {
		const edit = addMapping( list );
		expect( edit.list ).toHaveLength( 4 );
		expect( edit.list[ 3 ] ).toEqual( { field: '', source: 'user.email' } );
		expect( edit.order ).toEqual( [ 0, 1, 2, null ] );
	} );

	it( 'removes a row', () => {
		const edit = removeMapping( list, 1 );
		expect( edit.list.map( ( m ) => m.field ) ).toEqual( [ 'a', 'c' ] );
		expect( edit.order ).toEqual( [ 0, 2 ] );
	} );

	it( 'moves a row up and down', () => {
		expect(
			moveMapping( list, 2, 1 ).list.map( ( m ) => m.field )
		).toEqual( [ 'a', 'c', 'b' ] );
		expect( moveMapping( list, 2, 1 ).order ).toEqual( [ 0, 2, 1 ] );
		expect( moveMapping( list, 0, 1 ).order ).toEqual( [ 1, 0, 2 ] );
	} );

	it( 'does not move past either end', () => {
		expect( moveMapping( list, 0, -1 ).list ).toBe( list );
		expect( moveMapping( list, 2, 3 ).order ).toEqual( [ 0, 1, 2 ] );
	} );
} );

describe( 'withSource', () => {
	it( 'adds an empty key when the new source needs one', () => {
		expect(
			withSource( { field: 'x', source: 'user.email' }, 'user.meta' )
		).toEqual( { field: 'x', source: 'user.meta', key: '' } );
	} );

	it( 'keeps the key between sources that both need one', () => {
		expect(
			withSource(
				{ field: 'x', source: 'user.meta', key: 'company' },
				'post.meta'
			)
		).toEqual( { field: 'x', source: 'post.meta', key: 'company' } );
	} );

	it( 'drops key and persist for a server source that needs neither', () => {
		expect(
			withSource(
				{ field: 'x', source: 'query', key: 'q', persist: 'last' },
				'site.name'
			)
		).toEqual( { field: 'x', source: 'site.name' } );
	} );

	it( 'keeps persist between browser sources and asks for a value for static', () => {
		expect(
			withSource(
				{ field: 'x', source: 'referrer', persist: 'first' },
				'cookie'
			)
		).toEqual( {
			field: 'x',
			source: 'cookie',
			key: '',
			persist: 'first',
		} );
		expect(
			withSource( { field: 'x', source: 'cookie', key: 'k' }, 'static' )
		).toEqual( { field: 'x', source: 'static', value: '' } );
	} );
} );
