/**
 * Every message of a refused export or import, to list them all: the
 * error's own message, then each field's (`data.params`, which already
 * names the field, e.g. "Rule 4, ID: ..."), once each.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

interface ErrorBody {
	message?: unknown;
	data?: { params?: unknown } | null;
}

/**
 * The messages of a REST error body, or of an Error (network failure).
 *
 * @param error What apiFetch rejected with (already parsed).
 * @return At least one message.
 */
export function errorMessages( error: unknown ): string[] {
	const body = ( error ?? {} ) as ErrorBody;
	const messages: string[] = [];
	if ( typeof body.message === 'string' && body.message !== '' ) {
		messages.push( body.message );
	} else if ( error instanceof Error && error.message !== '' ) {
		messages.push( error.message );
	}
	const params = body.data?.params;
	if ( params && typeof params === 'object' ) {
		for ( const text of Object.values( params ) ) {
			if ( typeof text === 'string' && ! messages.includes( text ) ) {
				messages.push( text );
			}
		}
	}
	if ( messages.length === 0 ) {
		messages.push(
			__(
				'The server gave no reason. Reload the page and try again.',
				'qualified-integration'
			)
		);
	}
	return messages;
}

/**
 * Like errorMessages, for a call made with `parse: false`: apiFetch then
 * rejects with the Response itself, whose body holds the error.
 *
 * @param error What apiFetch rejected with.
 */
export async function responseErrorMessages(
	error: unknown
): Promise< string[] > {
	if ( typeof Response !== 'undefined' && error instanceof Response ) {
		try {
			return errorMessages( await error.json() );
		} catch {
			return errorMessages(
				new Error( `${ error.status } ${ error.statusText }`.trim() )
			);
		}
	}
	return errorMessages( error );
}
