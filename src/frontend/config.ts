/**
 * The per-page config PHP prints before the runtime (Frontend\PageConfig).
 */
import type { ExperiencesConfig } from '../shared/experiences/types';
import type { LoadingConfig } from '../shared/loading';
import { type EventsConfig, parseEvents } from './events/config';
import { parseExperiences } from './experiences/config';
import { type IdentityConfig, parseIdentity } from './identity/config';
import { isObject } from './read';
import { DATA_METHODS, type DataMethod } from './qualified';

export type QualifiedCall = [ DataMethod, ...unknown[] ];

export interface PageConfig {
	/** API calls to make on this page, in order. */
	calls: QualifiedCall[];
	/** Identify mappings for this page; undefined when none applies. */
	identity?: IdentityConfig | undefined;
	/** Experience rules for this page; undefined when none reaches it. */
	experiences?: ExperiencesConfig | undefined;
	/** Event handlers; undefined when none is enabled. */
	events?: EventsConfig | undefined;
	/** How the runtime adds qualified.js; undefined when it is in the HTML. */
	loading?: LoadingConfig | undefined;
}

// includes() compares strictly: only one of the strings passes.
const isDataMethod = ( value: unknown ): value is DataMethod =>
	( DATA_METHODS as readonly unknown[] ).includes( value );

/**
 * Reads the config defensively: it comes from PHP filters other plugins can
 * touch, so anything malformed is dropped rather than thrown on.
 *
 * @param raw The value of window.qualifiedIntegrationConfig.
 * @return A config with only well-formed calls, identity, experiences and events parts.
 */
export function parseConfig( raw: unknown ): PageConfig {
	const calls: QualifiedCall[] = [];
	const config: Partial< Record< keyof PageConfig, unknown > > = isObject(
		raw
	)
		? raw
		: {};
	for ( const entry of Array.isArray( config.calls ) ? config.calls : [] ) {
		if ( Array.isArray( entry ) && isDataMethod( entry[ 0 ] ) ) {
			calls.push( entry as QualifiedCall );
		}
	}
	const identity = parseIdentity( config.identity );
	const experiences = parseExperiences( config.experiences );
	const events = parseEvents( config.events );
	// Cleaned by PHP (Frontend\Loading), also after the page_config filter.
	const loading = isObject( config.loading )
		? ( config.loading as unknown as LoadingConfig )
		: undefined;
	return { calls, identity, experiences, events, loading };
}
