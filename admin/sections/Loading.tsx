/**
 * Loading & privacy: when visitors' browsers load qualified.js (at once,
 * when idle, at the first interaction, or only after consent), the consent
 * category and the consent plugins found, the cookies Qualified sets, and
 * what a Content Security Policy must allow.
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody, Notice, TextControl } from '@wordpress/components';
import { createInterpolateElement, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { LoadingSettings, LoadStrategy } from '../../src/shared/loading';
import {
	categoryLabels,
	strategyLabels,
} from '../../src/shared/loading-choices';
import {
	CONSENT_CATEGORIES,
	LOAD_STRATEGIES,
} from '../../src/shared/loading-options';
import { shownText } from '../experiences/text-lists';
import { FieldError, fieldProps } from '../field-error';
import { lockNote } from '../lock-note';
import { errorId, fieldId, type FieldErrors } from '../field-errors';
import { DescribedSelect } from '../identity/DescribedSelect';
import {
	consentBanners,
	consentGap,
	cookieName,
	cspLines,
	parseSeconds,
	shownFields,
	type ConsentGap,
	type ConsentPlugin,
} from '../loading/model';
import { Snippet } from '../Snippet';
import type { SectionDefinition, SectionProps } from './types';

const STRATEGY_PATH = 'loading.strategy';
const MAX_DELAY_PATH = 'loading.maxDelay';
const CATEGORY_PATH = 'loading.consentCategory';

/** What a banner's "consent given" callback runs; works before and after the runtime starts. */
const GRANT_SNIPPET = [
	'var qi = ( window.qualifiedIntegration = window.qualifiedIntegration || {} );',
	'qi.grantConsent ? qi.grantConsent() : ( qi.consent = true );',
].join( '\n' );

function strategyHelp(): Record< LoadStrategy, string > {
	return {
		immediate: __(
			'With the page, as Qualified’s own install snippet does. The messenger is ready soonest.',
			'qualified-integration'
		),
		idle: __(
			'After the page has loaded, when the browser has nothing else to do. Your page shows first; the messenger follows a moment later.',
			'qualified-integration'
		),
		interaction: __(
			'At the visitor’s first scroll, tap, click or key press. Visitors who only glance at the page do not load it.',
			'qualified-integration'
		),
		consent: __(
			'Only after the visitor consents in your cookie banner. Until then nothing of Qualified runs: no messenger, no cookies, no visitor fields sent.',
			'qualified-integration'
		),
	};
}

/**
 * Names in a sentence: "A", "A and B", "A, B and C".
 *
 * @param plugins Plugins.
 */
function names( plugins: readonly ConsentPlugin[] ): string {
	const all = plugins.map( ( plugin ) => plugin.name );
	const last = all.pop() ?? '';
	return all.length === 0
		? last
		: sprintf(
				/* translators: 1: plugin names separated by commas, 2: the last plugin name. */
				__( '%1$s and %2$s', 'qualified-integration' ),
				all.join( ', ' ),
				last
			);
}

/**
 * Why consent may not work as it should here, and what to do: two sentences.
 *
 * @param gap     The gap.
 * @param plugins Consent plugins active on the site.
 */
