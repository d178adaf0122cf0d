/**
 * The export and import routes (Rest\TransferController), typed. Both go
 * through apiFetch, which sends the REST nonce of the screen.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { SettingsPayload } from '../../src/shared/settings';

/** One leaf path the import changes. */
export interface ImportChange {
	/** Dot path, e.g. `experiences.rules[3].label`. */
	path: string;
	/** Value in force; null when the path is not set now. Secrets: "(secret)". */
	before: unknown;
	/** Value from the file; null when the file drops the path. */
	after: unknown;
	/** The path in words, when the server sends them. */
	label?: string;
}

/** Answer of POST /settings/import. */
export interface ImportResult {
	/** The file's schemaVersion, before migration. */
	fromVersion: number;
	changes: ImportChange[];
	applied: boolean;
	/** The settings route's payload, when applied. */
	settings?: SettingsPayload;
}

/** The file as the export route sent it. */
export interface ExportFile {
	text: string;
	/** The Content-Disposition header, if any. */
	disposition: string | null;
}

/**
 * `/qualified-integration/v1/settings` -> `/qualified-integration/v1/settings/export`.
 *
 * @param settingsPath The settings route (boot data `restPath`).
 * @param name         `export` or `import`.
 */
export function transferPath(
	settingsPath: string,
	name: 'export' | 'import'
): string {
	return `${ settingsPath.replace( /\/+$/, '' ) }/${ name }`;
}

/**
 * Fetches the export. The raw response is kept for its Content-Disposition
 * (apiFetch rejects with the Response itself when the status is not 2xx).
 *
 * @param settingsPath The settings route.
 * @param secrets      Whether webhook secrets are included.
 */
export async function fetchExport(
	settingsPath: string,
	secrets: boolean
): Promise< ExportFile > {
	const response = await apiFetch< Response, false >( {
		path:
			transferPath( settingsPath, 'export' ) +
			( secrets ? '?secrets=1' : '' ),
		parse: false,
	} );
	return {
		text: await response.text(),
		disposition: response.headers.get( 'Content-Disposition' ),
	};
}

/**
 * Sends a file's text to be checked (apply=false: the preview) or applied.
 * An apply is made on the revision the screen shows, as a save is: when
 * someone saved in between, the server answers 409 instead of applying a
 * preview that no longer holds.
 *
 * @param settingsPath The settings route.
 * @param file         The file's text, as read.
 * @param apply        Whether to apply the changes.
 * @param revision     Revision of the settings on screen (sent as If-Match when applying).
 */
export function sendImport(
	settingsPath: string,
	file: string,
	apply: boolean,
	revision?: string
): Promise< ImportResult > {
	return apiFetch< ImportResult >( {
		path: transferPath( settingsPath, 'import' ),
		method: 'POST',
		...( apply && revision
			? { headers: { 'If-Match': `"${ revision }"` } }
			: {} ),
		data: { file, apply },
	} );
}
