/**
 * The schedule condition: the site's local time from an IANA zone or an
 * offset, and day/time ranges including overnight ones.
 */
import { inSchedule, weekMinute } from '../../src/shared/experiences/schedule';

const DAY = 1440;
const at = ( day: number, hhmm: string ) =>
	day * DAY + Number( hhmm.slice( 0, 2 ) ) * 60 + Number( hhmm.slice( 3 ) );
// Weekday indexes as weekMinute counts them: Sunday 0.
const SUN = 0;
const MON = 1;
const TUE = 2;
const SAT = 6;

describe( 'weekMinute', () => {
	// Monday 2024-07-01 22:30 UTC (Paris: CEST, +2) and Monday 2024-01-15 22:30 UTC (Paris: CET, +1).
	const summer = new Date( Date.UTC( 2024, 6, 1, 22, 30 ) );
	const winter = new Date( Date.UTC( 2024, 0, 15, 22, 30 ) );

	it.each( [
		[ 'UTC', summer, at( MON, '22:30' ) ],
		[ 'Europe/Paris', summer, at( TUE, '00:30' ) ],
		[ 'Europe/Paris', winter, at( MON, '23:30' ) ],
		[ 'America/New_York', summer, at( MON, '18:30' ) ],
		[ 'Asia/Kolkata', winter, at( TUE, '04:00' ) ],
		[ '+02:00', summer, at( TUE, '00:30' ) ],
		[ '+00:00', summer, at( MON, '22:30' ) ],
		[ '-05:30', summer, at( MON, '17:00' ) ],
		[ '+14:00', summer, at( TUE, '12:30' ) ],
		[ '+0200', summer, at( TUE, '00:30' ) ],
	] )( 'in %s', ( timezone, now, expected ) => {
		expect( weekMinute( now, timezone ) ).toBe( expected );
	} );

	it( 'gives midnight as 0, not 24', () => {
		expect(
			weekMinute( new Date( Date.UTC( 2024, 6, 1, 0, 5 ) ), 'UTC' )
		).toBe( at( MON, '00:05' ) );
	} );

	it.each( [ 'Mars/Olympus', '', ' ', 'not a zone', '+02:00x' ] )(
		'is NaN for an unknown zone %j',
		( timezone ) => {
			expect( weekMinute( new Date(), timezone ) ).toBeNaN();
		}
	);
} );

describe( 'inSchedule', () => {
	const weekdays = [ 'mon', 'tue', 'wed', 'thu', 'fri' ];

	it.each( [
		[ at( MON, '09:00' ), true ],
		[ at( MON, '16:59' ), true ],
		[ at( MON, '17:00' ), false ],
		[ at( MON, '08:59' ), false ],
		[ at( SAT, '12:00' ), false ],
	] )( '9-17 on weekdays at minute %d -> %s', ( minute, expected ) => {
		expect( inSchedule( minute, weekdays, '09:00', '17:00' ) ).toBe(
			expected
		);
	} );

	it.each( [
		[ 'Monday 22:00', at( MON, '22:00' ), true ],
		[ 'Monday 23:59', at( MON, '23:59' ), true ],
		[ 'Tuesday 02:00 (Monday night)', at( TUE, '02:00' ), true ],
		[ 'Tuesday 06:00', at( TUE, '06:00' ), false ],
		[
			'Monday 02:00 (Sunday night, not selected)',
			at( MON, '02:00' ),
			false,
		],
		[ 'Tuesday 22:30 (not selected)', at( TUE, '22:30' ), false ],
		[ 'Monday 21:59', at( MON, '21:59' ), false ],
	] )(
		'overnight mon 22:00-06:00, %s -> %s',
		( _label, minute, expected ) => {
			expect( inSchedule( minute, [ 'mon' ], '22:00', '06:00' ) ).toBe(
				expected
			);
		}
	);

	it( 'runs Saturday night into Sunday morning', () => {
		expect(
			inSchedule( at( SUN, '01:00' ), [ 'sat' ], '23:00', '02:00' )
		).toBe( true );
		expect(
			inSchedule( at( SUN, '01:00' ), [ 'sun' ], '23:00', '02:00' )
		).toBe( false );
	} );

	it( 'holds nowhere for an unknown time, day or malformed range', () => {
		expect( inSchedule( NaN, weekdays, '09:00', '17:00' ) ).toBe( false );
		expect(
			inSchedule( at( MON, '10:00' ), [ 'monday' ], '09:00', '17:00' )
		).toBe( false );
		expect( inSchedule( at( MON, '10:00' ), [], '09:00', '17:00' ) ).toBe(
			false
		);
		expect(
			inSchedule( at( MON, '10:00' ), weekdays, 'nine', '17:00' )
		).toBe( false );
	} );
} );
