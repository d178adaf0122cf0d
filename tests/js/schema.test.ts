/**
 * Internal dependencies
 */
import schema from '../../includes/Settings/settings-schema.json';
import type { Settings } from '../../src/shared/settings';

/**
 * Defaults as the TypeScript type says they are; tsc checks this object
 * against Settings, and the test checks it against the schema's defaults.
 */
const typedDefaults: Settings = {
	schemaVersion: 5,
	enabled: true,
	token: '',
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

describe( 'settings schema', () => {
	it( 'has the defaults the TypeScript type describes', () => {
		const defaults = Object.fromEntries(
			Object.entries( schema.properties ).map( ( [ name, property ] ) => [
				name,
				property.default,
			] )
		);
		expect( defaults ).toEqual( typedDefaults );
	} );

	it( 'refuses fields it does not list', () => {
		expect( schema.additionalProperties ).toBe( false );
	} );
} );
