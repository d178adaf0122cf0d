/**
 * Internal dependencies
 */
import { describeFailure, previewPath } from '../../admin/api';
import { savedNotice } from '../../admin/notices';
import type { SettingsPayload } from '../../src/shared/settings';

const payload: SettingsPayload = {
	settings: {
		schemaVersion: 3,
		enabled: true,
		token: 'Abc1',
		excludeRoles: [],
		identity: { mappings: [] },
		experiences: { spa: false, rules: [] },
		events: { handlers: [], webhooks: [], retentionDays: 90 },
		loading: {
			strategy: 'immediate',
			maxDelay: 0,
			consentCategory: 'marketing',
		},
	},
	locked: {},
	revision: 'r2',
	status: { live: true, reasons: [], homeUrl: 'http://example.org/' },
	problems: [],
};

describe( 'describeFailure', () => {
	it( 'turns a 400 into messages by path', () => {
		expect(
			describeFailure( {
				code: 'rest_invalid_param',
				message: 'Invalid parameter(s): token, identity',
				data: {
					status: 400,
					params: {
						token: 'Site token: use only letters and digits.',
						'identity.mappings[2].field':
							'Mapping 3, Qualified field: use letters.',
					},
				},
			} )
		).toEqual( {
			kind: 'invalid',
			message: 'Invalid parameter(s): token, identity',
			fields: {
				token: 'Site token: use only letters and digits.',
				'identity.mappings[2].field':
					'Mapping 3, Qualified field: use letters.',
			},
		} );
	} );

	it( 'turns a 409 into a conflict carrying the current settings', () => {
		const failure = describeFailure( {
			code: 'qualified_integration_conflict',
			message: 'Changed meanwhile.',
			data: { status: 409, current: payload },
		} );
		expect( failure ).toEqual( {
			kind: 'conflict',
			message: 'Changed meanwhile.',
			current: payload,
		} );
	} );

	it( 'keeps a conflict usable when the current settings are missing', () => {
		expect(
			describeFailure( {
				code: 'qualified_integration_conflict',
				message: 'x',
				data: { status: 409 },
			} )
		).toMatchObject( { kind: 'conflict', current: null } );
	} );

	it( 'reports anything else by its message', () => {
		expect( describeFailure( new Error( 'Network down' ) ) ).toEqual( {
			kind: 'other',
			message: 'Network down',
		} );
		expect(
			describeFailure( {
				code: 'rest_forbidden',
				message: 'Sorry.',
				data: { status: 403 },
			} )
		).toEqual( { kind: 'other', message: 'Sorry.' } );
	} );

	it( 'rewrites preview paths to the screen paths', () => {
		expect(
			describeFailure(
				{
					code: 'rest_invalid_param',
					message: 'x',
					data: { status: 400, params: { 'mappings[0].key': 'm' } },
				},
				previewPath
			)
		).toMatchObject( { fields: { 'identity.mappings[0].key': 'm' } } );
		expect( previewPath( 'identity.mappings[1].field' ) ).toBe(
			'identity.mappings[1].field'
		);
	} );
} );

describe( 'savedNotice', () => {
	it( 'says "Settings saved." when Qualified can load', () => {
		expect( savedNotice( payload ) ).toEqual( {
			status: 'success',
			message: 'Settings saved.',
		} );
	} );

	it( 'warns when Qualified is on but has no token', () => {
		const notice = savedNotice( {
			...payload,
			settings: { ...payload.settings, token: '' },
		} );
		expect( notice.status ).toBe( 'warning' );
		expect( notice.message ).toMatch( /site token/ );
	} );

	it( 'does not warn about the token when Qualified is off', () => {
		expect(
			savedNotice( {
				...payload,
				settings: { ...payload.settings, enabled: false, token: '' },
			} ).status
		).toBe( 'success' );
	} );
} );
