/**
 * Preview: what the current admin would send to Qualified on the home page
 * with the mappings in the form (saved or not). Server sources are resolved
 * by the preview route; browser sources are listed as "from the visit".
 */

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	IdentityMapping,
	IdentityPreviewPayload,
} from '../../src/shared/settings';
import { describeFailure, previewIdentity, previewPath } from '../api';
import type { FieldErrors } from '../field-errors';
import { previewRows } from './preview-rows';
import { sourceTexts } from './source-labels';

export interface PreviewProps {
	path: string;
	mappings: IdentityMapping[];
	/** Shows the preview route's 400 messages at their rows. */
	onInvalid: ( errors: FieldErrors ) => void;
}

interface Result {
	mappings: IdentityMapping[];
	preview: IdentityPreviewPayload;
}

export function Preview( { path, mappings, onInvalid }: PreviewProps ) {
	const [ result, setResult ] = useState< Result | null >( null );
	const [ problem, setProblem ] = useState( '' );
	const [ busy, setBusy ] = useState( false );
	const texts = sourceTexts();

	const run = () => {
		const sent = mappings;
		setBusy( true );
		setProblem( '' );
		previewIdentity( path, sent )
			.then( ( preview ) => setResult( { mappings: sent, preview } ) )
			.catch( ( error: unknown ) => {
				setResult( null );
				const failure = describeFailure( error, previewPath );
				if ( failure.kind === 'invalid' ) {
					onInvalid( failure.fields );
					setProblem(
						__(
							'Fix the mappings marked above to see a preview.',
							'qualified-integration'
						)
					);
				} else {
					setProblem( failure.message );
				}
			} )
			.finally( () => setBusy( false ) );
	};

	const stale =
		result !== null &&
		JSON.stringify( result.mappings ) !== JSON.stringify( mappings );
	const rows = result ? previewRows( result.mappings, result.preview ) : [];

	return (
		<section className="qi-preview" aria-labelledby="qi-preview-title">
			<h3 id="qi-preview-title">
				{ __( 'Preview', 'qualified-integration' ) }
			</h3>
			<p className="qi-help">
				{ __(
					'What Qualified would receive from you on the home page with the mappings above, saved or not. Values read in the browser depend on each visit.',
					'qualified-integration'
				) }
			</p>
			<Button
				variant="secondary"
				__next40pxDefaultSize
				isBusy={ busy }
				disabled={ busy }
				onClick={ run }
			>
				{ result
					? __( 'Refresh preview', 'qualified-integration' )
					: __( 'Show preview', 'qualified-integration' ) }
			</Button>
			<div aria-live="polite">
				{ problem && (
					<Notice status="warning" isDismissible={ false }>
						{ problem }
					</Notice>
				) }
				{ result && stale && (
					<p className="qi-help">
						{ __(
							'The mappings changed since this preview. Refresh it to see the effect.',
							'qualified-integration'
						) }
					</p>
				) }
				{ result && rows.length === 0 && (
					<p>
						{ __(
							'Nothing would be sent: there are no mappings.',
							'qualified-integration'
						) }
					</p>
				) }
				{ rows.length > 0 && (
					<table className="qi-table qi-preview-table">
						<caption className="screen-reader-text">
							{ sprintf(
								/* translators: %s: home page URL. */
								__(
									'Values sent on %s',
									'qualified-integration'
								),
								result?.preview.url ?? ''
							) }
						</caption>
						<thead>
							<tr>
								<th scope="col">
									{ __(
										'Qualified field',
										'qualified-integration'
									) }
								</th>
								<th scope="col">
									{ __( 'Value', 'qualified-integration' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ rows.map( ( row ) => (
								<tr key={ row.field }>
									<th scope="row">
										<code>{ row.field }</code>
									</th>
									<td>
										{ row.kind === 'value' && (
											<code className="qi-value">
												{ row.value }
											</code>
										) }
										{ row.kind === 'browser' && (
											<em>
												{ sprintf(
													/* translators: %s: source, such as "URL query parameter utm_campaign". */
													__(
														'From the visit: %s',
														'qualified-integration'
													),
													[
														texts[
															row.mapping.source
														].label,
														row.mapping.key,
													]
														.filter( Boolean )
														.join( ' ' )
												) }
											</em>
										) }
										{ row.kind === 'empty' && (
											<em>
												{ __(
													'No value for you here, so it is left out',
													'qualified-integration'
												) }
											</em>
										) }
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
				) }
			</div>
		</section>
	);
}
