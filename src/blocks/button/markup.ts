/**
 * The button block's attributes and the parts of its markup that edit() and
 * save() share: class names, and which Experience a button starts. What the
 * markup must be is set by the buttons contract and by
 * tests/fixtures/button-markup.json, which the shortcode's PHP
 * (includes/Blocks/ButtonMarkup.php) renders too.
 */

/**
 * Internal dependencies
 */
import { isExperienceName } from '../../shared/experiences/name';

/** What a click does: open the messenger, or start a manual Experience. */
export type ButtonAction = 'open' | 'showExperience';

/** The widths offered, in percent, as core/button offers them. */
export const WIDTHS = [ 25, 50, 75, 100 ] as const;

export type ButtonWidth = ( typeof WIDTHS )[ number ];

export interface ButtonAttributes {
	/** The label, as HTML (RichText). */
	label?: string;
	action?: ButtonAction;
	/** The Experience API name, used when `action` is showExperience. */
	experience?: string;
	/** Where the button links when Qualified is not on the page. */
	fallback?: string;
	width?: ButtonWidth | undefined;
	/** Additional CSS classes, and the block style (`is-style-outline`). */
	className?: string;
	/** Block supports (color, typography, border, spacing, shadow). */
	style?: Record< string, unknown >;
}

/** The block's own class name, the wrapper's first class. */
export const BLOCK_CLASS = 'wp-block-qualified-integration-button';

/** The classes every theme styles as a button. */
export const BUTTON_CLASSES = 'wp-block-button__link wp-element-button';

/** The class the runtime (src/frontend/) delegates clicks for. */
export const OPEN_CLASS = 'qualified-open';

/**
 * Joins class names, leaving out empty ones.
 *
 * @param names Class names, or nothing.
 * @return The class attribute's value.
 */
export function joinClasses(
	...names: Array< string | false | null | undefined >
): string {
	return names.filter( ( name ): name is string => !! name ).join( ' ' );
}

/**
 * Whether a value is one of the widths offered.
 *
 * @param value Anything (a control's value, an attribute).
 */
export function isWidth( value: unknown ): value is ButtonWidth {
	return ( WIDTHS as readonly unknown[] ).includes( value );
}

/**
 * The wrapper's classes for a width, after the block's own class.
 *
 * @param width The width attribute.
 * @return The classes, or '' without a width.
 */
export function widthClasses( width: unknown ): string {
	return isWidth( width )
		? `has-custom-width ${ BLOCK_CLASS }__width-${ width }`
		: '';
}

/**
 * The Experience a click starts: the API name when the action is
 * showExperience and the name is well formed; otherwise '' (the button
 * opens the messenger, as the shortcode does with a malformed name).
 *
 * @param attributes The block's attributes.
 */
export function buttonExperience( attributes: ButtonAttributes ): string {
	return attributes.action === 'showExperience' &&
		isExperienceName( attributes.experience )
		? attributes.experience
		: '';
}
