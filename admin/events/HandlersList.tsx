/**
 * The handlers, in order: add, and each handler's move, duplicate and
 * delete. Focus stays with what the user acted on, so the list works from
 * the keyboard alone; messages follow their handler when handlers move.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	fieldId,
	reindexErrors,
	withoutError,
	type FieldErrors,
} from '../field-errors';
import { useFocusAfterRender } from '../use-focus-after-render';
import { META_STANDARD_EVENTS } from './actions';
import { Suggestions } from './controls';
import { META_EVENTS_LIST } from './EventActionRow';
import { HandlerCard, namesListId, type HandlerCommand } from './HandlerCard';
import {
	addHandler,
	duplicateHandler,
	moveItem,
	removeItem,
	type ListEdit,
} from './handler-list';
import { LIMITS } from './limits';
import type { EventHandler } from './model';
import { nameSuggestions } from './names';
import { HANDLERS_PATH, handlerPath } from './paths';

export interface HandlersListProps {
	handlers: EventHandler[];
	errors: FieldErrors;
	/** Names seen in the event log. */
	logNames: string[];
	siteHost: string;
	onChange: ( handlers: EventHandler[], path?: string ) => void;
	setErrors: ( change: ( errors: FieldErrors ) => FieldErrors ) => void;
}

let nextKey = 0;
const newKey = () => `h${ ++nextKey }`;
const ADD_ID = 'qi-add-handler';

export function HandlersList( {
	handlers,
	errors,
	logNames,
	siteHost,
	onChange,
	setErrors,
}: HandlersListProps ) {
	// Stable React keys (and element ids) per handler, kept in step with edits.
	const keys = useRef< string[] >( [] );
	if ( keys.current.length !== handlers.length ) {
		keys.current = handlers.map( newKey );
	}
	const setFocusId = useFocusAfterRender();
	const elementId = ( key: string, part: string ) =>
		`qi-handler-${ key }-${ part }`;

	const apply = (
		edit: ListEdit< EventHandler >,
		focus: ( newKeys: string[] ) => string
	) => {
		const newKeys = edit.order.map( ( old ) =>
			old === null ? newKey() : ( keys.current[ old ] ?? newKey() )
		);
		keys.current = newKeys;
		setErrors( ( current ) =>
			reindexErrors(
				withoutError( current, HANDLERS_PATH ),
				HANDLERS_PATH,
				edit.order
			)
		);
		onChange( edit.list );
		setFocusId( focus( newKeys ) );
	};

	const onCommand = ( index: number, command: HandlerCommand ) => {
		switch ( command ) {
			case 'up':
			case 'down': {
				const to = command === 'up' ? index - 1 : index + 1;
				const atEnd = to === 0 || to === handlers.length - 1;
				// The button pressed is disabled at the end of the list: use its twin.
				const twin = command === 'up' ? 'down' : 'up';
				apply( moveItem( handlers, index, to ), ( newKeys ) =>
					elementId( newKeys[ to ] ?? '', atEnd ? twin : command )
				);
				break;
			}
			case 'duplicate':
				apply( duplicateHandler( handlers, index ), () =>
					fieldId( handlerPath( index + 1, 'name' ) )
				);
				break;
			case 'delete':
				apply( removeItem( handlers, index ), ( newKeys ) => {
					const neighbour = newKeys[ index ] ?? newKeys[ index - 1 ];
					return neighbour
						? elementId( neighbour, 'delete' )
						: ADD_ID;
				} );
				break;
		}
	};

	return (
		<div className="qi-handlers">
			<Suggestions
				id={ namesListId( 'event' ) }
				options={ nameSuggestions( 'event', logNames ) }
			/>
			<Suggestions
				id={ namesListId( 'messenger' ) }
				options={ nameSuggestions( 'messenger', logNames ) }
			/>
			<Suggestions
				id={ META_EVENTS_LIST }
				options={ META_STANDARD_EVENTS }
			/>
			{ handlers.length === 0 ? (
				<p className="qi-empty">
					{ __(
						'No handlers yet. Add one to send Qualified’s events to your analytics, store them in WordPress or send the visitor to a thank-you page.',
						'qualified-integration'
					) }
				</p>
			) : (
				<ol className="qi-rule-list">
					{ handlers.map( ( handler, index ) => {
						const key = keys.current[ index ] ?? String( index );
						return (
							<HandlerCard
								key={ key }
								index={ index }
								count={ handlers.length }
								handler={ handler }
								errors={ errors }
								siteHost={ siteHost }
								elementId={ ( part ) => elementId( key, part ) }
								onChange={ ( next, path ) =>
									onChange(
										handlers.map( ( item, i ) =>
											i === index ? next : item
										),
										path
									)
								}
								onCommand={ ( command ) =>
									onCommand( index, command )
								}
								setErrors={ setErrors }
								focus={ setFocusId }
							/>
						);
					} ) }
				</ol>
			) }
			<div className="qi-mappings-footer">
				<Button
					id={ ADD_ID }
					variant="secondary"
					__next40pxDefaultSize
					disabled={ handlers.length >= LIMITS.handlers }
					onClick={ () =>
						apply( addHandler( handlers ), () =>
							fieldId( handlerPath( handlers.length, 'name' ) )
						)
					}
				>
					{ __( 'Add handler', 'qualified-integration' ) }
				</Button>
				{ handlers.length >= LIMITS.handlers && (
					<span className="qi-help">
						{ sprintf(
							/* translators: %d: maximum number of handlers. */
							__(
								'You have reached the limit of %d handlers.',
								'qualified-integration'
							),
							LIMITS.handlers
						) }
					</span>
				) }
			</div>
		</div>
	);
}
