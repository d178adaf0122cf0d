/**
 * General: whether Qualified loads, the site token, and excluded roles.
 */

/**
 * WordPress dependencies
 */
import {
	Card,
	CardBody,
	CheckboxControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SettingsField } from '../../src/shared/settings';
import { FieldError, fieldProps } from '../field-error';
import { lockNote as describeLock } from '../lock-note';
import { errorId, fieldId } from '../field-errors';
import { tokenFromInput } from '../token-paste';
import type { SectionDefinition, SectionProps } from './types';

function GeneralSection( {
	boot,
	payload,
	draft,
	errors,
	update,
}: SectionProps ) {
	const [ tokenNote, setTokenNote ] = useState( '' );
	const { locked } = payload;

	const lockNote = ( field: SettingsField ): string | undefined => {
		const lock = locked[ field ];
		return lock ? describeLock( lock ) : undefined;
	};

	const onTokenChange = ( text: string ) => {
		const { value, extracted } = tokenFromInput( text );
		setTokenNote(
			extracted
				? __(
						'Took the token out of the pasted snippet.',
						'qualified-integration'
					)
				: ''
		);
		update( 'token', value, 'token' );
	};

	// Messages name a role by its index in the list that was sent.
	const roleErrors = Object.keys( errors ).filter( ( path ) =>
		path.startsWith( 'excludeRoles' )
	);
	const badRoles = roleErrors
		.map( ( path ) => /^excludeRoles\[(\d+)\]$/.exec( path )?.[ 1 ] )
		.map( ( index ) =>
			index === undefined
				? undefined
				: draft.excludeRoles[ Number( index ) ]
		);
	const rolesHelp = lockNote( 'excludeRoles' );

	return (
		<Card className="qi-card">
			<CardBody>
				<div className="qi-field" data-qi-field="enabled">
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Load Qualified on public pages',
							'qualified-integration'
						) }
						help={ lockNote( 'enabled' ) }
						checked={ draft.enabled }
						disabled={ !! locked.enabled }
						onChange={ ( value: boolean ) =>
							update( 'enabled', value, 'enabled' )
						}
					/>
					<FieldError errors={ errors } path="enabled" />
				</div>
				<div className="qi-field" data-qi-field="token">
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						{ ...fieldProps( errors, 'token', true ) }
						label={ __( 'Site token', 'qualified-integration' ) }
						help={
							lockNote( 'token' ) ??
							__(
								'Find it in Qualified under Settings, Install. You can paste the whole install snippet: the token is taken out of it. Without a token nothing loads.',
								'qualified-integration'
							)
						}
						value={ draft.token }
						disabled={ !! locked.token }
						autoComplete="off"
						spellCheck={ false }
						onChange={ onTokenChange }
					/>
					<FieldError errors={ errors } path="token" />
					<p className="qi-field-note" aria-live="polite">
						{ tokenNote }
					</p>
				</div>
				<fieldset
					className="qi-field"
					data-qi-field="excludeRoles"
					aria-describedby={
						roleErrors.map( errorId ).join( ' ' ) || undefined
					}
				>
					<legend>
						{ __(
							'Never load for these roles',
							'qualified-integration'
						) }
					</legend>
					<p className="qi-help">
						{ rolesHelp ??
							__(
								'Logged-in users with any of these roles never get Qualified, so your own visits do not show up as leads.',
								'qualified-integration'
							) }
					</p>
					{ boot.roles.map( ( role, index ) => (
						<CheckboxControl
							__nextHasNoMarginBottom
							key={ role.slug }
							id={
								index === 0
									? fieldId( 'excludeRoles' )
									: `${ fieldId( 'excludeRoles' ) }-${
											role.slug
										}`
							}
							label={ role.name }
							checked={ draft.excludeRoles.includes( role.slug ) }
							disabled={ !! locked.excludeRoles }
							aria-invalid={
								badRoles.includes( role.slug ) || undefined
							}
							onChange={ ( value: boolean ) =>
								update(
									'excludeRoles',
									value
										? [ ...draft.excludeRoles, role.slug ]
										: draft.excludeRoles.filter(
												( slug ) => slug !== role.slug
											)
								)
							}
						/>
					) ) }
					{ roleErrors.map( ( path ) => (
						<FieldError
							key={ path }
							errors={ errors }
							path={ path }
						/>
					) ) }
				</fieldset>
			</CardBody>
		</Card>
	);
}

export const generalSection: SectionDefinition = {
	name: 'general',
	title: __( 'General', 'qualified-integration' ),
	fields: [ 'enabled', 'token', 'excludeRoles' ],
	Component: GeneralSection,
};
