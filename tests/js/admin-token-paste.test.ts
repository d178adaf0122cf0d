/**
 * Internal dependencies
 */
import { extractToken, tokenFromInput } from '../../admin/token-paste';

const SNIPPET = `<!-- Qualified -->
<script>
(function(w,q){w['QualifiedObject']=q;w[q]=w[q]||function(){
(w[q].q=w[q].q||[]).push(arguments)};})(window,'qualified')
</script>
<script async src="https://js.qualified.com/qualified.js?token=Ab12Cd34Ef"></script>
<!-- End Qualified -->`;

describe( 'extractToken', () => {
	it( 'returns a bare token as it is, trimmed', () => {
		expect( extractToken( '  Ab12Cd34Ef \n' ) ).toBe( 'Ab12Cd34Ef' );
	} );

	it( 'finds the token in the whole vendor snippet', () => {
		expect( extractToken( SNIPPET ) ).toBe( 'Ab12Cd34Ef' );
	} );

	it( 'finds the token in the snippet pasted into a one-line input (newlines gone)', () => {
		expect( extractToken( SNIPPET.replace( /\n/g, '' ) ) ).toBe(
			'Ab12Cd34Ef'
		);
	} );

	it( 'finds the token in the qualified.js URL', () => {
		expect(
			extractToken( 'https://js.qualified.com/qualified.js?token=Zz9' )
		).toBe( 'Zz9' );
	} );

	it( 'finds the token after other query parameters, also HTML-escaped', () => {
		expect(
			extractToken( '//js.qualified.com/qualified.js?v=2&token=Tok1' )
		).toBe( 'Tok1' );
		expect(
			extractToken( 'qualified.js?v=2&amp;token=Tok2"></script>' )
		).toBe( 'Tok2' );
	} );

	it( 'prefers the loader URL over another token parameter in the text', () => {
		expect(
			extractToken(
				'<a href="/x?token=Other1">x</a><script src="https://js.qualified.com/qualified.js?token=Loader2"></script>'
			)
		).toBe( 'Loader2' );
	} );

	it( 'returns null when there is no token to find', () => {
		expect( extractToken( '<script>hello</script>' ) ).toBeNull();
		expect( extractToken( 'not valid!' ) ).toBeNull();
		expect( extractToken( 'qualified.js?token=' ) ).toBeNull();
		expect( extractToken( '' ) ).toBeNull();
	} );
} );

describe( 'tokenFromInput', () => {
	it( 'keeps typed text as it is when it holds no URL', () => {
		expect( tokenFromInput( 'not valid!' ) ).toEqual( {
			value: 'not valid!',
			extracted: false,
		} );
		expect( tokenFromInput( 'Abc1 ' ) ).toEqual( {
			value: 'Abc1',
			extracted: false,
		} );
		expect( tokenFromInput( '' ) ).toEqual( {
			value: '',
			extracted: false,
		} );
	} );

	it( 'says when the token was taken out of a snippet', () => {
		expect( tokenFromInput( SNIPPET ) ).toEqual( {
			value: 'Ab12Cd34Ef',
			extracted: true,
		} );
	} );
} );
