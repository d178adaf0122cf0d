/**
 * One condition: its type (grouped "This page" and "Visitor"), the inputs
 * that type needs, and a remove button.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminBootData } from '../boot-data';
import type { FieldErrors } from '../field-errors';
import {
	CONDITION_TYPES,
	conditionWhere,
	isConditionType,
	withType,
} from './conditions';
import { ConditionFields } from './ConditionFields';
import { PathSelect } from './controls';
import type { Condition } from './model';
import { conditionPath } from './paths';
import { conditionFieldLabel, conditionLabels, whereLabel } from './texts';

export interface ConditionRowProps {
	boot: AdminBootData;
	ruleIndex: number;
	index: number;
	condition: Condition;
	errors: FieldErrors;
	removeId: string;
	onChange: ( condition: Condition, path: string ) => void;
	onRemove: () => void;
}

/** `<optgroup>`s: page facts first ("This page"), then visitor facts. */
export function ConditionTypeOptions() {
	const labels = conditionLabels();
	return (
		<>
			{ ( [ 'page', 'browser' ] as const ).map( ( where ) => (
				<optgroup key={ where } label={ whereLabel( where ) }>
					{ CONDITION_TYPES.filter(
						( type ) => conditionWhere( type ) === where
					).map( ( type ) => (
						<option key={ type } value={ type }>
							{ labels[ type ] }
						</option>
					) ) }
				</optgroup>
			) ) }
		</>
	);
}

export function ConditionRow( {
	boot,
	ruleIndex,
	index,
	condition,
	errors,
	removeId,
	onChange,
	onRemove,
}: ConditionRowProps ) {
	const typePath = conditionPath( ruleIndex, index, 'type' );
	return (
		<li className="qi-condition">
			<span className="qi-condition__joiner" aria-hidden="true">
				{ index === 0
					? __( 'If', 'qualified-integration' )
					: __( 'and', 'qualified-integration' ) }
			</span>
			<div className="qi-condition__inputs">
				<PathSelect
					errors={ errors }
					path={ typePath }
					label={ conditionFieldLabel(
						ruleIndex,
						index,
						__( 'Type', 'qualified-integration' )
					) }
					className="qi-input--type"
					value={ condition.type }
					onChange={ ( value ) => {
						if ( isConditionType( value ) ) {
							onChange( withType( condition, value ), typePath );
						}
					} }
				>
					<ConditionTypeOptions />
				</PathSelect>
				<ConditionFields
					boot={ boot }
					ruleIndex={ ruleIndex }
					index={ index }
					condition={ condition }
					errors={ errors }
					onChange={ onChange }
				/>
			</div>
			<Button
				id={ removeId }
				size="compact"
				icon="no-alt"
				label={ sprintf(
					/* translators: 1: condition number, 2: rule number. */
					__(
						'Remove condition %1$d of rule %2$d',
						'qualified-integration'
					),
					index + 1,
					ruleIndex + 1
				) }
				onClick={ onRemove }
			/>
		</li>
	);
}
