/**
 * The per-page override end to end: an editor sets it in the block editor's
 * "Qualified" document panel, publishes, and the public page honours it with
 * the fake qualified.js (an Experience shown; Qualified not loaded at all).
 */

/**
 * External dependencies
 */
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import {
	deletePages,
	openNewPage as openNewEditorPage,
	publish as publishPage,
	type EditorGlobals,
} from './block-editor';
import { asVisitor, fakeQualifiedState, logIn } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

const META_KEY = 'qualified_integration_page';

/** The token before this file ran, put back afterwards. */
let previousToken = '';
/** Pages this file published, deleted afterwards. */
const createdPages: number[] = [];

test.beforeAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	previousToken = ( await ( await rest.get() ).json() ).settings.token;
	const saved = await rest.post( { token: 'E2eEditor1', enabled: true } );
	expect( saved.status(), await saved.text() ).toBe( 200 );
	await context.close();
} );

// Later spec files share this site: leave it as it was.
test.afterAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const rest = await adminRest( page );
	await deletePages( page, createdPages );
	expect( ( await rest.post( { token: previousToken } ) ).status() ).toBe(
		200
	);
	await context.close();
} );

/**
 * Opens a new page in the block editor with the "Qualified" panel expanded.
 *
 * @param page  A page logged in as the editor.
 * @param title Title of the new page.
 */
async function openNewPage( page: Page, title: string ) {
	await openNewEditorPage( page, title );
	// The document tab of the settings sidebar ("Page" on 6.5 and 7.1).
	const documentTab = page.getByRole( 'tab', { name: 'Page' } );
	if ( ( await documentTab.getAttribute( 'aria-selected' ) ) !== 'true' ) {
		await documentTab.click();
	}
	const panelToggle = page.getByRole( 'button', {
		name: 'Qualified',
		exact: true,
	} );
	await expect( panelToggle ).toBeVisible();
	if ( ( await panelToggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
		await panelToggle.click();
	}
	await expect(
		page.getByRole( 'textbox', { name: 'Experience to show' } )
	).toBeVisible();
}

/**
 * Publishes and keeps the page's id to delete it afterwards.
 *
 * @param page The editor.
 */
async function publish( page: Page ) {
	const saved = await publishPage( page );
	createdPages.push( saved.id );
	return saved;
}

test( 'an editor sets an Experience in the Qualified panel and the published page shows it', async ( {
	page,
	browser,
} ) => {
	await logIn( page, 'editor', 'password' );
	await openNewPage( page, 'Override: experience' );

	const experience = page.getByRole( 'textbox', {
		name: 'Experience to show',
	} );
	// Only the digits: refused at once, with the name it should be, and saving waits.
	await experience.fill( '5678' );
	await expect(
		page.getByText(
			'Use the full API name, including "experience-": experience-5678.'
		)
	).toBeVisible();
	await expect( experience ).toHaveAttribute( 'aria-invalid', 'true' );
	expect(
		await page.evaluate( () =>
			( window as unknown as EditorGlobals ).wp.data
				.select( 'core/editor' )
				.isPostSavingLocked()
		)
	).toBe( true );
	await expect(
		page.getByRole( 'checkbox', { name: 'Start collapsed' } )
	).toBeDisabled();

	await experience.fill( 'experience-5678' );
	await expect( page.getByText( 'Use the full API name' ) ).toHaveCount( 0 );
	await expect( experience ).toHaveAttribute( 'aria-invalid', 'false' );
	await expect(
		page.getByRole( 'checkbox', { name: 'Start collapsed' } )
	).toBeEnabled();

	const saved = await publish( page );
	// The normal post save sent the meta, and the server kept it.
	expect( saved.meta[ META_KEY ] ).toMatchObject( {
		experience: 'experience-5678',
	} );
	expect( saved.meta[ META_KEY ] ).not.toHaveProperty( 'hide' );

	await asVisitor( browser, saved.link, async ( view ) => {
		await fakeQualifiedState( view );
		await expect
			.poll( () =>
				view.evaluate(
					() =>
						(
							window as unknown as {
								__fakeQualified: { experiences: unknown[] };
							}
						 ).__fakeQualified.experiences
				)
			)
			.toEqual( [
				{ experience: 'experience-5678', startCollapsed: false },
			] );
		const state = await fakeQualifiedState( view );
		expect(
			state.calls.filter( ( call ) => call.method === 'showExperience' )
		).toEqual( [
			expect.objectContaining( {
				method: 'showExperience',
				args: [ 'experience-5678', false ],
				known: true,
			} ),
		] );
	} );
} );

test( 'a page with "Hide Qualified on this page" has no Qualified script at all', async ( {
	page,
	browser,
} ) => {
	await logIn( page, 'editor', 'password' );
	await openNewPage( page, 'Override: hidden' );

	await page
		.getByRole( 'checkbox', { name: 'Hide Qualified on this page' } )
		.check();
	await expect(
		page.getByText(
			'Qualified is not loaded on this page. The settings below are ignored.'
		)
	).toBeVisible();

	const saved = await publish( page );
	expect( saved.meta[ META_KEY ] ).toMatchObject( { hide: true } );

	await asVisitor( browser, saved.link, async ( view ) => {
		// The page rendered (the theme's title), yet nothing of Qualified is in it.
		await expect(
			view.getByRole( 'heading', { name: 'Override: hidden' } )
		).toBeVisible();
		await expect(
			view.locator( 'script[src*="qualified.js"]' )
		).toHaveCount( 0 );
		await expect(
			view.locator( 'script#qualified-integration-stub' )
		).toHaveCount( 0 );
		expect(
			await view.evaluate( () => ( {
				config: 'qualifiedIntegrationConfig' in window,
				fake: '__fakeQualified' in window,
			} ) )
		).toEqual( { config: false, fake: false } );
	} );

	// The same site still loads Qualified on a page without the override.
	await asVisitor( browser, '/', async ( home ) => {
		expect( ( await fakeQualifiedState( home ) ).token ).toBe(
			'E2eEditor1'
		);
	} );
} );
