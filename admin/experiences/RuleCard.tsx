/**
 * One rule: its label, on/off, move/duplicate/delete buttons, its
 * conditions ("If ... and ..."), its action and "Only once per visit".
 * Messages that no input shows (the rule as a whole, its id) sit at its top.
 */

/**
 * External dependencies
 */
import type { ComponentProps } from 'react';

/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	FormToggle,
	SelectControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminBootData } from '../boot-data';
import { FieldError } from '../field-error';
import {
	errorId,
	fieldId,
	reindexErrors,
	withoutError,
	type FieldErrors,
} from '../field-errors';
import { ActionEditor, isFieldsPath } from './ActionEditor';
import {
	CONDITION_TYPES,
	isConditionType,
	isTimed,
	LIMITS,
} from './conditions';
import { ConditionRow, ConditionTypeOptions } from './ConditionRow';
import { PathText } from './controls';
import type { ConditionType, Rule } from './model';
import { conditionPath, rulePath, ruleLevelErrors } from './paths';
import { addCondition, isEnabled, removeItem } from './rule-list';
import { ruleFieldLabel } from './texts';

export type RuleCommand = 'up' | 'down' | 'duplicate' | 'delete';

export interface RuleCardProps {
	boot: AdminBootData;
	index: number;
	count: number;
	rule: Rule;
	errors: FieldErrors;
	/** Ids of the rule's buttons, stable while rules move (for focus). */
	buttonId: ( command: RuleCommand | 'add-condition' ) => string;
	onChange: ( rule: Rule, path?: string ) => void;
	onCommand: ( command: RuleCommand ) => void;
	setErrors: ( change: ( errors: FieldErrors ) => FieldErrors ) => void;
	/** Moves focus to an element by id after the next render. */
	focus: ( id: string ) => void;
}

