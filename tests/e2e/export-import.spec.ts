/**
 * Export & import in the settings screen, against the real routes: the
 * download is the settings in force (webhook secrets only when asked); a
 * file with one change is previewed, applied, and the screen shows it; a
 * malformed file, a file from a newer plugin and an older file's migration
 * are told apart, and a refused file changes nothing.
 */

/**
 * External dependencies
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { expectNotice, logIn, SETTINGS_PATH } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest, SETTINGS_ROUTE } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

const SECRET = 'e2e-export-secret-0123456789';

const WEBHOOK = {
	id: 'crm',
	label: 'CRM',
	url: 'https://crm.example.test/hook',
	secret: SECRET,
};

/**
 * The settings in force, as GET /settings answers them, asked with the
 * nonce of the screen the page shows (the page stays where it is).
 *
 * @param page A page on the settings screen.
 */
async function settingsInForce( page: Page ) {
	const nonce = await page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware.nonce
	);
	const answer = await page.request.get( SETTINGS_ROUTE, {
		headers: { 'X-WP-Nonce': nonce },
	} );
	expect( answer.status() ).toBe( 200 );
	return ( await answer.json() ) as {
		settings: Record< string, unknown > & {
			schemaVersion: number;
			events: { webhooks: Array< Record< string, unknown > > };
		};
		revision: string;
	};
}

async function openSection( page: Page ) {
	await logIn( page );
	await page.goto( `${ SETTINGS_PATH }#export-import` );
	await expect(
		page.getByRole( 'button', { name: 'Download settings (JSON)' } )
	).toBeVisible();
}

/**
 * Downloads the export.
 *
 * @param page A page on the section.
 * @return The file's name and its parsed content.
 */
async function download( page: Page ) {
	const started = page.waitForEvent( 'download' );
	await page
		.getByRole( 'button', { name: 'Download settings (JSON)' } )
		.click();
	const file = await started;
	const path = await file.path();
	return {
		name: file.suggestedFilename(),
		body: JSON.parse( await readFile( path, 'utf8' ) ) as Record<
			string,
			unknown
		> & { events: { webhooks: Array< Record< string, unknown > > } },
	};
}

/**
 * Picks a file through the section's button, as a user does.
 *
 * @param page A page on the section.
 * @param name File name.
 * @param text File contents.
 */
async function chooseFile( page: Page, name: string, text: string ) {
	const chooser = page.waitForEvent( 'filechooser' );
	await page
		.getByRole( 'button', { name: 'Choose a settings file…' } )
		.click();
	await (
		await chooser
	).setFiles( {
		name,
		mimeType: 'application/json',
		buffer: Buffer.from( text ),
	} );
}

test.beforeAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	const saved = await rest.post( {
		token: 'E2eExport1',
		events: { handlers: [], webhooks: [ WEBHOOK ], retentionDays: 45 },
	} );
	expect( saved.status(), await saved.text() ).toBe( 200 );
	await context.close();
} );

test( 'the export is the settings in force, without webhook secrets unless asked', async ( {
	page,
} ) => {
	await openSection( page );
	const { settings } = await settingsInForce( page );
	await expect(
		page.getByLabel( 'Include webhook secrets' )
	).not.toBeChecked();

	const plain = await download( page );
	expect( plain.name ).toMatch(
		/^qualified-settings-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.json$/
	);
	expect( settings.events.webhooks ).toEqual( [ WEBHOOK ] );
	expect( plain.body ).toEqual( {
		...settings,
		events: {
			...settings.events,
			webhooks: settings.events.webhooks.map( ( webhook ) => {
				const copy = { ...webhook };
				delete copy.secret;
				return copy;
			} ),
		},
	} );
	expect( JSON.stringify( plain.body ) ).not.toContain( SECRET );
	await expect(
		page.getByText( `Downloaded ${ plain.name }.` )
	).toBeVisible();

	await page.getByLabel( 'Include webhook secrets' ).check();
	const full = await download( page );
	expect( full.body ).toEqual( settings );
	expect( full.body.events.webhooks[ 0 ]?.secret ).toBe( SECRET );
} );

test( 'a file with one change is previewed, then applied, and the screen shows it', async ( {
	page,
} ) => {
	await openSection( page );
	const before = await settingsInForce( page );
	const exported = await download( page );
	const file = JSON.stringify( { ...exported.body, token: 'E2eImported2' } );

	await chooseFile( page, 'one-change.json', file );
	const preview = page.getByRole( 'region', {
		name: 'What one-change.json changes',
	} );
	await expect( preview ).toBeVisible();
	await expect( preview ).toContainText(
		'The file has settings version 5, the version this plugin uses.'
	);
	await expect( preview ).toContainText(
		'Applying this file changes 1 setting:'
	);
	// The file has no secret: the stored one is kept, so it is no change.
	const rows = preview.locator( '.qi-change' );
	await expect( rows ).toHaveCount( 1 );
	await expect( rows.first() ).toContainText( 'Site token' );
	await expect( rows.first() ).toContainText( 'token' );
	await expect( rows.first() ).toContainText(
		'"E2eExport1"→becomes"E2eImported2"'
	);
	// Nothing is written by the preview.
	expect( ( await settingsInForce( page ) ).revision ).toBe(
		before.revision
	);

	await page.getByRole( 'button', { name: 'Apply these changes' } ).click();
	await expectNotice(
		page,
		'success',
		'Imported the settings file: 1 setting changed.'
	);
	await expect( preview ).toHaveCount( 0 );

	// The rest of the screen took the new settings, and has nothing unsaved.
	await page.getByRole( 'tab', { name: 'General' } ).click();
	await expect( page.getByLabel( 'Site token' ) ).toHaveValue(
		'E2eImported2'
	);
	await expect(
		page.getByRole( 'button', { name: 'Save settings' } )
	).toBeDisabled();

	const after = await settingsInForce( page );
	expect( after.settings.token ).toBe( 'E2eImported2' );
	expect( after.settings.events.webhooks[ 0 ]?.secret ).toBe( SECRET );
} );

