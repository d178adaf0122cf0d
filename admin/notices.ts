/**
 * Page-level notices: what happened to the last load or save. Field
 * messages are shown at their fields; the error notice lists them too, as
 * links, because they may sit in another section.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SettingsPayload } from '../src/shared/settings';
import type { FieldErrors } from './field-errors';

export interface PageNotice {
	status: 'success' | 'warning' | 'error' | 'info';
	message: string;
	/** Field messages, each a link to its field. */
	fields?: FieldErrors;
	/** One button, e.g. "Load the latest settings". */
	action?: { label: string; onClick: () => void };
}

/**
 * What to say after a save went through. "Settings saved." alone would be
 * misleading when Qualified is on but cannot load for lack of a token.
 *
 * @param payload The answer of the save.
 */
export function savedNotice( payload: SettingsPayload ): PageNotice {
	const { enabled, token } = payload.settings;
	if ( enabled && token === '' ) {
		return {
			status: 'warning',
			message: __(
				'Settings saved, but Qualified will not load until you add your site token.',
				'qualified-integration'
			),
		};
	}
	return {
		status: 'success',
		message: __( 'Settings saved.', 'qualified-integration' ),
	};
}
