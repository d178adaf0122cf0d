/**
 * The button block's "Qualified" panel: what a click does, the Experience's
 * API name (only for "Start an Experience") and the fallback link. A name
 * or a link the front end would not use is flagged under its field, with
 * what the button does meanwhile; the block still saves (the markup then
 * leaves the value out, as the shortcode does).
 */

/**
 * WordPress dependencies
 */
import { PanelBody, SelectControl, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { isExperienceName } from '../../shared/experiences/name';
import { safeFallbackUrl } from '../../shared/safe-url';
import type { ButtonAction, ButtonAttributes } from './markup';

export interface ButtonSettingsProps {
	attributes: ButtonAttributes;
	setAttributes: ( next: Partial< ButtonAttributes > ) => void;
}

/**
 * Why a stored Experience name would not be used, or null.
 *
 * @param name The experience attribute.
 */
export function experienceError( name: string ): string | null {
	if ( isExperienceName( name ) ) {
		return null;
	}
	return name === ''
		? __(
				'Enter the API name. Until then the button opens the messenger.',
				'qualified-integration'
			)
		: __(
				'This is not an API name (experience- and digits, for example experience-1234). Until it is one, the button opens the messenger.',
				'qualified-integration'
			);
}

/**
 * Why a stored fallback link would not be used, or null.
 *
 * @param link The fallback attribute.
 */
export function fallbackError( link: string ): string | null {
	return link.trim() === '' || safeFallbackUrl( link ) !== ''
		? null
		: __(
				'This link cannot be used: enter an http(s), mailto: or tel: link, or a path on this site. Until then the button has no fallback.',
				'qualified-integration'
			);
}

/**
 * Whether a field's error may show: at once for a value stored wrong, else
 * once the field has been left, not while a valid value is being typed.
 *
 * @param wrongAtStart Whether the stored value is already wrong.
 */
function useLeft( wrongAtStart: boolean ): [ boolean, () => void ] {
	const [ left, setLeft ] = useState( wrongAtStart );
	return [ left, () => setLeft( true ) ];
}

function FieldHelp( { error, help }: { error: string | null; help: string } ) {
	return (
		<>
			{ error !== null && (
				<span
					role="alert"
					className="qualified-integration-field-error"
				>
					{ error }
				</span>
			) }
			{ help }
		</>
	);
}

export function ButtonSettings( {
	attributes,
	setAttributes,
}: ButtonSettingsProps ) {
	const action: ButtonAction = attributes.action ?? 'open';
	const experience = attributes.experience ?? '';
	const fallback = attributes.fallback ?? '';

	const nameError = experienceError( experience );
	const linkError = fallbackError( fallback );
	const [ nameLeft, leaveName ] = useLeft(
		experience !== '' && nameError !== null
	);
	const [ linkLeft, leaveLink ] = useLeft( linkError !== null );
	const showNameError = nameLeft ? nameError : null;
	const showLinkError = linkLeft ? linkError : null;

	return (
		<PanelBody title={ __( 'Qualified', 'qualified-integration' ) }>
			<div className="qualified-integration-button-settings">
				<SelectControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'On click', 'qualified-integration' ) }
					value={ action }
					options={ [
						{
							value: 'open',
							label: __(
								'Open the messenger',
								'qualified-integration'
							),
						},
						{
							value: 'showExperience',
							label: __(
								'Start an Experience',
								'qualified-integration'
							),
						},
					] }
					onChange={ ( value: string ) =>
						setAttributes( {
							action:
								value === 'showExperience'
									? 'showExperience'
									: 'open',
						} )
					}
				/>
				{ action === 'showExperience' && (
					<div
						className={
							showNameError
								? 'qualified-integration-field has-error'
								: 'qualified-integration-field'
						}
					>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __(
								'Experience API name',
								'qualified-integration'
							) }
							help={
								<FieldHelp
									error={ showNameError }
									help={ __(
										'In Qualified: Settings → Experiences → Manual → the Experience → API NAME (experience- and digits).',
										'qualified-integration'
									) }
								/>
							}
							placeholder="experience-1234"
							value={ experience }
							autoComplete="off"
							spellCheck={ false }
							aria-invalid={ showNameError !== null }
							onChange={ ( value: string ) =>
								setAttributes( { experience: value.trim() } )
							}
							onBlur={ leaveName }
						/>
					</div>
				) }
				<div
					className={
						showLinkError
							? 'qualified-integration-field has-error'
							: 'qualified-integration-field'
					}
				>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="url"
						label={ __( 'Fallback link', 'qualified-integration' ) }
						help={
							<FieldHelp
								error={ showLinkError }
								help={ __(
									"Where the button goes when the messenger is not on the page: hidden by a rule or this page's setting, or blocked by an ad blocker. Leave empty to hide the button then.",
									'qualified-integration'
								) }
							/>
						}
						placeholder="/contact/"
						value={ fallback }
						autoComplete="off"
						spellCheck={ false }
						aria-invalid={ showLinkError !== null }
						onChange={ ( value: string ) =>
							setAttributes( { fallback: value } )
						}
						onBlur={ leaveLink }
					/>
				</div>
			</div>
		</PanelBody>
	);
}
