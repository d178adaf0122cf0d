/**
 * The `identity` part of the page config (Frontend\PageConfig).
 *
 * PHP hands it over clean, also after the `qualified_integration_page_config`
 * filter (PageConfig cleans what a filter returns: fields normalised, browser
 * mappings with a field, a browser source, its key and persist mode), so the
 * runtime only guards the outer shape; identityPayload() skips any mapping it
 * cannot run and identify sends only normalised values. Checks made once in
 * PHP are bytes every visitor's browser does not download.
 */
import type { PersistMode } from '../../shared/settings';
import { isObject } from '../read';
import type { BrowserSource } from './browser-sources';

export interface BrowserMapping {
	field: string;
	source: BrowserSource;
	key?: string;
	persist?: PersistMode;
}

export interface IdentityConfig {
	/** Resolved by PHP: trimmed, capped and non-empty (normalised again when sent). */
	fields: Record< string, unknown >;
	/** Resolved here, in the browser. */
	browser: BrowserMapping[];
}

/**
 * Reads `identity`: an object with a `fields` object and a `browser` list
 * (anything else in their place reads as empty).
 *
 * @param raw The config's `identity` value.
 * @return The identity part, or undefined when `raw` is not an object.
 */
export function parseIdentity( raw: unknown ): IdentityConfig | undefined {
	return isObject( raw )
		? {
				fields: isObject( raw.fields ) ? raw.fields : {},
				browser: Array.isArray( raw.browser ) ? raw.browser : [],
			}
		: undefined;
}
