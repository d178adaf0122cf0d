/**
 * The Experiences section's pure logic: rule ids, list edits, condition
 * defaults per type, action switches, typed lists and error paths.
 */

/**
 * Internal dependencies
 */
import {
	fieldsFromRows,
	shownRows,
	withAction,
} from '../../admin/experiences/actions';
import {
	CONDITION_TYPES,
	conditionKeys,
	defaultCondition,
	withType,
} from '../../admin/experiences/conditions';
import type { Rule } from '../../admin/experiences/model';
import {
	actionPath,
	conditionPath,
	isUnder,
	ruleLevelErrors,
	rulePath,
	testerPath,
} from '../../admin/experiences/paths';
import {
	RULE_ID_PATTERN,
	addCondition,
	addRule,
	duplicateRule,
	moveItem,
	newRuleId,
	removeItem,
	slugify,
} from '../../admin/experiences/rule-list';
import {
	parseIds,
	parseWhole,
	parseWords,
	shownText,
} from '../../admin/experiences/text-lists';
import { reindexErrors } from '../../admin/field-errors';

/**
 * A predictable "random": the given numbers, over and over.
 * @param {...any} values
 */
const sequence = ( ...values: number[] ) => {
	let index = 0;
	return () => values[ index++ % values.length ] as number;
};

const rule = ( id: string, extra: Partial< Rule > = {} ): Rule => ( {
	id,
	when: [ { type: 'path', op: 'prefix', value: '/pricing' } ],
	then: { action: 'showExperience', experience: 'experience-1' },
	...extra,
} );

describe( 'rule ids', () => {
	it( 'slugs a label: lower case, accents dropped, one hyphen per gap', () => {
		expect( slugify( 'Pricing visitors from LinkedIn' ) ).toBe(
			'pricing-visitors-from-linkedin'
		);
		expect( slugify( '  Été -- à Paris!! ' ) ).toBe( 'ete-a-paris' );
		expect( slugify( '<script>' ) ).toBe( 'script' );
		expect( slugify( '日本語' ) ).toBe( '' );
	} );

	it( 'uses the slug of the label, else rule- and six random characters', () => {
		expect( newRuleId( 'Pricing', [] ) ).toBe( 'pricing' );
		expect( newRuleId( '', [], sequence( 0, 0.5, 0.999 ) ) ).toBe(
			'rule-0iz0iz'
		);
		expect( newRuleId( '!!!', [], sequence( 0.1 ) ) ).toBe( 'rule-333333' );
	} );

	it( 'never reuses an id of the list', () => {
		expect( newRuleId( 'Pricing', [ 'pricing' ] ) ).toBe( 'pricing-2' );
		expect(
			newRuleId( 'Pricing', [ 'pricing', 'pricing-2', 'pricing-3' ] )
		).toBe( 'pricing-4' );
		const random = sequence( 0 );
		expect( newRuleId( '', [ 'rule-000000' ], random ) ).toBe(
			'rule-000000-2'
		);
	} );

	it( 'always fits the contract pattern, even for long labels', () => {
		const long = 'a'.repeat( 100 );
		const first = newRuleId( long, [] );
		expect( first ).toHaveLength( 64 );
		const second = newRuleId( long, [ first ] );
		expect( second ).toMatch( /-2$/ );
		expect( second ).toHaveLength( 64 );
		for ( const id of [
			first,
			second,
			newRuleId( '-Leading hyphen', [] ),
			newRuleId( '', [], Math.random ),
			newRuleId( `${ 'b'.repeat( 63 ) } c`, [] ),
		] ) {
			expect( id ).toMatch( RULE_ID_PATTERN );
		}
	} );
} );

