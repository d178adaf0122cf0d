/**
 * The page notice after an import was applied: what changed, and, as after
 * a save, a warning when Qualified is on but has no token to load with.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf, _n } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SettingsPayload } from '../../src/shared/settings';
import type { PageNotice } from '../notices';

/**
 * @param payload The settings in force after the import.
 * @param count   Number of changes applied.
 */
export function importedNotice(
	payload: SettingsPayload,
	count: number
): PageNotice {
	const done = sprintf(
		/* translators: %d: number of changed settings. */
		_n(
			'Imported the settings file: %d setting changed.',
			'Imported the settings file: %d settings changed.',
			count,
			'qualified-integration'
		),
		count
	);
	const { enabled, token } = payload.settings;
	if ( enabled && token === '' ) {
		return {
			status: 'warning',
			message: `${ done } ${ __(
				'Qualified will not load until you add your site token.',
				'qualified-integration'
			) }`,
		};
	}
	return { status: 'success', message: done };
}
