/**
 * One action of a handler: its type and only the inputs that type needs
 * (an analytics event name and "include visitor fields", the fields to
 * store, or a redirect address), with move and remove buttons.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorId, fieldId, type FieldErrors } from '../field-errors';
import { parseWords, shownText } from '../experiences/text-lists';
import {
	EVENT_ACTION_TYPES,
	eventNameRule,
	isAnalytics,
	isEventActionType,
	withActionType,
} from './actions';
import { EventCheckbox, EventSelect, EventText } from './controls';
import type { EventAction } from './model';
import { eventActionPath } from './paths';
import { actionContext, actionTypeLabels, fieldWords } from './texts';

export type ActionCommand = 'up' | 'down' | 'remove';

/** Id of the <datalist> of Meta standard events (rendered once, by HandlersList). */
export const META_EVENTS_LIST = 'qi-meta-standard-events';

export interface EventActionRowProps {
	handlerIndex: number;
	index: number;
	count: number;
	action: EventAction;
	/** The handler's event name (for the analytics names a new type suggests). */
	handlerName: string;
	errors: FieldErrors;
	/** This site's host, for the redirect help. */
	siteHost: string;
	buttonId: ( command: ActionCommand ) => string;
	onChange: ( action: EventAction, path: string ) => void;
	onCommand: ( command: ActionCommand ) => void;
}

const DESTINATIONS = {
	dataLayer: 'Google Tag Manager',
	gtag: 'Google Analytics',
	fbq: 'Meta',
} as const;

export function EventActionRow( {
	handlerIndex,
	index,
	count,
	action,
	handlerName,
	errors,
	siteHost,
	buttonId,
	onChange,
	onCommand,
}: EventActionRowProps ) {
	const words = fieldWords();
	const labels = actionTypeLabels();
	const context = actionContext( handlerIndex, index );
	const path = ( key?: string ) =>
		eventActionPath( handlerIndex, index, key );
	const own = errors[ path() ];
	const number = index + 1;
	const common = ( key: string, label: string ) => ( {
		errors,
		path: path( key ),
		context,
		label,
	} );

	return (
		<li className={ `qi-event-action${ own ? ' has-error' : '' }` }>
			<div className="qi-event-action__head">
				<h5
					className="qi-event-action__title"
					id={ fieldId( path() ) }
					tabIndex={ -1 }
					aria-describedby={ own ? errorId( path() ) : undefined }
				>
					{ sprintf(
						/* translators: %d: action number, starting at 1. */
						__( 'Action %d', 'qualified-integration' ),
						number
					) }
				</h5>
				<div className="qi-rule__commands">
					<Button
						id={ buttonId( 'up' ) }
						size="compact"
						icon="arrow-up-alt2"
						label={ sprintf(
							/* translators: %s: "Handler 2, Action 1". */
							__( 'Move %s up', 'qualified-integration' ),
							context
						) }
						disabled={ index === 0 }
						onClick={ () => onCommand( 'up' ) }
					/>
					<Button
						id={ buttonId( 'down' ) }
						size="compact"
						icon="arrow-down-alt2"
						label={ sprintf(
							/* translators: %s: "Handler 2, Action 1". */
							__( 'Move %s down', 'qualified-integration' ),
							context
						) }
						disabled={ index === count - 1 }
						onClick={ () => onCommand( 'down' ) }
					/>
					<Button
						id={ buttonId( 'remove' ) }
						size="compact"
						icon="trash"
						isDestructive
						label={ sprintf(
							/* translators: %s: "Handler 2, Action 1". */
							__( 'Remove %s', 'qualified-integration' ),
							context
						) }
						disabled={ count <= 1 }
						onClick={ () => onCommand( 'remove' ) }
					/>
				</div>
			</div>
			{ own && (
				<p id={ errorId( path() ) } className="qi-field-error">
					{ own }
				</p>
			) }
			<div className="qi-event-action__fields">
				<EventSelect
					{ ...common( 'type', words.type ) }
					className="qi-input--action"
					value={ action.type }
					options={ EVENT_ACTION_TYPES.map( ( type ) => ( {
						value: type,
						label: labels[ type ],
					} ) ) }
					onChange={ ( value ) => {
						if ( isEventActionType( value ) ) {
							onChange(
								withActionType( action, value, handlerName ),
								path( 'type' )
							);
						}
					} }
				/>
				{ isAnalytics( action ) && (
					<>
						<EventText
							{ ...common( 'event', words.event ) }
							className="qi-input--value"
							help={ analyticsHelp( action.type ) }
							value={ action.event }
							list={
								action.type === 'fbq'
									? META_EVENTS_LIST
									: undefined
							}
							onChange={ ( value ) =>
								onChange(
									{ ...action, event: value.trim() },
									path( 'event' )
								)
							}
						/>
						<EventCheckbox
							{ ...common(
								'includeFields',
								__(
									'Include visitor fields (emails, phone numbers)',
									'qualified-integration'
								)
							) }
							className={ `qi-event-action__privacy${
								action.includeFields ? ' is-on' : ''
							}` }
							help={ sprintf(
								/* translators: %s: "Google Analytics", "Meta" or "Google Tag Manager". */
								__(
									'Also sends what the visitor typed, such as their email address and phone number, to %s. Analytics terms usually forbid personal data, and your privacy policy would have to say so: leave this off unless you are sure.',
									'qualified-integration'
								),
								DESTINATIONS[ action.type ]
							) }
							checked={ action.includeFields === true }
							onChange={ ( checked ) => {
								const next = { ...action };
								delete next.includeFields;
								onChange(
									checked
										? { ...next, includeFields: true }
										: next,
									path( 'includeFields' )
								);
							} }
						/>
					</>
				) }
				{ action.type === 'wordpress' && (
					<StoreFields
						{ ...common( 'storeFields', words.storeFields ) }
						value={ action.storeFields ?? [] }
						onChange={ ( fields ) => {
							const next = { ...action };
							delete next.storeFields;
							onChange(
								fields.length
									? { ...next, storeFields: fields }
									: next,
								path( 'storeFields' )
							);
						} }
					/>
				) }
				{ action.type === 'redirect' && (
					<EventText
						{ ...common( 'url', words.url ) }
						className="qi-input--value"
						placeholder={ __(
							'e.g. /thank-you/',
							'qualified-integration'
						) }
						help={ sprintf(
							/* translators: %s: this site's host name, such as example.com. */
							__(
								'A path on this site, such as /thank-you/, or a full address on %s. Addresses on other sites work only when a developer allows their host (the qualified_integration_redirect_hosts filter); others are refused when you save. A redirect always runs after the other actions.',
								'qualified-integration'
							),
							siteHost
						) }
						value={ action.url }
						onChange={ ( value ) =>
							onChange(
								{ ...action, url: value.trim() },
								path( 'url' )
							)
						}
					/>
				) }
			</div>
		</li>
	);
}

