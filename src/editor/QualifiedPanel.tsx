/**
 * The "Qualified" panel in the block editor's document sidebar, for post
 * types whose REST meta carries the override (others get nothing).
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { documentSettingPanel } from './document-panel';
import { siteStrategy } from './override';
import { OverrideFields } from './OverrideFields';
import { useOverrideMeta } from './use-override';

export const PANEL_NAME = 'qualified-integration-page';

export function QualifiedPanel() {
	const { available, override, change } = useOverrideMeta();
	const Panel = documentSettingPanel();
	if ( ! available || ! Panel ) {
		return null;
	}
	return (
		<Panel
			name={ PANEL_NAME }
			title={ __( 'Qualified', 'qualified-integration' ) }
			className="qi-editor-panel"
		>
			<p className="qi-editor-intro">
				{ __(
					'For this page only. These settings take precedence over the site-wide Experience rules.',
					'qualified-integration'
				) }
			</p>
			<OverrideFields
				override={ override }
				onChange={ change }
				site={ siteStrategy( window ) }
			/>
		</Panel>
	);
}
