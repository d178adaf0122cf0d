/**
 * The TypeScript side agrees with includes/Settings/experience-conditions.json
 * and experience-actions.json (the one lists PHP validates against).
 */
import conditions from '../../includes/Settings/experience-conditions.json';
import actions from '../../includes/Settings/experience-actions.json';
import {
	ACTION_NAMES,
	CONDITION_TYPES,
	conditionKeys,
	conditionWhere,
	isConditionType,
	isTimedType,
} from '../../src/shared/experiences/catalog';
import {
	isTimedCondition,
	matchCondition,
} from '../../src/shared/experiences/conditions';
import type { Condition } from '../../src/shared/experiences/types';
import { facts } from './experiences-fixtures';

/** A condition of each browser type that holds for facts( { timeOnPage: 60, scrollPercent: 100 } ). */
const HOLDING: Record< string, Condition > = {
	path: { type: 'path', op: 'prefix', value: '/' },
	query: { type: 'query', key: 'utm_source', op: 'contains', value: '' },
	referrer: { type: 'referrer', op: 'contains', value: '' },
	device: { type: 'device', value: 'desktop' },
	time_on_page: { type: 'time_on_page', seconds: 60 },
	scroll: { type: 'scroll', percent: 100 },
	schedule: {
		type: 'schedule',
		days: [ 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun' ],
		from: '00:00',
		to: '23:59',
	},
};

describe( 'condition catalog', () => {
	it( 'lists the JSON file’s types in its order', () => {
		expect( CONDITION_TYPES ).toEqual( Object.keys( conditions ) );
		expect( ACTION_NAMES ).toEqual( Object.keys( actions ) );
	} );

	it( 'has a matcher for every browser type and none for page facts', () => {
		const waited = facts( { timeOnPage: 60, scrollPercent: 100 } );
		for ( const type of CONDITION_TYPES ) {
			if ( conditionWhere( type ) === 'browser' ) {
				const condition = HOLDING[ type ];
				expect( condition?.type ).toBe( type );
				expect( matchCondition( condition as Condition, waited ) ).toBe(
					true
				);
			} else {
				expect( HOLDING[ type ] ).toBeUndefined();
			}
		}
	} );

	it( 'agrees with the file on which types are timed', () => {
		for ( const type of CONDITION_TYPES ) {
			const sample = { type } as Condition;
			expect( isTimedCondition( sample ) ).toBe( isTimedType( type ) );
		}
		expect( CONDITION_TYPES.filter( isTimedType ) ).toEqual( [
			'time_on_page',
			'scroll',
		] );
	} );

	it( 'gives each type its keys and refuses names it does not list', () => {
		expect( conditionKeys( 'query' ) ).toEqual( [ 'key', 'op', 'value' ] );
		expect( isConditionType( 'path' ) ).toBe( true );
		expect( isConditionType( 'toString' ) ).toBe( false );
	} );
} );
