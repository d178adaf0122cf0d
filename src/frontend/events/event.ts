/**
 * Reads what Qualified reports: handleEvents callbacks get `(name, data)`,
 * with the Experience in `data.bot`, the conversation ids, the sender and
 * the visitor's field values; handleMessengerEvents callbacks get a name
 * only. The payload is the vendor's, not ours: anything may be missing,
 * of another type or a getter that throws, and then reads as absent.
 */
import { cut } from '../../shared/cut';
import type { EventKind } from '../../shared/events/types';
import { isObject } from '../read';

/** `detail` of the `qualified-integration:event` DOM event. */
export interface EventDetail {
	kind: EventKind;
	/** As Qualified sent it. */
	name: unknown;
	/** As Qualified sent it; undefined for messenger events. */
	data: unknown;
	/** data.bot.name, else data.bot.id. */
	experience?: string | undefined;
	/** data.bot_conversation_id, else data.rep_conversation_id. */
	conversationId?: string | undefined;
	/** data.sender.type. */
	senderType?: string | undefined;
}

interface VendorData {
	bot?: { name?: unknown; id?: unknown };
	sender?: { type?: unknown };
	bot_conversation_id?: unknown;
	rep_conversation_id?: unknown;
	field_values?: unknown;
}

/**
 * A non-empty string or a number, as text of at most 200 characters (what
 * the site's events route stores); anything else is absent.
 *
 * @param value A value of the payload.
 */
const text = ( value: unknown ) =>
	( typeof value === 'string' || typeof value === 'number' ) && value !== ''
		? cut( '' + value, 200 )
		: undefined;

/**
 * The event as the runtime passes it on.
 *
 * @param kind Which callback received it.
 * @param name The event name.
 * @param data The payload (handleEvents only).
 */
export function describe(
	kind: EventKind,
	name: unknown,
	data: unknown
): EventDetail {
	try {
		const payload = data as VendorData | undefined;
		return {
			kind,
			name,
			data,
			experience: text( payload?.bot?.name ) || text( payload?.bot?.id ),
			conversationId:
				text( payload?.bot_conversation_id ) ||
				text( payload?.rep_conversation_id ),
			senderType: text( payload?.sender?.type ),
		};
	} catch {
		return { kind, name, data };
	}
}

/**
 * The visitor's field values (data.field_values), strings only, as own
 * properties (a `__proto__` field is a field, never a prototype).
 *
 * @param data The payload.
 * @return Field API name -> value; {} when there are none.
 */
export function fieldsOf( data: unknown ): Record< string, string > {
	try {
		const values = ( data as VendorData | undefined )?.field_values;
		return Object.fromEntries(
			Object.entries( isObject( values ) ? values : {} ).filter(
				( entry ): entry is [ string, string ] =>
					typeof entry[ 1 ] === 'string'
			)
		);
	} catch {
		return {};
	}
}
