/**
 * Turns the page config into qualified(...) calls.
 */
import { parseConfig, type PageConfig } from './config';
import type { SourceWindow } from './identity/browser-sources';
import { identityPayload } from './identity/payload';
import { installQueue, type QualifiedWindow } from './qualified';

export const READY_EVENT = 'qualified-integration:ready';
export const IDENTIFY_EVENT = 'qualified-integration:identify';

export interface RuntimeWindow extends QualifiedWindow, SourceWindow {
	qualifiedIntegrationConfig?: unknown;
}

/**
 * Identifies the visitor, replays the configured calls through
 * `window.qualified`, and announces it.
 *
 * The identify call comes first and only once per page view, with server
 * and browser values merged, and only when there is something to send;
 * `qualified-integration:identify` then tells the page what was sent.
 *
 * The queue is installed again if something (an optimiser that strips inline
 * scripts, say) removed the stub, so the calls are never lost; qualified.js
 * drains the queue whenever it arrives.
 *
 * @param win The page's window.
 * @param doc The page's document, which receives the ready event.
 * @return The config that was applied.
 */
export function run( win: RuntimeWindow, doc: Document ): PageConfig {
	const config = parseConfig( win.qualifiedIntegrationConfig );
	const qualified = installQueue( win );
	const fields = config.identity
		? identityPayload( config.identity, win, doc )
		: {};
	if ( Object.keys( fields ).length ) {
		qualified( 'identify', fields );
		doc.dispatchEvent(
			new CustomEvent( IDENTIFY_EVENT, {
				detail: { fields: { ...fields } },
			} )
		);
	}
	for ( const [ method, ...args ] of config.calls ) {
		qualified( method, ...args );
	}
	doc.dispatchEvent( new CustomEvent( READY_EVENT, { detail: { config } } ) );
	return config;
}
