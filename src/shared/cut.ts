/**
 * At most `length` characters of a text, counted as PHP's mb_substr counts
 * them (code points), for the events route and identify values alike: slicing UTF-16 units could split an emoji, and a lone
 * surrogate makes the whole body invalid JSON for PHP.
 *
 * @param value  Text.
 * @param length Characters to keep.
 */
export const cut = ( value: string, length: number ) =>
	Array.from( value ).slice( 0, length ).join( '' );
