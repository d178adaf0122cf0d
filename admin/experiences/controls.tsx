/**
 * The small inputs the rule editor is built from, each tied to its server
 * path: its id, `aria-invalid`, `aria-describedby` and its message below it.
 */

/**
 * External dependencies
 */
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import {
	CheckboxControl,
	TextControl,
	VisuallyHidden,
} from '@wordpress/components';
import { useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { FieldError, fieldProps } from '../field-error';
import { errorId, fieldId, type FieldErrors } from '../field-errors';
import { DescribedSelect } from '../identity/DescribedSelect';
import { shownText } from './text-lists';

interface Common {
	errors: FieldErrors;
	path: string;
	/** Full accessible label ("Rule 3, Condition 2, Value"). */
	label: string;
	/** Show the label above the input (default: for assistive technology only). */
	showLabel?: boolean;
	className?: string;
}

export function PathText( {
	errors,
	path,
	label,
	value,
	onChange,
	placeholder,
	help,
	type = 'text',
	className = '',
	min,
	max,
	suffix,
	showLabel = false,
	onKeyDown,
}: Common & {
	value: string;
	onChange: ( value: string ) => void;
	placeholder?: string | undefined;
	help?: string | undefined;
	type?: 'text' | 'number' | 'time';
	min?: number;
	max?: number;
	suffix?: string;
	onKeyDown?: ( event: KeyboardEvent< HTMLInputElement > ) => void;
} ) {
	return (
		<div className={ `qi-input ${ className }` }>
			<div className="qi-input__line">
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					{ ...fieldProps( errors, path, !! help ) }
					label={ label }
					hideLabelFromVision={ ! showLabel }
					type={ type }
					value={ value }
					placeholder={ placeholder }
					help={ help }
					min={ min }
					max={ max }
					autoComplete="off"
					spellCheck={ false }
					onChange={ onChange }
					onKeyDown={ onKeyDown }
				/>
				{ suffix && (
					<span className="qi-input__suffix" aria-hidden="true">
						{ suffix }
					</span>
				) }
			</div>
			<FieldError errors={ errors } path={ path } />
		</div>
	);
}

/**
 * A text input whose stored value is not the text (a list, a number): the
 * text typed is kept while it still means the stored value.
 * @param root0
 * @param root0.value
 * @param root0.parse
 * @param root0.format
 * @param root0.onChange
 */
export function ParsedText< T >( {
	value,
	parse,
	format,
	onChange,
	...rest
}: Omit< Parameters< typeof PathText >[ 0 ], 'value' | 'onChange' > & {
	value: T;
	parse: ( text: string ) => T;
	format: ( value: T ) => string;
	onChange: ( value: T, text: string ) => void;
} ) {
	const [ typed, setTyped ] = useState< string | null >( null );
	return (
		<PathText
			{ ...rest }
			value={ shownText( typed, value, parse, format ) }
			onChange={ ( text ) => {
				setTyped( text );
				onChange( parse( text ), text );
			} }
		/>
	);
}

export function PathSelect( {
	errors,
	path,
	label,
	value,
	onChange,
	options,
	children,
	className = '',
	showLabel = false,
}: Common & {
	value: string;
	onChange: ( value: string ) => void;
	options?: Array< { value: string; label: string } >;
	children?: ReactNode;
} ) {
	const props = fieldProps( errors, path );
	return (
		<div className={ `qi-input ${ className }` }>
			<DescribedSelect
				id={ props.id }
				describedBy={ props[ 'aria-describedby' ] }
				invalid={ !! props[ 'aria-invalid' ] }
				label={ label }
				showLabel={ showLabel }
				value={ value }
				onChange={ onChange }
				{ ...( options ? { options } : { children } ) }
			/>
			<FieldError errors={ errors } path={ path } />
		</div>
	);
}

/**
 * Checkboxes for a list value (days, post types, roles). The first box
 * carries the path's id, so a jump from the error list lands in the group.
 * @param root0
 * @param root0.errors
 * @param root0.path
 * @param root0.label
 * @param root0.visibleLabel
 * @param root0.choices
 * @param root0.value
 * @param root0.onChange
 * @param root0.className
 */
export function PathCheckboxes( {
	errors,
	path,
	label,
	visibleLabel,
	choices,
	value,
	onChange,
	className = '',
}: Common & {
	/** Shown as the group's legend; `label` is what assistive technology hears. */
	visibleLabel: string;
	choices: Array< { value: string; label: string } >;
	value: readonly string[];
	onChange: ( value: string[] ) => void;
} ) {
	const invalid = !! errors[ path ];
	const order = choices.map( ( choice ) => choice.value );
	return (
		<fieldset
			className={ `qi-input qi-checkboxes ${ className }` }
			aria-describedby={ invalid ? errorId( path ) : undefined }
		>
			<legend>
				<VisuallyHidden>{ label }</VisuallyHidden>
				<span aria-hidden="true">{ visibleLabel }</span>
			</legend>
			<div className="qi-checkboxes__list">
				{ choices.length === 0 && <span className="qi-help">—</span> }
				{ choices.map( ( choice, index ) => (
					<CheckboxControl
						__nextHasNoMarginBottom
						key={ choice.value }
						id={
							index === 0
								? fieldId( path )
								: `${ fieldId( path ) }-${ index }`
						}
						label={ choice.label }
						checked={ value.includes( choice.value ) }
						aria-invalid={ invalid || undefined }
						onChange={ ( checked: boolean ) =>
							onChange(
								checked
									? [
											// Values no longer offered (a role removed since) stay.
											...value.filter(
												( item ) =>
													! order.includes( item )
											),
											...order.filter(
												( item ) =>
													item === choice.value ||
													value.includes( item )
											),
										]
									: value.filter(
											( item ) => item !== choice.value
										)
							)
						}
					/>
				) ) }
			</div>
			<FieldError errors={ errors } path={ path } />
		</fieldset>
	);
}
