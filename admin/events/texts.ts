/**
 * Words the Events section shows for handler kinds and action types, and
 * the labels of its inputs: the same words the server's messages start
 * with ("Handler 2, Action 1, Address: ..."; see Settings/Labels.php).
 * `Record< EventActionType, ... >` makes tsc fail when a type is added to
 * event-actions.json without words here.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { EventActionType, EventKind } from './model';

export function kindLabels(): Record< EventKind, string > {
	return {
		event: __( 'Visitor event', 'qualified-integration' ),
		messenger: __( 'Messenger event', 'qualified-integration' ),
	};
}

export function actionTypeLabels(): Record< EventActionType, string > {
	return {
		dataLayer: __(
			'Google Tag Manager (dataLayer)',
			'qualified-integration'
		),
		gtag: __( 'Google Analytics 4 (gtag)', 'qualified-integration' ),
		fbq: __( 'Meta Pixel (fbq)', 'qualified-integration' ),
		wordpress: __(
			'Store in WordPress (log and webhooks)',
			'qualified-integration'
		),
		redirect: __(
			'Send to another page (redirect)',
			'qualified-integration'
		),
	};
}

/**
 * @param index Handler index.
 * @return e.g. "Handler 3".
 */
export function handlerContext( index: number ): string {
	return sprintf(
		/* translators: %d: event handler number, starting at 1. */
		__( 'Handler %d', 'qualified-integration' ),
		index + 1
	);
}

/**
 * @param handler Handler index.
 * @param action  Action index.
 * @return e.g. "Handler 3, Action 2".
 */
export function actionContext( handler: number, action: number ): string {
	return sprintf(
		/* translators: 1: "Handler 2", 2: action number, starting at 1. */
		__( '%1$s, Action %2$d', 'qualified-integration' ),
		handlerContext( handler ),
		action + 1
	);
}

/**
 * @param index Webhook index.
 * @return e.g. "Webhook 1".
 */
export function webhookContext( index: number ): string {
	return sprintf(
		/* translators: %d: webhook number, starting at 1. */
		__( 'Webhook %d', 'qualified-integration' ),
		index + 1
	);
}

/**
 * A full input label ("Handler 3, Event name").
 *
 * @param context e.g. "Handler 3".
 * @param field   e.g. "Event name".
 */
export function joinLabel( context: string, field: string ): string {
	return sprintf(
		/* translators: 1: row label such as "Rule 3", 2: column label. */
		__( '%1$s, %2$s', 'qualified-integration' ),
		context,
		field
	);
}

/** Field words, as Settings/Labels.php names them. */
export function fieldWords() {
	return {
		kind: __( 'Kind', 'qualified-integration' ),
		name: __( 'Event name', 'qualified-integration' ),
		enabled: __( 'Enabled', 'qualified-integration' ),
		type: __( 'Type', 'qualified-integration' ),
		event: __( 'Event name to send', 'qualified-integration' ),
		includeFields: __( 'Include visitor fields', 'qualified-integration' ),
		storeFields: __( 'Fields to store', 'qualified-integration' ),
		url: __( 'Address', 'qualified-integration' ),
		label: __( 'Label', 'qualified-integration' ),
		secret: __( 'Secret', 'qualified-integration' ),
		events: __( 'Events', 'qualified-integration' ),
	};
}

/**
 * The title of a handler's card: "Handler 2: Meeting Booked (visitor event)".
 *
 * @param index Handler index.
 * @param name  Its event name.
 * @param kind  Its kind.
 */
export function handlerTitle(
	index: number,
	name: string,
	kind: EventKind
): string {
	if ( name === '' ) {
		return handlerContext( index );
	}
	return sprintf(
		/* translators: 1: "Handler 2", 2: event name, 3: "Visitor event" or "Messenger event". */
		__( '%1$s: %2$s (%3$s)', 'qualified-integration' ),
		handlerContext( index ),
		name === '*' ? __( 'any event', 'qualified-integration' ) : name,
		kindLabels()[ kind ]
	);
}
