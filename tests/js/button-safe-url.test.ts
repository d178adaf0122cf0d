/**
 * Which fallback links a Qualified button keeps (src/shared/safe-url.ts).
 * PHP's ButtonMarkup::safe_fallback_url() applies the same rule; the markup
 * fixture's fallback cases run on both sides.
 */

/**
 * Internal dependencies
 */
import { safeFallbackUrl } from '../../src/shared/safe-url';

describe( 'safeFallbackUrl', () => {
	it.each( [
		'https://example.com/contact?from=chat&plan=pro#form',
		'http://example.com',
		'HTTPS://EXAMPLE.COM/',
		'mailto:sales@example.com?subject=Demo',
		'tel:+1-555-0100',
		'//example.com/contact',
		'/contact/',
		'#contact',
		'?contact=1',
		'contact-us',
		'./contact',
		'../pricing/',
		'/a:b',
		'https://example.com/über',
		'https://example.com/(1)[2]*',
	] )( 'keeps %s', ( url ) => {
		expect( safeFallbackUrl( url ) ).toBe( url );
	} );

	it( 'trims spaces, tabs and newlines around the link, as PHP does', () => {
		expect( safeFallbackUrl( ' \t/contact/\n ' ) ).toBe( '/contact/' );
	} );

	it.each( [
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		' javascript:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'javascript&#58;alert(1)',
		'javascript&#x3a;alert(1)',
		'javascript&colon;alert(1)',
		'https://example.com/?a=1&amp;b=2',
		'data:text/html;base64,PHNjcmlwdD4=',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'ftp://example.com/',
		':relative',
		'https://exa mple.com/',
		'https://example.com/"onmouseover="x',
		'https://example.com/<script>',
		'/\\example.com',
		'https://exa\u0000mple.com/',
		'',
		'   ',
	] )( 'drops %j', ( url ) => {
		expect( safeFallbackUrl( url ) ).toBe( '' );
	} );

	it( 'drops what is not text', () => {
		expect( safeFallbackUrl( undefined ) ).toBe( '' );
		expect( safeFallbackUrl( null ) ).toBe( '' );
		expect( safeFallbackUrl( 42 ) ).toBe( '' );
		expect( safeFallbackUrl( [ '/contact/' ] ) ).toBe( '' );
	} );
} );
