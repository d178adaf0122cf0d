/**
 * Values sent with identify: strings, trimmed, capped, never empty.
 */
import {
	MAX_VALUE_LENGTH,
	toIdentityValue,
} from '../../src/shared/identity-value';

describe( 'toIdentityValue', () => {
	it.each( [
		[ '  Acme  ', 'Acme' ],
		[ 42, '42' ],
		[ 0, '0' ],
		[ false, 'false' ],
		[ [ 'editor', ' author ', '', null, 3 ], 'editor, author, 3' ],
		[
			'</script><script>alert(1)</script>',
			'</script><script>alert(1)</script>',
		],
	] )( 'turns %p into %p', ( raw, expected ) => {
		expect( toIdentityValue( raw ) ).toBe( expected );
	} );

	it.each( [
		[ 'undefined', undefined ],
		[ 'null', null ],
		[ 'an empty string', '' ],
		[ 'blanks', ' \n\t ' ],
		[ 'an object', { plan: 'pro' } ],
		[ 'a function', () => 'x' ],
		[ 'an empty list', [] ],
		[ 'a list of blanks', [ ' ', '' ] ],
	] )( 'drops %s', ( _label, raw ) => {
		expect( toIdentityValue( raw ) ).toBeUndefined();
	} );

	it( 'caps at MAX_VALUE_LENGTH characters without splitting one', () => {
		expect( MAX_VALUE_LENGTH ).toBe( 255 );
		expect( toIdentityValue( 'x'.repeat( 100000 ) ) ).toBe(
			'x'.repeat( MAX_VALUE_LENGTH )
		);
		const emoji = toIdentityValue( '😀'.repeat( 300 ) ) as string;
		expect( Array.from( emoji ) ).toHaveLength( MAX_VALUE_LENGTH );
		expect( emoji ).toBe( '😀'.repeat( MAX_VALUE_LENGTH ) );
	} );
} );
