/**
 * The rule tester's reading of a preview answer: the shared matcher is run
 * on the reduced rules with the typed visitor facts, and each rule gets a
 * verdict (matches, which condition failed, waits for a moment, page facts,
 * off), plus the calls in the contract's order.
 */

/**
 * Internal dependencies
 */
import type { Rule } from '../../admin/experiences/model';
import {
	absoluteUrl,
	momentOf,
	testRules,
	type ExperiencesPreviewPayload,
	type PreviewRule,
	type VisitorInput,
} from '../../admin/experiences/tester-model';
import { momentText } from '../../admin/experiences/texts';

const HOME = 'http://site.test';

/**
 * A preview answer the way the server reduces rules: page conditions
 * removed, their verdict in `pageFacts`, disabled rules left out.
 *
 * @param rules     Rules as edited.
 * @param pageFacts Verdict per rule id (default: "none" when it has no page condition, else "match").
 * @param extra     Other answer fields.
 */
function preview(
	rules: Rule[],
	pageFacts: Record< string, PreviewRule[ 'pageFacts' ] > = {},
	extra: Partial< ExperiencesPreviewPayload > = {}
): ExperiencesPreviewPayload {
	const pageTypes = [ 'post_type', 'post', 'term', 'logged_in', 'role' ];
	return {
		url: `${ HOME }/pricing/?utm_source=linkedin`,
		page: { postId: 12, postType: 'page', title: 'Pricing', found: true },
		hidden: false,
		override: null,
		timezone: 'UTC',
		...extra,
		rules: rules
			.filter( ( rule ) => rule.enabled !== false )
			.map( ( rule ) => {
				const hasPage = rule.when.some( ( c ) =>
					pageTypes.includes( c.type )
				);
				return {
					id: rule.id,
					pageFacts:
						pageFacts[ rule.id ] ?? ( hasPage ? 'match' : 'none' ),
					rule: {
						id: rule.id,
						when: rule.when.filter(
							( c ) => ! pageTypes.includes( c.type )
						) as PreviewRule[ 'rule' ][ 'when' ],
						then: rule.then,
						...( rule.oncePerVisit ? { once: true as const } : {} ),
					},
				};
			} ),
	};
}

const visitor = ( extra: Partial< VisitorInput > = {} ): VisitorInput => ( {
	url: `${ HOME }/pricing/?utm_source=linkedin`,
	referrer: '',
	device: 'desktop',
	now: new Date( '2025-03-03T10:00:00Z' ), // a Monday
	...extra,
} );

const pricing: Rule = {
	id: 'pricing',
	label: 'Pricing visitors from LinkedIn',
	when: [
		{ type: 'path', op: 'prefix', value: '/pricing' },
		{ type: 'query', key: 'utm_source', op: 'equals', value: 'linkedin' },
	],
	then: { action: 'showExperience', experience: 'experience-1234' },
};

