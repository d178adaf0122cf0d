/**
 * Typed calls to the settings endpoint.
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
	RestInvalidParamError,
	SettingsPayload,
} from '../src/shared/settings';

export function fetchSettings( path: string ): Promise< SettingsPayload > {
	return apiFetch< SettingsPayload >( { path } );
}

export function saveSettings(
	path: string,
	changes: Partial< EditableSettings >
): Promise< SettingsPayload > {
	return apiFetch< SettingsPayload >( {
		path,
		method: 'POST',
		data: changes,
	} );
}

/**
 * One line per problem, naming the field, from a REST error answer.
 *
 * @param error What apiFetch rejected with.
 * @return Messages to show.
 */
export function errorMessages( error: unknown ): string[] {
	const body = error as Partial< RestInvalidParamError > | null;
	const params = body?.data?.params;
	if ( params && Object.keys( params ).length > 0 ) {
		return Object.values( params );
	}
	return [ body?.message ?? String( error ) ];
}
