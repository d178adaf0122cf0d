/**
 * Internal dependencies
 */
import { canonicalJson, changedFields } from '../../admin/changes';
import type { EditableSettings } from '../../src/shared/settings';

const saved: EditableSettings = {
	enabled: true,
	token: 'Abc123',
	excludeRoles: [ 'editor' ],
	identity: {
		mappings: [
			{ field: 'email', source: 'user.email' },
			{ field: 'company', source: 'user.meta', key: 'billing_company' },
		],
	},
	experiences: { spa: false, rules: [] },
	events: { handlers: [], webhooks: [], retentionDays: 90 },
	loading: {
		strategy: 'immediate',
		maxDelay: 0,
		consentCategory: 'marketing',
	},
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

	it( 'sends the whole identity object when one mapping changed', () => {
		const identity = {
			mappings: [
				{ field: 'email', source: 'user.email' as const },
				{
					field: 'company',
					source: 'user.meta' as const,
					key: 'company_name',
				},
			],
		};
		expect( changedFields( saved, { ...saved, identity }, [] ) ).toEqual( {
			identity,
		} );
	} );

	it( 'sees a reordered mapping list as a change', () => {
		const identity = {
			mappings: [ ...saved.identity.mappings ].reverse(),
		};
		expect(
			Object.keys( changedFields( saved, { ...saved, identity }, [] ) )
		).toEqual( [ 'identity' ] );
	} );

	it( 'ignores the order of keys inside a mapping', () => {
		const identity = {
			mappings: [
				{ source: 'user.email' as const, field: 'email' },
				{
					key: 'billing_company',
					field: 'company',
					source: 'user.meta' as const,
				},
			],
		};
		expect( changedFields( saved, { ...saved, identity }, [] ) ).toEqual(
			{}
		);
	} );
} );

describe( 'canonicalJson', () => {
	it( 'keeps array order but sorts object keys', () => {
		expect( canonicalJson( { b: [ 2, 1 ], a: { d: 1, c: 2 } } ) ).toBe(
			'{"a":{"c":2,"d":1},"b":[2,1]}'
		);
	} );
} );
