/**
 * The `identity` part of the page config (Frontend\PageConfig), read defensively.
 */
import type { PersistMode } from '../../shared/settings';
import { toIdentityValue } from '../../shared/identity-value';
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

const isObject = ( value: unknown ): value is Record< string, unknown > =>
	typeof value === 'object' && value !== null && ! Array.isArray( value );

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
	const fields: Record< string, string > = {};
	if ( isObject( raw.fields ) ) {
		for ( const [ field, value ] of Object.entries( raw.fields ) ) {
			const text = toIdentityValue( value );
			if ( text ) {
				fields[ field ] = text;
			}
		}
	}
	const browser: BrowserMapping[] = [];
	for ( const entry of Array.isArray( raw.browser ) ? raw.browser : [] ) {
		if (
			isObject( entry ) &&
			typeof entry.field === 'string' &&
			entry.field &&
			isBrowserSource( entry.source )
		) {
			const mapping: BrowserMapping = {
				field: entry.field,
				source: entry.source,
			};
			if ( typeof entry.key === 'string' ) {
				mapping.key = entry.key;
			}
			if ( entry.persist === 'first' || entry.persist === 'last' ) {
				mapping.persist = entry.persist;
			}
			browser.push( mapping );
		}
	}
	return Object.keys( fields ).length || browser.length
		? { fields, browser }
		: undefined;
}
