/**
 * Pure edits of the webhook list: a new webhook with a stable id and a
 * random secret, and its events filter (all events, or chosen names).
 */

/**
 * Internal dependencies
 */
import type { ListEdit } from '../experiences/rule-list';
import { LIMITS } from './limits';
import type { Webhook } from './model';

/** The schema's id pattern. */
export const WEBHOOK_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const ALPHABET =
	'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Fills an array with random bytes: crypto.getRandomValues (tests pass their own). */
export type RandomBytes = ( bytes: Uint8Array ) => Uint8Array;

const cryptoBytes: RandomBytes = ( bytes ) =>
	window.crypto.getRandomValues( bytes );

/**
 * A random secret: 40 letters and digits from the browser's cryptographic
 * random source (about 238 bits), well inside the schema's 16..200
 * printable characters.
 *
 * @param random Random bytes.
 * @param length Length.
 */
export function generateSecret(
	random: RandomBytes = cryptoBytes,
	length = 40
): string {
	let secret = '';
	// 62 letters and digits: bytes of 248 and more are dropped, so each is equally likely.
	while ( secret.length < length ) {
		for ( const byte of random( new Uint8Array( length ) ) ) {
			if ( byte < 248 && secret.length < length ) {
				secret += ALPHABET[ byte % 62 ];
			}
		}
	}
	return secret;
}

/**
 * An id for a new webhook (`webhook-` and 6 letters and digits), unique in
 * the list. It never changes: deliveries name their webhook by it.
 *
 * @param taken  Ids in use.
 * @param random Random bytes.
 */
export function newWebhookId(
	taken: readonly string[],
	random: RandomBytes = cryptoBytes
): string {
	const digits = '0123456789abcdefghijklmnopqrstuvwxyz';
	for (;;) {
		const id =
			'webhook-' +
			Array.from( random( new Uint8Array( 6 ) ) )
				.map( ( byte ) => digits[ byte % 36 ] )
				.join( '' );
		if ( ! taken.includes( id ) ) {
			return id;
		}
	}
}

/**
 * A new webhook at the end: enabled, every stored event, a random secret,
 * the address still to type.
 *
 * @param webhooks Current webhooks.
 * @param random   Random bytes.
 */
export function addWebhook(
	webhooks: Webhook[],
	random: RandomBytes = cryptoBytes
): ListEdit< Webhook > {
	const order: Array< number | null > = webhooks.map( ( _, index ) => index );
	if ( webhooks.length >= LIMITS.webhooks ) {
		return { list: webhooks, order };
	}
	const webhook: Webhook = {
		id: newWebhookId(
			webhooks.map( ( item ) => item.id ),
			random
		),
		url: '',
		secret: generateSecret( random ),
	};
	return { list: [ ...webhooks, webhook ], order: [ ...order, null ] };
}

/**
 * A webhook limited to some names, or (null) sent every stored event.
 * An empty choice is kept as an empty list, which the server refuses with
 * a message at the field, rather than silently meaning "all".
 *
 * @param webhook The webhook.
 * @param events  Names, or null for all.
 */
export function withEvents(
	webhook: Webhook,
	events: string[] | null
): Webhook {
	const next = { ...webhook };
	delete next.events;
	return events === null ? next : { ...next, events };
}

/**
 * A webhook's label, address or secret edited; an empty label is left out.
 *
 * @param webhook The webhook.
 * @param key     Which text.
 * @param value   What was typed.
 */
export function withText(
	webhook: Webhook,
	key: 'label' | 'url' | 'secret',
	value: string
): Webhook {
	if ( key !== 'label' ) {
		return { ...webhook, [ key ]: value.trim() };
	}
	const next = { ...webhook };
	delete next.label;
	return value === '' ? next : { ...next, label: value };
}

/**
 * Whether the webhook is in the settings as last saved (deliveries exist
 * only for those).
 *
 * @param webhook The webhook in the form.
 * @param saved   Webhooks as saved.
 */
export function isSaved(
	webhook: Webhook,
	saved: readonly Webhook[]
): boolean {
	return saved.some( ( item ) => item.id === webhook.id );
}
