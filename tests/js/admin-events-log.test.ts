/**
 * The event log's pure parts: the DataViews view as the log route's query
 * and the export's filters, the CSV file name, row text, and the chart's
 * series, scale and geometry.
 */

/**
 * Internal dependencies
 */
import { eventRoutes, withQuery } from '../../admin/events/api';
import { formatDay } from '../../admin/events/dates';
import {
	chartModel,
	dayX,
	labelledDays,
	segments,
	valueTicks,
	valueY,
	type Plot,
} from '../../admin/events/log/chart-model';
import {
	csvFilename,
	fieldsText,
	logFilters,
	logQuery,
	pageText,
} from '../../admin/events/log/log-model';

describe( 'log query', () => {
	it( 'turns a view into the route’s parameters', () => {
		expect(
			logQuery( {
				page: 3,
				perPage: 50,
				search: '  demo ',
				sort: { field: 'name', direction: 'asc' },
				filters: [
					{ field: 'name', operator: 'is', value: 'Meeting Booked' },
					{ field: 'kind', operator: 'is', value: 'messenger' },
				],
			} )
		).toEqual( {
			page: 3,
			perPage: 50,
			search: 'demo',
			orderby: 'name',
			order: 'asc',
			name: 'Meeting Booked',
			kind: 'messenger',
		} );
	} );

	it( 'defaults to the newest first, page 1 of 20, no filters', () => {
		expect( logQuery( {} ) ).toEqual( {
			page: 1,
			perPage: 20,
			orderby: 'createdAt',
			order: 'desc',
		} );
	} );

	it( 'ignores filters it cannot send and keeps the page size in range', () => {
		expect(
			logQuery( {
				perPage: 500,
				page: 0,
				sort: { field: 'pageUrl', direction: 'asc' },
				filters: [
					{ field: 'kind', operator: 'is', value: 'other' },
					{ field: 'name', operator: 'isNot', value: 'A' },
					{ field: 'name', operator: 'is', value: '' },
				],
			} )
		).toEqual( {
			page: 1,
			perPage: 100,
			orderby: 'createdAt',
			order: 'asc',
		} );
	} );

	it( 'gives the export the same filters, without paging', () => {
		const filters = logFilters( {
			page: 4,
			search: 'x',
			filters: [ { field: 'name', operator: 'is', value: 'A' } ],
		} );
		expect( filters ).toEqual( {
			search: 'x',
			name: 'A',
			orderby: 'createdAt',
			order: 'desc',
		} );
		expect( 'page' in filters ).toBe( false );
	} );

	it( 'builds the routes and query strings', () => {
		const routes = eventRoutes( '/qualified-integration/v1/settings' );
		expect( routes.log ).toBe( '/qualified-integration/v1/events/log' );
		expect( routes.deliveries ).toBe(
			'/qualified-integration/v1/webhooks/deliveries'
		);
		expect(
			withQuery( routes.exportCsv, {
				name: 'Meeting Booked',
				kind: undefined,
				search: '',
				order: 'desc',
			} )
		).toBe(
			'/qualified-integration/v1/events/export?name=Meeting+Booked&order=desc'
		);
		expect( withQuery( routes.stats, {} ) ).toBe( routes.stats );
	} );
} );

describe( 'rows', () => {
	it( 'writes visitor fields as one line', () => {
		expect( fieldsText( { email: 'a@example.com', phone: '555' } ) ).toBe(
			'email: a@example.com; phone: 555'
		);
		expect( fieldsText( {} ) ).toBe( '' );
	} );

	it( 'shows this site’s page addresses by their path, others whole', () => {
		const origin = 'https://example.com';
		expect( pageText( 'https://example.com/pricing/?a=1#x', origin ) ).toBe(
			'/pricing/?a=1#x'
		);
		expect( pageText( 'https://other.example/pricing/', origin ) ).toBe(
			'https://other.example/pricing/'
		);
		expect( pageText( 'not a url', origin ) ).toBe( 'not a url' );
	} );

	it( 'shows days as the calendar day they name, whatever the time zone', () => {
		expect( formatDay( '2026-01-31', 'en-US' ) ).toBe( 'Jan 31' );
		expect( formatDay( 'not a day', 'en-US' ) ).toBe( 'not a day' );
	} );
} );

describe( 'CSV file name', () => {
	const today = new Date( 2026, 0, 5, 12 );

	it( 'takes the server’s name', () => {
		expect(
			csvFilename(
				'attachment; filename="qualified-events-2026-01-04.csv"',
				today
			)
		).toBe( 'qualified-events-2026-01-04.csv' );
		expect(
			csvFilename(
				"attachment; filename*=UTF-8''qualified-events-2026-01-04.csv",
				today
			)
		).toBe( 'qualified-events-2026-01-04.csv' );
	} );

	it( 'falls back to today’s name for a missing or unsafe one', () => {
		expect( csvFilename( null, today ) ).toBe(
			'qualified-events-2026-01-05.csv'
		);
		expect(
			csvFilename( 'attachment; filename="../../evil.sh"', today )
		).toBe( 'qualified-events-2026-01-05.csv' );
		expect( csvFilename( 'attachment; filename=".csv"', today ) ).toBe(
			'qualified-events-2026-01-05.csv'
		);
		expect(
			csvFilename( "attachment; filename*=UTF-8''%E0%A4%A", today )
		).toBe( 'qualified-events-2026-01-05.csv' );
	} );
} );

