/**
 * The "Loading & privacy" section as rendered (admin/sections/Loading.tsx):
 * the seconds only for the first interaction, the consent category and the
 * hook only for consent, the notice when no consent plugin speaks the WP
 * Consent API, a server message at its field (aria-invalid, described by
 * the message), and a constant that locks every input; and the shared
 * words and page strategy (src/shared/loading-choices.ts). Rendered with React
 * DOM; the components package is mocked with plain elements of the same
 * props (its npm build pulls ES-module-only dependencies this Jest setup
 * does not transform), as in button-edit.test.tsx.
 */

/**
 * External dependencies
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/**
 * Internal dependencies
 */
import type { AdminBootData } from '../../admin/boot-data';
import type { FieldErrors } from '../../admin/field-errors';
import type { ConsentPlugin } from '../../admin/loading/model';
import { loadingSection } from '../../admin/sections/Loading';
import {
	categoryLabels,
	pageStrategy,
	strategyLabels,
} from '../../src/shared/loading-choices';
import {
	CONSENT_CATEGORIES,
	LOAD_STRATEGIES,
} from '../../src/shared/loading-options';
import type {
	EditableSettings,
	LoadingSettings,
	SettingsPayload,
} from '../../src/shared/settings';

interface MockFieldProps {
	id?: string;
	label: string;
	help?: unknown;
	value: string;
	type?: string;
	disabled?: boolean;
	onChange: ( value: string ) => void;
	options?: Array< { value: string; label: string } >;
	'aria-invalid'?: boolean;
	'aria-describedby'?: string;
}

