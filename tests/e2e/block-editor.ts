/**
 * Steps in the block editor shared by the browser tests: open a new page
 * without the welcome guide or the pattern chooser, publish it, and the REST
 * nonce of a wp-admin page.
 */

/**
 * External dependencies
 */
import { expect, type Page } from '@playwright/test';

/** The parts of the editor's data stores these tests use. */
export interface EditorGlobals {
	wp: {
		data: {
			select: ( store: 'core/editor' ) => {
				getCurrentPostId: () => number | null;
				isPostSavingLocked: () => boolean;
				isCurrentPostPublished: () => boolean;
				isSavingPost: () => boolean;
				getCurrentPost: () => SavedPost;
			};
			dispatch: ( store: 'core/editor' | 'core/preferences' ) => {
				editPost: ( edits: Record< string, unknown > ) => void;
				set: ( scope: string, name: string, value: unknown ) => void;
			};
		};
	};
}

export interface SavedPost {
	id: number;
	link: string;
	meta: Record< string, unknown >;
}

/**
 * The REST nonce of a wp-admin page, for requests made beside it.
 *
 * @param page A wp-admin page with api-fetch loaded.
 */
export async function restHeaders( page: Page ) {
	const nonce = await page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware.nonce
	);
	return { 'X-WP-Nonce': nonce };
}

/**
 * Waits until the editor has loaded its post.
 *
 * @param page The editor.
 */
export const editorReady = ( page: Page ) =>
	page.waitForFunction( () => {
		const { wp } = window as unknown as Partial< EditorGlobals >;
		return !! wp?.data?.select( 'core/editor' )?.getCurrentPostId();
	} );

/**
 * Opens a new page in the block editor, without the welcome guide or the
 * starter-pattern modal, and gives it a title.
 *
 * @param page  A logged-in page.
 * @param title Title of the new page.
 */
export async function openNewPage( page: Page, title: string ) {
	// Turn the guide and the pattern modal off (6.5 knows only the guide; an
	// unknown preference is ignored), then load the editor again: the modal
	// decides when the editor opens.
	await page.goto( '/wp-admin/post-new.php?post_type=page' );
	await editorReady( page );
	await page.evaluate( () => {
		const { wp } = window as unknown as EditorGlobals;
		const preferences = wp.data.dispatch( 'core/preferences' );
		preferences.set( 'core/edit-post', 'welcomeGuide', false );
		preferences.set( 'core', 'enableChoosePatternModal', false );
	} );
	await page.goto( '/wp-admin/post-new.php?post_type=page' );
	await editorReady( page );

	// On a fresh site the preferences may not be stored yet when the editor
	// loads again, and one dialog can follow another (the guide, then the
	// pattern chooser): close each until none is left.
	const modal = page.getByRole( 'dialog' );
	await expect( async () => {
		if ( await modal.count() ) {
			await modal
				.getByRole( 'button', { name: 'Close' } )
				.first()
				.click( { timeout: 2000 } );
		}
		await expect( modal ).toHaveCount( 0, { timeout: 1000 } );
	} ).toPass( { timeout: 20000 } );

	await page.evaluate( ( postTitle ) => {
		const { wp } = window as unknown as EditorGlobals;
		wp.data.dispatch( 'core/editor' ).editPost( { title: postTitle } );
	}, title );
}

/**
 * Publishes through the toolbar and the pre-publish panel, and returns the
 * new page's id, URL and saved meta.
 *
 * @param page The editor.
 */
export async function publish( page: Page ): Promise< SavedPost > {
	await page
		.getByRole( 'region', { name: 'Editor top bar' } )
		.getByRole( 'button', { name: 'Publish', exact: true } )
		.click();
	await page
		.getByRole( 'region', { name: 'Editor publish' } )
		.getByRole( 'button', { name: 'Publish', exact: true } )
		.click();
	await page.waitForFunction( () => {
		const { wp } = window as unknown as EditorGlobals;
		const editor = wp.data.select( 'core/editor' );
		return (
			editor.isCurrentPostPublished() === true &&
			editor.isSavingPost() === false
		);
	} );
	return page.evaluate( () => {
		const { wp } = window as unknown as EditorGlobals;
		return wp.data.select( 'core/editor' ).getCurrentPost();
	} );
}

/**
 * Deletes pages a spec file created (for good, not to the trash), so later
 * spec files find the shared site as it was.
 *
 * @param page A wp-admin page with api-fetch loaded, logged in as admin.
 * @param ids  Page ids.
 */
export async function deletePages( page: Page, ids: number[] ) {
	const headers = await restHeaders( page );
	for ( const id of ids ) {
		const response = await page.request.delete(
			`/wp-json/wp/v2/pages/${ id }?force=true`,
			{ headers }
		);
		expect( response.status(), await response.text() ).toBe( 200 );
	}
}
