/**
 * The button block's "Qualified" panel (src/blocks/button/ButtonSettings.tsx):
 * the Experience field shows only for "Start an Experience", and a name or
 * a fallback link the front end would not use is flagged under its field
 * (role="alert", aria-invalid), at once when stored so, else once the field
 * is left. Rendered with React DOM. The block editor package (core's
 * `wp.blockEditor`, not an npm package here) is mocked as a virtual module;
 * the components package is mocked with plain form controls of the same
 * props, because its npm build pulls ES-module-only dependencies (uuid) this
 * Jest setup does not transform.
 */

/**
 * External dependencies
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/**
 * Internal dependencies
 */
import { Edit } from '../../src/blocks/button/edit';
import type { ButtonAttributes } from '../../src/blocks/button/markup';

jest.mock(
	'@wordpress/block-editor',
	() => {
		const element = jest.requireActual( '@wordpress/element' );
		const nothing = () => ( { className: undefined, style: {} } );
		return {
			useBlockProps: ( props: Record< string, unknown > = {} ) => props,
			RichText: ( props: { value: string; className?: string } ) =>
				element.createElement(
					'div',
					{ className: props.className, 'data-rich-text': true },
					props.value
				),
			InspectorControls: ( { children }: { children: unknown } ) =>
				element.createElement( element.Fragment, null, children ),
			__experimentalGetShadowClassesAndStyles: nothing,
			__experimentalGetSpacingClassesAndStyles: nothing,
			__experimentalUseBorderProps: nothing,
			__experimentalUseColorProps: nothing,
			getTypographyClassesAndStyles: nothing,
		};
	},
	{ virtual: true }
);

/** The props the mocked form controls read. */
interface MockFieldProps {
	label: string;
	help?: unknown;
	value: string;
	onChange: ( value: string ) => void;
	onBlur?: () => void;
	options?: Array< { value: string; label: string } >;
	'aria-invalid'?: boolean;
}

jest.mock( '@wordpress/components', () => {
	const {
		createElement: h,
		Fragment,
		useId,
	} = jest.requireActual( '@wordpress/element' );
	function MockField( {
		tag,
		label,
		help,
		value,
		onChange,
		onBlur,
		options,
		...rest
	}: MockFieldProps & { tag: 'input' | 'select' } ) {
		const id = useId();
		return h(
			'div',
			null,
			h( 'label', { htmlFor: id }, label ),
			h(
				tag,
				{
					id,
					value,
					'aria-invalid': rest[ 'aria-invalid' ],
					'aria-describedby': help ? `${ id }__help` : undefined,
					onChange: ( event: { target: { value: string } } ) =>
						onChange( event.target.value ),
					onBlur,
				},
				options?.map( ( option ) =>
					h(
						'option',
						{ key: option.value, value: option.value },
						option.label
					)
				)
			),
			help ? h( 'p', { id: `${ id }__help` }, help ) : null
		);
	}
	return {
		PanelBody: ( { children }: { children: unknown } ) =>
			h( Fragment, null, children ),
		SelectControl: ( props: MockFieldProps ) =>
			h( MockField, { ...props, tag: 'select' } ),
		TextControl: ( props: MockFieldProps ) =>
			h( MockField, { ...props, tag: 'input' } ),
		Button: ( props: { children: unknown; onClick: () => void } ) =>
			h(
				'button',
				{ type: 'button', onClick: props.onClick },
				props.children
			),
	};
} );

