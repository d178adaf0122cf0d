/**
 * The "Export & import" section as rendered (admin/sections/Transfer.tsx):
 * the download with and without webhook secrets, the size check at the
 * file field, the preview of a file's changes (version, changes in words,
 * "No changes"), applying it (the whole screen takes the new settings and
 * a notice), cancelling, and a refusal listing every message with nothing
 * applied. Rendered with React DOM; the components package is mocked with
 * plain elements of the same props (its npm build pulls ES-module-only
 * dependencies this Jest setup does not transform), as in
 * admin-loading-section.test.tsx, and apiFetch answers as the routes do
 * (the routes themselves run for real in tests/e2e/export-import.spec.ts).
 */

/**
 * External dependencies
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import type { AdminBootData } from '../../admin/boot-data';
import type { PageNotice } from '../../admin/notices';
import { transferSection } from '../../admin/sections/Transfer';
import type { ImportResult } from '../../admin/transfer/api';
import type {
	EditableSettings,
	Settings,
	SettingsPayload,
} from '../../src/shared/settings';

jest.mock( '@wordpress/api-fetch', () => ( {
	__esModule: true,
	default: jest.fn(),
} ) );

let dropFiles: ( ( files: File[] ) => void ) | null = null;

jest.mock( '@wordpress/components', () => {
	const { createElement: h } = jest.requireActual( '@wordpress/element' );
	const box =
		( className: string ) =>
		( { children }: { children: unknown } ) =>
			h( 'div', { className }, children );
	return {
		Card: box( 'card' ),
		CardBody: box( 'card-body' ),
		Button: ( {
			children,
			variant,
			isBusy,
			__next40pxDefaultSize: size,
			...rest
		}: Record< string, unknown > ) =>
			h(
				'button',
				{
					type: 'button',
					'data-variant': variant,
					'data-busy': isBusy ? 'true' : undefined,
					'data-size': size ? '40' : undefined,
					...rest,
				},
				children
			),
		CheckboxControl: ( {
			label,
			help,
			checked,
			onChange,
		}: {
			label: string;
			help: string;
			checked: boolean;
			onChange: ( value: boolean ) => void;
		} ) =>
			h(
				'div',
				null,
				h(
					'label',
					null,
					h( 'input', {
						type: 'checkbox',
						checked,
						onChange: ( event: { target: { checked: boolean } } ) =>
							onChange( event.target.checked ),
					} ),
					label
				),
				h( 'p', null, help )
			),
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
		FormFileUpload: ( {
			accept,
			onChange,
			render: renderButton,
		}: {
			accept: string;
			onChange: ( event: unknown ) => void;
			render: ( args: { openFileDialog: () => void } ) => unknown;
		} ) =>
			h(
				'div',
				null,
				renderButton( { openFileDialog: () => undefined } ),
				h( 'input', {
					type: 'file',
					accept,
					onChange,
					'data-testid': 'file',
				} )
			),
		DropZone: ( {
			onFilesDrop,
		}: {
			onFilesDrop: ( files: File[] ) => void;
		} ) => {
			dropFiles = onFilesDrop;
			return null;
		},
	};
} );

(
	globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
 ).IS_REACT_ACT_ENVIRONMENT = true;

const fetchMock = apiFetch as unknown as jest.Mock;
const Section = transferSection.Component;
const SETTINGS_PATH = '/qualified-integration/v1/settings';

const SETTINGS: Settings = {
	schemaVersion: 5,
	enabled: true,
	token: 'OldToken1',
	excludeRoles: [],
	identity: { mappings: [] },
	experiences: { spa: false, rules: [] },
	events: { handlers: [], webhooks: [], retentionDays: 90 },
	loading: {
		strategy: 'immediate',
		maxDelay: 0,
		consentCategory: 'marketing',
	},
};

function payloadOf( settings: Settings ): SettingsPayload {
	return {
		settings,
		locked: {},
		revision: 'r1',
		status: { live: true, reasons: [], homeUrl: 'http://site.test/' },
		problems: [],
	};
}

const BOOT = { restPath: SETTINGS_PATH } as AdminBootData;

let container: HTMLDivElement;
let root: Root;
let replaced: Array< { payload: SettingsPayload; notice: PageNotice } >;

function render(
	draft: Partial< EditableSettings > = {},
	boot: AdminBootData = BOOT
) {
	const payload = payloadOf( SETTINGS );
	const { schemaVersion, ...editable } = SETTINGS;
	expect( schemaVersion ).toBe( 5 );
	act( () => {
		root.render(
			<Section
				boot={ boot }
				payload={ payload }
				draft={ { ...editable, ...draft } }
				errors={ {} }
				update={ () => undefined }
				setErrors={ () => undefined }
				replaceSettings={ ( next, notice ) =>
					replaced.push( { payload: next, notice } )
				}
			/>
		);
	} );
}

/** Lets promises, FileReader and React updates run. */
async function settle() {
	for ( let round = 0; round < 5; round++ ) {
		await act(
			() => new Promise< void >( ( resolve ) => setTimeout( resolve, 0 ) )
		);
	}
}

