/**
 * Talks to the plugin's REST API as the logged-in admin, the way the
 * settings screen does: a cookie session plus the REST nonce that core's
 * api-fetch holds on that screen.
 */

/**
 * External dependencies
 */
import { expect, type APIResponse, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { logIn, SETTINGS_PATH } from './helpers';

export const SETTINGS_ROUTE = '/wp-json/qualified-integration/v1/settings';

export interface AdminRest {
	/** GET the settings payload. */
	get: () => Promise< APIResponse >;
	/** POST a partial change, optionally with If-Match. */
	post: (
		changes: Record< string, unknown >,
		revision?: string
	) => Promise< APIResponse >;
	/** POST to any REST route, e.g. `/wp/v2/pages`. */
	create: (
		route: string,
		data: Record< string, unknown >
	) => Promise< APIResponse >;
}

/**
 * Logs in as admin, opens the settings screen and returns a REST client that
 * uses that session's cookies and nonce.
 *
 * @param page A page of a fresh context.
 * @return The client.
 */
export async function adminRest( page: Page ): Promise< AdminRest > {
	await logIn( page );
	await page.goto( SETTINGS_PATH );
	const nonce = await page.evaluate( () => {
		const wp = (
			window as unknown as {
				wp?: { apiFetch?: { nonceMiddleware?: { nonce?: string } } };
			}
		 ).wp;
		return wp?.apiFetch?.nonceMiddleware?.nonce ?? '';
	} );
	expect( nonce, 'the settings screen holds a REST nonce' ).not.toBe( '' );

	return {
		get: () =>
			page.request.get( SETTINGS_ROUTE, {
				headers: { 'X-WP-Nonce': nonce },
			} ),
		post: ( changes, revision ) =>
			page.request.post( SETTINGS_ROUTE, {
				headers: {
					'X-WP-Nonce': nonce,
					...( revision ? { 'If-Match': `"${ revision }"` } : {} ),
				},
				data: changes,
			} ),
		create: ( route, data ) =>
			page.request.post( `/wp-json${ route }`, {
				headers: { 'X-WP-Nonce': nonce },
				data,
			} ),
	};
}
