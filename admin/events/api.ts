/**
 * Typed calls to the event routes (see the events contract): the event
 * log, its daily counts, its CSV export, a webhook test and a webhook's
 * recent deliveries. All are manage_options routes in the settings
 * route's namespace.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { EventKind } from './model';

/** One stored event. Every value came from a visitor's browser. */
export interface EventRow {
	id: number;
	kind: EventKind;
	name: string;
	/** ISO 8601, UTC (`Z`). */
	createdAt: string;
	pageUrl: string;
	experience: string;
	conversationId: string;
	fields: Record< string, string >;
}

export interface EventLogPage {
	items: EventRow[];
	total: number;
	totalPages: number;
	/** Distinct names stored. */
	names: string[];
}

/** Filters shared by the log and its export. */
export interface LogFilters {
	name?: string;
	kind?: EventKind;
	search?: string;
	/** Y-m-d, site time zone. */
	after?: string;
	before?: string;
	orderby?: 'createdAt' | 'name';
	order?: 'asc' | 'desc';
}

export interface LogQuery extends LogFilters {
	page: number;
	perPage: number;
}

export interface EventStats {
	/** Y-m-d, oldest first, site time zone. */
	days: string[];
	/** The 50 busiest kind + name pairs of the range at most. */
	series: Array< { kind: EventKind; name: string; counts: number[] } >;
	total: number;
	/** Events of the range whose names did not make the series. */
	others: number;
}

export interface WebhookTestResult {
	ok: boolean;
	status: number | null;
	message: string;
	durationMs: number;
}

export interface Delivery {
	id: number;
	eventId: number;
	eventName: string;
	webhook: string;
	status: 'pending' | 'delivered' | 'failed';
	attempts: number;
	nextAttemptAt: string | null;
	lastCode: number | null;
	lastError: string;
	log: unknown[];
}

/**
 * The routes, in the namespace of the settings route the page was given
 * (`/qualified-integration/v1/settings`).
 *
 * @param settingsPath The settings route.
 */
export function eventRoutes( settingsPath: string ) {
	const base = settingsPath.replace( /\/settings\/?$/, '' );
	return {
		log: `${ base }/events/log`,
		stats: `${ base }/events/stats`,
		exportCsv: `${ base }/events/export`,
		webhookTest: `${ base }/webhooks/test`,
		deliveries: `${ base }/webhooks/deliveries`,
	};
}

export type EventRoutes = ReturnType< typeof eventRoutes >;

/**
 * A route with query arguments; empty ones are left out.
 *
 * @param path Route.
 * @param args Arguments.
 * @return e.g. `/qualified-integration/v1/events/log?page=2&name=Meeting%20Booked`.
 */
export function withQuery( path: string, args: object ): string {
	const query = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( args ) ) {
		if ( value !== undefined && value !== null && value !== '' ) {
			query.append( key, String( value ) );
		}
	}
	const text = query.toString();
	return text ? `${ path }?${ text }` : path;
}

export function fetchLog(
	routes: EventRoutes,
	query: LogQuery
): Promise< EventLogPage > {
	return apiFetch< EventLogPage >( {
		path: withQuery( routes.log, query ),
	} );
}

export function fetchStats(
	routes: EventRoutes,
	days = 30
): Promise< EventStats > {
	return apiFetch< EventStats >( {
		path: withQuery( routes.stats, { days } ),
	} );
}

/**
 * The CSV export with the log's filters, as the raw response (the body is
 * text/csv, not JSON).
 *
 * @param routes  Routes.
 * @param filters Filters in force.
 */
export function fetchExport(
	routes: EventRoutes,
	filters: LogFilters
): Promise< Response > {
	return apiFetch< Response, false >( {
		path: withQuery( routes.exportCsv, filters ),
		parse: false,
	} );
}

export function testWebhook(
	routes: EventRoutes,
	url: string,
	secret: string
): Promise< WebhookTestResult > {
	return apiFetch< WebhookTestResult >( {
		path: routes.webhookTest,
		method: 'POST',
		data: { url, secret },
	} );
}

export function fetchDeliveries(
	routes: EventRoutes,
	webhook: string,
	perPage = 20
): Promise< { items: Delivery[] } > {
	return apiFetch< { items: Delivery[] } >( {
		path: withQuery( routes.deliveries, { webhook, perPage } ),
	} );
}
