/**
 * A snippet to copy: a read-only text area (long snippets wrap) that
 * selects itself on focus. Used by Buttons & forms and Loading & privacy.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { useId } from '@wordpress/element';

/**
 * @param props       Props.
 * @param props.label The field's label.
 * @param props.value The snippet.
 * @param props.rows  Visible lines (2 by default).
 * @param props.help  Text under the snippet, tied to it for assistive technology.
 */
export function Snippet( {
	label,
	value,
	rows = 2,
	help,
}: {
	label: string;
	value: string;
	rows?: number;
	help?: ReactNode;
} ) {
	const id = useId();
	return (
		<div className="qi-snippet">
			<label className="qi-snippet__label" htmlFor={ id }>
				{ label }
			</label>
			<textarea
				id={ id }
				className="code"
				readOnly
				rows={ rows }
				value={ value }
				dir="ltr"
				aria-describedby={ help ? `${ id }__help` : undefined }
				onFocus={ ( event ) => event.currentTarget.select() }
			/>
			{ help && (
				<p id={ `${ id }__help` } className="qi-help">
					{ help }
				</p>
			) }
		</div>
	);
}
