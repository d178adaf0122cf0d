/**
 * The import preview's list of changes, as the screen shows it: each
 * changed path in words, and its value now and from the file, as short
 * text. Secrets never show: the server already sends "(secret)" for them,
 * and any `secret` key that still arrives is masked here too.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf, _n } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ImportChange } from './api';
import { pathLabel } from './path-labels';

/** What the server shows in place of a secret (Transfer::plan). */
export const SECRET_MARK = '(secret)';

/** Values longer than this are cut, so one big list does not fill the screen. */
export const MAX_VALUE_CHARS = 200;

/** Changes listed in full; the rest are counted. */
export const MAX_ROWS = 100;

export type ShownValue =
	/** A JSON value, as text (strings in quotes, so "" and spaces show). */
	| { kind: 'json'; text: string }
	/** Not set on that side (added or removed). */
	| { kind: 'none'; text: string }
	| { kind: 'secret'; text: string };

export interface ChangeRow {
	path: string;
	/** The path in the screen's words, or null when there are none. */
	label: string | null;
	before: ShownValue;
	after: ShownValue;
}

function isSecretPath( path: string ): boolean {
	return /(^|\.)secret$/.test( path );
}

/**
 * A copy with every `secret` key's value replaced by the mark.
 *
 * @param value Any JSON value.
 */
function masked( value: unknown ): unknown {
	if ( Array.isArray( value ) ) {
		return value.map( masked );
	}
	if ( value && typeof value === 'object' ) {
		return Object.fromEntries(
			Object.entries( value as Record< string, unknown > ).map(
				( [ key, item ] ) => [
					key,
					key === 'secret' ? SECRET_MARK : masked( item ),
				]
			)
		);
	}
	return value;
}

/**
 * @param text Text to shorten.
 * @return The text, cut to MAX_VALUE_CHARS with an ellipsis.
 */
function cut( text: string ): string {
	return text.length > MAX_VALUE_CHARS
		? text.slice( 0, MAX_VALUE_CHARS - 1 ) + '…'
		: text;
}

/**
 * One side of a change, as text.
 *
 * @param value The value (null or undefined: not set on that side).
 * @param path  Its path: a secret's value never shows.
 */
export function shownValue( value: unknown, path: string ): ShownValue {
	if ( value === null || value === undefined ) {
		return { kind: 'none', text: __( '(none)', 'qualified-integration' ) };
	}
	if ( value === SECRET_MARK || isSecretPath( path ) ) {
		return { kind: 'secret', text: SECRET_MARK };
	}
	return { kind: 'json', text: cut( JSON.stringify( masked( value ) ) ) };
}

/**
 * The rows to list, at most MAX_ROWS.
 *
 * @param changes The preview's `changes`.
 */
export function changeRows( changes: readonly ImportChange[] ): ChangeRow[] {
	return changes.slice( 0, MAX_ROWS ).map( ( change ) => {
		const before = shownValue( change.before, change.path );
		const after = shownValue( change.after, change.path );
		return {
			path: change.path,
			label:
				typeof change.label === 'string' && change.label !== ''
					? change.label
					: pathLabel( change.path ),
			before,
			// Both sides masked: say that the secret is replaced, not "(secret) → (secret)".
			after:
				before.kind === 'secret' && after.kind === 'secret'
					? {
							kind: 'secret',
							text: __(
								'(a different secret)',
								'qualified-integration'
							),
						}
					: after,
		};
	} );
}

/**
 * "And 12 more changes." under a cut list, or "" when every change is listed.
 *
 * @param total Number of changes.
 */
export function moreRowsText( total: number ): string {
	const more = total - MAX_ROWS;
	return more > 0
		? sprintf(
				/* translators: %d: number of changes not listed. */
				_n(
					'And %d more change.',
					'And %d more changes.',
					more,
					'qualified-integration'
				),
				more
			)
		: '';
}

/**
 * The line above the list: how many settings the file changes.
 *
 * @param total Number of changes.
 */
export function changesSummary( total: number ): string {
	if ( total === 0 ) {
		return __(
			'No changes: the file matches the settings in force.',
			'qualified-integration'
		);
	}
	return sprintf(
		/* translators: %d: number of changed settings. */
		_n(
			'Applying this file changes %d setting:',
			'Applying this file changes %d settings:',
			total,
			'qualified-integration'
		),
		total
	);
}

/**
 * Where the file comes from: its settings version, and the migration it
 * goes through when it is older than this plugin's.
 *
 * @param fromVersion    The file's schemaVersion.
 * @param currentVersion The settings version in force.
 */
export function versionText(
	fromVersion: number,
	currentVersion: number
): string {
	if ( fromVersion < currentVersion ) {
		return sprintf(
			/* translators: 1: the file's settings version, 2: this plugin's settings version. */
			__(
				'The file has settings version %1$d. It will be migrated from version %1$d to version %2$d, as an update of the plugin would.',
				'qualified-integration'
			),
			fromVersion,
			currentVersion
		);
	}
	return sprintf(
		/* translators: %d: settings version. */
		__(
			'The file has settings version %d, the version this plugin uses.',
			'qualified-integration'
		),
		fromVersion
	);
}
