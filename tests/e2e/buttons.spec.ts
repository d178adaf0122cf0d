/**
 * Chat buttons and forms end to end, with the fake qualified.js: an editor
 * inserts the Qualified button block, sets its label and Experience and
 * publishes; a visitor's click starts that Experience; the editor reloads
 * with no block validation error; where Qualified is hidden the button is
 * a plain link to its fallback (or hidden without one). The shortcode and
 * the `qualified-open` class behave alike, and a form is filled from the
 * visitor's identity without touching what the visitor typed.
 */

/**
 * External dependencies
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import {
	deletePages,
	editorReady,
	openNewPage,
	publish,
	restHeaders,
} from './block-editor';
import { asVisitor, fakeQualifiedState, logIn } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

const META_KEY = 'qualified_integration_page';
const EXPERIENCE = 'experience-4242';
const FALLBACK = '/talk-to-us/';

/** Settings before this file ran, put back afterwards. */
let previous: { token: string; mappings: unknown[] } = {
	token: '',
	mappings: [],
};
/** Pages this file created, deleted afterwards. */
const createdPages: number[] = [];
/** The page the editor published with the block. */
let blockPage: { id: number; link: string } | undefined;

test.beforeAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	const { settings } = await ( await rest.get() ).json();
	previous = { token: settings.token, mappings: settings.identity.mappings };
	const saved = await rest.post( {
		token: 'E2eButtons1',
		enabled: true,
		identity: {
			mappings: [
				{ field: 'email', source: 'static', value: 'ada@example.org' },
			],
		},
	} );
	expect( saved.status(), await saved.text() ).toBe( 200 );
	await context.close();
} );

// Later spec files share this site: leave it as it was.
test.afterAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const rest = await adminRest( page );
	await deletePages( page, createdPages );
	const restored = await rest.post( {
		token: previous.token,
		identity: { mappings: previous.mappings },
	} );
	expect( restored.status(), await restored.text() ).toBe( 200 );
	await context.close();
} );

/**
 * The editor canvas: an iframe where the editor uses one (every block of
 * apiVersion 3), else the page itself.
 *
 * @param page The editor.
 */
async function canvas( page: Page ): Promise< FrameLocator | Page > {
	const frame = page.locator( 'iframe[name="editor-canvas"]' );
	return ( await frame.count() )
		? page.frameLocator( 'iframe[name="editor-canvas"]' )
		: page;
}

/**
 * The Experiences the fake qualified.js was asked to show.
 *
 * @param page A public page.
 */
const shownExperiences = ( page: Page ) =>
	page.evaluate( () =>
		(
			window as unknown as {
				__fakeQualified: {
					experiences: Array< { experience: string } >;
				};
			}
		 ).__fakeQualified.experiences.map( ( shown ) => shown.experience )
	);

const openedCount = ( page: Page ) =>
	page.evaluate(
		() =>
			( window as unknown as { __fakeQualified: { opened: number } } )
				.__fakeQualified.opened
	);

