/**
 * The rule tester: a URL of the site and a visitor (referrer, device,
 * logged-in role) in; out, for the rules in the form (saved or not), which
 * match and why not, what waits for time or scrolling, and the calls the
 * page would make in order. The server resolves the page facts (preview
 * route); the browser facts go through the shared matcher (tester-model).
 */

/**
 * External dependencies
 */
import type { KeyboardEvent } from 'react';

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { LoadStrategy } from '../../src/shared/loading';
import { strategyLabels } from '../../src/shared/loading-choices';
import { describeFailure, previewExperiences } from '../api';
import type { RoleOption } from '../boot-data';
import { canonicalJson } from '../changes';
import type { FieldErrors } from '../field-errors';
import { PathSelect, PathText } from './controls';
import type { Device, Rule } from './model';
import { testerPath } from './paths';
import {
	absoluteUrl,
	testRules,
	type ExperiencesPreviewPayload,
	type PageCall,
	type RuleOutcome,
	type TestResult,
} from './tester-model';
import { actionLabels, conditionLabels, momentText } from './texts';

export interface TesterProps {
	path: string;
	rules: Rule[];
	homeUrl: string;
	roles: RoleOption[];
	/** The site's loading strategy (Loading & privacy, as edited). */
	strategy?: LoadStrategy;
	/** Shows the preview route's messages about rules at their fields. */
	onInvalid: ( errors: FieldErrors ) => void;
}

interface Run {
	sent: string;
	preview: ExperiencesPreviewPayload;
	result: TestResult;
}

const URL_PATH = 'experiences.test.url';
const SHOWN = [
	URL_PATH,
	'experiences.test.referrer',
	'experiences.test.device',
	'experiences.test.role',
];

function callCode( call: PageCall ): string {
	if ( call.method === 'load' ) {
		return 'load';
	}
	return `qualified(${ [ call.method, ...call.args ]
		.map( ( arg ) => JSON.stringify( arg ) )
		.join( ', ' ) })`;
}

function verdictText( outcome: RuleOutcome ): {
	status: 'yes' | 'no' | 'wait' | 'off';
	text: string;
} {
	const { verdict } = outcome;
	switch ( verdict.kind ) {
		case 'disabled':
			return {
				status: 'off',
				text: __( 'Off: skipped.', 'qualified-integration' ),
			};
		case 'missing':
			return {
				status: 'no',
				text: __(
					'Not checked: the server left this rule out.',
					'qualified-integration'
				),
			};
		case 'page':
			return {
				status: 'no',
				text: __(
					'Not matched: its page conditions (post, post type, terms, login or role) do not hold on this page.',
					'qualified-integration'
				),
			};
		case 'visitor':
			return {
				status: 'no',
				text: sprintf(
					/* translators: 1: condition number, 2: condition type such as "URL query parameter". */
					__(
						'Not matched: condition %1$d, %2$s, does not hold for this visitor.',
						'qualified-integration'
					),
					verdict.condition + 1,
					conditionLabels()[ verdict.type ]
				),
			};
		case 'waits':
			return {
				status: 'wait',
				text: verdict.takes
					? sprintf(
							/* translators: %s: "after 30 s", "at 50% scroll". */
							__( 'Waits: fires %s.', 'qualified-integration' ),
							momentText( verdict.moment )
						)
					: sprintf(
							/* translators: %s: "after 30 s", "at 50% scroll". */
							__(
								'Waits (%s), but would do nothing then: an earlier rule already decided.',
								'qualified-integration'
							),
							momentText( verdict.moment )
						),
			};
		case 'matches':
			return {
				status: 'yes',
				text: verdict.takes
					? __( 'Matches.', 'qualified-integration' )
					: __(
							'Matches, but does nothing: an earlier rule or the page’s own setting already decided.',
							'qualified-integration'
						),
			};
	}
}

