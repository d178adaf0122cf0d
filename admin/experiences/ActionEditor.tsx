/**
 * What a rule does: show an Experience (API name, start collapsed), open
 * the messenger, hide Qualified, or send visitor fields (identify).
 */

/**
 * WordPress dependencies
 */
import { Button, CheckboxControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { FieldError } from '../field-error';
import { errorId, fieldId, type FieldErrors } from '../field-errors';
import {
	ACTION_NAMES,
	fieldsFromRows,
	isActionName,
	shownRows,
	withAction,
	type FieldRow,
} from './actions';
import { LIMITS } from './conditions';
import { PathSelect, PathText } from './controls';
import type { Action } from './model';
import { actionPath, isUnder } from './paths';
import { actionLabels, ruleFieldLabel } from './texts';

export interface ActionEditorProps {
	ruleIndex: number;
	action: Action;
	errors: FieldErrors;
	/** Whether the rule waits for time or scroll (hide cannot). */
	timed: boolean;
	onChange: ( action: Action, path: string ) => void;
}

export function ActionEditor( {
	ruleIndex,
	action,
	errors,
	timed,
	onChange,
}: ActionEditorProps ) {
	const labels = actionLabels();
	const path = ( key: string ) => actionPath( ruleIndex, key );
	return (
		<div className="qi-action">
			<PathSelect
				errors={ errors }
				path={ path( 'action' ) }
				label={ ruleFieldLabel(
					ruleIndex,
					__( 'Action', 'qualified-integration' )
				) }
				className="qi-input--action"
				value={ action.action }
				options={ ACTION_NAMES.map( ( name ) => ( {
					value: name,
					label: labels[ name ],
				} ) ) }
				onChange={ ( value ) => {
					if ( isActionName( value ) ) {
						onChange(
							withAction( action, value ),
							path( 'action' )
						);
					}
				} }
			/>
			{ action.action === 'showExperience' && (
				<div className="qi-action__fields">
					<PathText
						errors={ errors }
						path={ path( 'experience' ) }
						label={ ruleFieldLabel(
							ruleIndex,
							__( 'Experience', 'qualified-integration' )
						) }
						className="qi-input--value"
						placeholder={ __(
							'Experience API name, e.g. experience-1234',
							'qualified-integration'
						) }
						help={ __(
							'In Qualified: Settings → Experiences → Manual → the Experience → API NAME.',
							'qualified-integration'
						) }
						value={ action.experience }
						onChange={ ( value ) =>
							onChange(
								{ ...action, experience: value.trim() },
								path( 'experience' )
							)
						}
					/>
					<CheckboxControl
						__nextHasNoMarginBottom
						id={ fieldId( path( 'startCollapsed' ) ) }
						label={ __(
							'Start collapsed',
							'qualified-integration'
						) }
						checked={ action.startCollapsed === true }
						onChange={ ( checked: boolean ) => {
							const next = { ...action };
							delete next.startCollapsed;
							onChange(
								checked
									? { ...next, startCollapsed: true }
									: next,
								path( 'startCollapsed' )
							);
						} }
					/>
					<FieldError
						errors={ errors }
						path={ path( 'startCollapsed' ) }
					/>
				</div>
			) }
			{ action.action === 'hide' && (
				<p className="qi-help qi-action__note">
					{ timed
						? __(
								'A rule that hides Qualified cannot wait for time on the page or scrolling: remove those conditions.',
								'qualified-integration'
							)
						: __(
								'Qualified is not loaded where this rule matches. When only page conditions decide, nothing of Qualified is printed on those pages.',
								'qualified-integration'
							) }
				</p>
			) }
			{ action.action === 'open' && (
				<p className="qi-help qi-action__note">
					{ __(
						'Opens the messenger once per page view, however many rules ask for it.',
						'qualified-integration'
					) }
				</p>
			) }
			{ action.action === 'load' && (
				<p className="qi-help qi-action__note">
					{ __(
						'Loads Qualified as soon as this rule matches, instead of waiting for the moment set under Loading & privacy (idle, first interaction). It never loads before consent, nor on a page that hides Qualified.',
						'qualified-integration'
					) }
				</p>
			) }
			{ action.action === 'identify' && (
				<IdentifyFields
					ruleIndex={ ruleIndex }
					fields={ action.fields }
					errors={ errors }
					onChange={ ( fields, changed ) =>
						onChange( { ...action, fields }, changed )
					}
				/>
			) }
		</div>
	);
}

/**
 * Whether a message belongs to the identify field list of a rule (shown by
 * IdentifyFields, not at the rule's top).
 *
 * @param ruleIndex Rule index.
 * @param path      A message's path.
 */
export function isFieldsPath( ruleIndex: number, path: string ): boolean {
	return isUnder( path, actionPath( ruleIndex, 'fields' ) );
}

function IdentifyFields( {
	ruleIndex,
	fields,
	errors,
	onChange,
}: {
	ruleIndex: number;
	fields: Record< string, string >;
	errors: FieldErrors;
	onChange: ( fields: Record< string, string >, path: string ) => void;
} ) {
	const [ typed, setTyped ] = useState< FieldRow[] | null >( null );
	const rows = shownRows( typed, fields );
	const listPath = actionPath( ruleIndex, 'fields' );
	const messages = Object.entries( errors ).filter( ( [ path ] ) =>
		isUnder( path, listPath )
	);
	const edit = ( next: FieldRow[], changed: string ) => {
		setTyped( next );
		onChange( fieldsFromRows( next ), changed );
	};
	const label = ( row: number, column: string ) =>
		sprintf(
			/* translators: 1: rule number, 2: field row number, 3: column label. */
			__( 'Rule %1$d, Field %2$d, %3$s', 'qualified-integration' ),
			ruleIndex + 1,
			row + 1,
			column
		);
	return (
		<fieldset
			className="qi-identify"
			aria-describedby={
				messages.map( ( [ path ] ) => errorId( path ) ).join( ' ' ) ||
				undefined
			}
		>
			<legend>{ __( 'Fields to send', 'qualified-integration' ) }</legend>
			<p className="qi-help">
				{ __(
					'Qualified field API names (Settings → App Settings → Visitor Fields → Show API Details) and the value to send. Identity mappings win when they set the same field.',
					'qualified-integration'
				) }
			</p>
			<ul className="qi-identify__rows">
				{ rows.map( ( [ name, value ], row ) => {
					const repeated = rows
						.slice( 0, row )
						.some( ( [ other ] ) => other === name );
					// The server names a field's messages by its name.
					const valuePath =
						name !== '' && ! repeated
							? `${ listPath }.${ name }`
							: `${ listPath }[${ row }].value`;
					return (
						<li key={ row } className="qi-identify__row">
							<PathText
								errors={ errors }
								path={ `${ listPath }[${ row }].name` }
								label={ label(
									row,
									__(
										'Qualified field',
										'qualified-integration'
									)
								) }
								placeholder={ __(
									'Field, e.g. campaign',
									'qualified-integration'
								) }
								value={ name }
								onChange={ ( text ) =>
									edit(
										rows.map( ( item, at ) =>
											at === row
												? [ text.trim(), item[ 1 ] ]
												: item
										),
										valuePath
									)
								}
							/>
							<PathText
								errors={ errors }
								path={ valuePath }
								label={ label(
									row,
									__( 'Value', 'qualified-integration' )
								) }
								placeholder={ __(
									'Value, e.g. Pricing page',
									'qualified-integration'
								) }
								value={ value }
								onChange={ ( text ) =>
									edit(
										rows.map( ( item, at ) =>
											at === row
												? [ item[ 0 ], text ]
												: item
										),
										valuePath
									)
								}
							/>
							<Button
								size="compact"
								icon="no-alt"
								label={ sprintf(
									/* translators: 1: field row number, 2: rule number. */
									__(
										'Remove field %1$d of rule %2$d',
										'qualified-integration'
									),
									row + 1,
									ruleIndex + 1
								) }
								onClick={ () =>
									edit(
										rows.filter( ( _, at ) => at !== row ),
										listPath
									)
								}
							/>
							{ repeated && (
								<p className="qi-field-note">
									{ __(
										'This field is already set above; only the first one is sent.',
										'qualified-integration'
									) }
								</p>
							) }
						</li>
					);
				} ) }
			</ul>
			{ messages
				.filter(
					( [ path ] ) =>
						! rows.some(
							( [ name ], row ) =>
								path === `${ listPath }.${ name }` ||
								path === `${ listPath }[${ row }].value`
						)
				)
				.map( ( [ path ] ) => (
					<FieldError key={ path } errors={ errors } path={ path } />
				) ) }
			<Button
				id={ fieldId( listPath ) }
				variant="secondary"
				size="compact"
				disabled={ rows.length >= LIMITS.identifyFields }
				onClick={ () => edit( [ ...rows, [ '', '' ] ], listPath ) }
			>
				{ __( 'Add field', 'qualified-integration' ) }
			</Button>
		</fieldset>
	);
}
