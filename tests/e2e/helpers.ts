/**
 * Shared steps of the browser tests.
 */

/**
 * External dependencies
 */
import { expect, type Browser, type Page } from '@playwright/test';

export const SETTINGS_PATH =
	'/wp-admin/options-general.php?page=qualified-integration';

export async function logIn(
	page: Page,
	user = 'admin',
	password = 'password'
) {
	await page.goto( '/wp-login.php' );
	// wp-login.php moves focus to the username field 200 ms after load; typing
	// before that can land the password in the username field.
	await expect( page.locator( '#user_login' ) ).toBeFocused();
	await page.locator( '#user_login' ).fill( user );
	await page.locator( '#user_pass' ).fill( password );
	await expect( page.locator( '#user_login' ) ).toHaveValue( user );
	await page.locator( '#wp-submit' ).click();
	await expect( page ).toHaveURL( /\/wp-admin\/?/ );
}

export async function openSettings( page: Page ) {
	await page.goto( SETTINGS_PATH );
	await expect( page.getByLabel( 'Site token' ) ).toBeVisible();
}

export async function saveSettings( page: Page ) {
	await page.getByRole( 'button', { name: 'Save settings' } ).click();
}

export async function expectNotice(
	page: Page,
	status: 'success' | 'error' | 'warning' | 'info',
	text: string
) {
	await expect(
		page.locator(
			`#qualified-integration-settings .components-notice.is-${ status }`
		)
	).toContainText( text );
}

/**
 * Logs in as admin, makes a change on the settings screen, saves it and
 * waits for the success notice.
 *
 * @param page The page.
 * @param edit Changes the form.
 */
export async function changeSettings(
	page: Page,
	edit: () => Promise< void >
) {
	await logIn( page );
	await openSettings( page );
	await edit();
	await saveSettings( page );
	await expectNotice( page, 'success', 'Settings saved.' );
}

/** What the fake qualified.js recorded, once it has loaded. */
export interface FakeQualifiedState {
	token: string | null;
	queuedCalls: number;
	calls: Array< { method: string; args: unknown[]; known: boolean } >;
	identity: Record< string, unknown >;
}

export async function fakeQualifiedState(
	page: Page
): Promise< FakeQualifiedState > {
	await page.waitForFunction( () => '__fakeQualified' in window );
	return page.evaluate( () => {
		const state = (
			window as unknown as { __fakeQualified: FakeQualifiedState }
		 ).__fakeQualified;
		return {
			token: state.token,
			queuedCalls: state.queuedCalls,
			calls: state.calls,
			identity: state.identity,
		};
	} );
}

/**
 * Opens a path as an anonymous visitor (a fresh browser context, no login
 * cookie) and hands the page to `check`.
 *
 * @param browser The browser.
 * @param path    Path to open.
 * @param check   Assertions on the page.
 */
export async function asVisitor(
	browser: Browser,
	path: string,
	check: ( page: Page ) => Promise< void >
) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto( path );
		await check( page );
	} finally {
		await context.close();
	}
}
