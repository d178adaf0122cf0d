/**
 * The contract's precedence: override, first showExperience/hide, one open,
 * identify merge, timed rules, oncePerVisit.
 */
import { decide } from '../../src/shared/experiences/decide';
import type {
	Action,
	BrowserCondition,
	PageRule,
} from '../../src/shared/experiences/types';
import { facts } from './experiences-fixtures';

const ON_PRICING: BrowserCondition = {
	type: 'path',
	op: 'equals',
	value: '/pricing/',
};
const ON_DOCS: BrowserCondition = {
	type: 'path',
	op: 'prefix',
	value: '/docs/',
};
const AFTER_30S: BrowserCondition = { type: 'time_on_page', seconds: 30 };
const HALF_WAY: BrowserCondition = { type: 'scroll', percent: 50 };

const show = ( experience: string, startCollapsed?: boolean ): Action =>
	startCollapsed === undefined
		? { action: 'showExperience', experience }
		: { action: 'showExperience', experience, startCollapsed };
const rule = (
	id: string,
	then: Action,
	...when: BrowserCondition[]
): PageRule => ( {
	id,
	when,
	then,
} );

describe( 'decide', () => {
	it( 'returns nothing to do for no rules', () => {
		expect( decide( [], facts() ) ).toEqual( {
			decision: null,
			open: false,
			openRule: null,
			identify: {},
			matched: [],
			fired: [],
			pending: [],
			load: false,
		} );
	} );

	it( 'gives the decision to the first matching showExperience or hide rule', () => {
		const result = decide(
			[
				rule( 'docs', show( 'experience-1' ), ON_DOCS ),
				rule( 'pricing', show( 'experience-2', true ), ON_PRICING ),
				rule( 'everywhere', show( 'experience-3' ) ),
				rule( 'hide', { action: 'hide' } ),
			],
			facts()
		);
		expect( result.decision ).toEqual( {
			rule: 'pricing',
			action: 'showExperience',
			experience: 'experience-2',
			startCollapsed: true,
		} );
		expect( result.matched ).toEqual( [ 'pricing', 'everywhere', 'hide' ] );
		expect( result.fired ).toEqual( [ 'pricing' ] );
	} );

	it( 'hides when a hide rule comes first, and then makes no calls', () => {
		const result = decide(
			[
				rule( 'who', { action: 'identify', fields: { a: '1' } } ),
				rule( 'open', { action: 'open' } ),
				rule( 'careers', { action: 'hide' }, ON_PRICING ),
				rule( 'show', show( 'experience-1' ) ),
				rule( 'later', { action: 'open' }, AFTER_30S ),
			],
			facts()
		);
		expect( result ).toEqual( {
			decision: { rule: 'careers', action: 'hide' },
			open: false,
			openRule: null,
			identify: {},
			matched: [ 'who', 'open', 'careers', 'show' ],
			fired: [ 'careers' ],
			pending: [],
			load: false,
		} );
	} );

	it( 'makes one open for every matching open rule, naming the first', () => {
		const result = decide(
			[
				rule( 'a', { action: 'open' }, ON_DOCS ),
				rule( 'b', { action: 'open' }, ON_PRICING ),
				rule( 'c', { action: 'open' } ),
			],
			facts()
		);
		expect( result.open ).toBe( true );
		expect( result.openRule ).toBe( 'b' );
		expect( result.fired ).toEqual( [ 'b', 'c' ] );
	} );

	it( 'merges identify fields, earlier rules winning on a key', () => {
		const result = decide(
			[
				rule(
					'a',
					{
						action: 'identify',
						fields: { segment: 'pricing', plan: 'x' },
					},
					ON_PRICING
				),
				rule(
					'b',
					{ action: 'identify', fields: { segment: 'docs' } },
					ON_DOCS
				),
				rule( 'c', {
					action: 'identify',
					fields: { segment: 'any', source: 'web' },
				} ),
			],
			facts()
		);
		expect( result.identify ).toEqual( {
			segment: 'pricing',
			plan: 'x',
			source: 'web',
		} );
		expect( result.fired ).toEqual( [ 'a', 'c' ] );
	} );

	describe( 'override', () => {
		const rules = [
			rule( 'hide', { action: 'hide' }, ON_PRICING ),
			rule( 'show', show( 'experience-1' ) ),
			rule( 'open', { action: 'open' } ),
		];

		it( 'beats the showExperience and hide rules with its experience', () => {
			const result = decide( rules, facts(), {
				override: { experience: 'experience-9', startCollapsed: true },
			} );
			expect( result.decision ).toEqual( {
				rule: null,
				action: 'showExperience',
				experience: 'experience-9',
				startCollapsed: true,
			} );
			expect( result.fired ).toEqual( [ 'open' ] );
			expect( result.openRule ).toBe( 'open' );
		} );

		it( 'opens, and attributes the open to itself', () => {
			const result = decide( [ rules[ 2 ] as PageRule ], facts(), {
				override: { open: true },
			} );
			expect( result.open ).toBe( true );
			expect( result.openRule ).toBeNull();
			expect(
				decide( [], facts(), { override: { open: true } } ).open
			).toBe( true );
		} );

		it( 'without an experience leaves the decision to the rules', () => {
			expect(
				decide( rules, facts(), { override: { experience: '' } } )
					.decision
			).toEqual( { rule: 'hide', action: 'hide' } );
		} );
	} );

	describe( 'skipped rules', () => {
		it( 'skips rules that fired earlier in the visit', () => {
			const result = decide(
				[
					rule( 'once', show( 'experience-1' ) ),
					rule( 'then', show( 'experience-2' ) ),
				],
				facts(),
				{ fired: [ 'once' ] }
			);
			expect( result.decision?.rule ).toBe( 'then' );
			expect( result.matched ).toEqual( [ 'then' ] );
		} );

		it( 'skips disabled rules (the tester may pass them)', () => {
			expect(
				decide(
					[
						{
							...rule( 'off', show( 'experience-1' ) ),
							enabled: false,
						},
					],
					facts()
				).decision
			).toBeNull();
		} );

		it( 'skips a hide that waits for a moment (the schema refuses them)', () => {
			const result = decide(
				[ rule( 'late-hide', { action: 'hide' }, AFTER_30S ) ],
				facts( { timeOnPage: 60 } )
			);
			expect( result.decision ).toBeNull();
			expect( result.pending ).toEqual( [] );
		} );

		it( 'skips malformed rules and keeps deciding', () => {
			const junk = [
				{ id: 'no-when', then: { action: 'open' } },
				{
					id: 'bad-condition',
					when: [ null ],
					then: { action: 'open' },
				},
				{ id: 'no-then', when: [] },
				{
					id: 'show-nothing',
					when: [],
					then: { action: 'showExperience' },
				},
				{ id: 'unknown', when: [], then: { action: 'explode' } },
				{
					id: 'bad-days',
					when: [ { type: 'schedule', days: 5 } ],
					then: { action: 'hide' },
				},
			] as unknown as PageRule[];
			const result = decide(
				[ ...junk, rule( 'good', show( 'experience-1' ) ) ],
				facts()
			);
			expect( result.decision?.rule ).toBe( 'good' );
			expect( result.open ).toBe( false );
			expect( result.fired ).toEqual( [ 'good' ] );
		} );
	} );

	describe( 'timed rules', () => {
		const rules = [
			rule( 'late-show', show( 'experience-7' ), ON_PRICING, AFTER_30S ),
			rule( 'late-open', { action: 'open' }, HALF_WAY ),
			rule( 'docs-later', { action: 'open' }, ON_DOCS, AFTER_30S ),
		];

		it( 'are pending while their other conditions hold', () => {
			const result = decide( rules, facts() );
			expect( result.pending ).toEqual( [ 'late-show', 'late-open' ] );
			expect( result.matched ).toEqual( [] );
			expect( result.decision ).toBeNull();
		} );

		it( 'take effect when their moment comes', () => {
			const result = decide( rules, facts( { timeOnPage: 30 } ) );
			expect( result.decision?.rule ).toBe( 'late-show' );
			expect( result.pending ).toEqual( [ 'late-open' ] );
		} );

		it( 'need every timed condition', () => {
			const both = [
				rule( 'both', { action: 'open' }, AFTER_30S, HALF_WAY ),
			];
			expect(
				decide( both, facts( { timeOnPage: 40 } ) ).pending
			).toEqual( [ 'both' ] );
			expect(
				decide( both, facts( { timeOnPage: 40, scrollPercent: 60 } ) )
					.open
			).toBe( true );
		} );

		it( 'take the decision only if it is still free', () => {
			const later = facts( { timeOnPage: 30, scrollPercent: 50 } );
			const taken = decide( rules, later, { taken: true, opened: true } );
			expect( taken.decision ).toBeNull();
			expect( taken.open ).toBe( false );
			expect( taken.matched ).toEqual( [ 'late-show', 'late-open' ] );
			expect( taken.fired ).toEqual( [] );
		} );
	} );
} );
