/**
 * The settings screen right to left: with the cookie qi_e2e_rtl=1
 * (tests/fixtures/mu-plugins/qualified-e2e-rtl.php) WordPress runs the
 * request as in a right-to-left language. The screen then says dir="rtl",
 * loads build/admin-rtl.css instead of build/admin.css, puts its tabs from
 * right to left, and no section is wider than the window. The same checks in
 * left to right show that the difference comes from the direction.
 *
 * A screenshot of each section is attached to the report; with
 * QI_SCREENS_DIR set, it is also written there (rtl-<section>.png).
 */

/**
 * External dependencies
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { logIn, openSettings } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

/**
 * How far the page and the settings app reach past the window, in pixels.
 *
 * @param page The settings screen.
 */
async function overflow( page: Page ) {
	return page.evaluate( () => {
		const root = document.documentElement;
		const app = document.getElementById( 'qualified-integration-settings' );
		return {
			page: root.scrollWidth - root.clientWidth,
			app: app ? app.scrollWidth - app.clientWidth : -1,
		};
	} );
}

/**
 * The horizontal middle of each tab, in tab order.
 *
 * @param page The settings screen.
 */
async function tabCentres( page: Page ): Promise< number[] > {
	const tabs = page.getByRole( 'tab' );
	const centres: number[] = [];
	for ( let index = 0; index < ( await tabs.count() ); index++ ) {
		const box = await tabs.nth( index ).boundingBox();
		centres.push( box ? box.x + box.width / 2 : Number.NaN );
	}
	return centres;
}

for ( const direction of [ 'rtl', 'ltr' ] as const ) {
	test( `the settings screen in ${ direction }: direction, stylesheet, tab order, no overflow`, async ( {
		browser,
		baseURL,
	}, testInfo ) => {
		const context = await browser.newContext();
		if ( direction === 'rtl' ) {
			await context.addCookies( [
				{ name: 'qi_e2e_rtl', value: '1', url: baseURL ?? '' },
			] );
		}
		const page = await context.newPage();
		await logIn( page );
		await openSettings( page );

		// WordPress writes dir="rtl" only; left to right is the default.
		expect(
			( await page.locator( 'html' ).getAttribute( 'dir' ) ) ?? 'ltr'
		).toBe( direction );
		expect(
			await page.evaluate(
				() =>
					getComputedStyle(
						document.getElementById(
							'qualified-integration-settings'
						) as HTMLElement
					).direction
			)
		).toBe( direction );
		const isRtl = await page.evaluate( () =>
			(
				window as unknown as {
					wp: { i18n: { isRTL: () => boolean } };
				}
			 ).wp.i18n.isRTL()
		);
		expect( isRtl, 'wp.i18n.isRTL(), which the components read' ).toBe(
			direction === 'rtl'
		);

		// One stylesheet of the plugin's screen, in the page's direction.
		const stylesheets = await page
			.locator( 'link[rel="stylesheet"]' )
			.evaluateAll( ( links ) =>
				links
					.map( ( link ) => ( link as HTMLLinkElement ).href )
					.filter( ( href ) =>
						/\/qualified-integration\/build\/admin/.test( href )
					)
					.map( ( href ) =>
						new URL( href ).pathname.split( '/' ).pop()
					)
			);
		expect( stylesheets ).toEqual( [
			direction === 'rtl' ? 'admin-rtl.css' : 'admin.css',
		] );

		// The tabs run with the text: the first one on the right in RTL.
		const centres = await tabCentres( page );
		expect( centres.length ).toBeGreaterThan( 2 );
		const sorted = [ ...centres ].sort( ( a, b ) =>
			direction === 'rtl' ? b - a : a - b
		);
		expect( centres ).toEqual( sorted );
		// WordPress's own menu mirrors too.
		const menu = await page.locator( '#adminmenuwrap' ).boundingBox();
		const width = page.viewportSize()?.width ?? 0;
		expect( menu && menu.x + menu.width / 2 > width / 2 ).toBe(
			direction === 'rtl'
		);

		const tabs = page.getByRole( 'tab' );
		for ( let index = 0; index < ( await tabs.count() ); index++ ) {
			const tab = tabs.nth( index );
			const name = ( ( await tab.textContent() ) ?? `tab-${ index }` )
				.trim()
				.toLowerCase()
				.replace( /[^a-z0-9]+/g, '-' );
			await tab.click();
			await expect( tab ).toHaveAttribute( 'aria-selected', 'true' );
			await expect( page.getByRole( 'tabpanel' ) ).toBeVisible();
			// The Events section's code loads on demand, and its event log when scrolled to.
			await page.waitForLoadState( 'networkidle' );
			expect(
				await overflow( page ),
				`${ name }: no horizontal overflow`
			).toEqual( {
				page: 0,
				app: 0,
			} );
			if ( direction === 'rtl' ) {
				const shot = await page.screenshot( { fullPage: true } );
				await testInfo.attach( `rtl-${ name }`, {
					body: shot,
					contentType: 'image/png',
				} );
				if ( process.env.QI_SCREENS_DIR ) {
					mkdirSync( process.env.QI_SCREENS_DIR, {
						recursive: true,
					} );
					await page.screenshot( {
						fullPage: true,
						path: join(
							process.env.QI_SCREENS_DIR,
							`rtl-${ name }.png`
						),
					} );
				}
			}
		}
		await context.close();
	} );
}
