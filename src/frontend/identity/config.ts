/**
 * The `identity` part of the page config (Frontend\PageConfig), read defensively.
 */
import type { PersistMode } from '../../shared/settings';
import { isObject, textFields } from '../read';
import { type BrowserSource, isBrowserSource } from './browser-sources';

export interface BrowserMapping {
	field: string;
	source: BrowserSource;
	key?: string;
	persist?: PersistMode;
}

export interface IdentityConfig {
	/** Resolved by PHP: already trimmed, capped and non-empty (normalised again anyway). */
	fields: Record< string, string >;
	/** Resolved here, in the browser. */
	browser: BrowserMapping[];
}

/**
 * Reads `identity`: server fields with a usable value and browser mappings
 * with a field name and a source this runtime knows; everything else is
 * dropped, never thrown on (the config passes PHP filters other plugins use).
 *
 * @param raw The config's `identity` value.
 * @return The usable part, or undefined when nothing is usable.
 */
export function parseIdentity( raw: unknown ): IdentityConfig | undefined {
	if ( ! isObject( raw ) ) {
		return undefined;
	}
	const fields = textFields( raw.fields );
	const browser: BrowserMapping[] = [];
	for ( const entry of Array.isArray( raw.browser ) ? raw.browser : [] ) {
		const { field, source, key, persist } = isObject( entry ) ? entry : {};
		if ( typeof field === 'string' && field && isBrowserSource( source ) ) {
			browser.push( {
				field,
				source,
				...( typeof key === 'string' && { key } ),
				...( ( persist === 'first' || persist === 'last' ) && {
					persist,
				} ),
			} );
		}
	}
	return Object.keys( fields ).length || browser.length
		? { fields, browser }
		: undefined;
}
