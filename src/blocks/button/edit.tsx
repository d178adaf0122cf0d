/**
 * The button block in the editor: the label edited in place on an element
 * styled as save() styles the front end's, and the "Qualified" and width
 * panels in the block's sidebar. The editor always shows the button, also
 * when the front end hides it (no fallback link and no messenger).
 */

/**
 * WordPress dependencies
 */
/* eslint-disable @wordpress/no-unsafe-wp-apis -- core/button's own getters of the block supports' classes and styles, the same from WordPress 6.5 to 7.1; there is no stable name for them. */
import {
	__experimentalGetShadowClassesAndStyles as getShadowClassesAndStyles,
	__experimentalGetSpacingClassesAndStyles as getSpacingClassesAndStyles,
	__experimentalUseBorderProps as useBorderProps,
	__experimentalUseColorProps as useColorProps,
	getTypographyClassesAndStyles,
	InspectorControls,
	RichText,
	useBlockProps,
} from '@wordpress/block-editor';
/* eslint-enable @wordpress/no-unsafe-wp-apis */
import type { BlockEditProps } from '@wordpress/blocks';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ButtonSettings } from './ButtonSettings';
import { WidthPanel } from './WidthPanel';
import {
	BUTTON_CLASSES,
	joinClasses,
	widthClasses,
	type ButtonAttributes,
} from './markup';

/** Inline formats a label may hold; PHP's wp_kses list for the shortcode allows their tags. */
const LABEL_FORMATS = [
	'core/bold',
	'core/italic',
	'core/strikethrough',
	'core/subscript',
	'core/superscript',
] as const;

export function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< ButtonAttributes > ) {
	const color = useColorProps( attributes );
	const border = useBorderProps( attributes );
	const spacing = getSpacingClassesAndStyles( attributes );
	const shadow = getShadowClassesAndStyles( attributes );
	const typography = getTypographyClassesAndStyles( attributes );
	const blockProps = useBlockProps( {
		className: widthClasses( attributes.width ) || undefined,
	} );

	return (
		<>
			<div { ...blockProps }>
				<RichText
					identifier="label"
					tagName="div"
					aria-label={ __( 'Button text', 'qualified-integration' ) }
					placeholder={ __( 'Add text…', 'qualified-integration' ) }
					value={ attributes.label ?? '' }
					onChange={ ( value ) =>
						setAttributes( { label: String( value ) } )
					}
					allowedFormats={ LABEL_FORMATS }
					withoutInteractiveFormatting
					className={ joinClasses(
						BUTTON_CLASSES,
						color.className,
						border.className,
						typography.className
					) }
					style={ {
						...border.style,
						...color.style,
						...spacing.style,
						...shadow.style,
						...typography.style,
					} }
				/>
			</div>
			<InspectorControls>
				<ButtonSettings
					attributes={ attributes }
					setAttributes={ setAttributes }
				/>
				<WidthPanel
					width={ attributes.width }
					onChange={ ( width ) => setAttributes( { width } ) }
				/>
			</InspectorControls>
		</>
	);
}