export function RuleCard( {
	boot,
	index,
	count,
	rule,
	errors,
	buttonId,
	onChange,
	onCommand,
	setErrors,
	focus,
}: RuleCardProps ) {
	const [ newType, setNewType ] = useState< ConditionType >(
		CONDITION_TYPES.includes( 'path' ) ? 'path' : CONDITION_TYPES[ 0 ]!
	);
	const number = index + 1;
	const enabled = isEnabled( rule );
	const whenPath = rulePath( index, 'when' );
	const topMessages = ruleLevelErrors( errors, rule, index, ( path ) =>
		isFieldsPath( index, path )
	);
	const timed = rule.when.some( ( condition ) => isTimed( condition.type ) );
	const title = rule.label
		? sprintf(
				/* translators: 1: rule number, 2: rule label. */
				__( 'Rule %1$d: %2$s', 'qualified-integration' ),
				number,
				rule.label
			)
		: sprintf(
				/* translators: %d: rule number. */
				__( 'Rule %d', 'qualified-integration' ),
				number
			);
	const headingId = `qi-rule-${ rule.id }-title`;

	const editConditions = (
		edit: { list: Rule[ 'when' ]; order: Array< number | null > },
		focusId: string
	) => {
		setErrors( ( current ) =>
			reindexErrors(
				withoutError( current, whenPath ),
				whenPath,
				edit.order
			)
		);
		onChange( { ...rule, when: edit.list } );
		focus( focusId );
	};

	const commandButton = (
		command: RuleCommand,
		icon: ComponentProps< typeof Button >[ 'icon' ],
		label: string,
		disabled = false
	) => (
		<Button
			id={ buttonId( command ) }
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
			className={ `qi-rule${ enabled ? '' : ' is-disabled' }${
				topMessages.length ? ' has-error' : ''
			}` }
			aria-labelledby={ headingId }
		>
			<div className="qi-rule__head">
				<h3 id={ headingId } className="qi-rule__title">
					{ title }
				</h3>
				<div className="qi-rule__toggle">
					<FormToggle
						id={ fieldId( rulePath( index, 'enabled' ) ) }
						checked={ enabled }
						onChange={ () => {
							const next = { ...rule };
							delete next.enabled;
							onChange(
								enabled ? { ...next, enabled: false } : next,
								rulePath( index, 'enabled' )
							);
						} }
					/>
					<label htmlFor={ fieldId( rulePath( index, 'enabled' ) ) }>
						<span className="screen-reader-text">
							{ sprintf(
								/* translators: %d: rule number. */
								__( 'Rule %d,', 'qualified-integration' ),
								number
							) + ' ' }
						</span>
						{ __( 'Enabled', 'qualified-integration' ) }
					</label>
				</div>
				<div className="qi-rule__commands">
					{ commandButton(
						'up',
						'arrow-up-alt2',
						sprintf(
							/* translators: %d: rule number. */
							__( 'Move rule %d up', 'qualified-integration' ),
							number
						),
						index === 0
					) }
					{ commandButton(
						'down',
						'arrow-down-alt2',
						sprintf(
							/* translators: %d: rule number. */
							__( 'Move rule %d down', 'qualified-integration' ),
							number
						),
						index === count - 1
					) }
					{ commandButton(
						'duplicate',
						'admin-page',
						sprintf(
							/* translators: %d: rule number. */
							__( 'Duplicate rule %d', 'qualified-integration' ),
							number
						),
						count >= LIMITS.rules
					) }
					{ commandButton(
						'delete',
						'trash',
						sprintf(
							/* translators: %d: rule number. */
							__( 'Delete rule %d', 'qualified-integration' ),
							number
						)
					) }
				</div>
			</div>

			{ topMessages.map( ( [ path, message ] ) => (
				<p
					key={ path }
					id={
						path === rulePath( index ) ? errorId( path ) : undefined
					}
					className="qi-field-error"
				>
					{ message }
				</p>
			) ) }

			<PathText
				errors={ errors }
				path={ rulePath( index, 'label' ) }
				label={ ruleFieldLabel(
					index,
					__( 'Label', 'qualified-integration' )
				) }
				className="qi-rule__label"
				placeholder={ __(
					'Label, e.g. Pricing visitors from LinkedIn',
					'qualified-integration'
				) }
				value={ rule.label ?? '' }
				onChange={ ( value ) => {
					const next = { ...rule };
					delete next.label;
					onChange(
						value === '' ? next : { ...next, label: value },
						rulePath( index, 'label' )
					);
				} }
			/>
			<p className="qi-help qi-rule__id">
				{ sprintf(
					/* translators: %s: rule id such as "pricing". */
					__( 'Rule ID: %s', 'qualified-integration' ),
					rule.id
				) }
			</p>

			<div className="qi-rule__part">
				<h4 className="qi-rule__part-title">
					{ __( 'When', 'qualified-integration' ) }
				</h4>
				{ rule.when.length === 0 ? (
					<p className="qi-help">
						{ __(
							'No conditions: this rule applies on every page.',
							'qualified-integration'
						) }
					</p>
				) : (
					<ul className="qi-conditions">
						{ rule.when.map( ( condition, at ) => (
							<ConditionRow
								key={ `${ at }-${ condition.type }` }
								boot={ boot }
								ruleIndex={ index }
								index={ at }
								condition={ condition }
								errors={ errors }
								removeId={ `qi-rule-${ rule.id }-remove-${ at }` }
								onChange={ ( next, path ) =>
									onChange(
										{
											...rule,
											when: rule.when.map( ( item, i ) =>
												i === at ? next : item
											),
										},
										path
									)
								}
								onRemove={ () => {
									const remaining = rule.when.length - 1;
									editConditions(
										removeItem( rule.when, at ),
										remaining === 0
											? buttonId( 'add-condition' )
											: `qi-rule-${ rule.id }-remove-${ Math.min(
													at,
													remaining - 1
												) }`
									);
								} }
							/>
						) ) }
					</ul>
				) }
				<FieldError errors={ errors } path={ whenPath } />
				<div className="qi-rule__add-condition">
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ sprintf(
							/* translators: %d: rule number. */
							__(
								'Rule %d, type of the condition to add',
								'qualified-integration'
							),
							number
						) }
						hideLabelFromVision
						value={ newType }
						onChange={ ( value: string ) => {
							if ( isConditionType( value ) ) {
								setNewType( value );
							}
						} }
					>
						<ConditionTypeOptions />
					</SelectControl>
					<Button
						id={ buttonId( 'add-condition' ) }
						variant="secondary"
						__next40pxDefaultSize
						disabled={ rule.when.length >= LIMITS.conditions }
						onClick={ () =>
							editConditions(
								addCondition( rule.when, newType ),
								fieldId(
									conditionPath(
										index,
										rule.when.length,
										'type'
									)
								)
							)
						}
					>
						{ __( 'Add condition', 'qualified-integration' ) }
					</Button>
				</div>
			</div>

			<div className="qi-rule__part">
				<h4 className="qi-rule__part-title">
					{ __( 'Then', 'qualified-integration' ) }
				</h4>
				<ActionEditor
					ruleIndex={ index }
					action={ rule.then }
					errors={ errors }
					timed={ timed }
					onChange={ ( then, path ) =>
						onChange( { ...rule, then }, path )
					}
				/>
			</div>

			<CheckboxControl
				__nextHasNoMarginBottom
				id={ fieldId( rulePath( index, 'oncePerVisit' ) ) }
				className="qi-rule__once"
				label={ __( 'Only once per visit', 'qualified-integration' ) }
				help={ __(
					'After it has fired, the rule is skipped for the rest of the visitor’s visit (until the browser tab is closed).',
					'qualified-integration'
				) }
				checked={ rule.oncePerVisit === true }
				onChange={ ( checked: boolean ) => {
					const next = { ...rule };
					delete next.oncePerVisit;
					onChange(
						checked ? { ...next, oncePerVisit: true } : next,
						rulePath( index, 'oncePerVisit' )
					);
				} }
			/>
			<FieldError
				errors={ errors }
				path={ rulePath( index, 'oncePerVisit' ) }
			/>
		</li>
	);
}
