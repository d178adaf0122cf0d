/**
 * The button block's saved markup, per the buttons contract: a link to the
 * fallback when there is one, else a `<button>` in a wrapper that stays
 * `hidden` until the runtime knows Qualified is on the page. Color,
 * typography, border, padding and shadow go on the inner element (their
 * serialisation is skipped on the wrapper in block.json), so the theme's
 * button styles and the author's meet on the same element, as in
 * core/button. The shortcode renders the same markup in PHP
 * (includes/Blocks/ButtonMarkup.php).
 */

/**
 * External dependencies
 */
import type { CSSProperties } from 'react';

/**
 * WordPress dependencies
 */
/* eslint-disable @wordpress/no-unsafe-wp-apis -- core/button's own getters of the block supports' classes and styles, the same from WordPress 6.5 to 7.1; there is no stable name for them. */
import {
	__experimentalGetBorderClassesAndStyles as getBorderClassesAndStyles,
	__experimentalGetColorClassesAndStyles as getColorClassesAndStyles,
	__experimentalGetShadowClassesAndStyles as getShadowClassesAndStyles,
	__experimentalGetSpacingClassesAndStyles as getSpacingClassesAndStyles,
	getTypographyClassesAndStyles,
	RichText,
	useBlockProps,
} from '@wordpress/block-editor';
/* eslint-enable @wordpress/no-unsafe-wp-apis */
import type { BlockSaveProps } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import { safeFallbackUrl } from '../../shared/safe-url';
import {
	BUTTON_CLASSES,
	buttonExperience,
	joinClasses,
	OPEN_CLASS,
	widthClasses,
	type ButtonAttributes,
} from './markup';

export function save( { attributes }: BlockSaveProps< ButtonAttributes > ) {
	const label = attributes.label ?? '';
	if ( label === '' ) {
		return null;
	}

	const color = getColorClassesAndStyles( attributes );
	const border = getBorderClassesAndStyles( attributes );
	const spacing = getSpacingClassesAndStyles( attributes );
	const shadow = getShadowClassesAndStyles( attributes );
	const typography = getTypographyClassesAndStyles( attributes );
	const style: CSSProperties = {
		...border.style,
		...color.style,
		...spacing.style,
		...shadow.style,
		...typography.style,
	};

	const className = joinClasses(
		BUTTON_CLASSES,
		OPEN_CLASS,
		color.className,
		border.className,
		typography.className
	);
	const experience = buttonExperience( attributes ) || undefined;
	const inlineStyle = Object.keys( style ).length > 0 ? style : undefined;
	const fallback = safeFallbackUrl( attributes.fallback );

	return (
		<div
			{ ...useBlockProps.save( {
				className: widthClasses( attributes.width ) || undefined,
			} ) }
			hidden={ fallback === '' || undefined }
		>
			{ fallback === '' ? (
				<RichText.Content
					tagName="button"
					type="button"
					className={ className }
					data-qualified-experience={ experience }
					style={ inlineStyle }
					value={ label }
				/>
			) : (
				<RichText.Content
					tagName="a"
					className={ className }
					href={ fallback }
					data-qualified-experience={ experience }
					style={ inlineStyle }
					value={ label }
				/>
			) }
		</div>
	);
}
