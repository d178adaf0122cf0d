/**
 * The translatable strings of a block.json, with the contexts WordPress
 * translates them with (core's i18n-block.json, read by
 * register_block_type() through the block's `textdomain`): the title, the
 * description, the keywords, the style labels and the variations' title,
 * description and keywords.
 */

/**
 * The line of a string's first appearance as a JSON value (1 when not found).
 *
 * @param {string} text  The file's text.
 * @param {string} value The string.
 * @return {number} 1-based line.
 */
function lineOf( text, value ) {
	const at = text.indexOf( JSON.stringify( value ) );
	return at < 0 ? 1 : text.slice( 0, at ).split( '\n' ).length;
}

/**
 * The strings of one block.json.
 *
 * @param {string} file Reference path.
 * @param {string} text The file's text.
 * @return {{domain: string|null, strings: Array<{msgid: string, context: string, reference: string}>}} Its text domain and strings.
 */
export function blockStrings( file, text ) {
	const block = JSON.parse( text );
	const strings = [];
	const add = ( value, context ) => {
		if ( typeof value === 'string' && value !== '' ) {
			strings.push( {
				msgid: value,
				context,
				reference: `${ file }:${ lineOf( text, value ) }`,
			} );
		}
	};
	add( block.title, 'block title' );
	add( block.description, 'block description' );
	for ( const keyword of block.keywords ?? [] ) {
		add( keyword, 'block keyword' );
	}
	for ( const style of block.styles ?? [] ) {
		add( style?.label, 'block style label' );
	}
	for ( const variation of block.variations ?? [] ) {
		add( variation?.title, 'block variation title' );
		add( variation?.description, 'block variation description' );
		for ( const keyword of variation?.keywords ?? [] ) {
			add( keyword, 'block variation keyword' );
		}
	}
	return { domain: block.textdomain ?? null, strings };
}
