/**
 * The name the downloaded export is saved under: the one the server gives
 * in Content-Disposition, reduced to a safe file name, or the same pattern
 * built here when the header is missing (a proxy may drop it).
 */

/**
 * Characters no file name may hold on common systems, and control characters.
 */
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/**
 * A name that is safe to save under: no folders, no reserved characters,
 * no leading dots (hidden files), at most 150 characters.
 *
 * @param name A proposed name.
 * @return The cleaned name ('' when nothing is left).
 */
export function safeFilename( name: string ): string {
	const base = name.split( /[\\/]/ ).pop() ?? '';
	return base
		.replace( UNSAFE, '-' )
		.replace( /^[.\s-]+/, '' )
		.trim()
		.slice( 0, 150 );
}

/**
 * The file name in a Content-Disposition header: `filename*` (RFC 5987,
 * percent-encoded UTF-8) wins over `filename`, quoted or not.
 *
 * @param header The header's value, or null.
 * @return The name, or null when there is none.
 */
export function filenameFromDisposition(
	header: string | null
): string | null {
	if ( ! header ) {
		return null;
	}
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec( header );
	if ( extended?.[ 2 ] ) {
		try {
			return decodeURIComponent( extended[ 2 ].trim() );
		} catch {
			// A malformed escape: fall back to the plain parameter.
		}
	}
	const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec( header );
	if ( quoted?.[ 1 ] !== undefined ) {
		return quoted[ 1 ].replace( /\\(.)/g, '$1' );
	}
	const bare = /filename\s*=\s*([^;\s]+)/i.exec( header );
	return bare?.[ 1 ] ?? null;
}

/**
 * The server's pattern: `qualified-settings-<host>-<Y-m-d>.json`.
 *
 * @param host The site's host name.
 * @param date The day of the export (local time).
 */
export function defaultFilename( host: string, date: Date ): string {
	const day = [
		date.getFullYear(),
		String( date.getMonth() + 1 ).padStart( 2, '0' ),
		String( date.getDate() ).padStart( 2, '0' ),
	].join( '-' );
	const site = safeFilename( host.replace( /:\d+$/, '' ) ) || 'site';
	return `qualified-settings-${ site }-${ day }.json`;
}

/**
 * The name to save the export under.
 *
 * @param header   Content-Disposition, or null.
 * @param fallback Used when the header names no usable file.
 */
export function exportFilename(
	header: string | null,
	fallback: string
): string {
	const name = safeFilename( filenameFromDisposition( header ) ?? '' );
	return name === '' ? fallback : name;
}
