/**
 * Turns the page config into qualified(...) calls.
 */
import { parseConfig, type PageConfig } from './config';
import { startButtons, type ButtonWindow } from './buttons';
import { awaitConsent, type ConsentWindow } from './consent';
import { emit } from './emit';
import { dispatcher, EVENT_EVENT, type EventsWindow } from './events/dispatch';
import { registerEvents } from './events/register';
import {
	startExperiences,
	type ExperienceWindow,
} from './experiences/page-views';
import { startForms } from './forms';
import { identifier, IDENTIFY_EVENT } from './identify';
import type { SourceWindow } from './identity/browser-sources';
import { identityPayload } from './identity/payload';
import { vendorLoader, type LoadingWindow } from './loading';
import { installQueue, type QualifiedWindow } from './qualified';

export { IDENTIFY_EVENT, EVENT_EVENT };
export const READY_EVENT = 'qualified-integration:ready';

export interface RuntimeWindow
	extends
		QualifiedWindow,
		SourceWindow,
		EventsWindow,
		Pick< ConsentWindow, 'qualifiedIntegration' | 'wp_has_consent' >,
		Pick< LoadingWindow, 'requestIdleCallback' >,
		Partial< Omit< ExperienceWindow, 'location' | 'sessionStorage' > > {
	location?: {
		href: string;
		search: string;
		pathname?: string;
		assign?: ( url: string ) => void;
	};
	qualifiedIntegrationConfig?: unknown;
}

/**
 * Identifies the visitor, applies the Experience rules, replays the
 * configured calls through `window.qualified`, and announces it.
 *
 * Calls are made in this order: one identify (identity mappings merged over
 * the matching identify rules' fields, only when there is something to send;
 * `qualified-integration:identify` tells the page what was sent), the
 * decision's showExperience, open, the event handlers' registrations
 * (handleEvents, handleMessengerEvents: see events/register.ts), then the
 * `calls` a filter added; then the chat buttons come alive (buttons.ts) and
 * the page's forms ask getIdentity (forms.ts). When a hide rule applies, no
 * identify, showExperience, open, filter or getIdentity call is made, the
 * buttons stay plain links or hidden (and a held vendor script stays out,
 * with the registrations queued for it).
 *
 * The queue is installed again if something (an optimiser that strips inline
 * scripts, say) removed the stub, so the calls are never lost; qualified.js
 * drains the queue whenever it arrives: with the page, or when the page
 * config's `loading` strategy adds it (loading.ts). With the `consent`
 * strategy all of this waits for consent (consent.ts); after a revoke no
 * call is made and what is still queued is dropped.
 *
 * @param win The page's window.
 * @param doc The page's document, which receives the events.
 * @return The config that was applied.
 */
export function run( win: RuntimeWindow, doc: Document ): PageConfig {
	const config = parseConfig( win.qualifiedIntegrationConfig );
	const { loading } = config;
	const vendor = vendorLoader( win as LoadingWindow, doc, loading );
	let revoked = false;
	installQueue( win );
	// Through the global at each call: qualified.js replaces the stub when it
	// arrives, and a call made later (a timer, a navigation) must reach it, not
	// the stub's queue, which nothing drains any more.
	const qualified = ( method: string, ...args: unknown[] ) =>
		revoked || ( win.qualified ?? installQueue( win ) )( method, ...args );
	const start = () => startQualified( win, doc, config, qualified, vendor );
	if ( loading?.strategy === 'consent' ) {
		awaitConsent(
			win as ConsentWindow,
			doc,
			loading.category ?? 'marketing',
			start,
			() => {
				revoked = true;
				const queue = win.qualified?.q;
				if ( queue ) {
					queue.length = 0;
				}
				vendor.fail();
			}
		);
	} else {
		start();
	}
	return config;
}

/**
 * Makes the page config's calls (run()'s, once Qualified may start).
 *
 * @param win       The page's window.
 * @param doc       The page's document.
 * @param config    The parsed config.
 * @param qualified Calls qualified (the queue or the vendor's function).
 * @param vendor    The page view's qualified.js loader.
 */
function startQualified(
	win: RuntimeWindow,
	doc: Document,
	config: PageConfig,
	qualified: ( method: string, ...args: unknown[] ) => unknown,
	vendor: ReturnType< typeof vendorLoader >
): void {
	const identity = identifier( qualified, doc );
	const identityFields = () =>
		config.identity ? identityPayload( config.identity, win, doc ) : {};
	let hidden = false;
	if ( config.experiences ) {
		try {
			hidden = startExperiences(
				win as ExperienceWindow,
				doc,
				config.experiences,
				qualified,
				identity,
				identityFields,
				vendor
			);
		} catch {
			// A broken rule set leaves the page as it was.
		}
	} else {
		vendor.allow();
		identity.send( identityFields() );
	}
	if ( config.events ) {
		registerEvents(
			qualified,
			dispatcher( win, doc, config.events ),
			config.events.handlers
		);
	}
	if ( ! hidden ) {
		for ( const [ method, ...args ] of config.calls ) {
			qualified( method, ...args );
		}
		startButtons( win as ButtonWindow, doc, qualified, vendor );
		startForms( doc, qualified );
	}
	emit( doc, READY_EVENT, { config } );
}
