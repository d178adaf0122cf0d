/**
 * The sentence a locked field shows: the constant, or the network administrator.
 */
import { lockNote } from '../../admin/lock-note';

describe( 'lockNote', () => {
	it( 'names the wp-config.php constant, with why its value was refused', () => {
		expect(
			lockNote( {
				source: 'constant',
				constant: 'QUALIFIED_INTEGRATION_TOKEN',
				error: null,
			} )
		).toBe(
			'Locked: set by QUALIFIED_INTEGRATION_TOKEN in wp-config.php.'
		);
		expect(
			lockNote( {
				constant: 'QUALIFIED_INTEGRATION_ENABLED',
				error: 'Load Qualified: must be true or false.',
			} )
		).toBe(
			'Locked: set by QUALIFIED_INTEGRATION_ENABLED in wp-config.php. Load Qualified: must be true or false.'
		);
	} );

	it( 'says the network administrator locked it, with no constant', () => {
		const note = lockNote( {
			source: 'network',
			constant: null,
			error: null,
		} );
		expect( note ).toContain( 'Locked by the network administrator' );
		expect( note ).not.toContain( 'wp-config.php' );
	} );
} );
