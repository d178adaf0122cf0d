/**
 * The schedule condition: weekdays and a time range in the SITE's timezone
 * (not the visitor's), as WordPress names it: an IANA zone ("Europe/Paris")
 * or a fixed offset ("+02:00", "-05:30") from wp_timezone_string().
 */
import type { Weekday } from './types';

const DAYS = 'sun mon tue wed thu fri sat'.split( ' ' ) as Weekday[];
const DAY = 1440;
const WEEK = 7 * DAY;

/**
 * The site's time at `now`, as minutes since Sunday 00:00 there.
 *
 * An offset ("+02:00": the site is 2 h ahead of UTC) shifts the moment by
 * it, which is then read in UTC; anything else is handed to
 * toLocaleString's timeZone as an IANA name (an unknown one throws: NaN),
 * whose en-US text ("Wed 14:05") gives the weekday and time.
 *
 * @param now      The moment.
 * @param timezone IANA name or "+HH:MM" / "-HH:MM".
 * @return Minutes into the week (0..10079), or NaN when the zone is unknown.
 */
export function weekMinute( now: Date, timezone: string ): number {
	// Read by hand, no Date.parse or Intl: a page view runs this cold, and each costs more on first use than all the rules.
	const sign = '-+'.indexOf( timezone[ 0 ] as string );
	// Minutes since 1970-01-01 (a Thursday, day 4) in the site's time.
	const site =
		Math.floor( +now / 6e4 ) +
		( sign * 2 - 1 ) *
			( timezone.length === 5 || timezone[ 3 ] === ':'
				? +timezone.slice( 1, 3 ) * 60 + +timezone.slice( -2 )
				: NaN );
	if ( sign >= 0 && timezone.length < 7 && ! isNaN( site ) ) {
		return ( site + 4 * DAY ) % WEEK;
	}
	try {
		const [ , day = '', hour = '', minute = '' ] =
			/(\w+)\D+(\d+)\D(\d+)/.exec(
				now.toLocaleString( 'en-US', {
					timeZone: timezone,
					// Some engines print midnight as 24 with hour12: false: % 24 below.
					hour12: false,
					weekday: 'short',
					hour: 'numeric',
					minute: 'numeric',
				} )
			) || [];
		const index = DAYS.indexOf( day.toLowerCase() as Weekday );
		return index < 0 ? NaN : index * DAY + ( +hour % 24 ) * 60 + +minute;
	} catch {
		// An unknown zone (RangeError): no local time, so no schedule holds.
		return NaN;
	}
}

/**
 * Minutes since midnight of "HH:MM" (NaN for anything else, which holds nowhere).
 *
 * @param time 24-hour time.
 */
const toMinutes = ( time: string ) =>
	+time.slice( 0, 2 ) * 60 + +time.slice( 3 );

/**
 * Whether a moment is inside a schedule. The range is [from, to). When `to`
 * is not after `from` the range runs over midnight and belongs to the day it
 * starts on: mon 22:00-06:00 holds on Monday from 22:00 and on Tuesday until
 * 06:00 (from = to, which the schema refuses, would be 24 hours). Counted in
 * minutes of the week, so Saturday night runs into Sunday morning.
 *
 * @param minute Site time as weekMinute() gives it.
 * @param days   Days the range may start on.
 * @param from   Start, "HH:MM".
 * @param to     End, "HH:MM".
 */
export function inSchedule(
	minute: number,
	days: readonly string[],
	from: string,
	to: string
): boolean {
	const start = toMinutes( from );
	const length = ( toMinutes( to ) - start + DAY ) % DAY || DAY;
	for ( const day of days ) {
		const index = DAYS.indexOf( day as Weekday );
		if (
			index >= 0 &&
			( minute - start - index * DAY + WEEK ) % WEEK < length
		) {
			return true;
		}
	}
	return false;
}
