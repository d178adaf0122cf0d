/**
 * The event log's pure parts: the DataViews view turned into the log
 * route's query (and the export's filters), how a row's values are shown
 * as text, and the CSV file's name.
 */

/**
 * Internal dependencies
 */
import type { EventKind } from '../model';
import type { EventRow, LogFilters, LogQuery } from '../api';

/** The parts of a DataViews view the log reads (a structural subset of View). */
export interface LogView {
	search?: string;
	page?: number;
	perPage?: number;
	sort?: { field: string; direction: 'asc' | 'desc' };
	filters?: Array< { field: string; operator: string; value?: unknown } >;
}

export const PER_PAGE_SIZES = [ 10, 20, 50, 100 ];

/**
 * The value of a single-choice filter on a field, if any.
 *
 * @param view  The view.
 * @param field Field id.
 */
function filterValue( view: LogView, field: string ): string | undefined {
	const filter = view.filters?.find(
		( item ) => item.field === field && item.operator === 'is'
	);
	const value = filter?.value;
	return typeof value === 'string' && value !== '' ? value : undefined;
}

const isKind = ( value: string | undefined ): value is EventKind =>
	value === 'event' || value === 'messenger';

/**
 * The filters of a view, as the log and the export take them.
 *
 * @param view The view.
 */
export function logFilters( view: LogView ): LogFilters {
	const filters: LogFilters = {
		orderby: view.sort?.field === 'name' ? 'name' : 'createdAt',
		order: view.sort?.direction === 'asc' ? 'asc' : 'desc',
	};
	const name = filterValue( view, 'name' );
	const kind = filterValue( view, 'kind' );
	const search = view.search?.trim();
	if ( name !== undefined ) {
		filters.name = name;
	}
	if ( isKind( kind ) ) {
		filters.kind = kind;
	}
	if ( search ) {
		filters.search = search;
	}
	return filters;
}

/**
 * The log route's query for a view: its filters, page and page size
 * (1..100, as the route allows).
 *
 * @param view The view.
 */
export function logQuery( view: LogView ): LogQuery {
	const perPage = Math.min( 100, Math.max( 1, view.perPage ?? 20 ) );
	return {
		...logFilters( view ),
		page: Math.max( 1, Math.floor( view.page ?? 1 ) ),
		perPage,
	};
}

/**
 * A row's visitor fields as one line of text ("email: a@example.com; phone: 555").
 *
 * @param fields The stored fields.
 */
export function fieldsText( fields: EventRow[ 'fields' ] ): string {
	return Object.entries( fields ?? {} )
		.map( ( [ key, value ] ) => `${ key }: ${ value }` )
		.join( '; ' );
}

/**
 * The file name to save the export as: the server's (Content-Disposition)
 * when it is a plain `.csv` name, else `qualified-events-YYYY-MM-DD.csv`
 * for the given day.
 *
 * @param disposition The Content-Disposition header, or null.
 * @param now         Today.
 */
export function csvFilename( disposition: string | null, now: Date ): string {
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(
		disposition ?? ''
	);
	let named = '';
	try {
		named = match?.[ 1 ] ? decodeURIComponent( match[ 1 ].trim() ) : '';
	} catch {
		named = '';
	}
	if (
		/^[A-Za-z0-9._-]{1,100}\.csv$/.test( named ) &&
		! named.startsWith( '.' )
	) {
		return named;
	}
	const pad = ( value: number ) => String( value ).padStart( 2, '0' );
	return `qualified-events-${ now.getFullYear() }-${ pad(
		now.getMonth() + 1
	) }-${ pad( now.getDate() ) }.csv`;
}

/**
 * A page address as the log shows it: the path, query and fragment when
 * it is on this site (the usual case), else the whole address.
 *
 * @param url    The stored page URL.
 * @param origin This site's origin, e.g. `https://example.com`.
 * @return e.g. `/pricing/?utm_source=x`.
 */
export function pageText( url: string, origin: string ): string {
	try {
		const parsed = new URL( url );
		return parsed.origin === origin
			? parsed.pathname + parsed.search + parsed.hash
			: url;
	} catch {
		return url;
	}
}
