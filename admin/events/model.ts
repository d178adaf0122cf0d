/**
 * The shapes the Events section edits: the shared types (one definition for
 * admin and runtime, checked against the schema by tsc).
 */
export type {
	AnalyticsAction,
	EventAction,
	EventActionType,
	EventHandler,
	EventKind,
	EventsSettings,
	Webhook,
} from '../../src/shared/events/types';
export { ANY_EVENT, EVENT_ACTION_TYPES } from '../../src/shared/events/types';
