/**
 * How the runtime reads each browser source of includes/Settings/identity-sources.json.
 *
 * These run in the visitor's browser so that cached HTML is the same for
 * every anonymous visitor. Each returns the raw value (or undefined); the
 * caller normalises it and catches anything a hostile page object throws.
 */
import type { IdentitySource } from '../../shared/identity-sources';
import { has } from '../read';
import { readItem, writeItem } from './persist';

/** The parts of `window` the sources read; all optional, so a bare object works in tests. */
export interface SourceWindow {
	location?: { href: string; search: string };
	dataLayer?: unknown;
	sessionStorage?: Storage;
}

type Resolver = (
	win: SourceWindow,
	doc: Document,
	key: string | undefined
) => unknown;

/** sessionStorage key holding the first URL of the visit. */
export const LANDING_PAGE_KEY = 'qualified-integration:landing-page';

/**
 * Follows a dot path (`user.plan`) into an object.
 *
 * @param data Where to start.
 * @param path Dot-separated property names.
 * @return The value there, or undefined when the path does not exist.
 */
function at( data: unknown, path: string ): unknown {
	return path
		.split( '.' )
		.reduce< unknown >(
			( node, name ) =>
				node !== null && typeof node === 'object' && has( node, name )
					? ( node as Record< string, unknown > )[ name ]
					: undefined,
			data
		);
}

/**
 * One resolver per browser source. `satisfies` makes tsc refuse a name the
 * JSON file does not have; a Jest test checks that every browser source of
 * the file has a resolver here.
 */
const resolvers = {
	query: ( win, _doc, key ) =>
		key && new URLSearchParams( win.location?.search ).get( key ),

	cookie: ( _win, doc, key ) => {
		for ( const pair of doc.cookie.split( ';' ) ) {
			const eq = pair.indexOf( '=' );
			if ( eq > 0 && pair.slice( 0, eq ).trim() === key ) {
				const raw = pair.slice( eq + 1 );
				try {
					return decodeURIComponent( raw );
				} catch {
					return raw;
				}
			}
		}
		return undefined;
	},

	referrer: ( _win, doc ) => doc.referrer,

	// The first URL of the visit, kept in sessionStorage; this URL when storage fails.
	landing_page: ( win ) => {
		const href = win.location?.href;
		const first = readItem( win, LANDING_PAGE_KEY );
		if ( first ) {
			return first;
		}
		if ( href ) {
			writeItem( win, LANDING_PAGE_KEY, href );
		}
		return href;
	},

	// The last object pushed to window.dataLayer that has the key (dot path allowed).
	dataLayer: ( win, _doc, key ) => {
		const layer = win.dataLayer;
		if ( ! key || ! Array.isArray( layer ) ) {
			return undefined;
		}
		for ( let i = layer.length - 1; i >= 0; i-- ) {
			const value = at( layer[ i ], key );
			if ( value !== undefined ) {
				return value;
			}
		}
		return undefined;
	},

	meta_tag: ( _win, doc, key ) => {
		for ( const meta of doc.getElementsByTagName( 'meta' ) ) {
			if ( meta.name === key ) {
				return meta.content;
			}
		}
		return undefined;
	},
} satisfies Partial< Record< IdentitySource, Resolver > >;

export type BrowserSource = keyof typeof resolvers;

export const BROWSER_SOURCES: Readonly< Record< BrowserSource, Resolver > > =
	resolvers;

/**
 * Whether the runtime can resolve a source (own keys only).
 *
 * @param name A source name from the page config.
 */
export function isBrowserSource( name: unknown ): name is BrowserSource {
	return typeof name === 'string' && has( BROWSER_SOURCES, name );
}