jest.mock( '@wordpress/components', () => {
	const { createElement: h } = jest.requireActual( '@wordpress/element' );
	function MockField( {
		tag,
		id,
		label,
		help,
		value,
		type,
		disabled,
		onChange,
		options,
		...rest
	}: MockFieldProps & { tag: 'input' | 'select' } ) {
		return h(
			'div',
			null,
			h( 'label', { htmlFor: id }, label ),
			h(
				tag,
				{
					id,
					value,
					type,
					disabled,
					'aria-invalid': rest[ 'aria-invalid' ],
					'aria-describedby': rest[ 'aria-describedby' ],
					onChange: ( event: { target: { value: string } } ) =>
						onChange( event.target.value ),
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
	const box =
		( className: string ) =>
		( { children }: { children: unknown } ) =>
			h( 'div', { className }, children );
	return {
		Card: box( 'card' ),
		CardBody: box( 'card-body' ),
		Notice: ( {
			status,
			children,
		}: {
			status: string;
			children: unknown;
		} ) =>
			h(
				'div',
				{ className: `components-notice is-${ status }` },
				children
			),
		SelectControl: ( props: MockFieldProps ) =>
			h( MockField, { ...props, tag: 'select' } ),
		TextControl: ( props: MockFieldProps ) =>
			h( MockField, { ...props, tag: 'input' } ),
	};
} );

(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

const Section = loadingSection.Component;

const API: ConsentPlugin = {
	slug: 'wp-consent-api',
	name: 'WP Consent API',
	consentApi: true,
};
const COMPLIANZ: ConsentPlugin = {
	slug: 'complianz',
	name: 'Complianz',
	consentApi: true,
};

let container: HTMLDivElement;
let root: Root;
let loading: LoadingSettings;
let changes: Array< { value: unknown; path: string | undefined } >;

function boot( consentPlugins: ConsentPlugin[] = [] ): AdminBootData {
	return {
		restPath: '',
		previewPath: '',
		experiencesPreviewPath: '',
		roles: [],
		postTypes: [],
		taxonomies: [],
		consentPlugins,
		cspHosts: {
			'script-src': [ 'https://js.qualified.com' ],
			'connect-src': [
				'https://*.qualified.com',
				'wss://*.qualified.com',
			],
		},
		cookies: [ { name: '__q_state_<token>', purpose: 'State.' } ],
		siteHealthUrl: '/wp-admin/site-health.php',
	};
}

function render(
	options: {
		plugins?: ConsentPlugin[];
		errors?: FieldErrors;
		locked?: SettingsPayload[ 'locked' ];
	} = {}
) {
	const draft = { token: 'AbCd1234', loading } as EditableSettings;
	const payload = {
		settings: { ...draft, schemaVersion: 5 },
		locked: options.locked ?? {},
		revision: 'r',
		status: { live: true, reasons: [], homeUrl: 'http://site.test/' },
		problems: [],
	} as unknown as SettingsPayload;
	act( () => {
		root.render(
			<Section
				boot={ boot( options.plugins ) }
				payload={ payload }
				draft={ draft }
				errors={ options.errors ?? {} }
				update={ ( _field, value, path ) => {
					changes.push( { value, path } );
					loading = value as LoadingSettings;
					render( options );
				} }
				setErrors={ () => undefined }
			/>
		);
	} );
}

function field(
	label: string
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
	const element = Array.from( container.querySelectorAll( 'label' ) ).find(
		( item ) => item.textContent === label
	);
	const id = element?.getAttribute( 'for' );
	const input = id ? document.getElementById( id ) : null;
	return input instanceof HTMLInputElement ||
		input instanceof HTMLSelectElement ||
		input instanceof HTMLTextAreaElement
		? input
		: null;
}

function warnings(): string {
	return Array.from(
		container.querySelectorAll( '.components-notice.is-warning' )
	)
		.map( ( element ) => element.textContent ?? '' )
		.join( ' ' );
}

beforeEach( () => {
	container = document.createElement( 'div' );
	document.body.appendChild( container );
	root = createRoot( container );
	loading = {
		strategy: 'immediate',
		maxDelay: 0,
		consentCategory: 'marketing',
	};
	changes = [];
} );

afterEach( () => {
	act( () => root.unmount() );
	container.remove();
} );

describe( 'Loading & privacy', () => {
	it( 'is its own tab, after the others, for the loading field', () => {
		expect( loadingSection.name ).toBe( 'loading' );
		expect( loadingSection.fields ).toEqual( [ 'loading' ] );
	} );

	it( 'offers the four moments, each with its help, the current one checked', () => {
		render();
		const radios = Array.from(
			container.querySelectorAll< HTMLInputElement >(
				'input[type="radio"]'
			)
		);
		expect( radios.map( ( radio ) => radio.value ) ).toEqual( [
			'immediate',
			'idle',
			'interaction',
			'consent',
		] );
		expect(
			field( 'Immediately' )?.getAttribute( 'aria-describedby' )
		).toBe( `${ field( 'Immediately' )?.id }__help` );
		expect( ( field( 'Immediately' ) as HTMLInputElement ).checked ).toBe(
			true
		);
		expect( container.textContent ).toContain(
			'as Qualified’s own install snippet does'
		);
	} );

	it( 'shows the seconds for the first interaction only', () => {
		render();
		expect( field( 'Load anyway after (seconds)' ) ).toBeNull();
		expect( field( 'Consent category' ) ).toBeNull();

		act( () =>
			( field( 'At the first interaction' ) as HTMLInputElement ).click()
		);
		expect( loading.strategy ).toBe( 'interaction' );
		expect( changes.at( -1 )?.path ).toBe( 'loading.strategy' );
		const seconds = field( 'Load anyway after (seconds)' );
		expect( seconds ).not.toBeNull();
		expect( seconds?.value ).toBe( '0' );
		expect( field( 'Consent category' ) ).toBeNull();

		act( () =>
			( field( 'When the browser is idle' ) as HTMLInputElement ).click()
		);
		expect( field( 'Load anyway after (seconds)' ) ).toBeNull();
	} );

	it( 'shows the category, the hook and no notice for consent with a banner feeding the WP Consent API', () => {
		loading = { ...loading, strategy: 'consent' };
		render( { plugins: [ API, COMPLIANZ ] } );
		expect( field( 'Load anyway after (seconds)' ) ).toBeNull();
		const category = field( 'Consent category' ) as HTMLSelectElement;
		expect( category.value ).toBe( 'marketing' );
		expect(
			Array.from( category.options ).map( ( option ) => option.value )
		).toEqual( [ 'functional', 'statistics', 'preferences', 'marketing' ] );
		expect( container.textContent ).toContain(
			'window.qualifiedIntegration.grantConsent()'
		);
		expect( container.textContent ).toContain(
			'qualified-integration:consent'
		);
		expect( field( 'Grant consent from your own banner' ) ).not.toBeNull();
		expect( warnings() ).toBe( '' );
		expect( container.textContent ).toContain( 'Complianz' );
	} );

	it( 'warns for consent when no consent plugin speaks the WP Consent API, and says to wire the hook', () => {
		loading = { ...loading, strategy: 'consent' };
		render();
		expect( warnings() ).toContain( 'No consent plugin was found' );
		expect( warnings() ).toContain( 'JavaScript hook' );

		render( { plugins: [ COMPLIANZ ] } );
		expect( warnings() ).toContain(
			'Complianz is active, but the WP Consent API plugin is not'
		);
	} );

	it( 'does not warn for other strategies, even without consent plugins', () => {
		render();
		expect( warnings() ).toBe( '' );
		expect( field( 'Grant consent from your own banner' ) ).toBeNull();
		expect( container.textContent ).toContain( 'None found.' );
	} );

	it( 'lists the CSP sources per directive to copy, and points to Site Health', () => {
		render();
		const snippet = field(
			'Sources to allow, by directive'
		) as HTMLTextAreaElement;
		expect( snippet.value ).toBe(
			'script-src https://js.qualified.com;\nconnect-src https://*.qualified.com wss://*.qualified.com;'
		);
		expect( snippet.readOnly ).toBe( true );
		const link = container.querySelector(
			'a[href="/wp-admin/site-health.php"]'
		);
		expect( link?.textContent ).toBe( 'Tools → Site Health' );
		expect( container.textContent ).toContain( '__q_state_AbCd1234' );
	} );

	it( 'shows a server message at its field, marked invalid and described by it', () => {
		loading = { ...loading, strategy: 'interaction', maxDelay: 601 };
		render( {
			errors: {
				'loading.maxDelay':
					'Load anyway after (seconds): must be at most 600.',
			},
		} );
		const seconds = field(
			'Load anyway after (seconds)'
		) as HTMLInputElement;
		expect( seconds.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		const [ first ] = (
			seconds.getAttribute( 'aria-describedby' ) ?? ''
		).split( ' ' );
		expect( document.getElementById( first ?? '' )?.textContent ).toBe(
			'Load anyway after (seconds): must be at most 600.'
		);
		expect( seconds.id ).toBe( 'qi-field-loading-maxDelay' );
	} );

	it( 'sends what is typed in the seconds, as a number', () => {
		loading = { ...loading, strategy: 'interaction' };
		render();
		const seconds = field(
			'Load anyway after (seconds)'
		) as HTMLInputElement;
		const setter = Object.getOwnPropertyDescriptor(
			HTMLInputElement.prototype,
			'value'
		)?.set;
		act( () => {
			setter?.call( seconds, '5' );
			seconds.dispatchEvent( new Event( 'input', { bubbles: true } ) );
		} );
		expect( loading.maxDelay ).toBe( 5 );
		expect( changes.at( -1 )?.path ).toBe( 'loading.maxDelay' );
	} );

	it( 'disables every input when a constant locks the field', () => {
		loading = { ...loading, strategy: 'consent' };
		render( {
			plugins: [ API, COMPLIANZ ],
			locked: {
				loading: {
					constant: 'QUALIFIED_INTEGRATION_LOADING',
					error: null,
				},
			},
		} );
		const inputs = Array.from(
			container.querySelectorAll< HTMLInputElement | HTMLSelectElement >(
				'input, select'
			)
		);
		expect( inputs.length ).toBeGreaterThan( 4 );
		expect( inputs.every( ( input ) => input.disabled ) ).toBe( true );
		expect( container.textContent ).toContain(
			'Locked: set by QUALIFIED_INTEGRATION_LOADING in wp-config.php.'
		);
	} );
} );

describe( 'loading choices', () => {
	it( 'has words for every strategy and category of the schema', () => {
		expect( Object.keys( strategyLabels() ).sort() ).toEqual(
			[ ...LOAD_STRATEGIES ].sort()
		);
		expect( Object.keys( categoryLabels() ).sort() ).toEqual(
			[ ...CONSENT_CATEGORIES ].sort()
		);
	} );

	it( 'lets a page choose its moment, but never lift consent', () => {
		expect( pageStrategy( 'idle' ) ).toBe( 'idle' );
		expect( pageStrategy( 'idle', 'immediate' ) ).toBe( 'immediate' );
		expect( pageStrategy( 'immediate', 'consent' ) ).toBe( 'consent' );
		expect( pageStrategy( 'consent', 'immediate' ) ).toBe( 'consent' );
		expect( pageStrategy( 'consent', 'interaction' ) ).toBe( 'consent' );
	} );
} );