function focusedId(): string | undefined {
	return container.ownerDocument.activeElement?.id;
}

function button( text: string ): HTMLButtonElement | undefined {
	return Array.from( container.querySelectorAll( 'button' ) ).find(
		( element ) => element.textContent === text
	);
}

async function click( text: string ) {
	const target = button( text );
	expect( target ).toBeDefined();
	act( () => target?.click() );
	await settle();
}

function fileButton(): HTMLButtonElement {
	return container.querySelector(
		'#qi-field-importFile'
	) as HTMLButtonElement;
}

async function choose( file: File ) {
	const input = container.querySelector(
		'[data-testid="file"]'
	) as HTMLInputElement;
	Object.defineProperty( input, 'files', {
		configurable: true,
		value: [ file ],
	} );
	act( () => {
		input.dispatchEvent( new Event( 'change', { bubbles: true } ) );
	} );
	await settle();
}

function jsonFile( body: unknown, name = 'settings.json' ): File {
	return new File( [ JSON.stringify( body ) ], name, {
		type: 'application/json',
	} );
}

function errorText(): string {
	return (
		container.querySelector( '.components-notice.is-error' )?.textContent ??
		''
	);
}

function importCalls(): Array< { file: string; apply: boolean } > {
	return fetchMock.mock.calls
		.map( ( [ options ] ) => options as { path: string; data?: unknown } )
		.filter( ( options ) => options.path === `${ SETTINGS_PATH }/import` )
		.map( ( options ) => options.data as { file: string; apply: boolean } );
}

beforeEach( () => {
	container = document.createElement( 'div' );
	document.body.appendChild( container );
	root = createRoot( container );
	replaced = [];
	dropFiles = null;
	fetchMock.mockReset();
} );

afterEach( () => {
	act( () => root.unmount() );
	container.remove();
} );

