/**
 * The Export & import section's logic (admin/transfer/*.ts): the saved
 * file's name, the size check before a file is read, the preview's rows
 * (paths in words, values as text, secrets masked), the messages of a
 * refusal, and the notice after an import.
 */

/**
 * Internal dependencies
 */
import { transferPath, type ImportChange } from '../../admin/transfer/api';
import {
	changeRows,
	changesSummary,
	MAX_ROWS,
	moreRowsText,
	SECRET_MARK,
	shownValue,
	versionText,
} from '../../admin/transfer/diff';
import {
	errorMessages,
	responseErrorMessages,
} from '../../admin/transfer/errors';
import {
	MAX_IMPORT_BYTES,
	sizeProblem,
	sizeText,
} from '../../admin/transfer/file-size';
import {
	defaultFilename,
	exportFilename,
	filenameFromDisposition,
	safeFilename,
} from '../../admin/transfer/filename';
import { importedNotice } from '../../admin/transfer/notices';
import { pathLabel, pathSegments } from '../../admin/transfer/path-labels';
import type { SettingsPayload } from '../../src/shared/settings';

describe( 'the export file name', () => {
	it( 'is the one Content-Disposition gives, quoted or not', () => {
		expect(
			filenameFromDisposition(
				'attachment; filename="qualified-settings-example.org-2025-03-04.json"'
			)
		).toBe( 'qualified-settings-example.org-2025-03-04.json' );
		expect(
			filenameFromDisposition( 'attachment; filename=settings.json' )
		).toBe( 'settings.json' );
		expect(
			filenameFromDisposition( 'attachment; filename="a \\"b\\".json"' )
		).toBe( 'a "b".json' );
	} );

	it( 'prefers the UTF-8 name (filename*) to the plain one', () => {
		expect(
			filenameFromDisposition(
				'attachment; filename="fallback.json"; filename*=UTF-8\'\'r%C3%A9glages.json'
			)
		).toBe( 'réglages.json' );
		// A broken escape falls back to the plain name.
		expect(
			filenameFromDisposition(
				'attachment; filename*=UTF-8\'\'%E0%A4%A.json; filename="plain.json"'
			)
		).toBe( 'plain.json' );
	} );

	it( 'is null without a header or a name in it', () => {
		expect( filenameFromDisposition( null ) ).toBeNull();
		expect( filenameFromDisposition( 'attachment' ) ).toBeNull();
	} );

	it( 'keeps no folder, reserved character or leading dot', () => {
		expect( safeFilename( '../../etc/passwd' ) ).toBe( 'passwd' );
		expect( safeFilename( 'C:\\Users\\me\\x.json' ) ).toBe( 'x.json' );
		expect( safeFilename( '.hidden.json' ) ).toBe( 'hidden.json' );
		expect( safeFilename( 'a<b>:c|d?.json' ) ).toBe( 'a-b-c-d-.json' );
		expect( safeFilename( 'line\nbreak.json' ) ).toBe( 'line-break.json' );
		expect( safeFilename( 'x'.repeat( 300 ) ) ).toHaveLength( 150 );
	} );

	it( 'falls back to the server’s pattern when the header names no usable file', () => {
		const fallback = defaultFilename(
			'example.org:8902',
			new Date( 2025, 2, 4, 23, 59 )
		);
		expect( fallback ).toBe(
			'qualified-settings-example.org-2025-03-04.json'
		);
		expect( exportFilename( null, fallback ) ).toBe( fallback );
		expect( exportFilename( 'attachment; filename="../"', fallback ) ).toBe(
			fallback
		);
		expect(
			exportFilename( 'attachment; filename="mine.json"', fallback )
		).toBe( 'mine.json' );
		expect( defaultFilename( '', new Date( 2025, 0, 1 ) ) ).toBe(
			'qualified-settings-site-2025-01-01.json'
		);
	} );
} );