(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let attributes: ButtonAttributes;

function render() {
	act( () => {
		root.render(
			<Edit
				attributes={ attributes }
				setAttributes={ ( next ) => {
					attributes = { ...attributes, ...next };
					render();
				} }
				isSelected
				clientId="button-1"
			/>
		);
	} );
}

function mount( initial: ButtonAttributes ) {
	attributes = initial;
	render();
}

/**
 * The input under a field's label.
 *
 * @param label The label's text.
 */
function field( label: string ): HTMLInputElement | HTMLSelectElement | null {
	const labelElement = Array.from(
		container.querySelectorAll( 'label' )
	).find( ( element ) => element.textContent === label );
	const id = labelElement?.getAttribute( 'for' );
	const input = id ? document.getElementById( id ) : null;
	return input instanceof HTMLInputElement ||
		input instanceof HTMLSelectElement
		? input
		: null;
}

/**
 * Types a value into an input as React sees a user's typing.
 *
 * @param input The input.
 * @param value The new value.
 */
function type( input: HTMLInputElement, value: string ) {
	const setter = Object.getOwnPropertyDescriptor(
		HTMLInputElement.prototype,
		'value'
	)?.set;
	act( () => {
		setter?.call( input, value );
		input.dispatchEvent( new Event( 'input', { bubbles: true } ) );
	} );
}

function leave( input: HTMLElement ) {
	act( () => {
		input.dispatchEvent( new FocusEvent( 'focusout', { bubbles: true } ) );
	} );
}

function alerts(): string[] {
	return Array.from( container.querySelectorAll( '[role="alert"]' ) ).map(
		( element ) => element.textContent ?? ''
	);
}

beforeEach( () => {
	container = document.createElement( 'div' );
	document.body.appendChild( container );
	root = createRoot( container );
} );

afterEach( () => {
	act( () => root.unmount() );
	container.remove();
} );

describe( 'button block edit', () => {
	it( 'shows the label as the button, with the width classes', () => {
		mount( { label: 'Chat with us', width: 50 } );
		const wrapper = container.firstElementChild;
		expect( wrapper?.className ).toBe(
			'has-custom-width wp-block-qualified-integration-button__width-50'
		);
		expect(
			container.querySelector( '[data-rich-text]' )?.textContent
		).toBe( 'Chat with us' );
	} );

	it( 'sets a width, and clears it when the same width is pressed again', () => {
		mount( { label: 'Chat' } );
		const half = (): HTMLButtonElement | undefined =>
			Array.from( container.querySelectorAll( 'button' ) ).find(
				( button ) => button.textContent === '50%'
			);
		act( () => half()?.click() );
		expect( attributes.width ).toBe( 50 );
		act( () => half()?.click() );
		expect( attributes.width ).toBeUndefined();
	} );

	it( 'shows the Experience field only for "Start an Experience"', () => {
		mount( { label: 'Chat' } );
		expect( field( 'Experience API name' ) ).toBeNull();

		const select = field( 'On click' ) as HTMLSelectElement;
		act( () => {
			select.value = 'showExperience';
			select.dispatchEvent( new Event( 'change', { bubbles: true } ) );
		} );
		expect( attributes.action ).toBe( 'showExperience' );
		const input = field( 'Experience API name' );
		expect( input ).not.toBeNull();
		expect( container.textContent ).toContain(
			'In Qualified: Settings → Experiences → Manual → the Experience → API NAME (experience- and digits).'
		);

		act( () => {
			select.value = 'open';
			select.dispatchEvent( new Event( 'change', { bubbles: true } ) );
		} );
		expect( field( 'Experience API name' ) ).toBeNull();
	} );

	it( 'flags a malformed name once the field is left, and clears it when fixed', () => {
		mount( { label: 'Chat', action: 'showExperience' } );
		const input = field( 'Experience API name' ) as HTMLInputElement;

		type( input, 'experience-12a' );
		expect( attributes.experience ).toBe( 'experience-12a' );
		expect( alerts() ).toEqual( [] );
		expect( input.getAttribute( 'aria-invalid' ) ).toBe( 'false' );

		leave( input );
		expect( alerts() ).toHaveLength( 1 );
		expect( alerts()[ 0 ] ).toContain( 'not an API name' );
		expect( input.getAttribute( 'aria-invalid' ) ).toBe( 'true' );

		type( input, ' experience-1234 ' );
		expect( attributes.experience ).toBe( 'experience-1234' );
		expect( alerts() ).toEqual( [] );
		expect( input.getAttribute( 'aria-invalid' ) ).toBe( 'false' );
	} );

	it( 'flags a stored malformed name at once', () => {
		mount( {
			label: 'Chat',
			action: 'showExperience',
			experience: 'exp-1',
		} );
		expect( alerts() ).toHaveLength( 1 );
		expect(
			field( 'Experience API name' )?.getAttribute( 'aria-invalid' )
		).toBe( 'true' );
	} );

	it( 'flags a fallback link save() would drop, not a safe one', () => {
		mount( { label: 'Chat', fallback: 'javascript:alert(1)' } );
		const input = field( 'Fallback link' ) as HTMLInputElement;
		expect( alerts() ).toHaveLength( 1 );
		expect( alerts()[ 0 ] ).toContain( 'This link cannot be used' );
		expect( input.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( container.textContent ).toContain(
			'Leave empty to hide the button then.'
		);

		type( input, '/contact/' );
		expect( attributes.fallback ).toBe( '/contact/' );
		expect( alerts() ).toEqual( [] );

		type( input, '' );
		leave( input );
		expect( alerts() ).toEqual( [] );
	} );
} );
