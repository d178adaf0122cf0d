/**
 * Identity: which Qualified visitor fields get which WordPress or visit
 * values, with a preview of what the current admin would send.
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { FieldError } from '../field-error';
import { withFieldErrors } from '../field-errors';
import { MappingsTable } from '../identity/MappingsTable';
import { Preview } from '../identity/Preview';
import type { SectionDefinition, SectionProps } from './types';

function IdentitySection( {
	boot,
	draft,
	errors,
	update,
	setErrors,
}: SectionProps ) {
	const { mappings } = draft.identity;
	return (
		<Card className="qi-card qi-card--wide">
			<CardBody>
				<div className="qi-intro">
					<p>
						{ __(
							'Send what WordPress knows about a visitor to Qualified as visitor fields. Each row fills one Qualified field from a source; rows without a value on a page are left out.',
							'qualified-integration'
						) }
					</p>
					<p>
						{ __(
							'The Qualified field is the API name of a visitor field. Find it in Qualified under Settings → App Settings → Visitor Fields → Show API Details.',
							'qualified-integration'
						) }
					</p>
					<p className="qi-privacy">
						<strong>
							{ __( 'Privacy:', 'qualified-integration' ) }
						</strong>{ ' ' }
						{ __(
							'the values you map, such as email addresses of logged-in users, are sent to Qualified, a third party. Say so in your privacy policy. Values of logged-in users appear only on pages shown to that user.',
							'qualified-integration'
						) }
					</p>
				</div>
				<div data-qi-field="identity">
					<FieldError errors={ errors } path="identity" />
					<FieldError errors={ errors } path="identity.mappings" />
					<MappingsTable
						mappings={ mappings }
						errors={ errors }
						setErrors={ setErrors }
						onChange={ ( next, path ) =>
							update(
								'identity',
								{ ...draft.identity, mappings: next },
								path
							)
						}
					/>
				</div>
				<Preview
					path={ boot.previewPath }
					mappings={ mappings }
					onInvalid={ ( fields ) =>
						setErrors( ( current ) =>
							withFieldErrors( current, 'identity', fields )
						)
					}
				/>
			</CardBody>
		</Card>
	);
}

export const identitySection: SectionDefinition = {
	name: 'identity',
	title: __( 'Identity', 'qualified-integration' ),
	fields: [ 'identity' ],
	Component: IdentitySection,
};