describe( 'the size check', () => {
	it( 'lets a file of up to 1 MB through', () => {
		expect( sizeProblem( 1, 'Settings file' ) ).toBeNull();
		expect( sizeProblem( MAX_IMPORT_BYTES, 'Settings file' ) ).toBeNull();
	} );

	it( 'refuses a bigger file, naming the field, its size and the limit', () => {
		expect( sizeProblem( MAX_IMPORT_BYTES + 1, 'Settings file' ) ).toBe(
			'Settings file: the file is 1.1 MB, more than the 1 MB a settings file can be. Choose the JSON file exported from this plugin.'
		);
		expect( sizeProblem( 10 * MAX_IMPORT_BYTES, 'Settings file' ) ).toMatch(
			/^Settings file: the file is 10 MB, more than the 1 MB/
		);
	} );

	it( 'refuses an empty file', () => {
		expect( sizeProblem( 0, 'Settings file' ) ).toMatch(
			/^Settings file: the file is empty\./
		);
	} );

	it( 'says sizes in bytes, KB and MB', () => {
		expect( sizeText( 512 ) ).toBe( '512 bytes' );
		expect( sizeText( 2048 ) ).toBe( '2 KB' );
		expect( sizeText( 2049 ) ).toBe( '3 KB' );
		expect( sizeText( 1.5 * 1048576 ) ).toBe( '1.5 MB' );
	} );
} );

describe( 'paths in words', () => {
	it( 'splits a path into names and indexes', () => {
		expect( pathSegments( 'experiences.rules[3].when[0].value' ) ).toEqual(
			[ 'experiences', 'rules', 3, 'when', 0, 'value' ]
		);
	} );

	it.each( [
		[ 'enabled', 'Load Qualified' ],
		[ 'token', 'Site token' ],
		[ 'excludeRoles', 'Never load for these roles' ],
		[ 'excludeRoles[2]', 'Never load for these roles' ],
		[ 'identity.mappings[0]', 'Mapping 1' ],
		[ 'identity.mappings[0].field', 'Mapping 1, Qualified field' ],
		[ 'identity.mappings[4].persist', 'Mapping 5, Keep for the visit' ],
		[ 'experiences.spa', 'Single-page navigation' ],
		[ 'experiences.rules[3]', 'Rule 4' ],
		[ 'experiences.rules[3].label', 'Rule 4, Label' ],
		[ 'experiences.rules[0].when[1]', 'Rule 1, Condition 2' ],
		[ 'experiences.rules[0].when[1].value', 'Rule 1, Condition 2, Value' ],
		[
			'experiences.rules[0].when[0].values[1]',
			'Rule 1, Condition 1, Post types',
		],
		[ 'experiences.rules[2].then.experience', 'Rule 3, Experience' ],
		[ 'experiences.rules[2].then.fields.email', 'Rule 3, Fields to send' ],
		[ 'events.handlers[1].name', 'Handler 2, Event name' ],
		[ 'events.handlers[1].actions[0]', 'Handler 2, Action 1' ],
		[ 'events.handlers[1].actions[0].url', 'Handler 2, Action 1, Address' ],
		[
			'events.handlers[0].actions[1].storeFields[2]',
			'Handler 1, Action 2, Fields to store',
		],
		[ 'events.webhooks[0]', 'Webhook 1' ],
		[ 'events.webhooks[0].id', 'Webhook 1, ID' ],
		[ 'events.webhooks[0].secret', 'Webhook 1, Secret' ],
		[ 'events.webhooks[0].events[3]', 'Webhook 1, Events' ],
		[ 'events.retentionDays', 'Keep events for (days)' ],
		[ 'loading.maxDelay', 'Load anyway after (seconds)' ],
	] )( '%s is “%s”', ( path, words ) => {
		expect( pathLabel( path ) ).toBe( words );
	} );

	it( 'has no words for a path the screen does not name', () => {
		expect( pathLabel( 'experiences.rules[0].surprise' ) ).toBeNull();
		expect( pathLabel( 'events.webhooks[0].surprise' ) ).toBeNull();
		expect( pathLabel( 'identity.mappings[0].surprise' ) ).toBeNull();
		expect( pathLabel( 'nothing.here' ) ).toBeNull();
	} );
} );

