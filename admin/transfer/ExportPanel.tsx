/**
 * Export: downloads the settings in force as a JSON file (the settings
 * object itself, see DESIGN.md), without webhook secrets unless asked.
 */

/**
 * WordPress dependencies
 */
import { Button, CheckboxControl, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fetchExport } from './api';
import { responseErrorMessages } from './errors';
import { defaultFilename, exportFilename } from './filename';
import { MessageList } from './MessageList';
import { saveTextFile } from './save-file';

export function ExportPanel( { settingsPath }: { settingsPath: string } ) {
	const [ secrets, setSecrets ] = useState( false );
	const [ busy, setBusy ] = useState( false );
	const [ saved, setSaved ] = useState( '' );
	const [ problems, setProblems ] = useState< string[] >( [] );

	const download = () => {
		setBusy( true );
		setSaved( '' );
		setProblems( [] );
		fetchExport( settingsPath, secrets )
			.then( ( file ) => {
				const name = exportFilename(
					file.disposition,
					defaultFilename( window.location.host, new Date() )
				);
				saveTextFile( file.text, name );
				setSaved(
					sprintf(
						/* translators: %s: file name. */
						__( 'Downloaded %s.', 'qualified-integration' ),
						name
					)
				);
			} )
			.catch( async ( error: unknown ) =>
				setProblems( await responseErrorMessages( error ) )
			)
			.finally( () => setBusy( false ) );
	};

	return (
		<section
			className="qi-transfer__part"
			aria-labelledby="qi-export-title"
		>
			<h3 id="qi-export-title" className="qi-section-title">
				{ __( 'Export', 'qualified-integration' ) }
			</h3>
			<p className="qi-help">
				{ __(
					'Download the settings in force as a JSON file: to keep a copy, or to set up another site the same way. Values set in wp-config.php are exported as they apply.',
					'qualified-integration'
				) }
			</p>
			<div className="qi-field">
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __(
						'Include webhook secrets',
						'qualified-integration'
					) }
					help={ __(
						'Anyone who has the secrets can send your webhook receivers requests that look like they came from this site, so leave this off unless the file stays private. Without them, importing the file keeps the secrets this site already has for the same webhooks.',
						'qualified-integration'
					) }
					checked={ secrets }
					onChange={ setSecrets }
				/>
			</div>
			<div className="qi-transfer__actions">
				<Button
					__next40pxDefaultSize
					variant="secondary"
					isBusy={ busy }
					disabled={ busy }
					onClick={ download }
				>
					{ __(
						'Download settings (JSON)',
						'qualified-integration'
					) }
				</Button>
				<span className="qi-transfer__status" aria-live="polite">
					{ saved }
				</span>
			</div>
			{ problems.length > 0 && (
				<Notice
					status="error"
					isDismissible={ false }
					className="qi-inline-notice"
					spokenMessage={ problems.join( ' ' ) }
				>
					<MessageList
						heading={ __(
							'The settings could not be downloaded:',
							'qualified-integration'
						) }
						messages={ problems }
					/>
				</Notice>
			) }
		</section>
	);
}
