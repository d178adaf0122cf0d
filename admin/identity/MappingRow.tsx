/**
 * One mapping as a table row: Qualified field, source, key or value, and
 * "Keep for the visit" for browser sources; errors shown in their cell.
 */

/**
 * WordPress dependencies
 */
import { Button, TextControl, VisuallyHidden } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	canPersist,
	isIdentitySource,
	sourceNeeds,
} from '../../src/shared/identity-sources';
import type { IdentityMapping, PersistMode } from '../../src/shared/settings';
import { FieldError, fieldProps } from '../field-error';
import {
	errorId,
	mappingPath,
	rowError,
	type FieldErrors,
} from '../field-errors';
import { DescribedSelect } from './DescribedSelect';
import { withSource } from './mapping-list';
import { sourceTexts } from './source-labels';
import { SourceOptions } from './SourcePicker';

export interface MappingRowProps {
	index: number;
	count: number;
	mapping: IdentityMapping;
	errors: FieldErrors;
	/** Ids of the row's buttons, stable while rows move (for focus). */
	buttonId: ( action: 'up' | 'down' | 'remove' ) => string;
	onChange: ( mapping: IdentityMapping, path: string ) => void;
	onMove: ( to: number ) => void;
	onRemove: () => void;
}

/**
 * The accessible label of a cell's input, the same words the server's
 * messages start with ("Mapping 3, Qualified field: ...").
 *
 * @param index  Row index.
 * @param column Column label.
 */
function cellLabel( index: number, column: string ): string {
	return sprintf(
		/* translators: 1: mapping number, 2: column label such as "Qualified field". */
		__( 'Mapping %1$d, %2$s', 'qualified-integration' ),
		index + 1,
		column
	);
}

export function MappingRow( {
	index,
	count,
	mapping,
	errors,
	buttonId,
	onChange,
	onMove,
	onRemove,
}: MappingRowProps ) {
	const texts = sourceTexts();
	const text = texts[ mapping.source ];
	const needs = sourceNeeds( mapping.source );
	const path = ( column: string ) => mappingPath( index, column );
	const rowMessage = rowError( errors, index );
	const number = index + 1;

	const persistOptions = [
		{ value: '', label: __( 'No', 'qualified-integration' ) },
		{ value: 'first', label: __( 'First value', 'qualified-integration' ) },
		{ value: 'last', label: __( 'Latest value', 'qualified-integration' ) },
	];

	const sourceProps = fieldProps( errors, path( 'source' ) );
	const persistProps = fieldProps( errors, path( 'persist' ) );

	return (
		<tr className={ rowMessage ? 'qi-row has-error' : 'qi-row' }>
			<td className="qi-col-field">
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					{ ...fieldProps( errors, path( 'field' ) ) }
					label={ cellLabel(
						index,
						__( 'Qualified field', 'qualified-integration' )
					) }
					hideLabelFromVision
					placeholder={ __( 'API name', 'qualified-integration' ) }
					value={ mapping.field }
					autoComplete="off"
					spellCheck={ false }
					onChange={ ( value: string ) =>
						onChange(
							{ ...mapping, field: value.trim() },
							path( 'field' )
						)
					}
				/>
				<FieldError errors={ errors } path={ path( 'field' ) } />
				{ rowMessage && (
					<p
						id={ errorId( `identity.mappings[${ index }]` ) }
						className="qi-field-error"
					>
						{ rowMessage }
					</p>
				) }
			</td>
			<td className="qi-col-source">
				<DescribedSelect
					id={ sourceProps.id }
					describedBy={ sourceProps[ 'aria-describedby' ] }
					invalid={ !! sourceProps[ 'aria-invalid' ] }
					label={ cellLabel(
						index,
						__( 'Source', 'qualified-integration' )
					) }
					value={ mapping.source }
					onChange={ ( value: string ) => {
						if ( isIdentitySource( value ) ) {
							onChange(
								withSource( mapping, value ),
								path( 'source' )
							);
						}
					} }
				>
					<SourceOptions />
				</DescribedSelect>
				<FieldError errors={ errors } path={ path( 'source' ) } />
			</td>
			<td className="qi-col-input">
				{ needs && (
					<>
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							{ ...fieldProps( errors, path( needs ), true ) }
							label={ cellLabel(
								index,
								needs === 'key'
									? __( 'Key', 'qualified-integration' )
									: __( 'Value', 'qualified-integration' )
							) }
							hideLabelFromVision
							help={ text.input }
							placeholder={
								text.example &&
								sprintf(
									/* translators: %s: an example value. */
									__( 'e.g. %s', 'qualified-integration' ),
									text.example
								)
							}
							value={ mapping[ needs ] ?? '' }
							autoComplete="off"
							spellCheck={ false }
							onChange={ ( value: string ) =>
								onChange(
									{ ...mapping, [ needs ]: value },
									path( needs )
								)
							}
						/>
						<FieldError errors={ errors } path={ path( needs ) } />
					</>
				) }
			</td>
			<td className="qi-col-persist">
				{ canPersist( mapping.source ) ? (
					<>
						<DescribedSelect
							id={ persistProps.id }
							describedBy={ persistProps[ 'aria-describedby' ] }
							invalid={ !! persistProps[ 'aria-invalid' ] }
							label={ cellLabel(
								index,
								__(
									'Keep for the visit',
									'qualified-integration'
								)
							) }
							value={ mapping.persist ?? '' }
							options={ persistOptions }
							onChange={ ( value: string ) => {
								const next: IdentityMapping = { ...mapping };
								delete next.persist;
								if ( value === 'first' || value === 'last' ) {
									next.persist = value as PersistMode;
								}
								onChange( next, path( 'persist' ) );
							} }
						/>
						<FieldError
							errors={ errors }
							path={ path( 'persist' ) }
						/>
					</>
				) : (
					<>
						<span aria-hidden="true">—</span>
						<VisuallyHidden>
							{ __(
								'Only for sources read in the browser',
								'qualified-integration'
							) }
						</VisuallyHidden>
					</>
				) }
			</td>
			<td className="qi-col-actions">
				<Button
					id={ buttonId( 'up' ) }
					size="compact"
					icon="arrow-up-alt2"
					label={ sprintf(
						/* translators: %d: mapping number. */
						__( 'Move mapping %d up', 'qualified-integration' ),
						number
					) }
					disabled={ index === 0 }
					onClick={ () => onMove( index - 1 ) }
				/>
				<Button
					id={ buttonId( 'down' ) }
					size="compact"
					icon="arrow-down-alt2"
					label={ sprintf(
						/* translators: %d: mapping number. */
						__( 'Move mapping %d down', 'qualified-integration' ),
						number
					) }
					disabled={ index === count - 1 }
					onClick={ () => onMove( index + 1 ) }
				/>
				<Button
					id={ buttonId( 'remove' ) }
					size="compact"
					icon="trash"
					isDestructive
					label={ sprintf(
						/* translators: %d: mapping number. */
						__( 'Remove mapping %d', 'qualified-integration' ),
						number
					) }
					onClick={ onRemove }
				/>
			</td>
		</tr>
	);
}
