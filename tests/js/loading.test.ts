/**
 * Internal dependencies
 */
import {
	CONSENT_CATEGORIES,
	LOAD_STRATEGIES,
} from '../../src/shared/loading-options';
import type { ConsentCategory, LoadStrategy } from '../../src/shared/loading';

// What the types in loading.ts allow, written out: tsc refuses a name the types lack.
const strategies: Record< LoadStrategy, true > = {
	immediate: true,
	idle: true,
	interaction: true,
	consent: true,
};
const categories: Record< ConsentCategory, true > = {
	functional: true,
	statistics: true,
	preferences: true,
	marketing: true,
};

describe( 'loading options', () => {
	it( 'lists exactly the strategies the types name, from the schema', () => {
		expect( [ ...LOAD_STRATEGIES ].sort() ).toEqual(
			Object.keys( strategies ).sort()
		);
	} );

	it( 'lists exactly the consent categories the types name, from the schema', () => {
		expect( [ ...CONSENT_CATEGORIES ].sort() ).toEqual(
			Object.keys( categories ).sort()
		);
	} );
} );
