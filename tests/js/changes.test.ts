/**
 * Internal dependencies
 */
import { changedFields } from '../../admin/changes';
import type { EditableSettings } from '../../src/shared/settings';

const saved: EditableSettings = {
	enabled: true,
	token: 'Abc123',
	excludeRoles: [ 'editor' ],
};

describe( 'changedFields', () => {
	it( 'returns nothing when the form matches what was saved', () => {
		expect( changedFields( saved, { ...saved }, [] ) ).toEqual( {} );
	} );

	it( 'returns only the fields that changed', () => {
		expect(
			changedFields(
				saved,
				{
					...saved,
					token: 'New1',
					excludeRoles: [ 'editor', 'author' ],
				},
				[]
			)
		).toEqual( { token: 'New1', excludeRoles: [ 'editor', 'author' ] } );
	} );

	it( 'never sends a locked field', () => {
		expect(
			changedFields( saved, { ...saved, token: 'New1', enabled: false }, [
				'token',
			] )
		).toEqual( { enabled: false } );
	} );
} );