describe( 'rule list edits', () => {
	const list = [ rule( 'a' ), rule( 'b' ), rule( 'c' ) ];

	it( 'adds an enabled rule with no conditions and an Experience to fill in', () => {
		const edit = addRule( list, ' Demo page ' );
		expect( edit.list ).toHaveLength( 4 );
		expect( edit.list[ 3 ] ).toEqual( {
			id: 'demo-page',
			label: 'Demo page',
			enabled: true,
			when: [],
			then: { action: 'showExperience', experience: '' },
		} );
		expect( edit.order ).toEqual( [ 0, 1, 2, null ] );
	} );

	it( 'duplicates a rule right after it, deep-copied, with its own id', () => {
		const source = rule( 'pricing', { label: 'Pricing' } );
		const edit = duplicateRule(
			[ source, rule( 'other' ) ],
			0,
			( label ) => `${ label } (copy)`
		);
		expect( edit.order ).toEqual( [ 0, null, 1 ] );
		const copy = edit.list[ 1 ] as Rule;
		expect( copy.id ).toBe( 'pricing-copy' );
		expect( copy.label ).toBe( 'Pricing (copy)' );
		expect( copy.when ).toEqual( source.when );
		expect( copy.when ).not.toBe( source.when );
		( copy.when[ 0 ] as { value: string } ).value = '/changed';
		expect( source.when[ 0 ] ).toEqual( {
			type: 'path',
			op: 'prefix',
			value: '/pricing',
		} );
	} );

	it( 'duplicates a rule without a label from its id', () => {
		const edit = duplicateRule( [ rule( 'x1' ) ], 0, ( l ) => l );
		expect( edit.list[ 1 ]?.id ).toBe( 'x1-2' );
		expect( edit.list[ 1 ] ).not.toHaveProperty( 'label' );
	} );

	it( 'removes and moves, saying where each rule came from', () => {
		expect( removeItem( list, 1 ).list.map( ( r ) => r.id ) ).toEqual( [
			'a',
			'c',
		] );
		expect( removeItem( list, 1 ).order ).toEqual( [ 0, 2 ] );
		expect( moveItem( list, 2, 1 ).list.map( ( r ) => r.id ) ).toEqual( [
			'a',
			'c',
			'b',
		] );
		expect( moveItem( list, 0, 1 ).order ).toEqual( [ 1, 0, 2 ] );
		expect( moveItem( list, 0, -1 ).list ).toBe( list );
		expect( moveItem( list, 2, 3 ).order ).toEqual( [ 0, 1, 2 ] );
	} );

	it( 'adds conditions up to the limit of 20', () => {
		let when = addCondition( [], 'scroll' ).list;
		expect( when ).toEqual( [ { type: 'scroll', percent: 50 } ] );
		for ( let i = 0; i < 30; i++ ) {
			when = addCondition( when, 'device' ).list;
		}
		expect( when ).toHaveLength( 20 );
		expect( addCondition( when, 'device' ).order ).toHaveLength( 20 );
	} );

	it( 'keeps messages with their rule when rules move', () => {
		const errors = {
			'experiences.rules[0].when[1].value':
				'Rule 1, Condition 2, Value: x',
			'experiences.rules[2].then.experience': 'Rule 3, Experience: y',
			'experiences.rules': 'Experience rules: z',
		};
		expect(
			reindexErrors(
				errors,
				'experiences.rules',
				moveItem( list, 2, 0 ).order
			)
		).toEqual( {
			'experiences.rules[1].when[1].value':
				'Rule 1, Condition 2, Value: x',
			'experiences.rules[0].then.experience': 'Rule 3, Experience: y',
			'experiences.rules': 'Experience rules: z',
		} );
		// A removed condition's message goes; the next one's moves up.
		expect(
			reindexErrors(
				{
					'experiences.rules[0].when[0].value': 'gone',
					'experiences.rules[0].when[1].key': 'moves',
				},
				'experiences.rules[0].when',
				[ 1 ]
			)
		).toEqual( { 'experiences.rules[0].when[0].key': 'moves' } );
	} );
} );