test( 'an older file is migrated in the preview, and the same file again is "No changes"', async ( {
	page,
} ) => {
	await openSection( page );
	const exported = await download( page );
	await chooseFile( page, 'same.json', JSON.stringify( exported.body ) );
	await expect(
		page.getByText( 'No changes: the file matches the settings in force.' )
	).toBeVisible();
	await expect(
		page.getByRole( 'button', { name: 'Apply these changes' } )
	).toHaveCount( 0 );
	await page.getByRole( 'button', { name: 'Cancel' } ).click();

	// Version 4 had no `loading`: the migration gives it Qualified's immediate load.
	const { loading, ...older } = exported.body;
	expect( loading ).toBeDefined();
	await chooseFile(
		page,
		'older.json',
		JSON.stringify( { ...older, schemaVersion: 4 } )
	);
	await expect(
		page.getByRole( 'region', { name: 'What older.json changes' } )
	).toContainText(
		'It will be migrated from version 4 to version 5, as an update of the plugin would.'
	);
	await page.getByRole( 'button', { name: 'Cancel' } ).click();
} );

for ( const [ what, name, text, message ] of [
	[
		'a malformed file',
		'broken.json',
		'{"schemaVersion": 5, "token": ',
		'The file is not valid JSON',
	],
	[
		'a file from a newer plugin',
		'newer.json',
		JSON.stringify( { schemaVersion: 99, token: 'E2eNewer3' } ),
		'This file is from a newer version of the plugin (settings version 99)',
	],
] as const ) {
	test( `${ what } is refused with its message at the file field, and nothing changes`, async ( {
		page,
	} ) => {
		await openSection( page );
		const before = await settingsInForce( page );
		await chooseFile( page, name, text );

		const refusal = page.locator(
			'#qi-field-importFile-error .components-notice.is-error'
		);
		await expect( refusal ).toContainText(
			`Settings file: ${ name } was not imported, nothing changed.`
		);
		await expect( refusal ).toContainText( message );
		const picker = page.getByRole( 'button', {
			name: 'Choose a settings file…',
		} );
		await expect( picker ).toHaveAttribute( 'aria-invalid', 'true' );
		await expect( picker ).toHaveAttribute(
			'aria-describedby',
			/^qi-field-importFile-error /
		);
		await expect( page.locator( '.qi-import-preview' ) ).toHaveCount( 0 );

		const after = await settingsInForce( page );
		expect( after.revision ).toBe( before.revision );
		expect( after.settings ).toEqual( before.settings );
	} );
}

test( 'a file with bad values or unknown fields lists every message, and nothing changes', async ( {
	page,
} ) => {
	await openSection( page );
	const before = await settingsInForce( page );
	const refusal = page.locator(
		'#qi-field-importFile-error .components-notice.is-error'
	);

	await chooseFile(
		page,
		'bad-values.json',
		JSON.stringify( {
			schemaVersion: before.settings.schemaVersion,
			token: 'not valid!',
			excludeRoles: 'administrator',
		} )
	);
	await expect( refusal ).toContainText( 'bad-values.json was not imported' );
	const messages = await refusal.locator( 'li' ).allTextContents();
	expect( messages ).toEqual( [
		expect.stringMatching( /^Site token: / ),
		expect.stringMatching( /^Never load for these roles: / ),
	] );

	await chooseFile(
		page,
		'unknown.json',
		JSON.stringify( {
			schemaVersion: before.settings.schemaVersion,
			surprise: true,
			another: 1,
		} )
	);
	await expect( refusal ).toContainText( 'unknown.json was not imported' );
	const unknown = await refusal.locator( 'li' ).allTextContents();
	expect( unknown ).toHaveLength( 2 );
	expect( unknown.join( '\n' ) ).toMatch( /surprise/ );
	expect( unknown.join( '\n' ) ).toMatch( /another/ );

	const after = await settingsInForce( page );
	expect( after.revision ).toBe( before.revision );
} );

test( 'a file over 1 MB is refused in the browser, before it is sent', async ( {
	page,
} ) => {
	await openSection( page );
	let sent = 0;
	page.on( 'request', ( request ) => {
		if ( request.url().includes( 'settings/import' ) ) {
			sent++;
		}
	} );
	await chooseFile(
		page,
		'huge.json',
		`{"schemaVersion":5,"pad":"${ 'x'.repeat( 2 * 1048576 ) }"}`
	);
	await expect(
		page.locator( '#qi-field-importFile-error .components-notice.is-error' )
	).toContainText( 'Settings file: the file is 2.1 MB, more than the 1 MB' );
	expect( sent ).toBe( 0 );
} );