function gapText(
	gap: ConsentGap,
	plugins: readonly ConsentPlugin[]
): [ string, string ] {
	const hook = __(
		'wire your own banner to Qualified: when the visitor consents, run the JavaScript hook below (in the banner’s consent callback, for example).',
		'qualified-integration'
	);
	switch ( gap ) {
		case 'none':
			return [
				__(
					'No consent plugin was found on this site, so nothing grants consent yet: no visitor gets Qualified.',
					'qualified-integration'
				),
				sprintf(
					/* translators: %s: "wire your own banner to Qualified: …" */
					__(
						'Install the WP Consent API with a banner that feeds it (such as Complianz or Cookiebot), or %s',
						'qualified-integration'
					),
					hook
				),
			];
		case 'no-api':
			return [
				sprintf(
					/* translators: %s: consent plugin names. */
					__(
						'%s is active, but the WP Consent API plugin is not, so consent cannot reach Qualified through the API.',
						'qualified-integration'
					),
					names( consentBanners( plugins ) )
				),
				sprintf(
					/* translators: %s: "wire your own banner to Qualified: …" */
					__(
						'Install the WP Consent API plugin (if your banner feeds it), or %s',
						'qualified-integration'
					),
					hook
				),
			];
		case 'no-banner':
			return [
				__(
					'The WP Consent API is active, but no cookie banner that feeds it was found. Without one, the API counts every category as granted, so Qualified loads without asking.',
					'qualified-integration'
				),
				sprintf(
					/* translators: %s: "wire your own banner to Qualified: …" */
					__(
						'Add a banner that feeds the WP Consent API, or deactivate the WP Consent API and %s',
						'qualified-integration'
					),
					hook
				),
			];
		case 'unknown':
			return [
				sprintf(
					/* translators: %s: consent plugin names. */
					__(
						'We could not tell whether %s feeds the WP Consent API. If it does not, the API counts every category as granted, so Qualified loads without asking.',
						'qualified-integration'
					),
					names( consentBanners( plugins ) )
				),
				sprintf(
					/* translators: %s: "wire your own banner to Qualified: …" */
					__(
						'Check the banner’s settings (several have a WP Consent API option), or deactivate the WP Consent API and %s',
						'qualified-integration'
					),
					hook
				),
			];
	}
}

/**
 * One consent plugin found, and whether it speaks the WP Consent API.
 *
 * @param plugin The plugin.
 */
function pluginText( plugin: ConsentPlugin ): string {
	if ( plugin.slug === 'wp-consent-api' ) {
		return __(
			'the API banners grant consent through, and Qualified listens to',
			'qualified-integration'
		);
	}
	return plugin.consentApi
		? __(
				'grants consent through the WP Consent API',
				'qualified-integration'
			)
		: __(
				'WP Consent API support not known: check its settings',
				'qualified-integration'
			);
}

/**
 * The "Load anyway after (seconds)" input: the text typed is kept while it
 * still means the stored number.
 *
 * @param props          Props.
 * @param props.errors   Current errors.
 * @param props.value    Stored seconds.
 * @param props.disabled Locked by a constant.
 * @param props.onChange New seconds.
 */
function MaxDelay( {
	errors,
	value,
	disabled,
	onChange,
}: {
	errors: FieldErrors;
	value: number;
	disabled: boolean;
	onChange: ( value: number ) => void;
} ) {
	const [ typed, setTyped ] = useState< string | null >( null );
	return (
		<div className="qi-field qi-input--number qi-choice__more">
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				{ ...fieldProps( errors, MAX_DELAY_PATH, true ) }
				label={ __(
					'Load anyway after (seconds)',
					'qualified-integration'
				) }
				help={ __(
					'0 waits for an interaction: a visitor who never scrolls, taps, clicks or presses a key never gets Qualified. At most 600 seconds.',
					'qualified-integration'
				) }
				type="number"
				min={ 0 }
				max={ 600 }
				value={ shownText( typed, value, parseSeconds, String ) }
				disabled={ disabled }
				onChange={ ( text: string ) => {
					setTyped( text );
					onChange( parseSeconds( text ) );
				} }
			/>
			<FieldError errors={ errors } path={ MAX_DELAY_PATH } />
		</div>
	);
}

