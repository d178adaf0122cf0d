/**
 * Dates shown in the Events section: stored times are UTC (ISO 8601); they
 * are shown in the admin's own time zone and language, and a day of the
 * stats (`Y-m-d`, the site's time zone) as the calendar day it names.
 */

/**
 * @param iso    An ISO 8601 time, e.g. `2026-01-31T09:15:00Z`.
 * @param locale Locale (default: the browser's).
 * @return e.g. "31 Jan 2026, 10:15"; the text itself when it is not a date.
 */
export function formatDateTime( iso: string, locale?: string ): string {
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return iso;
	}
	return new Intl.DateTimeFormat( locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
	} ).format( date );
}

/**
 * @param day    `Y-m-d`.
 * @param locale Locale (default: the browser's).
 * @param long   With the weekday and year.
 * @return e.g. "Jan 31" (or "Saturday, January 31, 2026"); the text itself when it is not a day.
 */
export function formatDay(
	day: string,
	locale?: string,
	long = false
): string {
	const date = new Date( `${ day }T00:00:00Z` );
	if (
		! /^\d{4}-\d{2}-\d{2}$/.test( day ) ||
		Number.isNaN( date.getTime() )
	) {
		return day;
	}
	return new Intl.DateTimeFormat(
		locale,
		long
			? {
					weekday: 'long',
					year: 'numeric',
					month: 'long',
					day: 'numeric',
					timeZone: 'UTC',
				}
			: { month: 'short', day: 'numeric', timeZone: 'UTC' }
	).format( date );
}
