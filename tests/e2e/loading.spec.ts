/**
 * The loading strategies end to end, with the fake qualified.js: for each
 * strategy the vendor script is absent before its trigger and present
 * after; a click on a chat button before it loaded loads it and opens the
 * messenger; with `consent`, the JS hook grants loading without a reload,
 * and a visitor who never consents gets no qualified.js and no call.
 */

/**
 * External dependencies
 */
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { deletePages } from './block-editor';
import { asVisitor, fakeQualifiedState } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

const IMMEDIATE = {
	strategy: 'immediate',
	maxDelay: 0,
	consentCategory: 'marketing',
};

/** Settings before this file ran, put back afterwards. */
let previous: { token: string; loading: unknown } = {
	token: '',
	loading: IMMEDIATE,
};
/** The page with a chat button this file created. */
let buttonPage: { id: number; link: string } | undefined;

/**
 * Saves settings through the REST API as the admin.
 *
 * @param page    A page of a fresh context.
 * @param changes The change.
 */
async function save( page: Page, changes: Record< string, unknown > ) {
	const rest = await adminRest( page );
	const saved = await rest.post( changes );
	expect( saved.status(), await saved.text() ).toBe( 200 );
}

test.beforeAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const rest = await adminRest( page );
	const { settings } = await ( await rest.get() ).json();
	previous = { token: settings.token, loading: settings.loading };
	const saved = await rest.post( { token: 'E2eLoading1', enabled: true } );
	expect( saved.status(), await saved.text() ).toBe( 200 );
	const created = await rest.create( '/wp/v2/pages', {
		title: 'Loading: a chat button',
		status: 'publish',
		content:
			'<!-- wp:shortcode -->[qualified_button label="Chat now"]<!-- /wp:shortcode -->',
	} );
	expect( created.status(), await created.text() ).toBe( 201 );
	buttonPage = await created.json();
	await context.close();
} );

// Later spec files share this site: leave it as it was.
test.afterAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await save( page, { token: previous.token, loading: previous.loading } );
	await deletePages( page, buttonPage ? [ buttonPage.id ] : [] );
	await context.close();
} );

/**
 * Sets the strategy (and its options) for the next visits.
 *
 * @param browser The browser.
 * @param loading The `loading` values that differ from immediate.
 */
async function useStrategy(
	browser: import( '@playwright/test' ).Browser,
	loading: Record< string, unknown >
) {
	const context = await browser.newContext();
	await save( await context.newPage(), {
		loading: { ...IMMEDIATE, ...loading },
	} );
	await context.close();
}

/**
 * Whether the page holds a qualified.js script element, and whether it ran.
 * @param page
 */
const vendorState = ( page: Page ) =>
	page.evaluate( () => ( {
		tags: document.querySelectorAll( 'script[src*="qualified.js"]' ).length,
		ran: '__fakeQualified' in window,
	} ) );

test( 'immediate prints qualified.js in the HTML, as the snippet does', async ( {
	browser,
} ) => {
	await useStrategy( browser, { strategy: 'immediate' } );
	await asVisitor( browser, '/', async ( page ) => {
		const html = await ( await page.request.get( '/' ) ).text();
		expect( html ).toMatch(
			/<script[^>]+qualified\.js\?token=E2eLoading1/
		);
		expect( ( await fakeQualifiedState( page ) ).token ).toBe(
			'E2eLoading1'
		);
	} );
} );

test( 'idle adds qualified.js after the load event, not in the HTML', async ( {
	browser,
} ) => {
	await useStrategy( browser, { strategy: 'idle' } );
	await asVisitor( browser, '/', async ( page ) => {
		const html = await ( await page.request.get( '/' ) ).text();
		expect( html ).not.toMatch( /<script[^>]+qualified\.js/ );
		await fakeQualifiedState( page );
		const timing = await page.evaluate( () => {
			const [ nav ] = performance.getEntriesByType(
				'navigation'
			) as PerformanceNavigationTiming[];
			const vendor = performance
				.getEntriesByType( 'resource' )
				.find( ( entry ) => entry.name.includes( 'qualified.js' ) );
			return {
				loadEventStart: nav!.loadEventStart,
				requested: vendor ? vendor.startTime : -1,
			};
		} );
		expect( timing.requested ).toBeGreaterThanOrEqual(
			timing.loadEventStart
		);
	} );
} );

test( 'interaction waits for the visitor, then loads on the first scroll or key', async ( {
	browser,
} ) => {
	await useStrategy( browser, { strategy: 'interaction' } );
	await asVisitor( browser, '/', async ( page ) => {
		await page.waitForLoadState( 'load' );
		// Long enough for idle loading to have happened: this one must not.
		await page.waitForTimeout( 1500 );
		expect( await vendorState( page ) ).toEqual( { tags: 0, ran: false } );

		await page.keyboard.press( 'ArrowDown' );
		await fakeQualifiedState( page );
		expect( ( await vendorState( page ) ).tags ).toBe( 1 );
	} );
} );