export function Tester( {
	path,
	rules,
	homeUrl,
	roles,
	strategy = 'immediate',
	onInvalid,
}: TesterProps ) {
	const [ url, setUrl ] = useState( '/' );
	const [ referrer, setReferrer ] = useState( '' );
	const [ device, setDevice ] = useState< Device >( 'desktop' );
	const [ role, setRole ] = useState( '' );
	const [ errors, setErrors ] = useState< FieldErrors >( {} );
	const [ problem, setProblem ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const [ run, setRun ] = useState< Run | null >( null );

	const request = () => ( {
		url: absoluteUrl( url, homeUrl ),
		rules,
		loggedIn: role !== '',
		...( role !== '' ? { role } : {} ),
	} );

	const test = () => {
		const sent = request();
		const visitor = { url: sent.url, referrer, device, now: new Date() };
		setBusy( true );
		setProblem( '' );
		setErrors( {} );
		previewExperiences( path, sent )
			.then( ( preview ) =>
				setRun( {
					sent: canonicalJson( {
						...sent,
						referrer,
						device,
						strategy,
					} ),
					preview,
					result: testRules( sent.rules, preview, visitor, strategy ),
				} )
			)
			.catch( ( error: unknown ) => {
				setRun( null );
				const failure = describeFailure( error, testerPath );
				if ( failure.kind !== 'invalid' ) {
					setProblem( failure.message );
					return;
				}
				const own = Object.fromEntries(
					Object.entries( failure.fields ).filter( ( [ key ] ) =>
						key.startsWith( 'experiences.test.' )
					)
				);
				setErrors( own );
				// Messages no tester input shows (a malformed body) go in the notice.
				const unshown = Object.entries( own )
					.filter( ( [ key ] ) => ! SHOWN.includes( key ) )
					.map( ( [ , message ] ) => message );
				if ( unshown.length > 0 ) {
					setProblem( unshown.join( ' ' ) );
				}
				const ruleErrors = Object.fromEntries(
					Object.entries( failure.fields ).filter(
						( [ key ] ) => ! key.startsWith( 'experiences.test.' )
					)
				);
				if ( Object.keys( ruleErrors ).length > 0 ) {
					onInvalid( ruleErrors );
					setProblem(
						__(
							'Fix the rules marked above to test them.',
							'qualified-integration'
						)
					);
				}
			} )
			.finally( () => setBusy( false ) );
	};

	// Enter in the tester's text inputs tests, instead of saving the settings.
	const testOnEnter = ( event: KeyboardEvent< HTMLInputElement > ) => {
		if ( event.key === 'Enter' ) {
			event.preventDefault();
			test();
		}
	};

	const stale =
		run !== null &&
		run.sent !==
			canonicalJson( { ...request(), referrer, device, strategy } );
	const labels = actionLabels();

	return (
		<section className="qi-tester" aria-labelledby="qi-tester-title">
			<h3 id="qi-tester-title">
				{ __( 'Rule tester', 'qualified-integration' ) }
			</h3>
			<p className="qi-help">
				{ __(
					'See what a page of your site would do for a visitor, with the rules above (saved or not). WordPress works out the page; your browser checks the visitor conditions the way visitors’ browsers will.',
					'qualified-integration'
				) }
			</p>
			{ /* Not a <form>: the tester sits inside the settings form. */ }
			<div className="qi-tester__inputs">
				<div className="qi-tester__url">
					<PathText
						showLabel
						errors={ errors }
						path={ URL_PATH }
						label={ __( 'Page address', 'qualified-integration' ) }
						placeholder={ __(
							'e.g. /pricing/?utm_source=linkedin',
							'qualified-integration'
						) }
						help={ __(
							'A URL of this site, or just its path and query.',
							'qualified-integration'
						) }
						value={ url }
						onChange={ setUrl }
						onKeyDown={ testOnEnter }
					/>
				</div>
				<div>
					<PathText
						showLabel
						errors={ errors }
						path="experiences.test.referrer"
						label={ __(
							'Came from (optional)',
							'qualified-integration'
						) }
						placeholder="https://www.linkedin.com/"
						value={ referrer }
						onChange={ setReferrer }
						onKeyDown={ testOnEnter }
					/>
				</div>
				<div>
					<PathSelect
						showLabel
						errors={ errors }
						path="experiences.test.device"
						label={ __( 'Device', 'qualified-integration' ) }
						value={ device }
						options={ [
							{
								value: 'desktop',
								label: __(
									'Computer',
									'qualified-integration'
								),
							},
							{
								value: 'mobile',
								label: __(
									'Phone or tablet',
									'qualified-integration'
								),
							},
						] }
						onChange={ ( value ) =>
							setDevice(
								value === 'mobile' ? 'mobile' : 'desktop'
							)
						}
					/>
				</div>
				<div>
					<PathSelect
						showLabel
						errors={ errors }
						path="experiences.test.role"
						label={ __( 'Logged in as', 'qualified-integration' ) }
						value={ role }
						options={ [
							{
								value: '',
								label: __(
									'Not logged in',
									'qualified-integration'
								),
							},
							...roles.map( ( item ) => ( {
								value: item.slug,
								label: item.name,
							} ) ),
						] }
						onChange={ setRole }
					/>
				</div>
				<div className="qi-tester__submit">
					<Button
						variant="secondary"
						__next40pxDefaultSize
						isBusy={ busy }
						disabled={ busy }
						onClick={ test }
					>
						{ __( 'Test this page', 'qualified-integration' ) }
					</Button>
				</div>
			</div>
			<div className="qi-tester__results" aria-live="polite">
				{ problem && (
					<Notice status="warning" isDismissible={ false }>
						{ problem }
					</Notice>
				) }
				{ run && stale && (
					<p className="qi-help">
						{ __(
							'The rules or the visitor changed since this test. Test again to see the effect.',
							'qualified-integration'
						) }
					</p>
				) }
				{ run && (
					<Results
						run={ run }
						rules={ rules }
						actionLabel={ ( name ) => labels[ name ] }
					/>
				) }
			</div>
		</section>
	);
}

/**
 * What the page does for a call: the `qualified(...)` call itself, or for
 * a "Load Qualified at once" rule, that qualified.js loads now and what
 * that changes with the page's loading strategy.
 *
 * @param props         Props.
 * @param props.call    The call.
 * @param props.loading The page's loading strategy.
 */
function CallText( {
	call,
	loading,
}: {
	call: PageCall;
	loading: LoadStrategy;
} ) {
	if ( call.method !== 'load' ) {
		return <code>{ callCode( call ) }</code>;
	}
	const notes: Record< LoadStrategy, string > = {
		immediate: __(
			'(no change: it loads with the page anyway)',
			'qualified-integration'
		),
		idle: __(
			'(instead of waiting until the browser is idle)',
			'qualified-integration'
		),
		interaction: __(
			'(instead of waiting for the first interaction)',
			'qualified-integration'
		),
		consent: __(
			'(once the visitor has consented: never before)',
			'qualified-integration'
		),
	};
	return (
		<>
			<strong>
				{ __( 'loads qualified.js now', 'qualified-integration' ) }
			</strong>
			<span className="qi-help">{ ' ' + notes[ loading ] }</span>
		</>
	);
}

function Results( {
	run,
	rules,
	actionLabel,
}: {
	run: Run;
	rules: Rule[];
	actionLabel: ( name: Rule[ 'then' ][ 'action' ] ) => string;
} ) {
	const { preview, result } = run;
	const { page } = preview;
	const pageText = page.found
		? sprintf(
				/* translators: 1: post title, 2: post type, 3: post ID. */
				__( '%1$s (%2$s %3$d)', 'qualified-integration' ),
				page.title ?? '',
				page.postType ?? '',
				page.postId ?? 0
			)
		: __(
				'no post or page at this address (archive, search or not found)',
				'qualified-integration'
			);
	return (
		<div className="qi-tester__result">
			<p>
				<strong>{ __( 'Page:', 'qualified-integration' ) }</strong>{ ' ' }
				<code>{ preview.url }</code> — { pageText }
			</p>
			{ result.hidden ? (
				<Notice status="info" isDismissible={ false }>
					{ __(
						'Qualified is not loaded on this page for this visitor: a rule (or the page’s own setting) hides it. No calls are made.',
						'qualified-integration'
					) }
				</Notice>
			) : (
				<div className="qi-tester__calls">
					<h4>
						{ __(
							'Calls the page makes, in order',
							'qualified-integration'
						) }
					</h4>
					<p>
						{ sprintf(
							/* translators: %s: a loading moment such as "When the browser is idle". */
							__(
								'qualified.js loads: %s.',
								'qualified-integration'
							),
							strategyLabels()[ result.loading ]
						) }
					</p>
					{ result.calls.length === 0 && result.later.length === 0 ? (
						<p>
							{ __(
								'None besides loading the messenger: no rule applies.',
								'qualified-integration'
							) }
						</p>
					) : (
						<ol>
							{ result.calls.map( ( call ) => (
								<li key={ callCode( call ) }>
									<CallText
										call={ call }
										loading={ result.loading }
									/>
									{ call.rules.length === 0 && (
										<span className="qi-help">
											{ ' ' +
												__(
													'(the page’s own setting)',
													'qualified-integration'
												) }
										</span>
									) }
								</li>
							) ) }
							{ result.later.map( ( call ) => (
								<li key={ `later-${ callCode( call ) }` }>
									<span className="qi-tester__moment">
										{ momentText( call.moment ?? {} ) }:
									</span>{ ' ' }
									<CallText
										call={ call }
										loading={ result.loading }
									/>
								</li>
							) ) }
						</ol>
					) }
				</div>
			) }
			{ result.rules.length > 0 && (
				<table className="qi-table qi-tester__table">
					<caption className="screen-reader-text">
						{ __(
							'Each rule on this page',
							'qualified-integration'
						) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __( 'Rule', 'qualified-integration' ) }
							</th>
							<th scope="col">
								{ __( 'Does', 'qualified-integration' ) }
							</th>
							<th scope="col">
								{ __( 'Result', 'qualified-integration' ) }
							</th>
						</tr>
					</thead>
					<tbody>
						{ result.rules.map( ( outcome ) => {
							const rule = rules[ outcome.index ];
							const { status, text } = verdictText( outcome );
							return (
								<tr
									key={ outcome.id }
									className={ `qi-verdict is-${ status }` }
								>
									<th scope="row">
										{ sprintf(
											/* translators: %d: rule number. */
											__(
												'Rule %d',
												'qualified-integration'
											),
											outcome.index + 1
										) }
										{ rule?.label
											? `: ${ rule.label }`
											: '' }
									</th>
									<td>{ actionLabel( outcome.action ) }</td>
									<td>
										<span
											className="qi-verdict__mark"
											aria-hidden="true"
										/>
										{ text }
										{ outcome.once &&
											[ 'matches', 'waits' ].includes(
												outcome.verdict.kind
											) &&
											' ' +
												__(
													'(Once per visit: a new visit is assumed.)',
													'qualified-integration'
												) }
									</td>
								</tr>
							);
						} ) }
					</tbody>
				</table>
			) }
		</div>
	);
}