describe( 'Export & import', () => {
	it( 'is its own tab, last, editing no field of the form', () => {
		expect( transferSection.name ).toBe( 'export-import' );
		expect( transferSection.title ).toBe( 'Export & import' );
		expect( transferSection.fields ).toEqual( [] );
	} );

	it( 'on the Network Admin screen, points to each site and to WP-CLI instead of a file field', () => {
		render(
			{},
			{
				...BOOT,
				restPath: '/qualified-integration/v1/network/settings',
			}
		);
		expect( container.textContent ).toContain(
			'wp qualified export --network'
		);
		expect( container.querySelector( 'input[type="file"]' ) ).toBeNull();
		expect( button( 'Download settings (JSON)' ) ).toBeUndefined();
	} );

	describe( 'export', () => {
		let saved: Array< { name: string; href: string } >;
		const created: Blob[] = [];

		beforeEach( () => {
			saved = [];
			created.length = 0;
			URL.createObjectURL = jest.fn( ( blob: Blob ) => {
				created.push( blob );
				return 'blob:qi-test';
			} );
			URL.revokeObjectURL = jest.fn();
			jest.spyOn(
				HTMLAnchorElement.prototype,
				'click'
			).mockImplementation( function ( this: HTMLAnchorElement ) {
				saved.push( { name: this.download, href: this.href } );
			} );
		} );

		afterEach( () => jest.restoreAllMocks() );

		function answer( disposition: string | null ) {
			fetchMock.mockResolvedValue( {
				text: () => Promise.resolve( '{"schemaVersion":5}' ),
				headers: {
					get: ( name: string ) =>
						name === 'Content-Disposition' ? disposition : null,
				},
			} );
		}

		it( 'leaves webhook secrets out by default, and says why', async () => {
			render();
			const box = container.querySelector< HTMLInputElement >(
				'input[type="checkbox"]'
			);
			expect( box?.checked ).toBe( false );
			expect( container.textContent ).toContain(
				'Include webhook secrets'
			);
			expect( container.textContent ).toContain(
				'leave this off unless the file stays private'
			);

			answer(
				'attachment; filename="qualified-settings-site.test-2025-03-04.json"'
			);
			await click( 'Download settings (JSON)' );
			expect( fetchMock ).toHaveBeenCalledWith( {
				path: `${ SETTINGS_PATH }/export`,
				parse: false,
			} );
			expect( saved ).toEqual( [
				{
					name: 'qualified-settings-site.test-2025-03-04.json',
					href: 'blob:qi-test',
				},
			] );
			expect( created[ 0 ]?.type ).toBe( 'application/json' );
			expect( container.textContent ).toContain(
				'Downloaded qualified-settings-site.test-2025-03-04.json.'
			);
		} );

		it( 'asks for the secrets when the box is ticked, and names the file itself without a header', async () => {
			render();
			act( () =>
				container
					.querySelector< HTMLInputElement >(
						'input[type="checkbox"]'
					)
					?.click()
			);
			answer( null );
			await click( 'Download settings (JSON)' );
			expect( fetchMock ).toHaveBeenCalledWith( {
				path: `${ SETTINGS_PATH }/export?secrets=1`,
				parse: false,
			} );
			expect( saved[ 0 ]?.name ).toMatch(
				/^qualified-settings-localhost-\d{4}-\d{2}-\d{2}\.json$/
			);
		} );

		it( 'lists why a download was refused', async () => {
			render();
			fetchMock.mockRejectedValue( {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed to do that.',
			} );
			await click( 'Download settings (JSON)' );
			expect( errorText() ).toContain(
				'The settings could not be downloaded:'
			);
			expect( errorText() ).toContain(
				'Sorry, you are not allowed to do that.'
			);
			expect( saved ).toEqual( [] );
		} );
	} );

	describe( 'import', () => {
		const PREVIEW: ImportResult = {
			fromVersion: 5,
			changes: [
				{ path: 'token', before: 'OldToken1', after: 'NewToken2' },
				{
					path: 'events.webhooks[0].secret',
					before: '(secret)',
					after: '(secret)',
				},
			],
			applied: false,
		};

		it( 'refuses a file over 1 MB at the field, without sending it', async () => {
			render();
			const big = jsonFile( {}, 'huge.json' );
			Object.defineProperty( big, 'size', { value: 10 * 1048576 } );
			await choose( big );
			expect( fetchMock ).not.toHaveBeenCalled();
			expect( errorText() ).toContain(
				'Settings file: huge.json was not imported, nothing changed.'
			);
			expect( errorText() ).toContain(
				'Settings file: the file is 10 MB, more than the 1 MB a settings file can be.'
			);
			const picker = fileButton();
			expect( picker.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
			const [ first ] = (
				picker.getAttribute( 'aria-describedby' ) ?? ''
			).split( ' ' );
			expect( first ).toBe( 'qi-field-importFile-error' );
			expect(
				document.getElementById( first ?? '' )?.textContent
			).toContain( 'the file is 10 MB' );
			// The refusal's notice is where focus goes.
			expect( focusedId() ).toBe( 'qi-field-importFile-error' );
		} );

		it( 'previews a file’s changes, in words, secrets masked, then applies them', async () => {
			render();
			expect( fileButton().getAttribute( 'aria-invalid' ) ).toBeNull();
			const file = { ...SETTINGS, token: 'NewToken2' };
			fetchMock.mockResolvedValueOnce( PREVIEW );
			await choose( jsonFile( file ) );

			expect( importCalls() ).toEqual( [
				{ file: JSON.stringify( file ), apply: false },
			] );
			const preview = container.querySelector(
				'.qi-import-preview'
			) as HTMLElement;
			expect( preview.textContent ).toContain(
				'What settings.json changes'
			);
			expect( preview.textContent ).toContain(
				'The file has settings version 5, the version this plugin uses.'
			);
			expect( preview.textContent ).toContain(
				'Applying this file changes 2 settings:'
			);
			const rows = Array.from(
				preview.querySelectorAll( '.qi-change' ),
				( row ) => row.textContent
			);
			expect( rows ).toEqual( [
				'Site tokentoken"OldToken1"→becomes"NewToken2"',
				'Webhook 1, Secretevents.webhooks[0].secret(secret)→becomes(a different secret)',
			] );
			expect( focusedId() ).toBe( 'qi-import-preview-title' );
			// Nothing is written until Apply.
			expect( replaced ).toEqual( [] );

			const applied = payloadOf( { ...SETTINGS, token: 'NewToken2' } );
			fetchMock.mockResolvedValueOnce( {
				...PREVIEW,
				applied: true,
				settings: applied,
			} );
			await click( 'Apply these changes' );
			expect( importCalls()[ 1 ] ).toEqual( {
				file: JSON.stringify( file ),
				apply: true,
			} );
			// Applied on the revision the screen shows, as a save is.
			expect( fetchMock.mock.calls[ 1 ]?.[ 0 ].headers ).toEqual( {
				'If-Match': '"r1"',
			} );
			expect( fetchMock.mock.calls[ 0 ]?.[ 0 ].headers ).toBeUndefined();
			expect( replaced ).toEqual( [
				{
					payload: applied,
					notice: {
						status: 'success',
						message:
							'Imported the settings file: 2 settings changed.',
					},
				},
			] );
			expect(
				container.querySelector( '.qi-import-preview' )
			).toBeNull();
			expect( focusedId() ).toBe( 'qi-field-importFile' );
		} );

		it( 'loads the settings when the answer of an apply does not carry them', async () => {
			render();
			fetchMock.mockResolvedValueOnce( PREVIEW );
			await choose( jsonFile( SETTINGS ) );
			const loaded = payloadOf( { ...SETTINGS, token: 'NewToken2' } );
			fetchMock
				.mockResolvedValueOnce( { ...PREVIEW, applied: true } )
				.mockResolvedValueOnce( loaded );
			await click( 'Apply these changes' );
			expect( fetchMock.mock.calls.at( -1 )?.[ 0 ] ).toEqual( {
				path: SETTINGS_PATH,
			} );
			expect( replaced[ 0 ]?.payload ).toBe( loaded );
		} );

		it( 'says an older file will be migrated, and takes a dropped file', async () => {
			render();
			fetchMock.mockResolvedValueOnce( { ...PREVIEW, fromVersion: 3 } );
			expect( dropFiles ).not.toBeNull();
			act( () => dropFiles?.( [ jsonFile( { schemaVersion: 3 } ) ] ) );
			await settle();
			expect( container.textContent ).toContain(
				'It will be migrated from version 3 to version 5'
			);
		} );

		it( 'says "No changes" and offers no Apply when the file matches', async () => {
			render();
			fetchMock.mockResolvedValueOnce( { ...PREVIEW, changes: [] } );
			await choose( jsonFile( SETTINGS ) );
			expect( container.textContent ).toContain(
				'No changes: the file matches the settings in force.'
			);
			expect( button( 'Apply these changes' ) ).toBeUndefined();
			await click( 'Cancel' );
			expect(
				container.querySelector( '.qi-import-preview' )
			).toBeNull();
		} );

		it( 'warns that unsaved changes on the screen would be replaced', async () => {
			render( { token: 'TypedNotSaved' } );
			fetchMock.mockResolvedValueOnce( PREVIEW );
			await choose( jsonFile( SETTINGS ) );
			expect(
				container.querySelector( '.components-notice.is-warning' )
					?.textContent
			).toContain( 'This screen has unsaved changes.' );
		} );

		it( 'cancels a preview without applying anything', async () => {
			render();
			fetchMock.mockResolvedValueOnce( PREVIEW );
			await choose( jsonFile( SETTINGS ) );
			await click( 'Cancel' );
			expect(
				container.querySelector( '.qi-import-preview' )
			).toBeNull();
			expect( importCalls() ).toHaveLength( 1 );
			expect( replaced ).toEqual( [] );
			expect( focusedId() ).toBe( 'qi-field-importFile' );
		} );

		it( 'lists every message of a refused file, and applies nothing', async () => {
			render();
			fetchMock.mockRejectedValueOnce( {
				code: 'rest_invalid_param',
				message: 'Site token: use only letters and digits.',
				data: {
					status: 400,
					params: {
						token: 'Site token: use only letters and digits.',
						'experiences.rules[3].id':
							'Rule 4, ID: use letters, digits and dashes.',
					},
				},
			} );
			await choose( jsonFile( SETTINGS, 'bad.json' ) );
			const items = Array.from(
				container.querySelectorAll( '.components-notice.is-error li' ),
				( item ) => item.textContent
			);
			expect( items ).toEqual( [
				'Site token: use only letters and digits.',
				'Rule 4, ID: use letters, digits and dashes.',
			] );
			expect( errorText() ).toContain(
				'Settings file: bad.json was not imported, nothing changed.'
			);
			expect( fileButton().getAttribute( 'aria-invalid' ) ).toBe(
				'true'
			);
			expect(
				container.querySelector( '.qi-import-preview' )
			).toBeNull();
			expect( replaced ).toEqual( [] );
		} );

		it( 'shows the server’s message for a newer file, then takes another file', async () => {
			render();
			fetchMock.mockRejectedValueOnce( {
				code: 'qualified_integration_import_newer',
				message:
					'This file has settings version 9; this plugin reads up to version 5. Update the plugin, then import the file again.',
				data: { status: 400 },
			} );
			await choose( jsonFile( { ...SETTINGS, schemaVersion: 9 } ) );
			expect( errorText() ).toContain(
				'this plugin reads up to version 5'
			);

			fetchMock.mockResolvedValueOnce( PREVIEW );
			await choose( jsonFile( SETTINGS ) );
			expect( errorText() ).toBe( '' );
			expect( fileButton().getAttribute( 'aria-invalid' ) ).toBeNull();
			expect( button( 'Apply these changes' ) ).toBeDefined();
		} );

		it( 'lists why applying was refused, and changes nothing on the screen', async () => {
			render();
			fetchMock.mockResolvedValueOnce( PREVIEW );
			await choose( jsonFile( SETTINGS ) );
			fetchMock.mockRejectedValueOnce( {
				code: 'rest_invalid_param',
				message:
					'Load Qualified: locked by QUALIFIED_INTEGRATION_ENABLED.',
				data: { status: 400, params: {} },
			} );
			await click( 'Apply these changes' );
			expect( errorText() ).toContain(
				'Load Qualified: locked by QUALIFIED_INTEGRATION_ENABLED.'
			);
			expect( replaced ).toEqual( [] );
		} );
	} );
} );