function LoadingSection( {
	boot,
	payload,
	draft,
	errors,
	update,
}: SectionProps ) {
	const { loading } = draft;
	const lock = payload.locked.loading;
	const locked = !! lock;
	const shown = shownFields( loading.strategy );
	const gap = consentGap( loading.strategy, boot.consentPlugins );
	const labels = strategyLabels();
	const help = strategyHelp();
	const categories = categoryLabels();

	const set = ( change: Partial< LoadingSettings >, path: string ) =>
		update( 'loading', { ...loading, ...change }, path );

	const lockText = lock ? lockNote( lock ) : '';

	const strategyError = errors[ STRATEGY_PATH ]
		? errorId( STRATEGY_PATH )
		: '';
	const categoryProps = fieldProps( errors, CATEGORY_PATH, true );

	return (
		<Card className="qi-card">
			<CardBody>
				<div className="qi-intro">
					<p>
						{ __(
							'Choose when visitors’ browsers load Qualified’s script (qualified.js). Until it loads there is no messenger and Qualified sets no cookies; what the page asks of Qualified meanwhile (an Experience, visitor fields, a chat button click) waits and runs once it arrives.',
							'qualified-integration'
						) }
					</p>
				</div>
				{ lockText && (
					<p className="qi-help" id="qi-loading-lock">
						{ lockText }
					</p>
				) }
				<FieldError errors={ errors } path="loading" />
				<fieldset
					className="qi-field qi-choices"
					data-qi-field="loading"
					role="radiogroup"
					aria-invalid={ !! strategyError || undefined }
					aria-describedby={
						[ strategyError, lock ? 'qi-loading-lock' : '' ]
							.filter( Boolean )
							.join( ' ' ) || undefined
					}
				>
					<legend>
						{ __(
							'When to load Qualified',
							'qualified-integration'
						) }
					</legend>
					{ LOAD_STRATEGIES.map( ( strategy ) => {
						const checked = loading.strategy === strategy;
						// The checked option carries the path's id: a jump from the error list lands on it.
						const id = checked
							? fieldId( STRATEGY_PATH )
							: `${ fieldId( STRATEGY_PATH ) }-${ strategy }`;
						return (
							<div className="qi-choice" key={ strategy }>
								<input
									type="radio"
									id={ id }
									name="qi-loading-strategy"
									value={ strategy }
									checked={ checked }
									disabled={ locked }
									aria-describedby={
										checked && strategyError
											? `${ strategyError } ${ id }__help`
											: `${ id }__help`
									}
									onChange={ () =>
										set( { strategy }, STRATEGY_PATH )
									}
								/>
								<label htmlFor={ id }>
									{ labels[ strategy ] }
								</label>
								<p id={ `${ id }__help` } className="qi-help">
									{ help[ strategy ] }
								</p>
								{ strategy === 'interaction' &&
									shown.maxDelay && (
										<MaxDelay
											errors={ errors }
											value={ loading.maxDelay }
											disabled={ locked }
											onChange={ ( maxDelay ) =>
												set(
													{ maxDelay },
													MAX_DELAY_PATH
												)
											}
										/>
									) }
							</div>
						);
					} ) }
					<FieldError errors={ errors } path={ STRATEGY_PATH } />
				</fieldset>

				{ shown.consentCategory && (
					<div className="qi-field" data-qi-field="loading">
						<DescribedSelect
							id={ categoryProps.id }
							describedBy={ categoryProps[ 'aria-describedby' ] }
							invalid={ !! categoryProps[ 'aria-invalid' ] }
							showLabel
							label={ __(
								'Consent category',
								'qualified-integration'
							) }
							value={ loading.consentCategory }
							disabled={ locked }
							options={ CONSENT_CATEGORIES.map( ( value ) => ( {
								value,
								label: categories[ value ],
							} ) ) }
							help={ createInterpolateElement(
								__(
									'The category of the WP Consent API (the shared language of consent plugins) the visitor must grant; the cookie banners that support it, such as Complianz or Cookiebot, ask for these categories. With another banner, call <code>window.qualifiedIntegration.grantConsent()</code> when the visitor consents, or dispatch the <code>qualified-integration:consent</code> event on <code>document</code> with <code>detail.granted</code> set to true.',
									'qualified-integration'
								),
								{ code: <code /> }
							) }
							onChange={ ( value ) =>
								set(
									{
										consentCategory:
											CONSENT_CATEGORIES.find(
												( item ) => item === value
											) ?? loading.consentCategory,
									},
									CATEGORY_PATH
								)
							}
						/>
						<FieldError errors={ errors } path={ CATEGORY_PATH } />
					</div>
				) }

				{ gap && (
					<Notice
						status="warning"
						isDismissible={ false }
						className="qi-inline-notice"
					>
						{ gapText( gap, boot.consentPlugins ).map( ( text ) => (
							<p key={ text }>{ text }</p>
						) ) }
					</Notice>
				) }

				{ shown.consentCategory && (
					<Snippet
						label={ __(
							'Grant consent from your own banner',
							'qualified-integration'
						) }
						value={ GRANT_SNIPPET }
						rows={ 3 }
						help={ __(
							'Works whether it runs before or after the plugin’s script. window.qualifiedIntegration.revokeConsent() stops Qualified on the page when consent is taken back.',
							'qualified-integration'
						) }
					/>
				) }

				<div className="qi-intro">
					<h3 className="qi-section-title">
						{ __(
							'Consent plugins on this site',
							'qualified-integration'
						) }
					</h3>
					{ boot.consentPlugins.length === 0 ? (
						<p>{ __( 'None found.', 'qualified-integration' ) }</p>
					) : (
						<ul className="qi-list">
							{ boot.consentPlugins.map( ( plugin ) => (
								<li key={ plugin.slug }>
									<strong>{ plugin.name }</strong>
									{ ': ' + pluginText( plugin ) }
								</li>
							) ) }
						</ul>
					) }
				</div>

				{ boot.cookies.length > 0 && (
					<div className="qi-intro">
						<h3 className="qi-section-title">
							{ __(
								'Cookies Qualified sets',
								'qualified-integration'
							) }
						</h3>
						<p>
							{ __(
								'Once its script loads, Qualified sets these cookies on your domain. List them in your cookie banner and privacy policy (Settings → Privacy → Policy Guide has suggested text).',
								'qualified-integration'
							) }
						</p>
						<ul className="qi-list">
							{ boot.cookies.map( ( cookie ) => (
								<li key={ cookie.name }>
									<code dir="ltr">
										{ cookieName(
											cookie.name,
											payload.settings.token
										) }
									</code>
									{ ': ' + cookie.purpose }
								</li>
							) ) }
						</ul>
					</div>
				) }

				<p className="qi-help qi-intro">
					{ __(
						'A single post or page can load Qualified at another moment (“Load Qualified” in its editor’s Qualified panel), and an Experience rule with the action “Load Qualified at once” loads it as soon as the rule matches. Neither loads Qualified before consent when the site waits for it.',
						'qualified-integration'
					) }
				</p>

				<div className="qi-intro">
					<h3 className="qi-section-title">
						{ __(
							'Content Security Policy',
							'qualified-integration'
						) }
					</h3>
					<p>
						{ __(
							'If your site sends a Content-Security-Policy header (a security plugin, your host or your theme may add one), it must allow these sources, or the messenger silently fails to appear. Add them to the directives you already have:',
							'qualified-integration'
						) }
					</p>
					<Snippet
						label={ __(
							'Sources to allow, by directive',
							'qualified-integration'
						) }
						rows={ Math.max(
							2,
							Object.keys( boot.cspHosts ).length
						) }
						value={ cspLines( boot.cspHosts ) }
					/>
					<p>
						{ createInterpolateElement(
							__(
								'<a>Tools → Site Health</a> checks the policy your home page is sent with and says what it blocks.',
								'qualified-integration'
							),
							// eslint-disable-next-line jsx-a11y/anchor-has-content -- The text comes from the translation.
							{ a: <a href={ boot.siteHealthUrl } /> }
						) }
					</p>
				</div>
			</CardBody>
		</Card>
	);
}

export const loadingSection: SectionDefinition = {
	name: 'loading',
	title: __( 'Loading & privacy', 'qualified-integration' ),
	fields: [ 'loading' ],
	Component: LoadingSection,
};
