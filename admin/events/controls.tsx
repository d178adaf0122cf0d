/**
 * The inputs the Events section is built from. Each shows a short visible
 * label ("Address") and is named in full for assistive technology
 * ("Handler 2, Action 1, Address"), the words the server's messages start
 * with; each carries its path's id, `aria-invalid` and `aria-describedby`,
 * and shows its messages (its own, and its items' for a list) below it.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import {
	CheckboxControl,
	TextControl,
	VisuallyHidden,
} from '@wordpress/components';

/**
 * Internal dependencies
 */
import { errorId, fieldId, type FieldErrors } from '../field-errors';
import { DescribedSelect } from '../identity/DescribedSelect';
import { messagesAt } from './paths';

interface Common {
	errors: FieldErrors;
	path: string;
	/** "Handler 2, Action 1": said before the label, not shown. */
	context: string;
	/** "Address": shown. */
	label: string;
	help?: ReactNode | undefined;
	className?: string;
}

/**
 * The label: the context for assistive technology only, then the words shown.
 *
 * @param root0         Props.
 * @param root0.context e.g. "Handler 2".
 * @param root0.label   e.g. "Event name".
 */
export function ContextLabel( {
	context,
	label,
}: {
	context: string;
	label: string;
} ) {
	return (
		<>
			<VisuallyHidden>{ `${ context }, ` }</VisuallyHidden>
			{ label }
		</>
	);
}

/**
 * The messages at an input and the ids that describe it.
 *
 * @param errors  Current messages.
 * @param path    The input's path.
 * @param hasHelp Whether the control renders help (`<id>__help`).
 */
export function describe(
	errors: FieldErrors,
	path: string,
	hasHelp: boolean
) {
	const messages = messagesAt( errors, path );
	const id = fieldId( path );
	const describedBy = [
		...messages.map( ( [ at ] ) => errorId( at ) ),
		hasHelp ? `${ id }__help` : '',
	]
		.filter( Boolean )
		.join( ' ' );
	return {
		id,
		messages,
		invalid: messages.length > 0,
		describedBy: describedBy || undefined,
	};
}

export function Messages( {
	messages,
}: {
	messages: ReadonlyArray< [ string, string ] >;
} ) {
	return (
		<>
			{ messages.map( ( [ path, message ] ) => (
				<p
					key={ path }
					id={ errorId( path ) }
					className="qi-field-error"
				>
					{ message }
				</p>
			) ) }
		</>
	);
}

export function EventText( {
	errors,
	path,
	context,
	label,
	help,
	className = '',
	value,
	onChange,
	placeholder,
	type = 'text',
	list,
	min,
	max,
}: Common & {
	value: string;
	onChange: ( value: string ) => void;
	placeholder?: string;
	type?: 'text' | 'number' | 'url' | 'password';
	/** Id of a <datalist> of suggestions. */
	list?: string | undefined;
	min?: number;
	max?: number;
} ) {
	const { id, messages, invalid, describedBy } = describe(
		errors,
		path,
		!! help
	);
	return (
		<div className={ `qi-input ${ className }` }>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				id={ id }
				aria-invalid={ invalid || undefined }
				aria-describedby={ describedBy }
				label={ <ContextLabel context={ context } label={ label } /> }
				help={ help }
				type={ type }
				value={ value }
				placeholder={ placeholder }
				list={ list }
				min={ min }
				max={ max }
				autoComplete="off"
				spellCheck={ false }
				onChange={ onChange }
			/>
			<Messages messages={ messages } />
		</div>
	);
}

export function EventSelect( {
	errors,
	path,
	context,
	label,
	help,
	className = '',
	value,
	options,
	onChange,
}: Common & {
	value: string;
	options: Array< { value: string; label: string } >;
	onChange: ( value: string ) => void;
} ) {
	const { id, messages, invalid, describedBy } = describe(
		errors,
		path,
		!! help
	);
	return (
		<div className={ `qi-input ${ className }` }>
			<DescribedSelect
				id={ id }
				invalid={ invalid }
				describedBy={ describedBy }
				label={ <ContextLabel context={ context } label={ label } /> }
				showLabel
				help={ help }
				value={ value }
				options={ options }
				onChange={ onChange }
			/>
			<Messages messages={ messages } />
		</div>
	);
}

export function EventCheckbox( {
	errors,
	path,
	context,
	label,
	help,
	className = '',
	checked,
	onChange,
}: Common & {
	checked: boolean;
	onChange: ( checked: boolean ) => void;
} ) {
	const { id, messages, invalid, describedBy } = describe(
		errors,
		path,
		!! help
	);
	return (
		<div className={ `qi-input ${ className }` }>
			<CheckboxControl
				__nextHasNoMarginBottom
				id={ id }
				aria-invalid={ invalid || undefined }
				aria-describedby={ describedBy }
				// The visible label, with its context, as the accessible name.
				aria-label={ `${ context }, ${ label }` }
				label={ label }
				help={ help }
				checked={ checked }
				onChange={ onChange }
			/>
			<Messages messages={ messages } />
		</div>
	);
}

/**
 * Suggestions for a text input (`list` attribute): offered while typing,
 * any other text still allowed.
 *
 * @param root0         Props.
 * @param root0.id      The datalist's id.
 * @param root0.options Suggested values.
 */
export function Suggestions( {
	id,
	options,
}: {
	id: string;
	options: readonly string[];
} ) {
	return (
		<datalist id={ id }>
			{ options.map( ( option ) => (
				<option key={ option } value={ option } />
			) ) }
		</datalist>
	);
}
