/**
 * Export & import: the settings as a JSON file, to keep or to set up
 * another site the same way, and a file's import with a preview of what it
 * changes. The section edits no field of the form: an applied import goes
 * through the server (Rest\TransferController), and the whole screen then
 * shows the settings it wrote, as after a save.
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { SITE_SETTINGS_PATH } from '../boot-data';
import { changedFields } from '../changes';
import { ExportPanel } from '../transfer/ExportPanel';
import { ImportPanel } from '../transfer/ImportPanel';
import { editable } from '../use-settings-form';
import type { SectionDefinition, SectionProps } from './types';

function TransferSection( {
	boot,
	payload,
	draft,
	replaceSettings,
}: SectionProps ) {
	const dirty =
		Object.keys(
			changedFields(
				editable( payload.settings ),
				draft,
				Object.keys( payload.locked )
			)
		).length > 0;

	if ( boot.restPath !== SITE_SETTINGS_PATH ) {
		// The Network Admin screen: the settings file is one site's (the routes act on a site).
		return (
			<Card className="qi-card qi-transfer">
				<CardBody>
					<div className="qi-intro">
						<p>
							{ __(
								'A settings file holds one site’s settings: export or import it in that site’s Settings → Qualified → Export & import. For the network defaults, use WP-CLI: wp qualified export --network, and wp qualified set --network for each field.',
								'qualified-integration'
							) }
						</p>
					</div>
				</CardBody>
			</Card>
		);
	}

	return (
		<Card className="qi-card qi-transfer">
			<CardBody>
				<div className="qi-intro">
					<p>
						{ __(
							'Copy these settings to another site, or keep a copy: export them as a file here, then import the file where you need it. An import is checked first and lists every change; nothing is applied until you confirm.',
							'qualified-integration'
						) }
					</p>
				</div>
				<ExportPanel settingsPath={ boot.restPath } />
				<ImportPanel
					settingsPath={ boot.restPath }
					currentVersion={ payload.settings.schemaVersion }
					revision={ payload.revision }
					dirty={ dirty }
					onApplied={ ( next, notice ) =>
						replaceSettings?.( next, notice )
					}
				/>
			</CardBody>
		</Card>
	);
}

export const transferSection: SectionDefinition = {
	name: 'export-import',
	title: __( 'Export & import', 'qualified-integration' ),
	fields: [],
	Component: TransferSection,
};
