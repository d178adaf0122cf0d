/**
 * The fields of the "Qualified" panel: hide on this page, an Experience to
 * show (checked as it is typed, the error right under the field, saving
 * locked while it stands), start collapsed, open automatically, and when
 * Qualified loads on this page.
 */

/**
 * WordPress dependencies
 */
import {
	SelectControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import {
	createInterpolateElement,
	useEffect,
	useState,
} from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { LoadStrategy } from '../shared/loading';
import { strategyLabels } from '../shared/loading-choices';
import { LOAD_STRATEGIES } from '../shared/loading-options';
import {
	couldBecomeExperience,
	experienceError,
	withExperience,
	withFlag,
	withLoad,
	type Override,
} from './override';
import { useSaveLock } from './use-override';

const EXPERIENCE_ID = 'qualified-integration-experience';
const ERROR_ID = `${ EXPERIENCE_ID }__error`;

export interface OverrideFieldsProps {
	override: Override;
	onChange: ( next: Override ) => void;
	/** The site's loading strategy, when PHP gave it. */
	site?: LoadStrategy | null;
}

export function OverrideFields( {
	override,
	onChange,
	site = null,
}: OverrideFieldsProps ) {
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
	const labels = strategyLabels();

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
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Load Qualified', 'qualified-integration' ) }
				help={ loadHelp( site, override.load ) }
				value={ override.load ?? '' }
				options={ [
					{
						value: '',
						label: site
							? sprintf(
									/* translators: %s: the site's loading moment, such as "When the browser is idle". */
									__(
										'Site setting (%s)',
										'qualified-integration'
									),
									labels[ site ]
								)
							: __( 'Site setting', 'qualified-integration' ),
					},
					...LOAD_STRATEGIES.map( ( value ) => ( {
						value,
						label: labels[ value ],
					} ) ),
				] }
				onChange={ ( choice: string ) =>
					onChange( withLoad( override, choice ) )
				}
			/>
		</div>
	);
}

/**
 * The help under "Load Qualified".
 *
 * @param site The site's strategy, if known.
 * @param page This page's choice, if any.
 */
function loadHelp(
	site: LoadStrategy | null,
	page: LoadStrategy | undefined
): string {
	const base = __(
		'When visitors’ browsers load Qualified on this page. It never lifts the site’s consent requirement: when the site waits for consent, so does this page.',
		'qualified-integration'
	);
	return site === 'consent' && page && page !== 'consent'
		? `${ base } ${ __(
				'The site waits for consent now, so this choice has no effect.',
				'qualified-integration'
			) }`
		: base;
}
