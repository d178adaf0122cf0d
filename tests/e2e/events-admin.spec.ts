/**
 * The Events section end to end: an admin sets up a handler on the
 * settings screen, a visitor's event (fired through the fake qualified.js)
 * is stored, and the admin finds it in the event log, with the chart; a
 * hostile event posted straight to the public route shows as text; a bad
 * redirect is refused at its field.
 */

/**
 * External dependencies
 */
import { expect, test, type Browser, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import {
	asVisitor,
	expectNotice,
	fakeQualifiedState,
	logIn,
	saveSettings,
	SETTINGS_PATH,
} from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/**
 * The stored settings, read through a session of its own.
 *
 * @param browser The browser.
 */
async function storedSettings( browser: Browser ) {
	const context = await browser.newContext();
	try {
		const rest = await adminRest( await context.newPage() );
		return ( await ( await rest.get() ).json() ).settings;
	} finally {
		await context.close();
	}
}

async function openEvents( page: Page ) {
	await page.goto( `${ SETTINGS_PATH }#events` );
	await expect(
		page.getByRole( 'button', { name: 'Add handler' } )
	).toBeVisible();
}

test.beforeAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	const saved = await rest.post( {
		token: 'E2eEventsAdmin1',
		events: { handlers: [], webhooks: [], retentionDays: 90 },
	} );
	expect( saved.status(), await saved.text() ).toBe( 200 );
	await context.close();
} );

test.afterAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	const reset = await rest.post( {
		token: '',
		events: { handlers: [], webhooks: [], retentionDays: 90 },
	} );
	expect( reset.status() ).toBe( 200 );
	await context.close();
} );

test( 'an admin adds a Meeting Booked handler that pushes to dataLayer and stores the event', async ( {
	browser,
	page,
} ) => {
	await logIn( page );
	await openEvents( page );

	await page.getByRole( 'button', { name: 'Add handler' } ).click();
	await page
		.getByRole( 'combobox', { name: 'Handler 1, Event name' } )
		.fill( 'Meeting Booked' );
	// A new handler starts with "Store in WordPress"; keep the email.
	await page
		.getByLabel( 'Handler 1, Action 1, Fields to store' )
		.fill( 'email' );
	await page
		.getByLabel( 'Handler 1, type of the action to add' )
		.selectOption( 'dataLayer' );
	await page.getByRole( 'button', { name: 'Add action' } ).click();
	await expect(
		page.getByLabel( 'Handler 1, Action 2, Event name to send' )
	).toHaveValue( 'qualified_meeting_booked' );

	await saveSettings( page );
	await expectNotice( page, 'success', 'Settings saved.' );

	const settings = await storedSettings( browser );
	expect( settings.events.handlers ).toEqual( [
		{
			kind: 'event',
			name: 'Meeting Booked',
			actions: [
				{ type: 'wordpress', storeFields: [ 'email' ] },
				{ type: 'dataLayer', event: 'qualified_meeting_booked' },
			],
		},
	] );
} );

test( 'a visitor’s Meeting Booked is pushed to dataLayer, stored, and listed in the event log with the chart', async ( {
	browser,
	page,
} ) => {
	await asVisitor( browser, '/', async ( visitor ) => {
		await fakeQualifiedState( visitor );
		const stored = visitor.waitForResponse(
			( response ) =>
				response.url().includes( '/qualified-integration/v1/events' ) &&
				response.request().method() === 'POST'
		);
		await visitor.evaluate( () =>
			(
				window as unknown as {
					__fakeQualified: {
						fire: ( name: string, data: unknown ) => number;
					};
				}
			 ).__fakeQualified.fire( 'Meeting Booked', {
				bot: { id: 77, name: 'Homepage bot' },
				rep_conversation_id: 'conv-admin-e2e',
				field_values: { email: 'grace@example.org' },
			} )
		);
		expect( ( await stored ).status() ).toBe( 201 );
		const dataLayer = await visitor.evaluate(
			() => ( window as unknown as { dataLayer: unknown[] } ).dataLayer
		);
		expect( dataLayer ).toContainEqual(
			expect.objectContaining( { event: 'qualified_meeting_booked' } )
		);
	} );

	await logIn( page );
	await openEvents( page );
	const log = page.getByRole( 'heading', { name: 'Event log' } );
	await log.scrollIntoViewIfNeeded();
	const row = page.getByRole( 'row', { name: /conv-admin-e2e|grace@/ } );
	await expect( row ).toBeVisible( { timeout: 20_000 } );
	await expect( row ).toContainText( 'Meeting Booked' );
	await expect( row ).toContainText( 'grace@example.org' );
	await expect(
		page.getByRole( 'img', { name: /Stored events per day/ } )
	).toBeVisible();
} );

test( 'a hostile event name posted to the public route is shown as text in the log', async ( {
	browser,
	page,
	request,
} ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	const saved = await rest.post( {
		events: {
			handlers: [
				{
					kind: 'event',
					name: '*',
					actions: [ { type: 'wordpress' } ],
				},
			],
			webhooks: [],
			retentionDays: 90,
		},
	} );
	expect( saved.status(), await saved.text() ).toBe( 200 );
	await context.close();

	// The route takes only pages of this site's host.
	const home = new URL( '/', ( await request.get( '/wp-login.php' ) ).url() )
		.href;
	const posted = await request.post(
		'/wp-json/qualified-integration/v1/events',
		{
			headers: { 'Content-Type': 'text/plain' },
			data: JSON.stringify( {
				kind: 'event',
				name: HOSTILE,
				url: home,
				conversationId: "=cmd|' /C calc'!A0",
			} ),
		}
	);
	expect( posted.status(), await posted.text() ).toBe( 201 );

	await logIn( page );
	await openEvents( page );
	await page
		.getByRole( 'heading', { name: 'Event log' } )
		.scrollIntoViewIfNeeded();
	await expect(
		page.getByRole( 'cell', { name: HOSTILE } ).first()
	).toBeVisible( { timeout: 20_000 } );
	expect(
		await page.evaluate(
			() => ( window as unknown as { __pwned?: number } ).__pwned
		)
	).toBeUndefined();
	await expect( page.locator( 'img[src="x"]' ) ).toHaveCount( 0 );
} );

test( 'a redirect to another site is refused at its field and nothing is saved', async ( {
	browser,
	page,
} ) => {
	await logIn( page );
	await openEvents( page );
	await page
		.getByLabel( 'Handler 1, type of the action to add' )
		.selectOption( 'redirect' );
	await page.getByRole( 'button', { name: 'Add action' } ).click();
	const address = page.getByLabel( 'Handler 1, Action 2, Address' );
	await address.fill( 'https://evil.example/phish' );
	await saveSettings( page );

	await expectNotice( page, 'error', 'Handler 1, Action 2, Address' );
	await expect( address ).toHaveAttribute( 'aria-invalid', 'true' );
	const settings = await storedSettings( browser );
	expect( settings.events.handlers[ 0 ].actions ).toEqual( [
		{ type: 'wordpress' },
	] );
} );
