/**
 * Lists and numbers typed as text ("12, 40", "news, events", "30"): how the
 * text becomes the value stored, and how a value is shown again.
 */

/**
 * @param text e.g. "news, events ,".
 * @return e.g. [ 'news', 'events' ]: trimmed, empty items dropped.
 */
export function parseWords( text: string ): string[] {
	return text
		.split( ',' )
		.map( ( word ) => word.trim() )
		.filter( ( word ) => word !== '' );
}

/**
 * Post ids typed as "12, 40". Anything that is not a positive whole number
 * is reported, so the input can say so instead of silently dropping it.
 *
 * @param text Typed text.
 * @return The ids, and the items that are not ids.
 */
export function parseIds( text: string ): { ids: number[]; bad: string[] } {
	const ids: number[] = [];
	const bad: string[] = [];
	for ( const word of parseWords( text ) ) {
		if ( /^[0-9]{1,15}$/.test( word ) && Number( word ) > 0 ) {
			ids.push( Number( word ) );
		} else {
			bad.push( word );
		}
	}
	return { ids, bad };
}

/**
 * A whole number typed in a number input; 0 when it is not one (the server
 * then names the field), so the stored value is always a number.
 *
 * @param text Typed text.
 */
export function parseWhole( text: string ): number {
	return /^\s*[0-9]{1,9}\s*$/.test( text ) ? Number( text ) : 0;
}

/**
 * What an input shows: the text being typed while it still means the stored
 * value ("12, " while typing the next id), else the stored value written out
 * (after a reload, or a change made elsewhere).
 *
 * @param typed  Text typed last, or null.
 * @param value  Stored value.
 * @param parse  Text -> value.
 * @param format Value -> text.
 */
export function shownText< T >(
	typed: string | null,
	value: T,
	parse: ( text: string ) => T,
	format: ( value: T ) => string
): string {
	if (
		typed !== null &&
		JSON.stringify( parse( typed ) ) === JSON.stringify( value )
	) {
		return typed;
	}
	return format( value );
}