describe( 'testRules', () => {
	it( 'matches /pricing/?utm_source=linkedin and shows the Experience', () => {
		const result = testRules(
			[ pricing ],
			preview( [ pricing ] ),
			visitor()
		);
		expect( result.hidden ).toBe( false );
		expect( result.rules ).toEqual( [
			{
				id: 'pricing',
				index: 0,
				action: 'showExperience',
				once: false,
				verdict: { kind: 'matches', takes: true },
			},
		] );
		expect( result.calls ).toEqual( [
			{
				method: 'showExperience',
				args: [ 'experience-1234', false ],
				rules: [ 'pricing' ],
			},
		] );
	} );

	it( 'names the visitor condition that fails, by its place in the rule', () => {
		const about = preview( [ pricing ], {}, { url: `${ HOME }/about/` } );
		const result = testRules( [ pricing ], about, visitor() );
		expect( result.rules[ 0 ]?.verdict ).toEqual( {
			kind: 'visitor',
			condition: 0,
			type: 'path',
		} );
		expect( result.calls ).toEqual( [] );

		// A page condition first: the failing query is still "condition 3".
		const mixed: Rule = {
			...pricing,
			when: [
				{ type: 'post_type', values: [ 'page' ] },
				...pricing.when,
			],
		};
		const twitter = preview(
			[ mixed ],
			{},
			{ url: `${ HOME }/pricing/?utm_source=twitter` }
		);
		expect(
			testRules( [ mixed ], twitter, visitor() ).rules[ 0 ]?.verdict
		).toEqual( {
			kind: 'visitor',
			condition: 2,
			type: 'query',
		} );
	} );

	it( 'says when page facts rule a rule out, and when a rule is off', () => {
		const typed: Rule = {
			...pricing,
			id: 'posts-only',
			when: [ { type: 'post_type', values: [ 'post' ] } ],
		};
		const off: Rule = { ...pricing, id: 'off', enabled: false };
		const rules = [ typed, off ];
		const result = testRules(
			rules,
			preview( rules, { 'posts-only': 'no_match' } ),
			visitor()
		);
		expect( result.rules.map( ( r ) => r.verdict.kind ) ).toEqual( [
			'page',
			'disabled',
		] );
		expect( result.calls ).toEqual( [] );
	} );

	it( 'says so when the server left a rule out', () => {
		const result = testRules(
			[ pricing ],
			{ ...preview( [ pricing ] ), rules: [] },
			visitor()
		);
		expect( result.rules[ 0 ]?.verdict ).toEqual( { kind: 'missing' } );
	} );

	it( 'applies precedence: the first decision wins, open and identify add up, in order', () => {
		const rules: Rule[] = [
			{
				id: 'tag',
				when: [],
				then: { action: 'identify', fields: { campaign: 'Spring' } },
			},
			{ id: 'open', when: [], then: { action: 'open' } },
			pricing,
			{
				...pricing,
				id: 'second',
				then: { action: 'showExperience', experience: 'experience-2' },
			},
			{
				id: 'tag2',
				when: [],
				then: {
					action: 'identify',
					fields: { campaign: 'Later', plan: 'pro' },
				},
			},
		];
		const result = testRules( rules, preview( rules ), visitor() );
		expect( result.calls.map( ( call ) => call.method ) ).toEqual( [
			'identify',
			'showExperience',
			'open',
		] );
		expect( result.calls[ 0 ] ).toEqual( {
			method: 'identify',
			args: [ { campaign: 'Spring', plan: 'pro' } ],
			rules: [ 'tag', 'tag2' ],
		} );
		expect( result.calls[ 1 ]?.args ).toEqual( [
			'experience-1234',
			false,
		] );
		const second = result.rules.find( ( r ) => r.id === 'second' );
		expect( second?.verdict ).toEqual( { kind: 'matches', takes: false } );
	} );

	it( 'shows timed rules as waiting, and their calls at their moment', () => {
		const timed: Rule[] = [
			{
				id: 'open-later',
				oncePerVisit: true,
				when: [
					{ type: 'path', op: 'prefix', value: '/pricing' },
					{ type: 'time_on_page', seconds: 30 },
				],
				then: { action: 'open' },
			},
			{
				id: 'scrolled',
				when: [ { type: 'scroll', percent: 50 } ],
				then: {
					action: 'showExperience',
					experience: 'experience-7',
					startCollapsed: true,
				},
			},
		];
		const result = testRules( timed, preview( timed ), visitor() );
		expect( result.rules.map( ( r ) => r.verdict ) ).toEqual( [
			{ kind: 'waits', moment: { seconds: 30 }, takes: true },
			{ kind: 'waits', moment: { percent: 50 }, takes: true },
		] );
		expect( result.rules[ 0 ]?.once ).toBe( true );
		expect( result.calls ).toEqual( [] );
		expect( result.later ).toEqual( [
			{
				method: 'open',
				args: [],
				rules: [ 'open-later' ],
				moment: { seconds: 30 },
			},
			{
				method: 'showExperience',
				args: [ 'experience-7', true ],
				rules: [ 'scrolled' ],
				moment: { percent: 50 },
			},
		] );

		// A timed showExperience after one already decided on load does nothing.
		const taken = testRules(
			[ pricing, timed[ 1 ] as Rule ],
			preview( [ pricing, timed[ 1 ] as Rule ] ),
			visitor()
		);
		expect( taken.rules[ 1 ]?.verdict ).toEqual( {
			kind: 'waits',
			moment: { percent: 50 },
			takes: false,
		} );
		expect( taken.later ).toEqual( [] );
	} );

	it( 'reads the typed visitor: referrer and device', () => {
		const rules: Rule[] = [
			{
				id: 'mobile-linkedin',
				when: [
					{ type: 'device', value: 'mobile' },
					{ type: 'referrer', op: 'contains', value: 'linkedin.com' },
				],
				then: { action: 'open' },
			},
		];
		const answer = preview( rules );
		expect(
			testRules( rules, answer, visitor() ).rules[ 0 ]?.verdict
		).toEqual( { kind: 'visitor', condition: 0, type: 'device' } );
		expect(
			testRules( rules, answer, visitor( { device: 'mobile' } ) )
				.rules[ 0 ]?.verdict
		).toEqual( { kind: 'visitor', condition: 1, type: 'referrer' } );
		expect(
			testRules(
				rules,
				answer,
				visitor( {
					device: 'mobile',
					referrer: 'https://www.linkedin.com/feed/',
				} )
			).calls
		).toEqual( [
			{ method: 'open', args: [], rules: [ 'mobile-linkedin' ] },
		] );
	} );

	it( 'makes no call where Qualified is hidden', () => {
		const hide: Rule = {
			id: 'careers',
			when: [ { type: 'path', op: 'glob', value: '/careers/*' } ],
			then: { action: 'hide' },
		};
		const rules = [ hide, { ...pricing, when: [] } ];
		const onCareers = preview(
			rules,
			{},
			{ url: `${ HOME }/careers/dev` }
		);
		const result = testRules( rules, onCareers, visitor() );
		expect( result.hidden ).toBe( true );
		expect( result.calls ).toEqual( [] );
		expect( result.rules[ 0 ]?.verdict ).toEqual( {
			kind: 'matches',
			takes: true,
		} );

		const byServer = testRules(
			[ pricing ],
			preview( [ pricing ], {}, { hidden: true } ),
			visitor()
		);
		expect( byServer.hidden ).toBe( true );
		expect( byServer.calls ).toEqual( [] );
	} );

	it( 'lets the page’s own override decide over rules', () => {
		const result = testRules(
			[ pricing ],
			preview(
				[ pricing ],
				{},
				{ override: { experience: 'experience-9', open: true } }
			),
			visitor()
		);
		expect( result.calls ).toEqual( [
			{
				method: 'showExperience',
				args: [ 'experience-9', false ],
				rules: [],
			},
			{ method: 'open', args: [], rules: [] },
		] );
		expect( result.rules[ 0 ]?.verdict ).toEqual( {
			kind: 'matches',
			takes: false,
		} );
	} );
} );

