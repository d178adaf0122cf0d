/**
 * Builds the one identify payload of a page view.
 */
import { toIdentityValue } from '../../shared/identity-value';
import { has, isObject } from '../read';
import { BROWSER_SOURCES, type SourceWindow } from './browser-sources';
import type { IdentityConfig } from './config';
import { readPersisted, writePersisted } from './persist';

/**
 * Resolves the browser mappings, applies `persist`, and merges the result
 * with the server fields. The server wins where it has a value; browser
 * values fill the rest. A source that is missing or throws (no dataLayer,
 * blocked storage, a hostile getter), or that this runtime does not know,
 * just yields no value; an entry that is not an object is skipped.
 *
 * persist "first" keeps the first non-empty value of the visit; "last"
 * takes this page's value when it has one, else the one kept.
 *
 * @param identity The parsed `identity` config.
 * @param win      The page's window.
 * @param doc      The page's document.
 * @return Field -> value (normalised when sent).
 */
export function identityPayload(
	identity: IdentityConfig,
	win: SourceWindow,
	doc: Document
): Record< string, unknown > {
	const payload: Record< string, string > = {};
	const kept = readPersisted( win );
	let changed = false;
	for ( const { field, source, key, persist } of identity.browser.filter(
		isObject
	) ) {
		let value: string | undefined;
		try {
			value = has( BROWSER_SOURCES, source )
				? toIdentityValue( BROWSER_SOURCES[ source ]( win, doc, key ) )
				: undefined;
		} catch {
			// A source that throws has no value.
		}
		if ( persist ) {
			const previous = toIdentityValue( kept[ field ] );
			if ( value && ( persist === 'last' || ! previous ) ) {
				changed = changed || value !== previous;
				kept[ field ] = value;
			} else {
				value = previous;
			}
		}
		if ( value ) {
			payload[ field ] = value;
		}
	}
	if ( changed ) {
		writePersisted( win, kept );
	}
	return { ...payload, ...identity.fields };
}
