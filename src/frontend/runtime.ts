/**
 * Turns the page config into qualified(...) calls.
 */
import { parseConfig, type PageConfig } from './config';
import { installQueue, type QualifiedWindow } from './qualified';

export const READY_EVENT = 'qualified-integration:ready';

export interface RuntimeWindow extends QualifiedWindow {
	qualifiedIntegrationConfig?: unknown;
}

/**
 * Replays the configured calls through `window.qualified` and announces it.
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
	for ( const [ method, ...args ] of config.calls ) {
		qualified( method, ...args );
	}
	doc.dispatchEvent( new CustomEvent( READY_EVENT, { detail: { config } } ) );
	return config;
}