test( 'interaction with a maximum delay loads without any interaction', async ( {
	browser,
} ) => {
	await useStrategy( browser, { strategy: 'interaction', maxDelay: 2 } );
	await asVisitor( browser, '/', async ( page ) => {
		await page.waitForLoadState( 'load' );
		expect( ( await vendorState( page ) ).ran ).toBe( false );
		await fakeQualifiedState( page );
	} );
} );

test( 'a chat button clicked before qualified.js loaded loads it and opens the messenger', async ( {
	browser,
} ) => {
	await useStrategy( browser, { strategy: 'interaction' } );
	await asVisitor( browser, buttonPage!.link, async ( page ) => {
		await page.waitForLoadState( 'load' );
		const button = page.getByRole( 'button', { name: 'Chat now' } );
		await expect( button ).toBeVisible();
		expect( ( await vendorState( page ) ).ran ).toBe( false );

		// The click is the first interaction: it loads qualified.js and queues open.
		await button.click();
		await expect
			.poll( async () =>
				( await fakeQualifiedState( page ) ).calls.map(
					( call ) => call.method
				)
			)
			.toContain( 'open' );
	} );
} );

test( 'consent: nothing loads until the banner grants it through the JS hook, then without a reload', async ( {
	browser,
} ) => {
	await useStrategy( browser, { strategy: 'consent' } );
	await asVisitor( browser, buttonPage!.link, async ( page ) => {
		await page.waitForLoadState( 'load' );
		await page.mouse.wheel( 0, 300 );
		await page.waitForTimeout( 1000 );
		expect( await vendorState( page ) ).toEqual( { tags: 0, ran: false } );
		// No consent, no chat button (it has no fallback link).
		await expect(
			page.getByRole( 'button', { name: 'Chat now' } )
		).toBeHidden();
		const queued = await page.evaluate(
			() =>
				(
					window as unknown as {
						qualified?: { q?: unknown[] };
					}
				 ).qualified?.q?.length ?? 0
		);
		expect( queued, 'nothing queued for Qualified' ).toBe( 0 );

		await page.evaluate( () =>
			(
				window as unknown as {
					qualifiedIntegration: { grantConsent: () => void };
				}
			 ).qualifiedIntegration.grantConsent()
		);
		const state = await fakeQualifiedState( page );
		expect( state.token ).toBe( 'E2eLoading1' );
		await expect(
			page.getByRole( 'button', { name: 'Chat now' } )
		).toBeVisible();
	} );
} );

test( 'consent: the DOM event grants it too', async ( { browser } ) => {
	await useStrategy( browser, { strategy: 'consent' } );
	await asVisitor( browser, '/', async ( page ) => {
		await page.waitForLoadState( 'load' );
		expect( ( await vendorState( page ) ).ran ).toBe( false );
		await page.evaluate( () =>
			document.dispatchEvent(
				new CustomEvent( 'qualified-integration:consent', {
					detail: { granted: true },
				} )
			)
		);
		await fakeQualifiedState( page );
	} );
} );

test( 'consent through the WP Consent API: its category only, and without a reload', async ( {
	browser,
} ) => {
	await useStrategy( browser, {
		strategy: 'consent',
		consentCategory: 'marketing',
	} );
	// The WP Consent API stand-in (tests/fixtures/wp-consent-api: written from the
	// plugin's public docs, as no package registry here has the plugin) is off by default.
	const switchApi = async ( on: boolean ) => {
		const context = await browser.newContext();
		const rest = await adminRest( await context.newPage() );
		const saved = await rest.create( '/wp/v2/settings', {
			qi_e2e_consent_api: on ? '1' : '0',
		} );
		expect( saved.status(), await saved.text() ).toBe( 200 );
		await context.close();
	};
	await switchApi( true );
	try {
		await asVisitor( browser, '/', async ( page ) => {
			await page.waitForFunction(
				() =>
					typeof ( window as { wp_set_consent?: unknown } )
						.wp_set_consent === 'function'
			);
			await page.waitForLoadState( 'load' );
			expect( ( await vendorState( page ) ).ran ).toBe( false );

			// Another category granted: still nothing.
			await page.evaluate( () =>
				(
					window as unknown as {
						wp_set_consent: ( c: string, v: string ) => void;
					}
				 ).wp_set_consent( 'statistics', 'allow' )
			);
			await page.waitForTimeout( 500 );
			expect( await vendorState( page ) ).toEqual( {
				tags: 0,
				ran: false,
			} );

			await page.evaluate( () =>
				(
					window as unknown as {
						wp_set_consent: ( c: string, v: string ) => void;
					}
				 ).wp_set_consent( 'marketing', 'allow' )
			);
			expect( ( await fakeQualifiedState( page ) ).token ).toBe(
				'E2eLoading1'
			);
		} );
	} finally {
		await switchApi( false );
	}
} );
