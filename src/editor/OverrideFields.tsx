/**
 * The fields of the "Qualified" panel: hide on this page, an Experience to
 * show (checked as it is typed, the error right under the field, saving
 * locked while it stands), start collapsed and open automatically.
 */

/**
 * WordPress dependencies
 */
import { TextControl, ToggleControl } from '@wordpress/components';
import {
	createInterpolateElement,
	useEffect,
	useState,
} from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	couldBecomeExperience,
	experienceError,
	withExperience,
	withFlag,
	type Override,
} from './override';
import { useSaveLock } from './use-override';

const EXPERIENCE_ID = 'qualified-integration-experience';
const ERROR_ID = `${ EXPERIENCE_ID }__error`;

export interface OverrideFieldsProps {
	override: Override;
	onChange: ( next: Override ) => void;
}

export function OverrideFields( { override, onChange }: OverrideFieldsProps ) {
	const stored = override.experience ?? '';
	const [ draft, setDraft ] = useState( stored );
	// A stored name that is already wrong is flagged at once; a typed one once the field is left.
	const [ touched, setTouched ] = useState(
		() => experienceError( stored ) !== null
	);

	// Follow changes made elsewhere (undo, redo), unless the field holds a name still being fixed.
	useEffect( () => {
		setDraft( ( current ) =>
			experienceError( current ) === null && current.trim() !== stored
				? stored
				: current
		);
	}, [ stored ] );

	const error = experienceError( draft );
	useSaveLock( error !== null );

	// Shown as soon as more typing cannot fix the name, else once the field is left.
	const showError =
		error !== null && ( touched || ! couldBecomeExperience( draft ) );
	const hidden = override.hide === true;

	return (
		<div className="qi-editor-fields">
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Hide Qualified on this page',
					'qualified-integration'
				) }
				help={
					hidden
						? __(
								'Qualified is not loaded on this page. The settings below are ignored.',
								'qualified-integration'
							)
						: __(
								'No messenger and no Qualified script on this page.',
								'qualified-integration'
							)
				}
				checked={ hidden }
				onChange={ ( on: boolean ) =>
					onChange( withFlag( override, 'hide', on ) )
				}
			/>
			<div
				className={
					showError ? 'qi-editor-field has-error' : 'qi-editor-field'
				}
			>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					id={ EXPERIENCE_ID }
					label={ __(
						'Experience to show',
						'qualified-integration'
					) }
					help={
						<>
							{ showError && (
								<span
									id={ ERROR_ID }
									className="qi-editor-error"
								>
									{ error }
								</span>
							) }
							{ createInterpolateElement(
								__(
									'The API name, for example <code>experience-1234</code>. In Qualified: Settings → Experiences → Manual → the Experience → API NAME.',
									'qualified-integration'
								),
								{ code: <code /> }
							) }
						</>
					}
					placeholder="experience-1234"
					value={ draft }
					autoComplete="off"
					spellCheck={ false }
					aria-invalid={ showError }
					onChange={ ( text: string ) => {
						setDraft( text );
						const next = withExperience( override, text );
						if ( next ) {
							onChange( next );
						}
					} }
					onBlur={ () => setTouched( true ) }
				/>
			</div>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __( 'Start collapsed', 'qualified-integration' ) }
				help={
					override.experience
						? __(
								'Show the Experience with the messenger collapsed.',
								'qualified-integration'
							)
						: __(
								'Needs an Experience to show.',
								'qualified-integration'
							)
				}
				checked={ override.startCollapsed === true }
				disabled={ ! override.experience }
				onChange={ ( on: boolean ) =>
					onChange( withFlag( override, 'startCollapsed', on ) )
				}
			/>
			<ToggleControl
				__nextHasNoMarginBottom
				label={ __(
					'Open the messenger automatically',
					'qualified-integration'
				) }
				help={ __(
					'Open the messenger when this page loads.',
					'qualified-integration'
				) }
				checked={ override.open === true }
				onChange={ ( on: boolean ) =>
					onChange( withFlag( override, 'open', on ) )
				}
			/>
		</div>
	);
}
