/**
 * The per-post override (post meta `qualified_integration_page`) as the
 * editor panel reads and writes it: tolerant reading of whatever the REST API
 * hands back, the experience-name check, and normalisation so that the stored
 * object only holds what changes a page (no empty experience, no `false`).
 *
 * Pure functions, no WordPress globals: Jest tests them directly.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Override } from '../shared/experiences/types';
import type { LoadStrategy } from '../shared/loading';
import { isLoadStrategy } from '../shared/loading-choices';

export type { Override } from '../shared/experiences/types';

/** The post meta key, as PHP registers it (show_in_rest). */
export const META_KEY = 'qualified_integration_page';

/**
 * A Qualified Experience API name, as the meta schema's `pattern` and the
 * settings schema accept it. JavaScript's `$` without the `m` flag matches
 * only at the very end, so a trailing newline does not pass.
 */
export const EXPERIENCE_PATTERN = /^experience-[0-9]{1,20}$/;

/** The boolean fields of the override. */
export type OverrideFlag = 'hide' | 'startCollapsed' | 'open';

const FLAGS: readonly OverrideFlag[] = [ 'hide', 'startCollapsed', 'open' ];

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

/**
 * Whether this post's REST meta carries the override at all: the meta is
 * registered only for some post types, and the panel shows only there.
 *
 * @param meta The post's `meta` attribute, as core/editor holds it.
 */
export function hasOverrideMeta( meta: unknown ): boolean {
	return (
		isRecord( meta ) &&
		Object.prototype.hasOwnProperty.call( meta, META_KEY )
	);
}

/**
 * The override stored in a post's meta. The REST API gives `[]` for an empty
 * object (PHP cannot tell the two apart) and a hand-edited value may hold
 * anything: unknown keys and wrong types are left out. A stored experience
 * is kept as text even when it is not a valid name, so the panel shows it
 * and asks for a fix instead of silently dropping it.
 *
 * @param meta The post's `meta` attribute.
 */
export function readOverride( meta: unknown ): Override {
	const raw = isRecord( meta ) ? meta[ META_KEY ] : undefined;
	if ( ! isRecord( raw ) ) {
		return {};
	}
	const override: Override = {};
	for ( const flag of FLAGS ) {
		if ( raw[ flag ] === true ) {
			override[ flag ] = true;
		}
	}
	if ( typeof raw.experience === 'string' && raw.experience.trim() ) {
		override.experience = raw.experience.trim();
	}
	if ( isLoadStrategy( raw.load ) ) {
		override.load = raw.load;
	}
	return normalizeOverride( override );
}

/**
 * What is stored: `experience` trimmed and removed when empty, flags only
 * when true, `startCollapsed` only together with an experience (it means
 * nothing without one), `load` only when it names a strategy (none: the
 * site's). `hide` keeps the other fields, so turning it off again brings
 * them back; a hidden page ignores them anyway.
 *
 * @param override The override as edited.
 */
export function normalizeOverride( override: Override ): Override {
	const next: Override = {};
	if ( override.hide === true ) {
		next.hide = true;
	}
	const experience = ( override.experience ?? '' ).trim();
	if ( experience ) {
		next.experience = experience;
		if ( override.startCollapsed === true ) {
			next.startCollapsed = true;
		}
	}
	if ( override.open === true ) {
		next.open = true;
	}
	if ( isLoadStrategy( override.load ) ) {
		next.load = override.load;
	}
	return next;
}

/**
 * Whether two overrides store the same thing (key order aside).
 *
 * @param a One override.
 * @param b The other.
 */
export function sameOverride( a: Override, b: Override ): boolean {
	const left = normalizeOverride( a );
	const right = normalizeOverride( b );
	return (
		left.hide === right.hide &&
		left.experience === right.experience &&
		left.startCollapsed === right.startCollapsed &&
		left.open === right.open &&
		left.load === right.load
	);
}

/**
 * Why a typed experience name cannot be saved, or null when it can (an empty
 * field is fine: no experience).
 *
 * @param value The text in the field.
 */
export function experienceError( value: string ): string | null {
	const name = value.trim();
	if ( name === '' || EXPERIENCE_PATTERN.test( name ) ) {
		return null;
	}
	if ( /^[0-9]{1,20}$/.test( name ) ) {
		return sprintf(
			/* translators: %s: the name the user probably meant, such as experience-1234. */
			__(
				'Use the full API name, including "experience-": %s.',
				'qualified-integration'
			),
			`experience-${ name }`
		);
	}
	if ( /^experience-[0-9]{21,}$/.test( name ) ) {
		return __(
			'This API name is too long: at most 20 digits after "experience-".',
			'qualified-integration'
		);
	}
	return __(
		'Use the Experience\'s API name: "experience-" followed by digits, for example experience-1234.',
		'qualified-integration'
	);
}

/**
 * Whether typing more could still turn the text into a valid name (it is a
 * start of one, such as "exp" or "experience-"), so an error can wait until
 * the field is left.
 *
 * @param value The text in the field.
 */
export function couldBecomeExperience( value: string ): boolean {
	const name = value.trimStart();
	return (
		'experience-'.startsWith( name ) ||
		/^experience-[0-9]{0,20}$/.test( name )
	);
}

/**
 * The override after the experience field changed, or null when the text is
 * not a valid name yet (the stored value then stays as it was).
 *
 * @param override Current override.
 * @param text     The text in the field.
 */
export function withExperience(
	override: Override,
	text: string
): Override | null {
	if ( experienceError( text ) !== null ) {
		return null;
	}
	return normalizeOverride( { ...override, experience: text } );
}

/**
 * The override after a toggle changed.
 *
 * @param override Current override.
 * @param flag     Which toggle.
 * @param on       Its new state.
 */
export function withFlag(
	override: Override,
	flag: OverrideFlag,
	on: boolean
): Override {
	return normalizeOverride( { ...override, [ flag ]: on } );
}

/**
 * The override after the "Load Qualified" choice changed: a strategy, or
 * '' for the site's setting (the key is then left out).
 *
 * @param override Current override.
 * @param choice   The select's value.
 */
export function withLoad( override: Override, choice: string ): Override {
	const next: Override = { ...override };
	delete next.load;
	if ( isLoadStrategy( choice ) ) {
		next.load = choice;
	}
	return normalizeOverride( next );
}

/**
 * The site's loading strategy, as PHP hands it to the editor
 * (`window.qualifiedIntegrationEditor.siteLoad`); null when not given.
 *
 * @param win The window (or anything holding the data).
 */
export function siteStrategy( win: unknown ): LoadStrategy | null {
	const data = isRecord( win ) ? win.qualifiedIntegrationEditor : undefined;
	const value = isRecord( data ) ? data.siteLoad : undefined;
	return isLoadStrategy( value ) ? value : null;
}
