/**
 * Internal dependencies
 */
import { previewRows } from '../../admin/identity/preview-rows';
import type { IdentityMapping } from '../../src/shared/settings';

const mappings: IdentityMapping[] = [
	{ field: 'email', source: 'user.email' },
	{ field: 'company', source: 'user.meta', key: 'billing_company' },
	{ field: 'utm_campaign', source: 'query', key: 'utm_campaign' },
];

describe( 'previewRows', () => {
	it( 'shows resolved values, browser sources and fields left out, in mapping order', () => {
		expect(
			previewRows( mappings, {
				url: 'http://example.org/',
				fields: { email: 'admin@example.org', plan: 'pro' },
				browser: [
					{
						field: 'utm_campaign',
						source: 'query',
						key: 'utm_campaign',
					},
				],
			} )
		).toEqual( [
			{ field: 'email', kind: 'value', value: 'admin@example.org' },
			{ field: 'company', kind: 'empty' },
			{ field: 'utm_campaign', kind: 'browser', mapping: mappings[ 2 ] },
			// Added by a filter: shown too.
			{ field: 'plan', kind: 'value', value: 'pro' },
		] );
	} );
} );
