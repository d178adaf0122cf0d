/**
 * "Download CSV": the export route with the log's filters in force, read
 * through apiFetch (so the REST nonce goes with it) without parsing, and
 * saved from a Blob under the server's file name.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fetchExport, type EventRoutes, type LogFilters } from '../api';
import { csvFilename } from './log-model';

/**
 * The message of a failed request: apiFetch rejects with the Response
 * itself when it was told not to parse.
 *
 * @param error What apiFetch rejected with.
 */
async function failureMessage( error: unknown ): Promise< string > {
	if ( typeof Response !== 'undefined' && error instanceof Response ) {
		try {
			const body = ( await error.json() ) as { message?: unknown };
			if ( typeof body.message === 'string' ) {
				return body.message;
			}
		} catch {
			// Not JSON: say the status.
		}
		return sprintf(
			/* translators: %d: HTTP status code. */
			__( 'The export failed (HTTP %d).', 'qualified-integration' ),
			error.status
		);
	}
	const message = ( error as { message?: unknown } | null )?.message;
	return typeof message === 'string'
		? message
		: __( 'The export failed.', 'qualified-integration' );
}

/**
 * Saves a blob as a file through a temporary link.
 *
 * @param blob     The file's content.
 * @param filename Its name.
 */
function saveBlob( blob: Blob, filename: string ): void {
	const url = URL.createObjectURL( blob );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = filename;
	link.hidden = true;
	document.body.appendChild( link );
	link.click();
	link.remove();
	window.setTimeout( () => URL.revokeObjectURL( url ), 1000 );
}

export function CsvButton( {
	routes,
	filters,
	disabled,
}: {
	routes: EventRoutes;
	filters: LogFilters;
	disabled: boolean;
} ) {
	const [ busy, setBusy ] = useState( false );
	const [ status, setStatus ] = useState( '' );
	const download = async () => {
		setBusy( true );
		setStatus( __( 'Preparing the CSV file…', 'qualified-integration' ) );
		try {
			const response = await fetchExport( routes, filters );
			const filename = csvFilename(
				response.headers.get( 'Content-Disposition' ),
				new Date()
			);
			saveBlob( await response.blob(), filename );
			setStatus(
				sprintf(
					/* translators: %s: file name. */
					__( 'Downloaded %s.', 'qualified-integration' ),
					filename
				)
			);
		} catch ( error ) {
			setStatus( await failureMessage( error ) );
		} finally {
			setBusy( false );
		}
	};
	return (
		<div className="qi-csv">
			<Button
				variant="secondary"
				size="compact"
				icon="download"
				isBusy={ busy }
				disabled={ busy || disabled }
				onClick={ download }
			>
				{ __( 'Download CSV', 'qualified-integration' ) }
			</Button>
			<span className="qi-csv__status" role="status">
				{ status }
			</span>
		</div>
	);
}
