/**
 * Identity mappings end to end: settings stored through the REST API reach
 * qualified('identify', ...) on public pages, server values for the
 * logged-in user only, browser values kept for the visit.
 */

/**
 * External dependencies
 */
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { fakeQualifiedState, logIn } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

// Later spec files share this site: leave it without mappings.
test.afterAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	expect(
		( await rest.post( { identity: { mappings: [] } } ) ).status()
	).toBe( 200 );
	await context.close();
} );

const MAPPINGS = [
	{ field: 'email', source: 'user.email' },
	{ field: 'company', source: 'user.meta', key: 'billing_company' },
	{ field: 'lead_source', source: 'static', value: 'Website' },
	{
		field: 'utm_campaign',
		source: 'query',
		key: 'utm_campaign',
		persist: 'first',
	},
];

/**
 * Records every qualified-integration:identify event from the first script on.
 *
 * @param page The page, before it navigates.
 */
async function recordIdentifyEvents( page: Page ) {
	await page.addInitScript( () => {
		const events: unknown[] = [];
		(
			window as unknown as { qiIdentifyEvents: unknown[] }
		 ).qiIdentifyEvents = events;
		document.addEventListener(
			'qualified-integration:identify',
			( event ) => events.push( ( event as CustomEvent ).detail )
		);
	} );
}

async function identifyCalls( page: Page ) {
	const state = await fakeQualifiedState( page );
	return state.calls.filter( ( call ) => call.method === 'identify' );
}

test.beforeAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const rest = await adminRest( page );
	const response = await rest.post( {
		token: 'E2eIdentity1',
		identity: { mappings: MAPPINGS },
	} );
	expect( response.status(), await response.text() ).toBe( 200 );
	await context.close();
} );

test( "a logged-in user's page sends their email and a user meta value, privately", async ( {
	page,
} ) => {
	await recordIdentifyEvents( page );
	await logIn( page, 'editor' );
	const response = await page.goto( '/' );

	expect( response?.headers()[ 'cache-control' ] ?? '' ).toContain(
		'private'
	);
	const calls = await identifyCalls( page );
	expect( calls ).toHaveLength( 1 );
	expect( calls[ 0 ]?.args[ 0 ] ).toEqual( {
		email: 'editor@example.org',
		company: 'Acme & "Sons" </script>',
		lead_source: 'Website',
	} );
	const events = await page.evaluate(
		() =>
			( window as unknown as { qiIdentifyEvents: unknown[] } )
				.qiIdentifyEvents
	);
	expect( events ).toEqual( [
		{
			fields: {
				email: 'editor@example.org',
				company: 'Acme & "Sons" </script>',
				lead_source: 'Website',
			},
		},
	] );
} );

test( 'an anonymous visit keeps utm_campaign for the visit and its HTML holds no personal data', async ( {
	browser,
} ) => {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const response = await page.goto( '/?utm_campaign=spring' );
		const html = ( await response?.text() ) ?? '';

		expect( html ).not.toContain( '@example.org' );
		expect( html ).not.toContain( 'Acme' );
		expect( html ).not.toMatch( /nonce/i );
		expect( response?.headers()[ 'cache-control' ] ?? '' ).not.toContain(
			'private'
		);

		let calls = await identifyCalls( page );
		expect( calls ).toHaveLength( 1 );
		expect( calls[ 0 ]?.args[ 0 ] ).toEqual( {
			lead_source: 'Website',
			utm_campaign: 'spring',
		} );

		// The next page of the visit has no utm_campaign in its URL: persist "first" keeps it.
		await page.goto( '/hello-world/' );
		calls = await identifyCalls( page );
		expect( calls ).toHaveLength( 1 );
		expect( calls[ 0 ]?.args[ 0 ] ).toEqual( {
			lead_source: 'Website',
			utm_campaign: 'spring',
		} );

		// A later campaign in the same visit does not replace the first one.
		await page.goto( '/?utm_campaign=autumn' );
		calls = await identifyCalls( page );
		expect( calls[ 0 ]?.args[ 0 ] ).toMatchObject( {
			utm_campaign: 'spring',
		} );
	} finally {
		await context.close();
	}
} );
