/**
 * Which fallback links a Qualified button may carry: the block editor checks
 * the field with it and the block's save() writes only what it returns.
 * PHP applies the same rule to the shortcode
 * (includes/Blocks/ButtonMarkup.php, `safe_fallback_url()`); the shared
 * fixture tests/fixtures/button-markup.json keeps both outputs equal.
 *
 * Kept: http(s), mailto: and tel: links, protocol-relative (`//host`) and
 * relative ones (`/`, `#`, `?`, a path). Dropped: any other scheme
 * (`javascript:`, `data:`, `vbscript:`), whitespace or control characters
 * inside (browsers remove tabs and newlines, so `java\tscript:` would still
 * run), characters esc_url() removes, and character references (`&#58;`,
 * `&colon;`), which the serialised attribute keeps and a browser decodes.
 */

/** Schemes a fallback link may use, as PHP's esc_url() allowed protocols. */
export const FALLBACK_SCHEMES: readonly string[] = [
	'http',
	'https',
	'mailto',
	'tel',
];

/** Trimmed as PHP's trim() does, so both languages keep the same text. */
const EDGE_SPACE = /^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g;

/** The characters esc_url() keeps (ASCII), and anything beyond ASCII. */
const URL_CHARACTERS = /^[a-z0-9\-~+_.?#=!&;,/:%@$|*'()[\]\u0080-\uffff]+$/i;

/** A character reference: `&#...`, or `&name;`. */
const CHARACTER_REFERENCE = /&(?:#|[a-z][a-z0-9]*;)/i;

/** The text before the first `:` when no `/`, `?` or `#` comes before it. */
const SCHEME = /^([^/?#:]*):/;

/**
 * The fallback link a button may use.
 *
 * @param value The author's text (a block attribute).
 * @return The link, trimmed; '' when it is empty or not safe.
 */
export function safeFallbackUrl( value: unknown ): string {
	if ( typeof value !== 'string' ) {
		return '';
	}
	const url = value.replace( EDGE_SPACE, '' );
	if (
		url === '' ||
		! URL_CHARACTERS.test( url ) ||
		CHARACTER_REFERENCE.test( url )
	) {
		return '';
	}
	const scheme = SCHEME.exec( url );
	if (
		scheme &&
		! FALLBACK_SCHEMES.includes( ( scheme[ 1 ] ?? '' ).toLowerCase() )
	) {
		return '';
	}
	return url;
}