test( 'an editor inserts the button block, sets its label and Experience, and a visitor’s click starts it', async ( {
	page,
	browser,
} ) => {
	await logIn( page, 'editor', 'password' );
	await openNewPage( page, 'Buttons: block' );

	// Insert it from the inserter, as an editor would.
	await page
		.getByRole( 'button', { name: /block inserter/i } )
		.first()
		.click();
	await page.getByRole( 'searchbox' ).first().fill( 'Qualified button' );
	await page.getByRole( 'option', { name: 'Qualified button' } ).click();

	const editorCanvas = await canvas( page );
	const label = editorCanvas.getByRole( 'textbox', { name: 'Button text' } );
	await label.click();
	await page.keyboard.type( 'Talk to sales' );
	await expect( label ).toHaveText( 'Talk to sales' );

	// 6.5 closes the settings sidebar when the inserter opens, and stays on
	// the document's tab; 7.1 keeps it open on the Block tab.
	const settingsToggle = page
		.getByRole( 'region', { name: 'Editor top bar' } )
		.getByRole( 'button', { name: 'Settings', exact: true } );
	if ( ( await settingsToggle.getAttribute( 'aria-pressed' ) ) !== 'true' ) {
		await settingsToggle.click();
	}
	const settings = page.getByRole( 'region', { name: 'Editor settings' } );
	const blockTab = page.getByRole( 'tab', { name: 'Block', exact: true } );
	if ( ( await blockTab.getAttribute( 'aria-selected' ) ) !== 'true' ) {
		await blockTab.click();
	}
	await settings
		.getByRole( 'combobox', { name: 'On click' } )
		.selectOption( 'showExperience' );
	const name = settings.getByRole( 'textbox', {
		name: 'Experience API name',
	} );
	await name.fill( EXPERIENCE );
	await settings
		.getByRole( 'textbox', { name: 'Fallback link' } )
		.fill( FALLBACK );
	await expect( name ).toHaveAttribute( 'aria-invalid', 'false' );

	if ( process.env.QI_DOCS_SCREENSHOTS ) {
		await label.click();
		await page.screenshot( {
			path: 'docs/images/button-block-editor.png',
		} );
	}

	const saved = await publish( page );
	createdPages.push( saved.id );
	blockPage = { id: saved.id, link: saved.link };

	await asVisitor( browser, saved.link, async ( view ) => {
		await fakeQualifiedState( view );
		const button = view.getByRole( 'link', { name: 'Talk to sales' } );
		await expect( button ).toHaveAttribute( 'aria-haspopup', 'dialog' );
		await button.click();
		await expect
			.poll( () => shownExperiences( view ) )
			.toEqual( [ EXPERIENCE ] );
		// The click opened the messenger instead of following the fallback.
		expect( new URL( view.url() ).pathname ).not.toBe( FALLBACK );
	} );

	// Loaded again, the saved markup is what the block saves: no validation error.
	await page.goto( `/wp-admin/post.php?post=${ saved.id }&action=edit` );
	await editorReady( page );
	const blocks = await page.evaluate( () => {
		const { wp } = window as unknown as {
			wp: {
				data: {
					select: ( store: 'core/block-editor' ) => {
						getBlocks: () => Array< {
							name: string;
							isValid: boolean;
							attributes: Record< string, unknown >;
						} >;
					};
				};
			};
		};
		return wp.data.select( 'core/block-editor' ).getBlocks();
	} );
	expect( blocks ).toEqual( [
		expect.objectContaining( {
			name: 'qualified-integration/button',
			isValid: true,
			attributes: expect.objectContaining( {
				label: 'Talk to sales',
				action: 'showExperience',
				experience: EXPERIENCE,
				fallback: FALLBACK,
			} ),
		} ),
	] );
	await expect(
		( await canvas( page ) ).getByText( /unexpected or invalid content/ )
	).toHaveCount( 0 );
} );

test( 'where Qualified is hidden on the page, the button is a plain link to its fallback, and one without a fallback is hidden', async ( {
	browser,
} ) => {
	expect( blockPage, 'the first test published the page' ).toBeDefined();
	const context = await browser.newContext();
	const page = await context.newPage();
	await adminRest( page );
	const headers = await restHeaders( page );
	const updated = await page.request.post(
		`/wp-json/wp/v2/pages/${ blockPage!.id }`,
		{
			headers,
			data: {
				meta: { [ META_KEY ]: { hide: true } },
				content:
					`<!-- wp:qualified-integration/button {"action":"showExperience","experience":"${ EXPERIENCE }","fallback":"${ FALLBACK }"} -->\n` +
					`<div class="wp-block-qualified-integration-button"><a class="wp-block-button__link wp-element-button qualified-open" href="${ FALLBACK }" data-qualified-experience="${ EXPERIENCE }">Talk to sales</a></div>\n` +
					'<!-- /wp:qualified-integration/button -->\n\n' +
					'<!-- wp:shortcode -->[qualified_button label="No fallback"]<!-- /wp:shortcode -->',
			},
		}
	);
	expect( updated.status(), await updated.text() ).toBe( 200 );
	await context.close();

	await asVisitor( browser, blockPage!.link, async ( view ) => {
		await expect(
			view.locator( 'script[src*="qualified.js"]' )
		).toHaveCount( 0 );
		await expect(
			view.getByRole( 'button', { name: 'No fallback' } )
		).toBeHidden();
		await view.getByRole( 'link', { name: 'Talk to sales' } ).click();
		await view.waitForURL( ( url ) => url.pathname === FALLBACK );
	} );
} );

