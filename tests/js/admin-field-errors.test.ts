/**
 * Internal dependencies
 */
import {
	errorId,
	fieldId,
	reindexErrors,
	topField,
	withoutError,
	withFieldErrors,
	withoutFields,
} from '../../admin/field-errors';
import { fieldProps } from '../../admin/field-error';

describe( 'field paths', () => {
	it( 'finds the top-level field of a path', () => {
		expect( topField( 'token' ) ).toBe( 'token' );
		expect( topField( 'excludeRoles[1]' ) ).toBe( 'excludeRoles' );
		expect( topField( 'identity.mappings[2].key' ) ).toBe( 'identity' );
	} );

	it( 'makes distinct DOM ids for distinct paths', () => {
		expect( fieldId( 'identity.mappings[2].key' ) ).toBe(
			'qi-field-identity-mappings-2-key'
		);
		expect( fieldId( 'identity.mappings[12].key' ) ).not.toBe(
			fieldId( 'identity.mappings[1].key' )
		);
		expect( errorId( 'token' ) ).toBe( 'qi-field-token-error' );
	} );
} );

describe( 'fieldProps', () => {
	it( 'marks a field with a message invalid and describes it by the message, then its help', () => {
		expect(
			fieldProps(
				{ token: 'Site token: use only letters.' },
				'token',
				true
			)
		).toEqual( {
			id: 'qi-field-token',
			'aria-invalid': true,
			'aria-describedby': 'qi-field-token-error qi-field-token__help',
		} );
	} );

	it( 'leaves a field without a message alone', () => {
		expect( fieldProps( {}, 'token' ) ).toEqual( { id: 'qi-field-token' } );
		expect( fieldProps( {}, 'token', true ) ).toEqual( {
			id: 'qi-field-token',
			'aria-describedby': 'qi-field-token__help',
		} );
	} );
} );

describe( 'editing errors', () => {
	const errors = {
		token: 'Site token: bad.',
		'identity.mappings[0].field': 'Mapping 1, Qualified field: bad.',
		'identity.mappings[2].key': 'Mapping 3, Key: required.',
		'identity.mappings': 'Too many.',
	};

	it( 'drops one path, and returns the same object when there is nothing to drop', () => {
		expect( withoutError( errors, 'token' ) ).not.toHaveProperty( 'token' );
		expect( withoutError( errors, 'enabled' ) ).toBe( errors );
	} );

	it( 'drops every path of some top-level fields', () => {
		expect( withoutFields( errors, [ 'identity' ] ) ).toEqual( {
			token: 'Site token: bad.',
		} );
	} );

	it( 'moves row messages with their rows and drops those of removed rows', () => {
		// Row 2 moved to the top, row 0 removed, a new row added at the end.
		expect(
			reindexErrors( errors, 'identity.mappings', [ 2, 1, null ] )
		).toEqual( {
			token: 'Site token: bad.',
			'identity.mappings[0].key': 'Mapping 3, Key: required.',
			'identity.mappings': 'Too many.',
		} );
	} );

	it( 'keeps messages in place when nothing moved', () => {
		expect(
			reindexErrors( errors, 'identity.mappings', [ 0, 1, 2 ] )
		).toEqual( errors );
	} );
} );

describe( 'withFieldErrors', () => {
	it( "replaces one field's messages with a preview's answer and keeps the others", () => {
		expect(
			withFieldErrors(
				{
					token: 'Site token: bad.',
					'identity.mappings[0].field': 'Mapping 1: old.',
				},
				'identity',
				{
					'identity.mappings[1].key': 'Mapping 2, Key: new.',
					url: 'Not for this field.',
				}
			)
		).toEqual( {
			token: 'Site token: bad.',
			'identity.mappings[1].key': 'Mapping 2, Key: new.',
		} );
	} );
} );
