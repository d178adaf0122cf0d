/**
 * A server message shown at its field, and the attributes that tie the
 * field to it for assistive technology.
 */

/**
 * Internal dependencies
 */
import { errorId, fieldId, type FieldErrors } from './field-errors';

/**
 * Props for the input a path points at: its id, `aria-invalid` and
 * `aria-describedby` (the message first, then the help text if any).
 *
 * @param errors  Current errors.
 * @param path    The input's path.
 * @param hasHelp Whether the control renders help text (`<id>__help`, as @wordpress/components does).
 */
export function fieldProps(
	errors: FieldErrors,
	path: string,
	hasHelp = false
): {
	id: string;
	'aria-invalid'?: true;
	'aria-describedby'?: string;
} {
	const id = fieldId( path );
	const described = [
		errors[ path ] ? errorId( path ) : '',
		hasHelp ? `${ id }__help` : '',
	]
		.filter( Boolean )
		.join( ' ' );
	return {
		id,
		...( errors[ path ] ? { 'aria-invalid': true as const } : {} ),
		...( described ? { 'aria-describedby': described } : {} ),
	};
}

export function FieldError( {
	errors,
	path,
}: {
	errors: FieldErrors;
	path: string;
} ) {
	const message = errors[ path ];
	if ( ! message ) {
		return null;
	}
	return (
		<p id={ errorId( path ) } className="qi-field-error">
			{ message }
		</p>
	);
}
