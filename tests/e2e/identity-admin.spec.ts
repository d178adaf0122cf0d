/**
 * The Identity section of the settings screen, end to end: mappings are
 * added, saved and read back; a bad field name is refused at its row; the
 * section is deep-linkable; a stale save is refused with a way to reload.
 */

/**
 * External dependencies
 */
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import {
	expectNotice,
	logIn,
	openSettings,
	saveSettings,
	SETTINGS_PATH,
} from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

const cell = ( page: Page, row: number, column: string ) =>
	page.getByLabel( `Mapping ${ row }, ${ column }`, { exact: true } );

async function openIdentity( page: Page ) {
	await page.goto( `${ SETTINGS_PATH }#identity` );
	await expect(
		page.getByRole( 'button', { name: 'Add mapping' } )
	).toBeVisible();
}

test( 'an admin adds two mappings, saves, and finds them after a reload', async ( {
	page,
} ) => {
	// Start from a site without a token and mappings, whatever ran before.
	const rest = await adminRest( page );
	expect(
		(
			await rest.post( { token: '', identity: { mappings: [] } } )
		).status()
	).toBe( 200 );
	await openSettings( page );
	await page.getByRole( 'tab', { name: 'Identity' } ).click();
	await expect( page ).toHaveURL( /#identity$/ );

	const add = page.getByRole( 'button', { name: 'Add mapping' } );
	await add.click();
	// The new row's first input takes focus, so the keyboard can go on from there.
	await expect( cell( page, 1, 'Qualified field' ) ).toBeFocused();
	await page.keyboard.type( 'email' );
	await expect( cell( page, 1, 'Source' ) ).toHaveValue( 'user.email' );
	await expect( cell( page, 1, 'Key' ) ).toHaveCount( 0 );

	await add.click();
	await cell( page, 2, 'Qualified field' ).fill( 'company' );
	await cell( page, 2, 'Source' ).selectOption( 'user.meta' );
	await cell( page, 2, 'Key' ).fill( 'billing_company' );
	// "Keep for the visit" is only for sources read in the browser.
	await expect( cell( page, 2, 'Keep for the visit' ) ).toHaveCount( 0 );

	await saveSettings( page );
	// The fresh site has no token yet: the save says so instead of a bare "Settings saved.".
	await expectNotice(
		page,
		'warning',
		'Settings saved, but Qualified will not load until you add your site token.'
	);
	await expect( page.locator( '.qi-status' ) ).toContainText(
		'Qualified is not loading:'
	);

	await page.reload();
	await expect(
		page.getByRole( 'tab', { name: 'Identity' } )
	).toHaveAttribute( 'aria-selected', 'true' );
	await expect( cell( page, 1, 'Qualified field' ) ).toHaveValue( 'email' );
	await expect( cell( page, 1, 'Source' ) ).toHaveValue( 'user.email' );
	await expect( cell( page, 2, 'Qualified field' ) ).toHaveValue( 'company' );
	await expect( cell( page, 2, 'Source' ) ).toHaveValue( 'user.meta' );
	await expect( cell( page, 2, 'Key' ) ).toHaveValue( 'billing_company' );
	await expect( cell( page, 3, 'Qualified field' ) ).toHaveCount( 0 );
} );

test( 'a bad field name is shown at its row, marked invalid, and nothing is saved', async ( {
	page,
} ) => {
	await logIn( page );
	await openIdentity( page );

	await page.getByRole( 'button', { name: 'Add mapping' } ).click();
	const field = cell( page, 3, 'Qualified field' );
	await field.fill( 'not a name' );
	await saveSettings( page );

	await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
	const describedBy =
		( await field.getAttribute( 'aria-describedby' ) ) ?? '';
	const message = page.locator( `[id="${ describedBy.split( ' ' )[ 0 ] }"]` );
	await expect( message ).toHaveText( /^Mapping 3, Qualified field: / );
	// The rows that were fine are not marked.
	await expect( cell( page, 1, 'Qualified field' ) ).not.toHaveAttribute(
		'aria-invalid',
		'true'
	);
	// The page-level notice lists it too, and leads to the field.
	await expectNotice( page, 'error', 'Mapping 3, Qualified field' );
	await page
		.locator( '.components-notice.is-error' )
		.getByRole( 'button', { name: /^Mapping 3, Qualified field/ } )
		.click();
	await expect( field ).toBeFocused();

	// Fixing the field clears its mark.
	await field.fill( 'plan' );
	await expect( field ).not.toHaveAttribute( 'aria-invalid', 'true' );

	// Leaving with unsaved changes asks first.
	const asked = new Promise< string >( ( resolve ) =>
		page.once( 'dialog', ( dialog ) => {
			resolve( dialog.type() );
			void dialog.accept();
		} )
	);
	await page.reload();
	expect( await asked ).toBe( 'beforeunload' );
	await expect(
		page.getByRole( 'button', { name: 'Add mapping' } )
	).toBeVisible();
	await expect( cell( page, 3, 'Qualified field' ) ).toHaveCount( 0 );
	await expect( cell( page, 2, 'Key' ) ).toHaveValue( 'billing_company' );
} );

test( 'rows move and go with the keyboard, and the move is saved', async ( {
	page,
} ) => {
	await logIn( page );
	await openIdentity( page );

	const down = page.getByRole( 'button', { name: 'Move mapping 1 down' } );
	await down.focus();
	await page.keyboard.press( 'Enter' );
	await expect( cell( page, 1, 'Qualified field' ) ).toHaveValue( 'company' );
	await expect( cell( page, 2, 'Qualified field' ) ).toHaveValue( 'email' );
	// The moved row is now last, so its "down" is disabled: focus went to its "up".
	await expect(
		page.getByRole( 'button', { name: 'Move mapping 2 up' } )
	).toBeFocused();

	await saveSettings( page );
	await expectNotice( page, 'warning', 'Settings saved' );
	await page.reload();
	await expect( cell( page, 1, 'Qualified field' ) ).toHaveValue( 'company' );

	await page.getByRole( 'button', { name: 'Remove mapping 1' } ).click();
	await expect( cell( page, 1, 'Qualified field' ) ).toHaveValue( 'email' );
	await expect( page.getByText( 'You have unsaved changes.' ) ).toBeVisible();
} );

test( 'a save made on stale settings is refused with a way to load the latest', async ( {
	page,
	context,
} ) => {
	await logIn( page );
	await openSettings( page );

	const other = await context.newPage();
	await other.goto( SETTINGS_PATH );
	await other.getByLabel( 'Site token' ).fill( 'OtherTab1' );
	await saveSettings( other );
	await expectNotice( other, 'success', 'Settings saved.' );
	await expect( other.locator( '.qi-status' ) ).toContainText(
		'Qualified is live on your site.'
	);
	await other.close();

	await page.getByLabel( 'Site token' ).fill( 'ThisTab2' );
	await saveSettings( page );
	await expectNotice( page, 'error', 'someone else saved them' );
	await page
		.getByRole( 'button', { name: /Load the latest settings/ } )
		.click();
	await expect( page.getByLabel( 'Site token' ) ).toHaveValue( 'OtherTab1' );
} );

test( 'pasting the install snippet keeps only the token', async ( {
	page,
} ) => {
	await logIn( page );
	await openSettings( page );
	await page
		.getByLabel( 'Site token' )
		.fill(
			'<script async src="https://js.qualified.com/qualified.js?token=Pasted9Tok"></script>'
		);
	await expect( page.getByLabel( 'Site token' ) ).toHaveValue( 'Pasted9Tok' );
	await expect(
		page.getByText( 'Took the token out of the pasted snippet.' )
	).toBeVisible();
} );
