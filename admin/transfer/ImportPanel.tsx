/**
 * Import: a file is chosen (or dropped), checked by the server without
 * being applied, and its changes shown; only "Apply these changes" writes
 * them. A refused file changes nothing, and every reason is listed at the
 * file field.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	DropZone,
	FormFileUpload,
	Notice,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SettingsPayload } from '../../src/shared/settings';
import { fetchSettings } from '../api';
import { errorId, fieldId } from '../field-errors';
import type { PageNotice } from '../notices';
import { useFocusAfterRender } from '../use-focus-after-render';
import { sendImport, type ImportResult } from './api';
import { ChangesList } from './ChangesList';
import { changesSummary, versionText } from './diff';
import { errorMessages } from './errors';
import { sizeProblem } from './file-size';
import { MessageList } from './MessageList';
import { importedNotice } from './notices';
import { readFileText } from './read-file';

/** The file field's path: its id, and its message's id. */
export const FILE_FIELD = 'importFile';
const PREVIEW_TITLE = 'qi-import-preview-title';

type ImportState =
	| { step: 'choose' }
	| { step: 'checking'; name: string }
	| { step: 'preview'; name: string; text: string; result: ImportResult }
	| { step: 'applying'; name: string; text: string; result: ImportResult }
	| { step: 'refused'; name: string; messages: string[] };

export interface ImportPanelProps {
	settingsPath: string;
	/** schemaVersion of the settings in force. */
	currentVersion: number;
	/** Revision of the settings on screen: an apply is made on it. */
	revision: string;
	/** Whether the form holds unsaved changes, which an import replaces. */
	dirty: boolean;
	/** Shows the applied settings on the whole screen, with the notice. */
	onApplied: ( payload: SettingsPayload, notice: PageNotice ) => void;
}

