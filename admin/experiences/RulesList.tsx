/**
 * The list of rules, in the order they are applied: add (with an optional
 * label that becomes the id), and each rule's move, duplicate and delete.
 * Focus stays with what the user acted on, so the list works from the
 * keyboard alone; messages follow their rule when rules move.
 */

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminBootData } from '../boot-data';
import {
	fieldId,
	reindexErrors,
	withoutError,
	type FieldErrors,
} from '../field-errors';
import { useFocusAfterRender } from '../use-focus-after-render';
import { LIMITS } from './conditions';
import type { Rule } from './model';
import { RULES_PATH, rulePath } from './paths';
import { RuleCard, type RuleCommand } from './RuleCard';
import {
	addRule,
	duplicateRule,
	moveItem,
	removeItem,
	type ListEdit,
} from './rule-list';

export interface RulesListProps {
	boot: AdminBootData;
	rules: Rule[];
	errors: FieldErrors;
	onChange: ( rules: Rule[], path?: string ) => void;
	setErrors: ( change: ( errors: FieldErrors ) => FieldErrors ) => void;
}

/**
 * The id of a rule's button. Rules have unique, stable ids, so the button
 * keeps its id while the rule moves.
 *
 * @param id      Rule id.
 * @param command Button.
 */
const buttonId = ( id: string, command: string ) =>
	`qi-rule-${ id }-${ command }`;

const copyOf = ( label: string ) =>
	sprintf(
		/* translators: %s: label of the rule that was duplicated. */
		__( '%s (copy)', 'qualified-integration' ),
		label
	);

export function RulesList( {
	boot,
	rules,
	errors,
	onChange,
	setErrors,
}: RulesListProps ) {
	const [ newLabel, setNewLabel ] = useState( '' );
	const setFocusId = useFocusAfterRender();

	const apply = ( edit: ListEdit< Rule >, focus: string ) => {
		setErrors( ( current ) =>
			reindexErrors(
				withoutError( current, RULES_PATH ),
				RULES_PATH,
				edit.order
			)
		);
		onChange( edit.list );
		setFocusId( focus );
	};

	const onAdd = () => {
		setNewLabel( '' );
		apply(
			addRule( rules, newLabel ),
			fieldId( rulePath( rules.length, 'label' ) )
		);
	};

	const onCommand = ( index: number, command: RuleCommand ) => {
		const rule = rules[ index ];
		if ( ! rule ) {
			return;
		}
		switch ( command ) {
			case 'up':
			case 'down': {
				const to = command === 'up' ? index - 1 : index + 1;
				const atEnd = to === 0 || to === rules.length - 1;
				// The button pressed is disabled at the end of the list: use its twin.
				const twin = command === 'up' ? 'down' : 'up';
				apply(
					moveItem( rules, index, to ),
					buttonId( rule.id, atEnd ? twin : command )
				);
				break;
			}
			case 'duplicate': {
				const edit = duplicateRule( rules, index, copyOf );
				apply( edit, fieldId( rulePath( index + 1, 'label' ) ) );
				break;
			}
			case 'delete': {
				const neighbour = rules[ index + 1 ] ?? rules[ index - 1 ];
				apply(
					removeItem( rules, index ),
					neighbour
						? buttonId( neighbour.id, 'delete' )
						: 'qi-new-rule-label'
				);
				break;
			}
		}
	};

	const seen = new Set< string >();
	return (
		<div className="qi-rules">
			{ rules.length === 0 ? (
				<p className="qi-empty">
					{ __(
						'No rules yet. Add one to show an Experience, open the messenger or hide Qualified on some pages.',
						'qualified-integration'
					) }
				</p>
			) : (
				<ol className="qi-rule-list">
					{ rules.map( ( rule, index ) => {
						// Ids are unique once saved; a stray duplicate still gets its own key.
						const key = seen.has( rule.id )
							? `${ rule.id }#${ index }`
							: rule.id;
						seen.add( rule.id );
						return (
							<RuleCard
								key={ key }
								boot={ boot }
								index={ index }
								count={ rules.length }
								rule={ rule }
								errors={ errors }
								buttonId={ ( command ) =>
									buttonId( rule.id, command )
								}
								onChange={ ( next, path ) =>
									onChange(
										rules.map( ( item, i ) =>
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
			<div className="qi-rules-footer">
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					id="qi-new-rule-label"
					label={ __( 'New rule’s label', 'qualified-integration' ) }
					help={ __(
						'Optional. It also makes the rule’s ID, which never changes.',
						'qualified-integration'
					) }
					value={ newLabel }
					onChange={ setNewLabel }
					onKeyDown={ ( event: {
						key: string;
						preventDefault: () => void;
					} ) => {
						if ( event.key === 'Enter' ) {
							event.preventDefault();
							if ( rules.length < LIMITS.rules ) {
								onAdd();
							}
						}
					} }
				/>
				<Button
					id="qi-add-rule"
					variant="secondary"
					__next40pxDefaultSize
					disabled={ rules.length >= LIMITS.rules }
					onClick={ onAdd }
				>
					{ __( 'Add rule', 'qualified-integration' ) }
				</Button>
				{ rules.length >= LIMITS.rules && (
					<span className="qi-help">
						{ sprintf(
							/* translators: %d: maximum number of rules. */
							__(
								'You have reached the limit of %d rules.',
								'qualified-integration'
							),
							LIMITS.rules
						) }
					</span>
				) }
			</div>
		</div>
	);
}
