/**
 * Types for the WordPress packages the blocks use that are not installed as
 * npm packages: the build never bundles them (the dependency extraction
 * plugin turns each import into the `wp.*` global of core and lists its
 * script handle in the block's index.asset.php), so only their shape is
 * needed. Just the parts the blocks touch are declared, each present in
 * WordPress 6.5 and 7.1.
 */

declare module '@wordpress/block-editor' {
	import type {
		ComponentType,
		CSSProperties,
		ReactElement,
		ReactNode,
	} from 'react';

	/** Class names and inline style a block support derives from attributes. */
	export interface ClassesAndStyles {
		className?: string | undefined;
		style: CSSProperties;
	}

	/** Props of the block's wrapper element. */
	export interface BlockProps {
		className?: string;
		style?: CSSProperties;
		id?: string;
		[ key: string ]: unknown;
	}

	export const useBlockProps: {
		( props?: Record< string, unknown > ): BlockProps;
		save: ( props?: Record< string, unknown > ) => BlockProps;
	};

	export interface RichTextProps {
		tagName?: string;
		identifier?: string;
		value: string;
		onChange: ( value: unknown ) => void;
		placeholder?: string;
		allowedFormats?: readonly string[];
		withoutInteractiveFormatting?: boolean;
		className?: string;
		style?: CSSProperties;
		'aria-label'?: string;
	}

	export interface RichTextContentProps {
		tagName: string;
		value: string;
		[ prop: string ]: unknown;
	}

	export const RichText: ComponentType< RichTextProps > & {
		Content: ( props: RichTextContentProps ) => ReactElement | null;
		isEmpty: ( value: unknown ) => boolean;
	};

	export const InspectorControls: ComponentType< {
		group?: string;
		children?: ReactNode;
	} >;

	export function __experimentalGetColorClassesAndStyles(
		attributes: object
	): ClassesAndStyles;
	export function __experimentalGetBorderClassesAndStyles(
		attributes: object
	): ClassesAndStyles;
	export function __experimentalGetSpacingClassesAndStyles(
		attributes: object
	): ClassesAndStyles;
	export function __experimentalGetShadowClassesAndStyles(
		attributes: object
	): ClassesAndStyles;
	export function getTypographyClassesAndStyles(
		attributes: object
	): ClassesAndStyles;

	/**
	 * The editor's forms of the getters above (theme colors and gradients resolved).
	 * @param attributes
	 */
	export function __experimentalUseColorProps(
		attributes: object
	): ClassesAndStyles;
	export function __experimentalUseBorderProps(
		attributes: object
	): ClassesAndStyles;
}

declare module '@wordpress/blocks' {
	import type { ComponentType, ReactElement } from 'react';

	export interface BlockEditProps< A > {
		attributes: A;
		setAttributes: ( next: Partial< A > ) => void;
		isSelected: boolean;
		clientId: string;
	}

	export interface BlockSaveProps< A > {
		attributes: A;
	}

	export interface BlockSettings< A > {
		edit: ComponentType< BlockEditProps< A > >;
		save: ( props: BlockSaveProps< A > ) => ReactElement | null;
	}

	export function registerBlockType< A >(
		metadata: { name: string } & Record< string, unknown >,
		settings: BlockSettings< A >
	): unknown;
}