/**
 * Where an analytics action's event name goes, and the destination's rules.
 *
 * @param type Analytics type.
 */
function analyticsHelp( type: 'dataLayer' | 'gtag' | 'fbq' ): string {
	const rule = eventNameRule( type ).description;
	switch ( type ) {
		case 'dataLayer':
			return __(
				'Pushed to window.dataLayer as { event: "…" }. In Google Tag Manager, use it in a Custom Event trigger.',
				'qualified-integration'
			);
		case 'gtag':
			return (
				__(
					'Sent with gtag("event", …) to Google Analytics 4.',
					'qualified-integration'
				) + ( rule ? ' ' + rule : '' )
			);
		case 'fbq':
			return (
				__(
					'Sent with fbq("track", …) to the Meta Pixel; standard events such as Lead or Schedule are suggested.',
					'qualified-integration'
				) + ( rule ? ' ' + rule : '' )
			);
	}
}

/**
 * The visitor fields a "Store in WordPress" action keeps, typed as a list
 * of API names ("email, phone"); the text typed is kept while it still
 * means the stored list.
 *
 * @param root0          Props.
 * @param root0.value    Stored names.
 * @param root0.onChange Called with the names.
 * @param root0.errors
 * @param root0.path
 * @param root0.context
 * @param root0.label
 */
function StoreFields( {
	value,
	onChange,
	...common
}: {
	errors: FieldErrors;
	path: string;
	context: string;
	label: string;
	value: string[];
	onChange: ( fields: string[] ) => void;
} ) {
	const [ typed, setTyped ] = useState< string | null >( null );
	return (
		<EventText
			{ ...common }
			className="qi-input--value"
			placeholder={ __( 'e.g. email, phone', 'qualified-integration' ) }
			help={ __(
				'Visitor-field API names, separated by commas (find them in Qualified under Settings → App Settings → Visitor Fields → Show API Details). Only these values leave the visitor’s browser; they are stored with the event and sent to your webhooks. Leave empty to store the event without any field values.',
				'qualified-integration'
			) }
			value={ shownText( typed, value, parseWords, ( list ) =>
				list.join( ', ' )
			) }
			onChange={ ( text ) => {
				setTyped( text );
				onChange( [ ...new Set( parseWords( text ) ) ] );
			} }
		/>
	);
}
