/**
 * The button block's save() against the markup fixture PHP's shortcode also
 * renders (tests/fixtures/button-markup.json, tests/php/ButtonShortcodeTest.php),
 * so the two cannot drift.
 *
 * The block editor package is core's `wp.blockEditor` at run time, not an
 * npm package here: it is mocked as a virtual module with what save() meets in
 * WordPress for attributes without style supports. useBlockProps.save()
 * adds the block's class first and the author's classes last (each once), as
 * core's generated-class-name and custom-class-name hooks do; the support
 * getters give nothing; RichText.Content prints the label's HTML as it is.
 */

/**
 * WordPress dependencies
 */
import { renderToString } from '@wordpress/element';

/**
 * Internal dependencies
 */
import cases from '../fixtures/button-markup.json';
import { save } from '../../src/blocks/button/save';
import type { ButtonAttributes } from '../../src/blocks/button/markup';

/** The attributes of the block being saved, as core's getSaveElement() knows them. */
let mockSaving: ButtonAttributes = {};

jest.mock(
	'@wordpress/block-editor',
	() => {
		const element = jest.requireActual( '@wordpress/element' );
		const nothing = () => ( { className: undefined, style: {} } );
		return {
			useBlockProps: {
				save: ( props: { className?: string } = {} ) => ( {
					...props,
					className: [
						...new Set(
							[
								'wp-block-qualified-integration-button',
								props.className,
								mockSaving.className,
							]
								.filter( Boolean )
								.join( ' ' )
								.split( ' ' )
						),
					].join( ' ' ),
				} ),
			},
			RichText: {
				Content: ( {
					tagName,
					value,
					...props
				}: {
					tagName: string;
					value: string;
				} ) =>
					element.createElement(
						tagName,
						props,
						element.createElement( element.RawHTML, null, value )
					),
			},
			__experimentalGetBorderClassesAndStyles: jest.fn( nothing ),
			__experimentalGetColorClassesAndStyles: jest.fn( nothing ),
			__experimentalGetShadowClassesAndStyles: jest.fn( nothing ),
			__experimentalGetSpacingClassesAndStyles: jest.fn( nothing ),
			getTypographyClassesAndStyles: jest.fn( nothing ),
		};
	},
	{ virtual: true }
);

function saved( attributes: ButtonAttributes ): string {
	mockSaving = attributes;
	const element = save( { attributes } );
	return element === null ? '' : renderToString( element );
}

describe( 'button block save()', () => {
	it.each( cases.map( ( item ) => [ item.name, item ] as const ) )(
		'%s',
		( _name, item ) => {
			expect( saved( item.attributes as ButtonAttributes ) ).toBe(
				item.html
			);
		}
	);

	it( 'puts support classes and styles on the inner element, after its own classes', () => {
		const supports = jest.requireMock<
			Record< string, jest.Mock< unknown, [ unknown ] > >
		>( '@wordpress/block-editor' );
		supports.__experimentalGetColorClassesAndStyles?.mockReturnValueOnce( {
			className: 'has-text-color has-white-color',
			style: { backgroundColor: '#123456' },
		} );
		supports.__experimentalGetBorderClassesAndStyles?.mockReturnValueOnce( {
			className: undefined,
			style: { borderRadius: '4px' },
		} );
		expect( saved( { label: 'Chat', fallback: '/contact/' } ) ).toBe(
			'<div class="wp-block-qualified-integration-button"><a class="wp-block-button__link wp-element-button qualified-open has-text-color has-white-color" href="/contact/" style="border-radius:4px;background-color:#123456">Chat</a></div>'
		);
	} );
} );
