/**
 * Text operators of the path, query and referrer conditions.
 */
import {
	literalLead,
	matchText,
	MAX_TESTED_LENGTH,
} from '../../src/shared/experiences/text';

describe( 'matchText', () => {
	it.each( [
		[ 'equals', '/pricing/', '/pricing/', true ],
		[ 'equals', '/pricing/', '/pricing', false ],
		[ 'equals', '/Pricing/', '/pricing/', false ],
		[ 'prefix', '/docs/', '/docs/setup/', true ],
		[ 'prefix', '/docs/', '/blog/docs/', false ],
		[ 'contains', 'linkedin.com', 'https://www.linkedin.com/feed', true ],
		[ 'contains', 'linkedin.com', 'https://example.org/', false ],
		[ 'contains', '', 'anything', true ],
	] as const )( '%s %j against %j -> %s', ( op, value, input, expected ) => {
		expect( matchText( op, value, input ) ).toBe( expected );
	} );

	describe( 'glob', () => {
		it.each( [
			[ '/pricing/*', '/pricing/', true ],
			[ '/pricing/*', '/pricing/enterprise/', true ],
			[ '/pricing/*', '/about/pricing/', false ],
			[ '*', '', true ],
			[ '*.pdf', '/files/guide.pdf', true ],
			[ '*.pdf', '/files/guide.pdf.html', false ],
			[ '/p?st/', '/post/', true ],
			[ '/p?st/', '/pst/', false ],
			[ '/p?st/', '/poost/', false ],
			[ '/a*b*c', '/a-x-b-y-c', true ],
			[ '/a*b*c', '/a-x-c-y-b', false ],
			[ '*linkedin*', 'https://linkedin.com/', true ],
			// Everything but * and ? is literal: no regex classes, dots or anchors.
			[ '/v1.0/[id]', '/v1.0/[id]', true ],
			[ '/v1.0/[id]', '/v1x0/i', false ],
			[ '^/a$', '^/a$', true ],
			[ '/a**', '/a', true ],
		] )( '%j against %j -> %s', ( pattern, input, expected ) => {
			expect( matchText( 'glob', pattern, input ) ).toBe( expected );
		} );

		it( 'stays fast on patterns that make regexes backtrack', () => {
			const pattern = '*a'.repeat( 50 ) + 'b';
			const input = 'a'.repeat( 5000 );
			const started = Date.now();
			expect( matchText( 'glob', pattern, input ) ).toBe( false );
			expect( Date.now() - started ).toBeLessThan( 1000 );
		} );
	} );

	describe( 'regex', () => {
		it.each( [
			[ 'pricing', '/en/pricing/', true ],
			[ '^/pricing/$', '/en/pricing/', false ],
			[ '^/pricing/$', '/pricing/', true ],
			[ '^/(docs|guides)/', '/guides/x', true ],
			[ 'utm_source=(linkedin|li)\\b', '?utm_source=li&x', true ],
		] )( '%j against %j -> %s', ( pattern, input, expected ) => {
			expect( matchText( 'regex', pattern, input ) ).toBe( expected );
		} );

		it.each( [
			[ '^/blog/[a-z]+/$', '/blog' ],
			[ '^/docs?/', '/doc' ],
			[ '^/a{2}', '/' ],
			[ '^/x\\d+', '/' ],
			[ '^\\/pricing', '' ],
			[ '/blog/', '' ],
			[ '^/a|/b', '' ],
			[ '^(docs|guides)/', '' ],
		] )( 'the literal lead of %j is %j', ( pattern, lead ) => {
			expect( literalLead( pattern ) ).toBe( lead );
		} );

		it( 'matches as the pattern says whatever its literal lead', () => {
			// The lead only spares compiling patterns that cannot match.
			expect( matchText( 'regex', '^/blog/\\d+', '/blog/42' ) ).toBe(
				true
			);
			expect( matchText( 'regex', '^/blog/\\d+', '/news/42' ) ).toBe(
				false
			);
			expect( matchText( 'regex', '^/docs?/', '/doc/x' ) ).toBe( true );
			expect( matchText( 'regex', '^/a|/b', '/x/b' ) ).toBe( true );
			// Not compiled, and no match either way.
			expect( matchText( 'regex', '^/blog/(', '/news/' ) ).toBe( false );
		} );

		it( 'treats a pattern that does not compile as no match', () => {
			expect( matchText( 'regex', '(unclosed', '(unclosed' ) ).toBe(
				false
			);
			expect( matchText( 'regex', '[z-a]', 'z' ) ).toBe( false );
		} );

		it( 'tests only the first MAX_TESTED_LENGTH characters', () => {
			const head = 'x'.repeat( MAX_TESTED_LENGTH - 6 );
			expect( MAX_TESTED_LENGTH ).toBe( 1000 );
			expect( matchText( 'regex', 'needle', head + 'needle' ) ).toBe(
				true
			);
			expect( matchText( 'regex', 'needle', head + 'xneedle' ) ).toBe(
				false
			);
			expect( matchText( 'regex', 'x$', head + 'x'.repeat( 10 ) ) ).toBe(
				true
			);
		} );
	} );

	it( 'is false for an operator it does not know', () => {
		expect(
			matchText( 'startsWith' as unknown as 'equals', '/a', '/a' )
		).toBe( false );
	} );
} );
