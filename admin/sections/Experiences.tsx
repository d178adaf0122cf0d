/**
 * Experiences: targeting rules that show an Experience, open the
 * messenger, hide Qualified or send visitor fields on matching pages, the
 * single-page-navigation switch, and the rule tester.
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody, ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { DroppedItems } from '../DroppedItems';
import { RulesList } from '../experiences/RulesList';
import { Tester } from '../experiences/Tester';
import { FieldError } from '../field-error';
import { fieldId, withFieldErrors } from '../field-errors';
import type { SectionDefinition, SectionProps } from './types';

function ExperiencesSection( {
	boot,
	payload,
	draft,
	errors,
	update,
	setErrors,
}: SectionProps ) {
	const { experiences } = draft;
	return (
		<Card className="qi-card qi-card--wide">
			<CardBody>
				<div className="qi-intro">
					<p>
						{ __(
							'Rules decide, page by page, whether to show one of your Qualified Experiences, open the messenger, hide Qualified, or send visitor fields. Rules are checked in order; the first matching rule that shows an Experience or hides Qualified decides, and every matching rule that opens the messenger or sends fields adds to it.',
							'qualified-integration'
						) }
					</p>
					<p>
						{ __(
							'To show an Experience, use its API name. Find it in Qualified under Settings → Experiences → Manual → the Experience → API NAME (for example experience-1234).',
							'qualified-integration'
						) }
					</p>
					<p>
						{ __(
							'A single post or page can also set its own Experience, or hide Qualified, in its editor’s Qualified panel; that beats these rules.',
							'qualified-integration'
						) }
					</p>
				</div>
				<DroppedItems
					problems={ payload.problems }
					field="experiences"
					intro={ __(
						'Some stored rules are malformed, so they are left out: they reach no page and are not listed below. Add them again if you still need them:',
						'qualified-integration'
					) }
				/>
				<div className="qi-field" data-qi-field="experiences">
					<ToggleControl
						__nextHasNoMarginBottom
						id={ fieldId( 'experiences.spa' ) }
						label={ __(
							'Re-check the page on single-page navigation (SPA)',
							'qualified-integration'
						) }
						help={ __(
							'For sites that change pages without reloading (JavaScript themes, page builders with instant navigation). Qualified is told about each new page and the rules are checked again for it. Leave it off otherwise.',
							'qualified-integration'
						) }
						checked={ experiences.spa }
						onChange={ ( value: boolean ) =>
							update(
								'experiences',
								{ ...experiences, spa: value },
								'experiences.spa'
							)
						}
					/>
					<FieldError errors={ errors } path="experiences.spa" />
				</div>
				<div className="qi-rules-wrap">
					<h3 className="qi-section-title">
						{ __( 'Rules', 'qualified-integration' ) }
					</h3>
					<FieldError errors={ errors } path="experiences" />
					<FieldError errors={ errors } path="experiences.rules" />
					<RulesList
						boot={ boot }
						rules={ experiences.rules }
						errors={ errors }
						setErrors={ setErrors }
						onChange={ ( rules, path ) =>
							update(
								'experiences',
								{ ...experiences, rules },
								path
							)
						}
					/>
				</div>
				<Tester
					path={ boot.experiencesPreviewPath }
					rules={ experiences.rules }
					homeUrl={ payload.status.homeUrl }
					roles={ boot.roles }
					strategy={ draft.loading.strategy }
					onInvalid={ ( fields ) =>
						setErrors( ( current ) =>
							withFieldErrors( current, 'experiences', fields )
						)
					}
				/>
			</CardBody>
		</Card>
	);
}

export const experiencesSection: SectionDefinition = {
	name: 'experiences',
	title: __( 'Experiences', 'qualified-integration' ),
	fields: [ 'experiences' ],
	Component: ExperiencesSection,
};
