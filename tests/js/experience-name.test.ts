/**
 * Internal dependencies
 */
import schema from '../../includes/Settings/settings-schema.json';
import {
	EXPERIENCE_NAME,
	isExperienceName,
} from '../../src/shared/experiences/name';

describe( 'Experience API names', () => {
	it( 'follow the settings schema (one rule for rules, buttons and the block)', () => {
		const text = JSON.stringify( schema );
		const pattern = /"experience":\{[^{}]*"pattern":"([^"]+)"/.exec(
			text
		)?.[ 1 ];

		expect( pattern ).toBeDefined();
		expect( EXPERIENCE_NAME.source ).toBe( pattern );
	} );

	it.each( [
		[ 'experience-1', true ],
		[ 'experience-12345678901234567890', true ],
		[ 'experience-123456789012345678901', false ],
		[ 'experience-', false ],
		[ 'Experience-1', false ],
		[ 'experience-1\n', false ],
		[ ' experience-1', false ],
		[ 'experience-1"><img>', false ],
		[ null, false ],
		[ 42, false ],
	] )( '%p is valid: %p', ( value, valid ) => {
		expect( isExperienceName( value ) ).toBe( valid );
	} );
} );