test( 'the shortcode and the qualified-open class start and open, and a form is filled without overwriting the visitor', async ( {
	browser,
} ) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	const rest = await adminRest( page );
	const created = await rest.create( '/wp/v2/pages', {
		title: 'Buttons: shortcode, class and form',
		status: 'publish',
		content: [
			'<!-- wp:shortcode -->[qualified_button label="Chat now" experience="experience-77" fallback="/contact/"]<!-- /wp:shortcode -->',
			'<!-- wp:html --><span class="qualified-open" id="span-open">Open the chat</span><!-- /wp:html -->',
			'<!-- wp:html --><form id="lead"><input id="f-email" type="email" data-qualified-field="email"><p class="qualified-field-company"><input id="f-company" type="text"></p><input id="f-phone" type="tel" class="qualified-field-phone"></form><!-- /wp:html -->',
		].join( '\n\n' ),
	} );
	expect( created.status(), await created.text() ).toBe( 201 );
	const { id, link } = await created.json();
	createdPages.push( id );
	await context.close();

	await asVisitor( browser, link, async ( view ) => {
		await fakeQualifiedState( view );

		// The static mapping's identify reached Qualified, and getIdentity handed it back.
		await expect( view.locator( '#f-email' ) ).toHaveValue(
			'ada@example.org'
		);
		await expect( view.locator( '#f-company' ) ).toHaveValue( '' );

		// The visitor types a company; then Qualified learns more and reports it.
		await view.locator( '#f-company' ).fill( 'Visitor Co' );
		await view.evaluate( () => {
			const win = window as unknown as {
				qualified: ( ...args: unknown[] ) => void;
				__fakeQualified: {
					fire: ( name: string, data: object ) => number;
				};
			};
			win.qualified( 'identify', { company: 'Acme', phone: '+33 1 23' } );
			win.__fakeQualified.fire( 'Email Captured', {} );
		} );
		await expect( view.locator( '#f-phone' ) ).toHaveValue( '+33 1 23' );
		await expect( view.locator( '#f-company' ) ).toHaveValue(
			'Visitor Co'
		);

		await view.getByRole( 'link', { name: 'Chat now' } ).click();
		await expect
			.poll( () => shownExperiences( view ) )
			.toEqual( [ 'experience-77' ] );

		// A span is a keyboard button: focus it and press Enter.
		const span = view.getByRole( 'button', { name: 'Open the chat' } );
		await span.focus();
		await view.keyboard.press( 'Enter' );
		await expect.poll( () => openedCount( view ) ).toBe( 1 );
		expect( new URL( view.url() ).pathname ).not.toBe( '/contact/' );
	} );
} );

test( 'the block works in the site editor: inserted into a template, it renders there, valid', async ( {
	page,
} ) => {
	await logIn( page );
	await page.goto( '/wp-admin/site-editor.php?canvas=edit' );
	const editorCanvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
	// The template has loaded when its blocks are in the canvas.
	await expect( editorCanvas.locator( '.is-root-container' ) ).toBeVisible( {
		timeout: 30000,
	} );
	const inserted = await page.evaluate( () => {
		const { wp } = window as unknown as {
			wp: {
				blocks: {
					createBlock: (
						name: string,
						attributes: Record< string, unknown >
					) => { clientId: string };
				};
				data: {
					dispatch: ( store: 'core/block-editor' ) => {
						insertBlocks: ( blocks: unknown[] ) => void;
					};
					select: ( store: 'core/block-editor' ) => {
						getBlock: (
							clientId: string
						) => { name: string; isValid: boolean } | null;
					};
				};
			};
		};
		const block = wp.blocks.createBlock( 'qualified-integration/button', {
			label: 'Chat from the template',
			fallback: '/contact/',
		} );
		wp.data.dispatch( 'core/block-editor' ).insertBlocks( [ block ] );
		return wp.data.select( 'core/block-editor' ).getBlock( block.clientId );
	} );

	expect( inserted ).toMatchObject( {
		name: 'qualified-integration/button',
		isValid: true,
	} );
	await expect(
		editorCanvas.getByRole( 'textbox', { name: 'Button text' } ).filter( {
			hasText: 'Chat from the template',
		} )
	).toBeVisible();
	// Left unsaved: the template stays as the theme ships it.
} );
