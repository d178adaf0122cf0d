/**
 * Parsing the `identity` config and merging server and browser values.
 */
import {
	type IdentityConfig,
	parseIdentity,
} from '../../src/frontend/identity/config';
import { identityPayload } from '../../src/frontend/identity/payload';
import { MAX_VALUE_LENGTH } from '../../src/shared/settings';
import { memoryStorage } from './storage-fixture';

describe( 'parseIdentity', () => {
	it( 'hands the fields and browser mappings over as PHP cleaned them', () => {
		const raw = {
			fields: { email: 'a@example.org' },
			browser: [
				{
					field: 'utm',
					source: 'query',
					key: 'utm_campaign',
					persist: 'first',
				},
			],
		};
		expect( parseIdentity( raw ) ).toEqual( raw );
	} );

	it( 'reads parts of the wrong type as empty', () => {
		expect(
			parseIdentity( { fields: [ 'a' ], browser: 'query' } )
		).toEqual( { fields: {}, browser: [] } );
	} );

	it.each( [
		[ 'undefined', undefined ],
		[ 'null', null ],
		[ 'a string', 'identity' ],
		[ 'a list', [ { field: 'a' } ] ],
	] )( 'reads %s as no identity', ( _label, raw ) => {
		expect( parseIdentity( raw ) ).toBeUndefined();
	} );
} );

describe( 'identityPayload', () => {
	it( 'merges server and browser values; the server wins where it has one', () => {
		document.head.innerHTML = '<meta name="plan" content="  from meta ">';
		const win = {
			location: {
				href: 'https://example.org/?utm_campaign=spring&email=x@evil',
				search: '?utm_campaign=spring&email=x@evil',
			},
			dataLayer: [ { user: { plan: [ 'pro', 'team' ] } } ],
			sessionStorage: memoryStorage(),
		};

		expect(
			identityPayload(
				{
					fields: { email: 'a@example.org', lead_source: 'Website' },
					browser: [
						{ field: 'email', source: 'query', key: 'email' },
						{
							field: 'utm_campaign',
							source: 'query',
							key: 'utm_campaign',
						},
						{
							field: 'plan',
							source: 'dataLayer',
							key: 'user.plan',
						},
						{ field: 'meta_plan', source: 'meta_tag', key: 'plan' },
						{ field: 'missing', source: 'cookie', key: 'nope' },
						{ field: 'no_key', source: 'query' },
					],
				},
				win,
				document
			)
		).toEqual( {
			email: 'a@example.org',
			lead_source: 'Website',
			utm_campaign: 'spring',
			plan: 'pro, team',
			meta_plan: 'from meta',
		} );
		document.head.innerHTML = '';
	} );

	it( 'caps browser values and survives a source that throws', () => {
		const hostile = {};
		Object.defineProperty( hostile, 'plan', {
			enumerable: true,
			get() {
				throw new Error( 'no' );
			},
		} );
		const long = 'x'.repeat( 1000 );
		expect(
			identityPayload(
				{
					fields: {},
					browser: [
						{ field: 'plan', source: 'dataLayer', key: 'plan' },
						{ field: 'long', source: 'query', key: 'q' },
					],
				},
				{
					location: { href: '', search: `?q=${ long }` },
					dataLayer: [ hostile ],
				},
				document
			)
		).toEqual( { long: 'x'.repeat( MAX_VALUE_LENGTH ) } );
	} );

	it( 'skips entries it cannot run: not objects, unknown or inherited sources', () => {
		expect(
			identityPayload(
				{
					fields: { lead: 'Website' },
					browser: [
						null,
						'query',
						{ field: 'a', source: 'user.email' },
						{ field: 'b', source: 'toString' },
						{ field: 'c', source: 'query', key: 'c' },
					] as unknown as IdentityConfig[ 'browser' ],
				},
				{ location: { href: '', search: '?c=yes' } },
				document
			)
		).toEqual( { c: 'yes', lead: 'Website' } );
	} );
} );