describe( 'condition defaults', () => {
	it.each( CONDITION_TYPES )(
		'a new %s condition has exactly the keys the shared list names',
		( type ) => {
			const condition = defaultCondition( type );
			expect( condition.type ).toBe( type );
			expect( Object.keys( condition ).sort() ).toEqual(
				[ 'type', ...conditionKeys( type ) ].sort()
			);
		}
	);

	it( 'starts with values the server accepts where it can', () => {
		expect( defaultCondition( 'time_on_page' ) ).toEqual( {
			type: 'time_on_page',
			seconds: 30,
		} );
		expect( defaultCondition( 'schedule' ) ).toEqual( {
			type: 'schedule',
			days: [ 'mon', 'tue', 'wed', 'thu', 'fri' ],
			from: '09:00',
			to: '17:00',
		} );
		expect( defaultCondition( 'device' ) ).toEqual( {
			type: 'device',
			value: 'mobile',
		} );
		expect( defaultCondition( 'logged_in' ) ).toEqual( {
			type: 'logged_in',
			value: true,
		} );
	} );

	it( 'keeps the text match when switching between text conditions', () => {
		expect(
			withType( { type: 'path', op: 'regex', value: '^/a' }, 'referrer' )
		).toEqual( { type: 'referrer', op: 'regex', value: '^/a' } );
		expect(
			withType( { type: 'path', op: 'glob', value: '/a*' }, 'query' )
		).toEqual( { type: 'query', key: '', op: 'glob', value: '/a*' } );
	} );

	it( 'starts from the defaults otherwise (no stray keys)', () => {
		expect(
			withType( { type: 'path', op: 'equals', value: '/' }, 'device' )
		).toEqual( { type: 'device', value: 'mobile' } );
		expect(
			withType( { type: 'device', value: 'desktop' }, 'path' )
		).toEqual( { type: 'path', op: 'prefix', value: '' } );
	} );
} );

describe( 'actions', () => {
	it( 'switches action with only that action’s keys', () => {
		const show = {
			action: 'showExperience' as const,
			experience: 'experience-1',
			startCollapsed: true,
		};
		expect( withAction( show, 'open' ) ).toEqual( { action: 'open' } );
		expect( withAction( show, 'hide' ) ).toEqual( { action: 'hide' } );
		expect( withAction( show, 'identify' ) ).toEqual( {
			action: 'identify',
			fields: {},
		} );
		expect( withAction( { action: 'open' }, 'showExperience' ) ).toEqual( {
			action: 'showExperience',
			experience: '',
		} );
		expect( withAction( show, 'showExperience' ) ).toBe( show );
	} );

	it( 'turns identify rows into fields: unnamed rows wait, the first name wins', () => {
		expect(
			fieldsFromRows( [
				[ 'campaign', 'Spring' ],
				[ '', 'pending' ],
				[ 'campaign', 'later' ],
				[ 'toString', 'x' ],
			] )
		).toEqual( { campaign: 'Spring', toString: 'x' } );
	} );

	it( 'shows the typed rows while they still give the stored fields', () => {
		const typed: Array< [ string, string ] > = [
			[ 'a', '1' ],
			[ '', '' ],
		];
		expect( shownRows( typed, { a: '1' } ) ).toEqual( typed );
		expect( shownRows( typed, { b: '2' } ) ).toEqual( [ [ 'b', '2' ] ] );
		expect( shownRows( null, { a: '1' } ) ).toEqual( [ [ 'a', '1' ] ] );
	} );
} );

