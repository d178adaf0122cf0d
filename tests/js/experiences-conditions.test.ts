/**
 * One condition against the visitor's facts, for every condition type.
 */
import {
	isTimedCondition,
	matchCondition,
} from '../../src/shared/experiences/conditions';
import type { Condition } from '../../src/shared/experiences/types';
import { facts } from './experiences-fixtures';

describe( 'matchCondition', () => {
	it.each< [ string, Condition, boolean ] >( [
		[
			'path equals',
			{ type: 'path', op: 'equals', value: '/pricing/' },
			true,
		],
		[
			'path ignores the query',
			{
				type: 'path',
				op: 'equals',
				value: '/pricing/?utm_source=linkedin',
			},
			false,
		],
		[ 'path glob', { type: 'path', op: 'glob', value: '/pri*' }, true ],
		[
			'path regex',
			{ type: 'path', op: 'regex', value: '^/(pricing|plans)/$' },
			true,
		],
		[
			'path prefix elsewhere',
			{ type: 'path', op: 'prefix', value: '/docs' },
			false,
		],
		[
			'query value',
			{
				type: 'query',
				key: 'utm_source',
				op: 'equals',
				value: 'linkedin',
			},
			true,
		],
		[
			'query other value',
			{ type: 'query', key: 'utm_source', op: 'equals', value: 'google' },
			false,
		],
		[
			'query absent key',
			{ type: 'query', key: 'utm_medium', op: 'contains', value: '' },
			false,
		],
		[
			'query present, empty value',
			{ type: 'query', key: 'empty', op: 'equals', value: '' },
			true,
		],
		[
			'referrer contains',
			{ type: 'referrer', op: 'contains', value: 'linkedin.com' },
			true,
		],
		[
			'referrer prefix',
			{ type: 'referrer', op: 'prefix', value: 'https://google.' },
			false,
		],
		[ 'device desktop', { type: 'device', value: 'desktop' }, true ],
		[ 'device mobile', { type: 'device', value: 'mobile' }, false ],
		[
			'time_on_page not yet',
			{ type: 'time_on_page', seconds: 30 },
			false,
		],
		[ 'scroll not yet', { type: 'scroll', percent: 50 }, false ],
		[
			'schedule now',
			{ type: 'schedule', days: [ 'mon' ], from: '09:00', to: '17:00' },
			true,
		],
		[
			'schedule other day',
			{ type: 'schedule', days: [ 'tue' ], from: '09:00', to: '17:00' },
			false,
		],
		[
			'schedule later',
			{ type: 'schedule', days: [ 'mon' ], from: '11:00', to: '17:00' },
			false,
		],
		// Page facts are PHP's: never in a page config, never true here.
		[ 'post_type', { type: 'post_type', values: [ 'page' ] }, false ],
		[ 'post', { type: 'post', ids: [ 1 ] }, false ],
		[
			'term',
			{ type: 'term', taxonomy: 'category', slugs: [ 'news' ] },
			false,
		],
		[ 'logged_in', { type: 'logged_in', value: false }, false ],
		[ 'role', { type: 'role', roles: [ 'subscriber' ] }, false ],
		[
			'an unknown type',
			{ type: 'weather', value: 'sunny' } as unknown as Condition,
			false,
		],
	] )( '%s -> %s', ( _label, condition, expected ) => {
		expect( matchCondition( condition, facts() ) ).toBe( expected );
	} );

	it( 'reads time on page and scroll depth as at least', () => {
		const waited = facts( { timeOnPage: 30, scrollPercent: 50 } );
		expect(
			matchCondition( { type: 'time_on_page', seconds: 30 }, waited )
		).toBe( true );
		expect(
			matchCondition( { type: 'time_on_page', seconds: 31 }, waited )
		).toBe( false );
		expect(
			matchCondition( { type: 'scroll', percent: 50 }, waited )
		).toBe( true );
		expect(
			matchCondition( { type: 'scroll', percent: 51 }, waited )
		).toBe( false );
	} );

	it( 'decides a schedule in the site timezone, not UTC', () => {
		// 10:00 UTC is 19:00 in Tokyo and 12:00 at +02:00.
		const condition: Condition = {
			type: 'schedule',
			days: [ 'mon' ],
			from: '18:00',
			to: '20:00',
		};
		expect(
			matchCondition( condition, facts( { timezone: 'Asia/Tokyo' } ) )
		).toBe( true );
		expect( matchCondition( condition, facts() ) ).toBe( false );
		expect(
			matchCondition(
				{ ...condition, from: '12:00', to: '12:01' },
				facts( { timezone: '+02:00' } )
			)
		).toBe( true );
		expect(
			matchCondition( condition, facts( { timezone: 'Nowhere/Zone' } ) )
		).toBe( false );
	} );

	it( 'works out the site time and the query once per facts object', () => {
		const condition: Condition = {
			type: 'schedule',
			days: [ 'mon' ],
			from: '09:00',
			to: '11:00',
		};
		const seen = facts( { timezone: '+00:00' } );
		expect( matchCondition( condition, seen ) ).toBe( true );
		// 10:00 on Monday (the fixtures' moment), in minutes since Sunday 00:00.
		expect( seen.minute ).toBe( 1440 + 600 );
		// Later schedule conditions read the stored minute instead of working it out again.
		seen.minute = 0;
		expect( matchCondition( condition, seen ) ).toBe( false );

		const query: Condition = {
			type: 'query',
			key: 'a',
			op: 'equals',
			value: '1',
		};
		const withQuery = facts( { url: { pathname: '/', search: '?a=1' } } );
		expect( matchCondition( query, withQuery ) ).toBe( true );
		expect( withQuery.params?.get( 'a' ) ).toBe( '1' );
	} );

	it( 'reads a location object as well as a URL', () => {
		expect(
			matchCondition(
				{ type: 'query', key: 'q', op: 'equals', value: 'a b' },
				facts( { url: { pathname: '/', search: '?q=a+b' } } )
			)
		).toBe( true );
	} );
} );

describe( 'isTimedCondition', () => {
	it( 'is true for time on page and scroll only', () => {
		expect( isTimedCondition( { type: 'time_on_page', seconds: 1 } ) ).toBe(
			true
		);
		expect( isTimedCondition( { type: 'scroll', percent: 1 } ) ).toBe(
			true
		);
		expect( isTimedCondition( { type: 'device', value: 'mobile' } ) ).toBe(
			false
		);
	} );
} );