describe( 'the preview rows', () => {
	it( 'shows values as JSON text, so empty strings and types show', () => {
		expect( shownValue( 'Abc', 'token' ) ).toEqual( {
			kind: 'json',
			text: '"Abc"',
		} );
		expect( shownValue( '', 'token' ).text ).toBe( '""' );
		expect( shownValue( false, 'enabled' ).text ).toBe( 'false' );
		expect( shownValue( 30, 'events.retentionDays' ).text ).toBe( '30' );
		expect( shownValue( [ 'editor' ], 'excludeRoles' ).text ).toBe(
			'["editor"]'
		);
	} );

	it( 'says "(none)" for a side where the path is not set', () => {
		expect( shownValue( null, 'experiences.rules[4]' ) ).toEqual( {
			kind: 'none',
			text: '(none)',
		} );
		expect( shownValue( undefined, 'x' ).kind ).toBe( 'none' );
	} );

	it( 'never shows a secret, even one the server did not mask', () => {
		expect(
			shownValue( SECRET_MARK, 'events.webhooks[0].secret' )
		).toEqual( { kind: 'secret', text: SECRET_MARK } );
		expect(
			shownValue( 'sup3rs3cr3t', 'events.webhooks[0].secret' ).text
		).toBe( SECRET_MARK );
		const webhook = shownValue(
			{ id: 'crm', url: 'https://crm.test/', secret: 'sup3rs3cr3t' },
			'events.webhooks[1]'
		);
		expect( webhook.text ).not.toContain( 'sup3rs3cr3t' );
		expect( webhook.text ).toContain( '"secret":"(secret)"' );
	} );

	it( 'says a secret is replaced when both sides are masked', () => {
		const [ row ] = changeRows( [
			{
				path: 'events.webhooks[0].secret',
				before: SECRET_MARK,
				after: SECRET_MARK,
			},
		] );
		expect( row?.before.text ).toBe( SECRET_MARK );
		expect( row?.after ).toEqual( {
			kind: 'secret',
			text: '(a different secret)',
		} );
		const [ added ] = changeRows( [
			{
				path: 'events.webhooks[1].secret',
				before: null,
				after: SECRET_MARK,
			},
		] );
		expect( added?.after.text ).toBe( SECRET_MARK );
	} );

	it( 'cuts long values', () => {
		const text = shownValue( 'x'.repeat( 500 ), 'token' ).text;
		expect( text ).toHaveLength( 200 );
		expect( text.endsWith( '…' ) ).toBe( true );
	} );

	it( 'names each path in words, or takes the server’s words when sent', () => {
		const changes: ImportChange[] = [
			{ path: 'token', before: 'Old1', after: 'New2' },
			{
				path: 'experiences.rules[3].label',
				before: 'Pricing',
				after: 'Plans',
				label: 'Rule 4, Label (server)',
			},
			{ path: 'unknown.path', before: 1, after: 2 },
		];
		expect( changeRows( changes ) ).toEqual( [
			{
				path: 'token',
				label: 'Site token',
				before: { kind: 'json', text: '"Old1"' },
				after: { kind: 'json', text: '"New2"' },
			},
			{
				path: 'experiences.rules[3].label',
				label: 'Rule 4, Label (server)',
				before: { kind: 'json', text: '"Pricing"' },
				after: { kind: 'json', text: '"Plans"' },
			},
			{
				path: 'unknown.path',
				label: null,
				before: { kind: 'json', text: '1' },
				after: { kind: 'json', text: '2' },
			},
		] );
	} );

	it( 'lists at most MAX_ROWS changes and counts the rest', () => {
		const many: ImportChange[] = Array.from(
			{ length: MAX_ROWS + 12 },
			( _, index ) => ( {
				path: `excludeRoles[${ index }]`,
				before: null,
				after: `role${ index }`,
			} )
		);
		expect( changeRows( many ) ).toHaveLength( MAX_ROWS );
		expect( moreRowsText( many.length ) ).toBe( 'And 12 more changes.' );
		expect( moreRowsText( MAX_ROWS ) ).toBe( '' );
	} );

	it( 'sums up the changes, or says there are none', () => {
		expect( changesSummary( 0 ) ).toBe(
			'No changes: the file matches the settings in force.'
		);
		expect( changesSummary( 1 ) ).toBe(
			'Applying this file changes 1 setting:'
		);
		expect( changesSummary( 3 ) ).toBe(
			'Applying this file changes 3 settings:'
		);
	} );

	it( 'says the file’s version, and the migration of an older one', () => {
		expect( versionText( 5, 5 ) ).toBe(
			'The file has settings version 5, the version this plugin uses.'
		);
		expect( versionText( 2, 5 ) ).toBe(
			'The file has settings version 2. It will be migrated from version 2 to version 5, as an update of the plugin would.'
		);
	} );
} );