export function ImportPanel( {
	settingsPath,
	currentVersion,
	revision,
	dirty,
	onApplied,
}: ImportPanelProps ) {
	const [ state, setState ] = useState< ImportState >( { step: 'choose' } );
	const focusAfterRender = useFocusAfterRender();
	const label = __( 'Settings file', 'qualified-integration' );
	const inputId = fieldId( FILE_FIELD );
	const messageId = errorId( FILE_FIELD );
	const busy = state.step === 'checking' || state.step === 'applying';

	const refuse = ( name: string, messages: string[] ) => {
		setState( { step: 'refused', name, messages } );
		focusAfterRender( messageId );
	};

	const check = ( file: File | undefined ) => {
		if ( ! file || busy ) {
			return;
		}
		const tooBig = sizeProblem( file.size, label );
		if ( tooBig ) {
			refuse( file.name, [ tooBig ] );
			return;
		}
		setState( { step: 'checking', name: file.name } );
		readFileText( file )
			.then( ( text ) =>
				sendImport( settingsPath, text, false ).then( ( result ) => {
					setState( {
						step: 'preview',
						name: file.name,
						text,
						result,
					} );
					focusAfterRender( PREVIEW_TITLE );
				} )
			)
			.catch( ( error: unknown ) =>
				refuse( file.name, errorMessages( error ) )
			);
	};

	const apply = () => {
		if ( state.step !== 'preview' ) {
			return;
		}
		const { name, text, result } = state;
		setState( { step: 'applying', name, text, result } );
		sendImport( settingsPath, text, true, revision )
			.then( async ( applied ) => {
				const payload =
					applied.settings ?? ( await fetchSettings( settingsPath ) );
				setState( { step: 'choose' } );
				onApplied(
					payload,
					importedNotice( payload, applied.changes.length )
				);
				focusAfterRender( inputId );
			} )
			.catch( ( error: unknown ) =>
				refuse( name, errorMessages( error ) )
			);
	};

	const cancel = () => {
		setState( { step: 'choose' } );
		focusAfterRender( inputId );
	};

	const refused = state.step === 'refused';
	const shown =
		state.step === 'preview' || state.step === 'applying' ? state : null;
	const help = `${ inputId }__help`;

	return (
		<section
			className="qi-transfer__part qi-transfer__import"
			aria-labelledby="qi-import-title"
		>
			<h3 id="qi-import-title" className="qi-section-title">
				{ __( 'Import', 'qualified-integration' ) }
			</h3>
			<div className="qi-field qi-transfer__file">
				<p className="qi-transfer__label">{ label }</p>
				<div className="qi-transfer__actions">
					<FormFileUpload
						accept=".json,application/json"
						onChange={ ( event ) => {
							const input = event.currentTarget;
							check( input.files?.[ 0 ] );
							// Choosing the same file again must check it again.
							input.value = '';
						} }
						render={ ( { openFileDialog } ) => (
							<Button
								__next40pxDefaultSize
								id={ inputId }
								variant="secondary"
								isBusy={ state.step === 'checking' }
								disabled={ busy }
								aria-invalid={ refused || undefined }
								aria-describedby={
									refused ? `${ messageId } ${ help }` : help
								}
								onClick={ openFileDialog }
							>
								{ __(
									'Choose a settings file…',
									'qualified-integration'
								) }
							</Button>
						) }
					/>
					<span className="qi-transfer__status" aria-live="polite">
						{ state.step === 'checking'
							? sprintf(
									/* translators: %s: file name. */
									__(
										'Checking %s…',
										'qualified-integration'
									),
									state.name
								)
							: ( state.step !== 'choose' && state.name ) ||
								__(
									'No file chosen.',
									'qualified-integration'
								) }
					</span>
				</div>
				<p id={ help } className="qi-help">
					{ __(
						'A JSON file exported from this plugin, on this site or another, up to 1 MB. You can also drop it here. You see what it changes before anything is applied.',
						'qualified-integration'
					) }
				</p>
				{ state.step === 'refused' && (
					<div
						id={ messageId }
						tabIndex={ -1 }
						className="qi-notice-focus"
					>
						<Notice
							status="error"
							isDismissible={ false }
							className="qi-inline-notice"
							spokenMessage={ state.messages.join( ' ' ) }
						>
							<MessageList
								heading={ sprintf(
									/* translators: 1: the file field's label, 2: file name. */
									__(
										'%1$s: %2$s was not imported, nothing changed.',
										'qualified-integration'
									),
									label,
									state.name
								) }
								messages={ state.messages }
							/>
						</Notice>
					</div>
				) }
			</div>
			{ shown && (
				<div
					className="qi-import-preview"
					role="region"
					aria-labelledby={ PREVIEW_TITLE }
				>
					<h4 id={ PREVIEW_TITLE } tabIndex={ -1 }>
						{ sprintf(
							/* translators: %s: file name. */
							__( 'What %s changes', 'qualified-integration' ),
							shown.name
						) }
					</h4>
					<p>
						{ versionText(
							shown.result.fromVersion,
							currentVersion
						) }
					</p>
					<p>{ changesSummary( shown.result.changes.length ) }</p>
					{ shown.result.changes.length > 0 && (
						<ChangesList changes={ shown.result.changes } />
					) }
					{ dirty && shown.result.changes.length > 0 && (
						<Notice
							status="warning"
							isDismissible={ false }
							className="qi-inline-notice"
						>
							{ __(
								'This screen has unsaved changes. Applying the file replaces them with the imported settings.',
								'qualified-integration'
							) }
						</Notice>
					) }
					<div className="qi-transfer__actions">
						{ shown.result.changes.length > 0 && (
							<Button
								__next40pxDefaultSize
								variant="primary"
								isBusy={ state.step === 'applying' }
								disabled={ busy }
								onClick={ apply }
							>
								{ __(
									'Apply these changes',
									'qualified-integration'
								) }
							</Button>
						) }
						<Button
							__next40pxDefaultSize
							variant="tertiary"
							disabled={ busy }
							onClick={ cancel }
						>
							{ __( 'Cancel', 'qualified-integration' ) }
						</Button>
					</div>
				</div>
			) }
			<DropZone
				label={ __(
					'Drop the settings file to check it',
					'qualified-integration'
				) }
				onFilesDrop={ ( files: File[] ) => check( files[ 0 ] ) }
			/>
		</section>
	);
}
