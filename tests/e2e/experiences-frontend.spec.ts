/**
 * Experience rules end to end on public pages, with the fake qualified.js:
 * rules saved through the REST API decide showExperience, open and hide in
 * the visitor's browser (or in PHP, for page facts), and follow SPA navigation.
 */

/**
 * External dependencies
 */
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { asVisitor, fakeQualifiedState } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

interface FakeExperienceState {
	experiences: Array< { experience: string; startCollapsed: boolean } >;
	opened: number;
	pages: number;
}

async function experienceState( page: Page ): Promise< FakeExperienceState > {
	await fakeQualifiedState( page );
	return page.evaluate( () => {
		const state = (
			window as unknown as { __fakeQualified: FakeExperienceState }
		 ).__fakeQualified;
		return {
			experiences: state.experiences,
			opened: state.opened,
			pages: state.pages,
		};
	} );
}

test.beforeAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	const ids: Record< string, number > = {};
	for ( const slug of [ 'pricing', 'careers', 'demo' ] ) {
		const response = await rest.create( '/wp/v2/pages', {
			title: slug,
			slug,
			status: 'publish',
		} );
		expect( response.status(), await response.text() ).toBe( 201 );
		ids[ slug ] = ( await response.json() ).id;
	}
	const saved = await rest.post( {
		token: 'E2eRules1',
		experiences: {
			spa: true,
			rules: [
				// First: the first showExperience or hide that matches wins, and this one PHP can decide.
				{
					id: 'no-chat-on-careers',
					when: [ { type: 'post', ids: [ ids.careers ] } ],
					then: { action: 'hide' },
				},
				{
					id: 'pricing-linkedin',
					label: 'Pricing visitors from LinkedIn </script>',
					when: [
						{ type: 'path', op: 'prefix', value: '/pricing' },
						{
							type: 'query',
							key: 'utm_source',
							op: 'equals',
							value: 'linkedin',
						},
					],
					then: {
						action: 'showExperience',
						experience: 'experience-1234',
					},
				},
				{
					id: 'no-chat-on-request',
					when: [
						{
							type: 'query',
							key: 'nochat',
							op: 'equals',
							value: '1',
						},
					],
					then: { action: 'hide' },
				},
				{
					id: 'open-on-demo',
					when: [
						{ type: 'path', op: 'prefix', value: '/demo' },
						{ type: 'time_on_page', seconds: 2 },
					],
					then: { action: 'open' },
				},
				{
					id: 'spa-target',
					when: [
						{ type: 'path', op: 'equals', value: '/spa-target/' },
					],
					then: {
						action: 'showExperience',
						experience: 'experience-9999',
						startCollapsed: true,
					},
				},
			],
		},
	} );
	expect( saved.status(), await saved.text() ).toBe( 200 );
	await context.close();
} );

// Later spec files share this site: leave it without rules.
test.afterAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	expect(
		(
			await rest.post( {
				token: '',
				experiences: { spa: false, rules: [] },
			} )
		).status()
	).toBe( 200 );
	await context.close();
} );

test( 'the pricing Experience starts for LinkedIn visitors of /pricing/ only', async ( {
	browser,
} ) => {
	await asVisitor(
		browser,
		'/pricing/?utm_source=linkedin',
		async ( page ) => {
			expect( ( await experienceState( page ) ).experiences ).toEqual( [
				{ experience: 'experience-1234', startCollapsed: false },
			] );
		}
	);
	for ( const path of [ '/pricing/', '/?utm_source=linkedin', '/demo/' ] ) {
		await asVisitor( browser, path, async ( page ) => {
			expect( ( await experienceState( page ) ).experiences ).toEqual(
				[]
			);
		} );
	}
} );

test( 'a hide rule on page facts removes the loader from the page', async ( {
	browser,
} ) => {
	await asVisitor( browser, '/careers/', async ( page ) => {
		const html = await page.content();
		expect( html ).not.toContain( 'qualified.js' );
		expect( html ).not.toContain( 'QualifiedObject' );
		expect( html ).not.toContain( 'qualifiedIntegrationConfig' );
	} );
} );

test( 'a hide rule on visitor facts holds qualified.js back, and lets it load elsewhere', async ( {
	browser,
} ) => {
	await asVisitor( browser, '/?nochat=1', async ( page ) => {
		// The runtime has run (it announces itself) and decided: no vendor script.
		await page.waitForFunction( () => 'qualified' in window );
		await page.waitForLoadState( 'load' );
		await expect(
			page.locator( 'script[src*="qualified.js"]' )
		).toHaveCount( 0 );
		expect( await page.evaluate( () => '__fakeQualified' in window ) ).toBe(
			false
		);
	} );
	await asVisitor( browser, '/?nochat=0', async ( page ) => {
		const state = await fakeQualifiedState( page );
		expect( state.token ).toBe( 'E2eRules1' );
	} );
} );

test( 'open after 2 seconds on /demo/ fires once', async ( { browser } ) => {
	await asVisitor( browser, '/demo/', async ( page ) => {
		await fakeQualifiedState( page );
		await page.waitForFunction(
			() =>
				(
					window as unknown as {
						__fakeQualified: { opened: number };
					}
				 ).__fakeQualified.opened > 0
		);
		// Long enough for a second timer of the same rule, had there been one.
		await page.waitForTimeout( 3000 );
		expect( ( await experienceState( page ) ).opened ).toBe( 1 );
	} );
} );

test( "pushState navigation calls page() and applies the new page's rule", async ( {
	browser,
} ) => {
	await asVisitor( browser, '/', async ( page ) => {
		expect( ( await experienceState( page ) ).pages ).toBe( 0 );
		await page.evaluate( () =>
			window.history.pushState( {}, '', '/spa-target/' )
		);
		await page.waitForFunction(
			() =>
				(
					window as unknown as {
						__fakeQualified: { pages: number };
					}
				 ).__fakeQualified.pages > 0
		);
		const state = await experienceState( page );
		expect( state.pages ).toBe( 1 );
		expect( state.experiences ).toEqual( [
			{ experience: 'experience-9999', startCollapsed: true },
		] );
	} );
} );