describe( 'chart', () => {
	const days = [ '2026-01-01', '2026-01-02', '2026-01-03' ];
	const stats = {
		days,
		total: 0,
		others: 0,
		series: [
			{
				kind: 'event' as const,
				name: 'Email Captured',
				counts: [ 1, 0, 2 ],
			},
			{
				kind: 'event' as const,
				name: 'Meeting Booked',
				counts: [ 3, 4, 1 ],
			},
			{
				kind: 'messenger' as const,
				name: 'Meeting Booked',
				counts: [ 0, 1, 0 ],
			},
			{ kind: 'event' as const, name: 'Never', counts: [ 0, 0, 0 ] },
		],
	};

	it( 'orders series busiest first, drops empty ones and tells same names apart', () => {
		const model = chartModel( stats );
		expect( model.series.map( ( item ) => item.key ) ).toEqual( [
			'event:Meeting Booked',
			'event:Email Captured',
			'messenger:Meeting Booked',
		] );
		expect( model.series.map( ( item ) => item.sameName ) ).toEqual( [
			true,
			false,
			true,
		] );
		expect( model.dayTotals ).toEqual( [ 4, 5, 3 ] );
		expect( model.total ).toBe( 12 );
		expect( model.busiest ).toEqual( { day: '2026-01-02', count: 5 } );
	} );

	it( 'sums the quieter names as Other beyond the limit', () => {
		const model = chartModel( stats, 2 );
		expect( model.series.map( ( item ) => item.key ) ).toEqual( [
			'event:Meeting Booked',
			'other',
		] );
		expect( model.series[ 1 ]?.counts ).toEqual( [ 1, 1, 2 ] );
		expect( model.series[ 1 ]?.total ).toBe( 4 );
		expect( model.total ).toBe( 12 );
	} );

	it( 'reads short or broken count lists as zeros', () => {
		const model = chartModel( {
			days,
			total: 1,
			others: 0,
			series: [ { kind: 'event', name: 'A', counts: [ 1 ] } ],
		} );
		expect( model.series[ 0 ]?.counts ).toEqual( [ 1, 0, 0 ] );
	} );

	it( 'rounds the value axis to 1, 2 or 5 times a power of ten', () => {
		expect( valueTicks( 0 ) ).toEqual( [ 0, 1 ] );
		expect( valueTicks( 1 ) ).toEqual( [ 0, 1 ] );
		expect( valueTicks( 3 ) ).toEqual( [ 0, 1, 2, 3 ] );
		expect( valueTicks( 5 ) ).toEqual( [ 0, 2, 4, 6 ] );
		expect( valueTicks( 17 ) ).toEqual( [ 0, 5, 10, 15, 20 ] );
		expect( valueTicks( 230 ) ).toEqual( [ 0, 100, 200, 300 ] );
	} );

	const plot: Plot = {
		width: 330,
		height: 120,
		axis: 30,
		bottom: 10,
		pad: 10,
		rtl: false,
	};

	it( 'stacks each day’s segments from the axis up, in proportion', () => {
		const model = chartModel( stats );
		// 5 events at most: an axis of 0, 2, 4, 6.
		expect( model.top ).toBe( 6 );
		const list = segments( model, plot );
		const dayOne = list.filter( ( item ) => item.day === 1 );
		// 100 px of plot for 6 events: 4 and 1 of them.
		expect( dayOne.map( ( item ) => item.height ) ).toEqual( [
			( 4 / 6 ) * 100,
			( 1 / 6 ) * 100,
		] );
		expect( dayOne[ 0 ]?.y ).toBeCloseTo( 110 - ( 4 / 6 ) * 100 );
		expect(
			( dayOne[ 1 ]?.y ?? 0 ) + ( dayOne[ 1 ]?.height ?? 0 )
		).toBeCloseTo( dayOne[ 0 ]?.y ?? 0 );
		expect( valueY( 0, model, plot ) ).toBe( 110 );
		expect( valueY( 6, model, plot ) ).toBe( 10 );
		// Bands of 100 px, 4 px gaps.
		expect( dayOne[ 0 ]?.x ).toBeCloseTo( 132 );
		expect( dayOne[ 0 ]?.width ).toBeCloseTo( 96 );
		expect( list.some( ( item ) => item.height <= 0 ) ).toBe( false );
	} );

	it( 'runs days from the right in right-to-left languages', () => {
		const model = chartModel( stats );
		const rtl = { ...plot, rtl: true };
		expect( dayX( 0, model, plot ) ).toBe( 80 );
		expect( dayX( 0, model, rtl ) ).toBe( 250 );
		const first = segments( model, rtl ).find( ( item ) => item.day === 0 );
		expect( first?.x ).toBeCloseTo( 202 );
	} );

	it( 'labels about six days, today always', () => {
		expect( labelledDays( 30 ) ).toEqual( [ 4, 9, 14, 19, 24, 29 ] );
		expect( labelledDays( 3 ) ).toEqual( [ 0, 1, 2 ] );
		expect( labelledDays( 0 ) ).toEqual( [] );
	} );
} );
