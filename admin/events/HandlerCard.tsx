/**
 * One handler: its title, on/off, move/duplicate/delete buttons, the kind
 * and name of the events it matches, and its actions in order, each with
 * its own move and remove buttons. Messages that no input shows sit at its
 * top; focus stays with what the user acted on.
 */

/**
 * External dependencies
 */
import type { ComponentProps } from 'react';

/**
 * WordPress dependencies
 */
import { Button, FormToggle, SelectControl } from '@wordpress/components';
import { useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	errorId,
	fieldId,
	reindexErrors,
	withoutError,
	type FieldErrors,
} from '../field-errors';
import { EVENT_ACTION_TYPES, isEventActionType } from './actions';
import { Messages, EventSelect, EventText } from './controls';
import { EventActionRow, type ActionCommand } from './EventActionRow';
import {
	addAction,
	isHandlerEnabled,
	moveItem,
	removeItem,
	withEnabled,
	type ListEdit,
} from './handler-list';
import { LIMITS } from './limits';
import type {
	EventAction,
	EventActionType,
	EventHandler,
	EventKind,
} from './model';
import { eventActionPath, handlerLevelErrors, handlerPath } from './paths';
import {
	actionTypeLabels,
	fieldWords,
	handlerContext,
	handlerTitle,
	kindLabels,
} from './texts';

export type HandlerCommand = 'up' | 'down' | 'duplicate' | 'delete';

export interface HandlerCardProps {
	index: number;
	count: number;
	handler: EventHandler;
	errors: FieldErrors;
	siteHost: string;
	/** Ids of the handler's own elements, stable while handlers move. */
	elementId: ( part: string ) => string;
	onChange: ( handler: EventHandler, path?: string ) => void;
	onCommand: ( command: HandlerCommand ) => void;
	setErrors: ( change: ( errors: FieldErrors ) => FieldErrors ) => void;
	/** Moves focus to an element by id after the next render. */
	focus: ( id: string ) => void;
}

/**
 * Id of the <datalist> of names for a kind (rendered once, by HandlersList).
 * @param kind
 */
export const namesListId = ( kind: EventKind ) => `qi-event-names-${ kind }`;

let nextKey = 0;
const newKey = () => `a${ ++nextKey }`;

