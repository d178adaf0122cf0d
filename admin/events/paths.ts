/**
 * The paths the server names in its 400 answers for the Events section
 * (`events.handlers[0].actions[4].url`, `events.webhooks[1].secret`),
 * built here so every input, message and jump link agrees on them, and the
 * messages that no input shows, so none is lost.
 */

/**
 * Internal dependencies
 */
import type { FieldErrors } from '../field-errors';
import { isUnder } from '../experiences/paths';
import type { EventAction, EventHandler } from './model';

export const HANDLERS_PATH = 'events.handlers';
export const WEBHOOKS_PATH = 'events.webhooks';
export const RETENTION_PATH = 'events.retentionDays';

/**
 * @param index Handler index (0-based).
 * @param key   A handler property (`kind`, `name`, `actions`...), or none.
 * @return e.g. `events.handlers[2].name`.
 */
export function handlerPath( index: number, key?: string ): string {
	return `${ HANDLERS_PATH }[${ index }]` + ( key ? `.${ key }` : '' );
}

/**
 * @param handler Handler index.
 * @param action  Action index.
 * @param key     An action property (`type`, `event`, `url`...), or none.
 * @return e.g. `events.handlers[0].actions[4].url`.
 */
export function eventActionPath(
	handler: number,
	action: number,
	key?: string
): string {
	return (
		handlerPath( handler, `actions[${ action }]` ) +
		( key ? `.${ key }` : '' )
	);
}

/**
 * @param index Webhook index.
 * @param key   A webhook property (`url`, `secret`, `events`...), or none.
 * @return e.g. `events.webhooks[1].secret`.
 */
export function webhookPath( index: number, key?: string ): string {
	return `${ WEBHOOKS_PATH }[${ index }]` + ( key ? `.${ key }` : '' );
}

/**
 * Messages about a list value's input: the value itself and each of its
 * items (`storeFields[2]`, `events[0]`), which one input edits.
 *
 * @param errors Current messages.
 * @param path   The input's path, e.g. `events.handlers[0].actions[1].storeFields`.
 * @return [ path, message ] pairs, the input's own first.
 */
export function messagesAt(
	errors: FieldErrors,
	path: string
): Array< [ string, string ] > {
	return Object.entries( errors )
		.filter(
			( [ at ] ) =>
				at === path ||
				( at.startsWith( path + '[' ) &&
					/^\[\d+\]$/.test( at.slice( path.length ) ) )
		)
		.sort( ( [ a ], [ b ] ) => a.length - b.length );
}

/**
 * The keys an action's inputs show messages for.
 *
 * @param action The action.
 */
export function actionKeys( action: EventAction ): string[] {
	switch ( action.type ) {
		case 'dataLayer':
		case 'gtag':
		case 'fbq':
			return [ 'type', 'event', 'includeFields' ];
		case 'wordpress':
			return [ 'type', 'storeFields' ];
		case 'redirect':
			return [ 'type', 'url' ];
	}
	return [ 'type' ];
}

/**
 * Whether an input of the handler shows the message at `path`.
 *
 * @param handler The handler.
 * @param index   Its index.
 * @param path    A message's path.
 */
function isShownInHandler(
	handler: EventHandler,
	index: number,
	path: string
): boolean {
	if (
		[ 'kind', 'name', 'enabled', 'actions' ].some(
			( key ) => path === handlerPath( index, key )
		)
	) {
		return true;
	}
	return handler.actions.some(
		( action, at ) =>
			path === eventActionPath( index, at ) ||
			actionKeys( action ).some( ( key ) => {
				const input = eventActionPath( index, at, key );
				return (
					path === input ||
					( key === 'storeFields' && isUnder( path, input ) )
				);
			} )
	);
}

/**
 * Messages about a handler that none of its inputs shows (the handler as a
 * whole, an unknown key, a key its action's type does not have). The
 * handler shows them at its top; its kind, name, action list and each
 * action (as a whole and by key) show their own.
 *
 * @param errors  Current messages.
 * @param handler The handler.
 * @param index   Its index.
 */
export function handlerLevelErrors(
	errors: FieldErrors,
	handler: EventHandler,
	index: number
): Array< [ string, string ] > {
	const base = handlerPath( index );
	return Object.entries( errors ).filter(
		( [ path ] ) =>
			isUnder( path, base ) && ! isShownInHandler( handler, index, path )
	);
}

const WEBHOOK_INPUTS = [ 'label', 'enabled', 'url', 'secret', 'events' ];

/**
 * Messages about a webhook that no input of it shows (the webhook as a
 * whole, its id, an unknown key).
 *
 * @param errors Current messages.
 * @param index  Its index.
 */
export function webhookLevelErrors(
	errors: FieldErrors,
	index: number
): Array< [ string, string ] > {
	const base = webhookPath( index );
	return Object.entries( errors ).filter(
		( [ path ] ) =>
			isUnder( path, base ) &&
			! WEBHOOK_INPUTS.some( ( key ) => {
				const input = webhookPath( index, key );
				return (
					path === input ||
					( key === 'events' && isUnder( path, input ) )
				);
			} )
	);
}

/**
 * The screen's path for a path of POST /webhooks/test's 400 answer
 * (`url`, `secret`): the webhook's own field.
 *
 * @param index Webhook index.
 * @param path  `url` or `secret`.
 */
export function webhookTestPath( index: number, path: string ): string {
	return path === 'url' || path === 'secret'
		? webhookPath( index, path )
		: webhookPath( index );
}
