/**
 * The shapes of event handlers and webhooks (settings `events`, schema v4),
 * shared by the admin and the runtime; settings.ts checks them against the
 * JSON schema at compile time, and the action types against
 * includes/Settings/event-actions.json (the one list of action types).
 */
import actions from '../../../includes/Settings/event-actions.json';

/** `event`: handleEvents (visitor actions); `messenger`: handleMessengerEvents. */
export type EventKind = 'event' | 'messenger';

/** Analytics destinations: they get field values only when the action opts in. */
export type AnalyticsAction =
	| { type: 'dataLayer'; event: string; includeFields?: boolean }
	| { type: 'gtag'; event: string; includeFields?: boolean }
	| { type: 'fbq'; event: string; includeFields?: boolean };

export type EventAction =
	| AnalyticsAction
	| { type: 'wordpress'; storeFields?: string[] }
	| { type: 'redirect'; url: string };

export type EventActionType = EventAction[ 'type' ];

export interface EventHandler {
	kind: EventKind;
	/** The name exactly as Qualified sends it, or `*` for any. */
	name: string;
	/** Default true. */
	enabled?: boolean;
	actions: EventAction[];
}

export interface Webhook {
	id: string;
	label?: string;
	/** Default true. */
	enabled?: boolean;
	url: string;
	/** HMAC-SHA256 key; never printed on a public page. */
	secret: string;
	/** Names this webhook receives; absent: every stored event. */
	events?: string[];
}

export interface EventsSettings {
	handlers: EventHandler[];
	webhooks: Webhook[];
	retentionDays: number;
}

/** The name a handler gives to match every event of its kind. */
export const ANY_EVENT = '*';

/** Every action type, in the file's order (the admin's order too). */
export const EVENT_ACTION_TYPES = Object.keys( actions ) as EventActionType[];

type SameKeys< A, B > = [ A ] extends [ B ]
	? [ B ] extends [ A ]
		? true
		: false
	: false;

/** Compile-time only: the union above names exactly the file's action types. */
export const EVENT_ACTIONS_MATCH_FILE: SameKeys<
	EventActionType,
	keyof typeof actions
> = true;