describe( 'the messages of a refusal', () => {
	it( 'lists the message, then every field message once', () => {
		expect(
			errorMessages( {
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
			} )
		).toEqual( [
			'Site token: use only letters and digits.',
			'Rule 4, ID: use letters, digits and dashes.',
		] );
	} );

	it( 'gives the message of a plain error, or of a network failure', () => {
		expect(
			errorMessages( {
				code: 'qualified_integration_import_newer',
				message:
					'This file has settings version 9; this plugin reads up to version 5. Update the plugin, then import the file again.',
				data: { status: 400 },
			} )
		).toEqual( [
			'This file has settings version 9; this plugin reads up to version 5. Update the plugin, then import the file again.',
		] );
		expect( errorMessages( new Error( 'You are offline.' ) ) ).toEqual( [
			'You are offline.',
		] );
		expect( errorMessages( { data: { params: {} } } ) ).toEqual( [
			'The server gave no reason. Reload the page and try again.',
		] );
	} );

	it( 'reads the body of a refused download (a raw Response)', async () => {
		const response = {
			json: () =>
				Promise.resolve( {
					code: 'rest_forbidden',
					message: 'Sorry, you are not allowed to do that.',
				} ),
			status: 403,
			statusText: 'Forbidden',
		};
		const RealResponse = globalThis.Response;
		class FakeResponse {}
		Object.setPrototypeOf( response, FakeResponse.prototype );
		( globalThis as { Response: unknown } ).Response = FakeResponse;
		try {
			await expect( responseErrorMessages( response ) ).resolves.toEqual(
				[ 'Sorry, you are not allowed to do that.' ]
			);
			const broken = Object.setPrototypeOf(
				{
					json: () => Promise.reject( new Error( 'not JSON' ) ),
					status: 502,
					statusText: 'Bad Gateway',
				},
				FakeResponse.prototype
			);
			await expect( responseErrorMessages( broken ) ).resolves.toEqual( [
				'502 Bad Gateway',
			] );
		} finally {
			( globalThis as { Response: unknown } ).Response = RealResponse;
		}
		await expect(
			responseErrorMessages( { message: 'Plain.' } )
		).resolves.toEqual( [ 'Plain.' ] );
	} );
} );

describe( 'the routes and the notice', () => {
	it( 'puts export and import under the settings route', () => {
		expect(
			transferPath( '/qualified-integration/v1/settings', 'export' )
		).toBe( '/qualified-integration/v1/settings/export' );
		expect(
			transferPath( '/qualified-integration/v1/settings/', 'import' )
		).toBe( '/qualified-integration/v1/settings/import' );
	} );

	it( 'says how many settings changed, and warns when Qualified has no token', () => {
		const payload = {
			settings: { enabled: true, token: 'Abc1' },
		} as unknown as SettingsPayload;
		expect( importedNotice( payload, 2 ) ).toEqual( {
			status: 'success',
			message: 'Imported the settings file: 2 settings changed.',
		} );
		const noToken = {
			settings: { enabled: true, token: '' },
		} as unknown as SettingsPayload;
		expect( importedNotice( noToken, 1 ) ).toEqual( {
			status: 'warning',
			message:
				'Imported the settings file: 1 setting changed. Qualified will not load until you add your site token.',
		} );
	} );
} );
