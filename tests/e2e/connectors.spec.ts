/**
 * WordPress 7's Settings -> Connectors screen: Qualified is listed there, and
 * a token saved on that screen is the one the plugin uses (one settings
 * object, no second copy).
 */

/**
 * External dependencies
 */
import { expect, test } from '@playwright/test';

/**
 * Internal dependencies
 */
import { asVisitor } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

// bin/test-all.sh names the version of each lane; the suite's default site is current WordPress.
const wordpress = process.env.QI_WP_VERSION ?? '7.1';
const hasConnectors = Number.parseFloat( wordpress ) >= 7;

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

// Later spec files share this site: leave it without a token, as it started.
test.afterAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	expect( ( await rest.post( { token: '' } ) ).status() ).toBe( 200 );
	await context.close();
} );

test( 'a token set on Settings -> Connectors is the token the plugin loads', async ( {
	page,
	browser,
} ) => {
	test.skip(
		! hasConnectors,
		`WordPress ${ wordpress } has no Connectors screen (7.0+)`
	);
	const rest = await adminRest( page );
	expect( ( await rest.post( { token: '' } ) ).status() ).toBe( 200 );

	await page.goto( '/wp-admin/options-connectors.php' );
	await expect(
		page.getByRole( 'heading', { name: 'Qualified', exact: true } )
	).toBeVisible();
	await expect(
		page.getByText( 'The Qualified messenger on your pages' )
	).toBeVisible();
	await page.getByRole( 'button', { name: 'Set up' } ).click();
	await page.getByPlaceholder( 'Enter your API key' ).fill( 'Connector7Tok' );
	const saved = page.waitForResponse(
		( response ) =>
			response.url().includes( 'settings' ) &&
			response.request().method() === 'POST'
	);
	await page.getByRole( 'button', { name: 'Save' } ).click();
	expect( ( await saved ).status() ).toBe( 200 );

	const { settings } = await ( await rest.get() ).json();
	expect( settings.token ).toBe( 'Connector7Tok' );

	await asVisitor( browser, '/', async ( home ) => {
		const src = await home
			.locator( 'head script[src*="qualified.js"]' )
			.getAttribute( 'src' );
		expect(
			new URL( src ?? '', 'http://x' ).searchParams.get( 'token' )
		).toBe( 'Connector7Tok' );
	} );
} );

test( 'before WordPress 7 the plugin adds no Connectors screen of its own', async ( {
	page,
} ) => {
	test.skip(
		hasConnectors,
		`WordPress ${ wordpress } has a Connectors screen`
	);
	await adminRest( page );
	await page.goto( '/wp-admin/options-general.php' );
	await expect(
		page.locator( '#adminmenu a[href="options-connectors.php"]' )
	).toHaveCount( 0 );
} );
