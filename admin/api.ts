/**
 * Typed calls to the plugin's REST routes, and what a failed call means for
 * the screen (bad fields, a conflicting save, or anything else).
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type {
	EditableSettings,
	IdentityMapping,
	IdentityPreviewPayload,
	SettingsPayload,
} from '../src/shared/settings';
import type {
	ExperiencesPreviewPayload,
	ExperiencesPreviewRequest,
} from './experiences/tester-model';
import type { FieldErrors } from './field-errors';

export function fetchSettings( path: string ): Promise< SettingsPayload > {
	return apiFetch< SettingsPayload >( { path } );
}

/**
 * Saves a partial change, made on the given revision: the server answers 409
 * when someone saved in between, instead of silently overwriting them.
 *
 * @param path     Settings route.
 * @param changes  Changed top-level fields only.
 * @param revision Revision the form was loaded from.
 */
export function saveSettings(
	path: string,
	changes: Partial< EditableSettings >,
	revision: string
): Promise< SettingsPayload > {
	return apiFetch< SettingsPayload >( {
		path,
		method: 'POST',
		headers: { 'If-Match': `"${ revision }"` },
		data: changes,
	} );
}

/**
 * Resolves mappings (saved or not) for the current admin on the home page.
 *
 * @param path     Preview route.
 * @param mappings Mappings as in the form.
 */
export function previewIdentity(
	path: string,
	mappings: IdentityMapping[]
): Promise< IdentityPreviewPayload > {
	return apiFetch< IdentityPreviewPayload >( {
		path,
		method: 'POST',
		data: { mappings },
	} );
}

/**
 * Resolves a URL's page facts for rules (saved or not): which rules can still
 * match there, reduced to their visitor conditions.
 *
 * @param path    Experiences preview route.
 * @param request URL, rules as in the form, and who is logged in.
 */
export function previewExperiences(
	path: string,
	request: ExperiencesPreviewRequest
): Promise< ExperiencesPreviewPayload > {
	return apiFetch< ExperiencesPreviewPayload >( {
		path,
		method: 'POST',
		data: request,
	} );
}

export type Failure =
	| { kind: 'invalid'; fields: FieldErrors; message: string }
	| { kind: 'conflict'; message: string; current: SettingsPayload | null }
	| { kind: 'other'; message: string };

interface ErrorBody {
	code?: unknown;
	message?: unknown;
	data?: { status?: unknown; params?: unknown; current?: unknown } | null;
}

function isPayload( value: unknown ): value is SettingsPayload {
	const payload = value as Partial< SettingsPayload > | null;
	return (
		typeof payload === 'object' &&
		payload !== null &&
		typeof payload.settings === 'object' &&
		typeof payload.revision === 'string'
	);
}

/**
 * Sorts what apiFetch rejected with.
 *
 * @param error  A REST error body, or an Error for network failures.
 * @param rebase Turns a path of the request body into the screen's path
 *               (the preview's `mappings[2].field` is `identity.mappings[2].field` on screen).
 * @return What went wrong, in the screen's terms.
 */
export function describeFailure(
	error: unknown,
	rebase: ( path: string ) => string = ( path ) => path
): Failure {
	const body = ( error ?? {} ) as ErrorBody;
	const message =
		typeof body.message === 'string'
			? body.message
			: ( error instanceof Error && error.message ) || String( error );
	if (
		body.code === 'qualified_integration_conflict' ||
		body.data?.status === 409
	) {
		const current = body.data?.current;
		return {
			kind: 'conflict',
			message,
			current: isPayload( current ) ? current : null,
		};
	}
	const params = body.data?.params;
	if ( params && typeof params === 'object' ) {
		const fields: Record< string, string > = {};
		for ( const [ path, text ] of Object.entries( params ) ) {
			if ( typeof text === 'string' ) {
				fields[ rebase( path ) ] = text;
			}
		}
		if ( Object.keys( fields ).length > 0 ) {
			return { kind: 'invalid', fields, message };
		}
	}
	return { kind: 'other', message };
}

/**
 * The screen's path for a path of the preview request body.
 *
 * @param path e.g. `mappings[2].field` (or already `identity.mappings[2].field`).
 */
export function previewPath( path: string ): string {
	return path.startsWith( 'mappings' ) ? `identity.${ path }` : path;
}