describe( 'typed lists and numbers', () => {
	it( 'reads comma-separated words', () => {
		expect( parseWords( ' news, events ,, ' ) ).toEqual( [
			'news',
			'events',
		] );
		expect( parseWords( '' ) ).toEqual( [] );
	} );

	it( 'reads post ids and reports what is not one', () => {
		expect( parseIds( '12, 40, abc, 0, -3, 7.5' ) ).toEqual( {
			ids: [ 12, 40 ],
			bad: [ 'abc', '0', '-3', '7.5' ],
		} );
	} );

	it( 'reads whole numbers, 0 for anything else', () => {
		expect( parseWhole( '30' ) ).toBe( 30 );
		expect( parseWhole( ' 7 ' ) ).toBe( 7 );
		expect( parseWhole( '' ) ).toBe( 0 );
		expect( parseWhole( '2.5' ) ).toBe( 0 );
		expect( parseWhole( '1e3' ) ).toBe( 0 );
	} );

	it( 'keeps what is typed while it means the stored value', () => {
		const format = ( ids: number[] ) => ids.join( ', ' );
		const parse = ( text: string ) => parseIds( text ).ids;
		expect( shownText( '12, ', [ 12 ], parse, format ) ).toBe( '12, ' );
		expect( shownText( '12, ', [ 12, 40 ], parse, format ) ).toBe(
			'12, 40'
		);
		expect( shownText( null, [ 3 ], parse, format ) ).toBe( '3' );
	} );
} );

describe( 'error paths', () => {
	it( 'builds the paths the server names', () => {
		expect( rulePath( 2 ) ).toBe( 'experiences.rules[2]' );
		expect( rulePath( 2, 'label' ) ).toBe( 'experiences.rules[2].label' );
		expect( conditionPath( 2, 1, 'value' ) ).toBe(
			'experiences.rules[2].when[1].value'
		);
		expect( conditionPath( 2, 1 ) ).toBe( 'experiences.rules[2].when[1]' );
		expect( actionPath( 0, 'experience' ) ).toBe(
			'experiences.rules[0].then.experience'
		);
	} );

	it( 'does not let rule 1 claim the messages of rule 10', () => {
		expect(
			isUnder( 'experiences.rules[1].label', 'experiences.rules[1]' )
		).toBe( true );
		expect(
			isUnder( 'experiences.rules[1]', 'experiences.rules[1]' )
		).toBe( true );
		expect(
			isUnder( 'experiences.rules[10].label', 'experiences.rules[1]' )
		).toBe( false );
		expect(
			isUnder(
				'experiences.rules[1].when[0]',
				'experiences.rules[1].when'
			)
		).toBe( true );
	} );

	it( 'shows at the rule’s top only the messages no input of it shows', () => {
		const errors = {
			'experiences.rules[0]': 'Rule 1: a hide rule cannot wait.',
			'experiences.rules[0].id': 'Rule 1, ID: already used.',
			'experiences.rules[0].when[0].value':
				'Rule 1, Condition 1, Value: bad',
			'experiences.rules[0].when[0].seconds':
				'Rule 1, Condition 1, Seconds: not a path key',
			'experiences.rules[0].then.experience': 'Rule 1, Experience: bad',
			'experiences.rules[0].then.fields.x': 'Rule 1, Fields to send: bad',
			'experiences.rules[10].id': 'Rule 11, ID: bad',
		};
		expect(
			ruleLevelErrors( errors, rule( 'r' ), 0, ( path ) =>
				path.includes( '.then.fields' )
			).map( ( [ path ] ) => path )
		).toEqual( [
			'experiences.rules[0]',
			'experiences.rules[0].id',
			'experiences.rules[0].when[0].seconds',
		] );
		// With another action, the experience field is not shown, so its message goes on top.
		expect(
			ruleLevelErrors(
				errors,
				rule( 'r', { then: { action: 'open' } } ),
				0
			).map( ( [ path ] ) => path )
		).toContain( 'experiences.rules[0].then.experience' );
	} );

	it( 'puts the tester’s messages at the section’s rules or its own inputs', () => {
		expect( testerPath( 'rules[2].when[1].value' ) ).toBe(
			'experiences.rules[2].when[1].value'
		);
		expect( testerPath( 'experiences.rules[0].id' ) ).toBe(
			'experiences.rules[0].id'
		);
		expect( testerPath( 'url' ) ).toBe( 'experiences.test.url' );
		expect( testerPath( 'rulesX' ) ).toBe( 'experiences.test.rulesX' );
	} );
} );