export function HandlerCard( {
	index,
	count,
	handler,
	errors,
	siteHost,
	elementId,
	onChange,
	onCommand,
	setErrors,
	focus,
}: HandlerCardProps ) {
	const words = fieldWords();
	const kinds = kindLabels();
	const typeLabels = actionTypeLabels();
	const [ newType, setNewType ] = useState< EventActionType >( 'dataLayer' );
	const number = index + 1;
	const enabled = isHandlerEnabled( handler );
	const context = handlerContext( index );
	const actionsPath = handlerPath( index, 'actions' );
	const topMessages = handlerLevelErrors( errors, handler, index );
	// A jump to a message about the whole handler lands on its title.
	const headingId = fieldId( handlerPath( index ) );

	// Stable keys per action, kept in step with the edits below.
	const keys = useRef< string[] >( [] );
	if ( keys.current.length !== handler.actions.length ) {
		keys.current = handler.actions.map( newKey );
	}
	const actionButton = ( key: string, command: string ) =>
		elementId( `action-${ key }-${ command }` );

	const editActions = (
		edit: ListEdit< EventAction >,
		focusOn: ( newKeys: string[] ) => string
	) => {
		const newKeys = edit.order.map( ( old ) =>
			old === null ? newKey() : ( keys.current[ old ] ?? newKey() )
		);
		keys.current = newKeys;
		setErrors( ( current ) =>
			reindexErrors(
				withoutError( current, actionsPath ),
				actionsPath,
				edit.order
			)
		);
		onChange( { ...handler, actions: edit.list } );
		focus( focusOn( newKeys ) );
	};

	const onActionCommand = ( at: number, command: ActionCommand ) => {
		const total = handler.actions.length;
		if ( command === 'remove' ) {
			editActions( removeItem( handler.actions, at ), ( newKeys ) => {
				const neighbour = newKeys[ at ] ?? newKeys[ at - 1 ];
				return neighbour && newKeys.length > 1
					? actionButton( neighbour, 'remove' )
					: fieldId( actionsPath );
			} );
			return;
		}
		const to = command === 'up' ? at - 1 : at + 1;
		const atEnd = to === 0 || to === total - 1;
		// The button pressed is disabled at the end of the list: use its twin.
		const twin = command === 'up' ? 'down' : 'up';
		editActions( moveItem( handler.actions, at, to ), ( newKeys ) =>
			actionButton( newKeys[ to ] ?? '', atEnd ? twin : command )
		);
	};

	const commandButton = (
		command: HandlerCommand,
		icon: ComponentProps< typeof Button >[ 'icon' ],
		label: string,
		disabled = false
	) => (
		<Button
			id={ elementId( command ) }
			size="compact"
			icon={ icon }
			label={ label }
			disabled={ disabled }
			isDestructive={ command === 'delete' }
			onClick={ () => onCommand( command ) }
		/>
	);

	return (
		<li
			className={ `qi-rule qi-handler${ enabled ? '' : ' is-disabled' }${
				topMessages.length ? ' has-error' : ''
			}` }
			aria-labelledby={ headingId }
		>
			<div className="qi-rule__head">
				<h4 id={ headingId } className="qi-rule__title" tabIndex={ -1 }>
					{ handlerTitle( index, handler.name, handler.kind ) }
				</h4>
				<div className="qi-rule__toggle">
					<FormToggle
						id={ fieldId( handlerPath( index, 'enabled' ) ) }
						checked={ enabled }
						onChange={ () =>
							onChange(
								withEnabled( handler, ! enabled ),
								handlerPath( index, 'enabled' )
							)
						}
					/>
					<label
						htmlFor={ fieldId( handlerPath( index, 'enabled' ) ) }
					>
						<span className="screen-reader-text">
							{ `${ context }, ` }
						</span>
						{ words.enabled }
					</label>
				</div>
				<div className="qi-rule__commands">
					{ commandButton(
						'up',
						'arrow-up-alt2',
						sprintf(
							/* translators: %d: handler number. */
							__( 'Move handler %d up', 'qualified-integration' ),
							number
						),
						index === 0
					) }
					{ commandButton(
						'down',
						'arrow-down-alt2',
						sprintf(
							/* translators: %d: handler number. */
							__(
								'Move handler %d down',
								'qualified-integration'
							),
							number
						),
						index === count - 1
					) }
					{ commandButton(
						'duplicate',
						'admin-page',
						sprintf(
							/* translators: %d: handler number. */
							__(
								'Duplicate handler %d',
								'qualified-integration'
							),
							number
						),
						count >= LIMITS.handlers
					) }
					{ commandButton(
						'delete',
						'trash',
						sprintf(
							/* translators: %d: handler number. */
							__( 'Delete handler %d', 'qualified-integration' ),
							number
						)
					) }
				</div>
			</div>

			{ topMessages.map( ( [ path, message ] ) => (
				<p
					key={ path }
					id={
						path === handlerPath( index )
							? errorId( path )
							: undefined
					}
					className="qi-field-error"
				>
					{ message }
				</p>
			) ) }

			<div className="qi-handler__match">
				<EventSelect
					errors={ errors }
					path={ handlerPath( index, 'kind' ) }
					context={ context }
					label={ words.kind }
					className="qi-input--kind"
					value={ handler.kind }
					options={ [
						{
							value: 'event',
							label: `${ kinds.event } (handleEvents)`,
						},
						{
							value: 'messenger',
							label: `${ kinds.messenger } (handleMessengerEvents)`,
						},
					] }
					onChange={ ( value ) => {
						if ( value === 'event' || value === 'messenger' ) {
							onChange(
								{ ...handler, kind: value },
								handlerPath( index, 'kind' )
							);
						}
					} }
				/>
				<EventText
					errors={ errors }
					path={ handlerPath( index, 'name' ) }
					context={ context }
					label={ words.name }
					className="qi-input--value"
					list={ namesListId( handler.kind ) }
					placeholder={
						handler.kind === 'event'
							? __(
									'e.g. Meeting Booked, or *',
									'qualified-integration'
								)
							: __(
									'* (any messenger event)',
									'qualified-integration'
								)
					}
					help={ nameHelp( handler.kind ) }
					value={ handler.name }
					onChange={ ( value ) =>
						onChange(
							{ ...handler, name: value.trim() },
							handlerPath( index, 'name' )
						)
					}
				/>
			</div>

			<div className="qi-rule__part">
				<h5 className="qi-rule__part-title">
					{ __( 'Then', 'qualified-integration' ) }
				</h5>
				<ol className="qi-event-actions">
					{ handler.actions.map( ( action, at ) => {
						const key = keys.current[ at ] ?? String( at );
						return (
							<EventActionRow
								key={ key }
								handlerIndex={ index }
								index={ at }
								count={ handler.actions.length }
								action={ action }
								handlerName={ handler.name }
								errors={ errors }
								siteHost={ siteHost }
								buttonId={ ( command ) =>
									actionButton( key, command )
								}
								onChange={ ( next, path ) =>
									onChange(
										{
											...handler,
											actions: handler.actions.map(
												( item, i ) =>
													i === at ? next : item
											),
										},
										path
									)
								}
								onCommand={ ( command ) =>
									onActionCommand( at, command )
								}
							/>
						);
					} ) }
				</ol>
				<Messages
					messages={
						errors[ actionsPath ]
							? [ [ actionsPath, errors[ actionsPath ] ] ]
							: []
					}
				/>
				<div className="qi-rule__add-condition qi-handler__add-action">
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ sprintf(
							/* translators: %s: "Handler 2". */
							__(
								'%s, type of the action to add',
								'qualified-integration'
							),
							context
						) }
						hideLabelFromVision
						value={ newType }
						options={ EVENT_ACTION_TYPES.map( ( type ) => ( {
							value: type,
							label: typeLabels[ type ],
						} ) ) }
						onChange={ ( value: string ) => {
							if ( isEventActionType( value ) ) {
								setNewType( value );
							}
						} }
					/>
					<Button
						id={ fieldId( actionsPath ) }
						variant="secondary"
						__next40pxDefaultSize
						aria-describedby={
							errors[ actionsPath ]
								? errorId( actionsPath )
								: undefined
						}
						disabled={ handler.actions.length >= LIMITS.actions }
						onClick={ () =>
							editActions( addAction( handler, newType ), () =>
								fieldId(
									eventActionPath(
										index,
										handler.actions.length,
										'type'
									)
								)
							)
						}
					>
						{ __( 'Add action', 'qualified-integration' ) }
					</Button>
				</div>
			</div>
		</li>
	);
}

/**
 * Where the names of a kind come from in Qualified.
 *
 * @param kind Handler kind.
 */
function nameHelp( kind: EventKind ): string {
	return kind === 'event'
		? __(
				'Standard events: Conversation Started, Meeting Booked, Email Captured. A custom event is the name typed in a Track Event step (in Qualified: Settings → Experiences → the Experience). * is any visitor event. Capitals count.',
				'qualified-integration'
			)
		: __(
				'Qualified does not document messenger event names: use * (any), store the events, and see in the event log below which names arrive.',
				'qualified-integration'
			);
}