describe( 'testRules with a load rule', () => {
	const demo: Rule = {
		id: 'demo',
		when: [ { type: 'path', op: 'prefix', value: '/pricing' } ],
		then: { action: 'load' },
	};

	it( 'lists "loads qualified.js now" first when a load rule matches', () => {
		const rules = [ pricing, demo ];
		const result = testRules(
			rules,
			preview( rules ),
			visitor(),
			'interaction'
		);
		expect( result.loading ).toBe( 'interaction' );
		expect( result.calls ).toEqual( [
			{ method: 'load', args: [], rules: [ 'demo' ] },
			{
				method: 'showExperience',
				args: [ 'experience-1234', false ],
				rules: [ 'pricing' ],
			},
		] );
		expect( result.rules[ 1 ]?.verdict ).toEqual( {
			kind: 'matches',
			takes: true,
		} );
	} );

	it( 'lists nothing for a load rule that does not match, or where Qualified is hidden', () => {
		const elsewhere = preview( [ demo ], {}, { url: `${ HOME }/about/` } );
		expect(
			testRules( [ demo ], elsewhere, visitor(), 'idle' ).calls
		).toEqual( [] );

		const hidden = testRules(
			[ demo ],
			preview( [ demo ], {}, { hidden: true } ),
			visitor(),
			'idle'
		);
		expect( hidden.calls ).toEqual( [] );
	} );

	it( 'lists a timed load rule at its moment, unless qualified.js is already loaded', () => {
		const later: Rule = {
			id: 'later',
			when: [ { type: 'time_on_page', seconds: 20 } ],
			then: { action: 'load' },
		};
		const alone = testRules(
			[ later ],
			preview( [ later ] ),
			visitor(),
			'interaction'
		);
		expect( alone.calls ).toEqual( [] );
		expect( alone.later ).toEqual( [
			{
				method: 'load',
				args: [],
				rules: [ 'later' ],
				moment: { seconds: 20 },
			},
		] );

		const both = [ demo, later ];
		expect(
			testRules( both, preview( both ), visitor(), 'interaction' ).later
		).toEqual( [] );
	} );

	it( 'reads the page’s loading from the site’s strategy and the post’s choice, never lifting consent', () => {
		const rules = [ demo ];
		expect( testRules( rules, preview( rules ), visitor() ).loading ).toBe(
			'immediate'
		);
		expect(
			testRules(
				rules,
				preview( rules, {}, { override: { load: 'idle' } } ),
				visitor(),
				'interaction'
			).loading
		).toBe( 'idle' );
		expect(
			testRules(
				rules,
				preview( rules, {}, { override: { load: 'immediate' } } ),
				visitor(),
				'consent'
			).loading
		).toBe( 'consent' );
	} );
} );

describe( 'tester helpers', () => {
	it( 'takes a typed path on the site', () => {
		expect( absoluteUrl( '/pricing/?a=1', HOME ) ).toBe(
			'http://site.test/pricing/?a=1'
		);
		expect( absoluteUrl( 'pricing/', `${ HOME }/blog` ) ).toBe(
			'http://site.test/blog/pricing/'
		);
		expect( absoluteUrl( ' https://other.test/x ', HOME ) ).toBe(
			'https://other.test/x'
		);
	} );

	it( 'finds and words the moment of a timed rule', () => {
		const moment = momentOf( [
			{ type: 'time_on_page', seconds: 10 },
			{ type: 'scroll', percent: 25 },
			{ type: 'time_on_page', seconds: 40 },
		] );
		expect( moment ).toEqual( { seconds: 40, percent: 25 } );
		expect( momentText( moment ) ).toBe( 'after 40 s and at 25% scroll' );
		expect( momentText( { seconds: 30 } ) ).toBe( 'after 30 s' );
		expect( momentText( { percent: 50 } ) ).toBe( 'at 50% scroll' );
	} );
} );
