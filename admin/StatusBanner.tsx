/**
 * The first thing under the heading: whether Qualified is live on the site,
 * and if not, why (as the server words it), with a link to the site.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SettingsStatus } from '../src/shared/settings';

export function StatusBanner( { status }: { status: SettingsStatus } ) {
	const reasons = status.reasons.map( ( reason ) => reason.message );
	return (
		<div
			className={ `qi-status ${ status.live ? 'is-live' : 'is-off' }` }
			role="status"
		>
			<span
				className={ `dashicons ${
					status.live ? 'dashicons-yes-alt' : 'dashicons-warning'
				}` }
				aria-hidden="true"
			/>
			<p className="qi-status__text">
				<strong>
					{ status.live
						? __(
								'Qualified is live on your site.',
								'qualified-integration'
							)
						: __(
								'Qualified is not loading:',
								'qualified-integration'
							) }
				</strong>
				{ reasons.length > 0 && ' ' + reasons.join( ' ' ) }
			</p>
			{ status.homeUrl && (
				<a className="qi-status__link" href={ status.homeUrl }>
					{ __( 'View site', 'qualified-integration' ) }
				</a>
			) }
		</div>
	);
}
