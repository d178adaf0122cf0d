/**
 * The foundation's promise, end to end: a token saved in the admin screen
 * reaches the Qualified loader on public pages.
 */

/**
 * External dependencies
 */
import { expect, test } from '@playwright/test';

/**
 * Internal dependencies
 */
import {
	asVisitor,
	changeSettings,
	expectNotice,
	fakeQualifiedState,
	logIn,
	openSettings,
	saveSettings,
	SETTINGS_PATH,
} from './helpers';

import { expectNoPluginPhpErrors } from './php-log';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

test( 'a token saved in the admin screen reaches the loader on the home page', async ( {
	page,
	browser,
} ) => {
	await changeSettings( page, () =>
		page.getByLabel( 'Site token' ).fill( 'E2eToken123' )
	);

	await asVisitor( browser, '/?qi_e2e_calls=1', async ( home ) => {
		const src = await home
			.locator( 'head script[src*="qualified.js"]' )
			.getAttribute( 'src' );
		expect(
			new URL( src ?? '', 'http://x' ).searchParams.get( 'token' )
		).toBe( 'E2eToken123' );
		await expect(
			home.locator( 'head script#qualified-integration-stub' )
		).toHaveCount( 1 );

		const state = await fakeQualifiedState( home );
		expect( state.token ).toBe( 'E2eToken123' );
		// The runtime's identify call went through the queue or straight to qualified.js, and arrived.
		expect( state.calls ).toContainEqual(
			expect.objectContaining( {
				method: 'identify',
				args: [ { source: 'wordpress-e2e' } ],
				known: true,
			} )
		);
		expect( state.identity ).toEqual( { source: 'wordpress-e2e' } );
	} );
} );

test( 'an invalid token is refused with a message naming the field, and nothing changes', async ( {
	page,
} ) => {
	await logIn( page );
	await openSettings( page );
	await expect( page.getByLabel( 'Site token' ) ).toHaveValue(
		'E2eToken123'
	);

	await page.getByLabel( 'Site token' ).fill( 'not valid!' );
	await saveSettings( page );
	await expectNotice(
		page,
		'error',
		'Site token: use only letters and digits'
	);
	// The message also sits at the field, which is marked invalid.
	await expect( page.getByLabel( 'Site token' ) ).toHaveAttribute(
		'aria-invalid',
		'true'
	);

	await page.goto( SETTINGS_PATH );
	await expect( page.getByLabel( 'Site token' ) ).toHaveValue(
		'E2eToken123'
	);
} );

test( 'an excluded role does not get the loader; visitors still do', async ( {
	page,
	browser,
} ) => {
	await changeSettings( page, () =>
		page.getByLabel( 'Administrator' ).check()
	);

	await page.goto( '/' );
	await expect( page.locator( 'script[src*="qualified.js"]' ) ).toHaveCount(
		0
	);

	await asVisitor( browser, '/', async ( home ) => {
		await expect(
			home.locator( 'script[src*="qualified.js"]' )
		).toHaveCount( 1 );
	} );
} );

test( 'switching Qualified off removes the loader', async ( {
	page,
	browser,
} ) => {
	await changeSettings( page, () =>
		page.getByLabel( 'Load Qualified on public pages' ).uncheck()
	);

	await asVisitor( browser, '/', async ( home ) => {
		await expect(
			home.locator( 'script[src*="qualified.js"]' )
		).toHaveCount( 0 );
		await expect(
			home.locator( '#qualified-integration-stub' )
		).toHaveCount( 0 );
	} );
} );

test( 'an editor cannot open the settings screen', async ( { page } ) => {
	await logIn( page, 'editor' );
	const response = await page.goto( SETTINGS_PATH );
	expect( response?.status() ).toBe( 403 );
} );

test( 'a token set in wp-config.php is shown locked and wins on the page', async ( {
	page,
	context,
	baseURL,
} ) => {
	await context.addCookies( [
		{ name: 'qi_e2e_lock_token', value: 'FromConfig9', url: baseURL ?? '' },
	] );
	await logIn( page );
	await openSettings( page );

	const token = page.getByLabel( 'Site token' );
	await expect( token ).toBeDisabled();
	await expect( token ).toHaveValue( 'FromConfig9' );
	await expect(
		page.getByText(
			'Locked: set by QUALIFIED_INTEGRATION_TOKEN in wp-config.php.'
		)
	).toBeVisible();

	// Other fields still save, and the locked one is not sent.
	await page.getByLabel( 'Load Qualified on public pages' ).check();
	await page.getByLabel( 'Administrator' ).uncheck();
	await saveSettings( page );
	await expectNotice( page, 'success', 'Settings saved.' );

	await page.goto( '/' );
	await expect(
		page.locator( 'script[src*="qualified.js"]' )
	).toHaveAttribute( 'src', /token=FromConfig9/ );
} );

test( 'the loading moment chosen in Loading & privacy is kept after a reload', async ( {
	page,
} ) => {
	await changeSettings( page, async () => {
		await page.getByRole( 'tab', { name: 'Loading & privacy' } ).click();
		await page
			.getByLabel( 'At the first interaction', { exact: true } )
			.check();
		await page.getByLabel( 'Load anyway after (seconds)' ).fill( '5' );
	} );

	// The tab put #loading in the address: a reload lands there again.
	await expect( page ).toHaveURL( /#loading$/ );
	await page.reload();
	await expect(
		page.getByLabel( 'At the first interaction', { exact: true } )
	).toBeChecked();
	await expect(
		page.getByLabel( 'Load anyway after (seconds)' )
	).toHaveValue( '5' );
	// The consent category belongs to "After consent" alone.
	await expect( page.getByLabel( 'Consent category' ) ).toHaveCount( 0 );
} );

test( 'a delay out of range is refused at its field, with its label, and nothing changes', async ( {
	page,
} ) => {
	await logIn( page );
	await page.goto( `${ SETTINGS_PATH }#loading` );
	const seconds = page.getByLabel( 'Load anyway after (seconds)' );
	await expect( seconds ).toHaveValue( '5' );

	await seconds.fill( '601' );
	await saveSettings( page );
	const message = 'Load anyway after (seconds): must be at most 600.';
	await expectNotice( page, 'error', message );
	await expect( seconds ).toHaveAttribute( 'aria-invalid', 'true' );
	const describedBy =
		( await seconds.getAttribute( 'aria-describedby' ) ) ?? '';
	await expect(
		page.locator( `[id="${ describedBy.split( ' ' )[ 0 ] }"]` )
	).toHaveText( message );

	// A real reload (the unsaved-changes warning accepted): what is stored.
	page.once( 'dialog', ( dialog ) => dialog.accept() );
	await page.reload();
	await expect(
		page.getByLabel( 'Load anyway after (seconds)' )
	).toHaveValue( '5' );

	// Back to the default for the specs that follow on this site.
	await page.getByLabel( 'Immediately', { exact: true } ).check();
	await saveSettings( page );
	await expectNotice( page, 'success', 'Settings saved.' );
} );
