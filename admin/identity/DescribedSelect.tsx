/**
 * A single-choice SelectControl (label hidden unless asked, 40px) with `aria-invalid` and
 * an `aria-describedby` pointing at a message outside it. WordPress 6.5's
 * SelectControl writes its own `aria-describedby` (its help id, or nothing)
 * after the props it is given, so that attribute is set after render.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useEffect } from '@wordpress/element';

export interface DescribedSelectProps {
	id: string;
	label: ReactNode;
	value: string;
	onChange: ( value: string ) => void;
	describedBy?: string | undefined;
	invalid?: boolean;
	/** Show the label above the select (default: for assistive technology only). */
	showLabel?: boolean;
	options?: Array< { value: string; label: string } >;
	/** Help below the select; SelectControl gives it the id `<id>__help`, which describedBy should then name. */
	help?: ReactNode;
	disabled?: boolean;
	children?: ReactNode;
}

export function DescribedSelect( {
	id,
	label,
	value,
	onChange,
	describedBy,
	invalid = false,
	showLabel = false,
	options,
	help,
	disabled = false,
	children,
}: DescribedSelectProps ) {
	useEffect( () => {
		const select = document.getElementById( id );
		if ( ! select ) {
			return;
		}
		if ( describedBy ) {
			select.setAttribute( 'aria-describedby', describedBy );
		} else {
			select.removeAttribute( 'aria-describedby' );
		}
	} );
	return (
		<SelectControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			id={ id }
			label={ label }
			hideLabelFromVision={ ! showLabel }
			value={ value }
			onChange={ onChange }
			aria-invalid={ invalid || undefined }
			disabled={ disabled }
			{ ...( help ? { help } : {} ) }
			{ ...( options ? { options } : { children } ) }
		/>
	);
}
