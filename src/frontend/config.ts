/**
 * The per-page config PHP prints before the runtime (Frontend\PageConfig).
 */
import { type IdentityConfig, parseIdentity } from './identity/config';
import { DATA_METHODS, type DataMethod } from './qualified';

export type QualifiedCall = [ DataMethod, ...unknown[] ];

export interface PageConfig {
	/** API calls to make on this page, in order. */
	calls: QualifiedCall[];
	/** Identify mappings for this page; absent when none applies. */
	identity?: IdentityConfig;
}

function isDataMethod( value: unknown ): value is DataMethod {
	return (
		typeof value === 'string' &&
		( DATA_METHODS as readonly string[] ).includes( value )
	);
}

/**
 * Reads the config defensively: it comes from PHP filters other plugins can
 * touch, so anything malformed is dropped rather than thrown on.
 *
 * @param raw The value of window.qualifiedIntegrationConfig.
 * @return A config with only well-formed calls and identity parts.
 */
export function parseConfig( raw: unknown ): PageConfig {
	const calls: QualifiedCall[] = [];
	const config = (
		typeof raw === 'object' && raw !== null ? raw : {}
	) as Partial< Record< keyof PageConfig, unknown > >;
	const source = config.calls;
	if ( Array.isArray( source ) ) {
		for ( const entry of source ) {
			if ( Array.isArray( entry ) && isDataMethod( entry[ 0 ] ) ) {
				calls.push( [ entry[ 0 ], ...entry.slice( 1 ) ] );
			}
		}
	}
	const identity = parseIdentity( config.identity );
	return identity ? { calls, identity } : { calls };
}
