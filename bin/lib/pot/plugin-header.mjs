/**
 * The plugin header of the main plugin file: the fields the POT needs
 * (name, version, license, text domain) and the strings WordPress translates
 * on the Plugins screen (get_plugin_data() translates Name, Description,
 * Author, Plugin URI and Author URI with the plugin's text domain).
 */

const TRANSLATED = [
	[ 'Plugin Name', 'Plugin Name of the plugin' ],
	[ 'Plugin URI', 'Plugin URI of the plugin' ],
	[ 'Description', 'Description of the plugin' ],
	[ 'Author', 'Author of the plugin' ],
	[ 'Author URI', 'Author URI of the plugin' ],
];

/**
 * A header field's value and line, as WordPress reads it (the first 8 KB).
 *
 * @param {string} text The file's text.
 * @param {string} key  The field's name.
 * @return {{value: string, line: number}|null} The field.
 */
function field( text, key ) {
	const head = text.slice( 0, 8192 );
	const match = new RegExp(
		`^(?:[ \\t]*<\\?php)?[ \\t/*#@]*${ key }:(.*)$`,
		'mi'
	).exec( head );
	if ( ! match ) {
		return null;
	}
	const value = match[ 1 ].replace( /\s*(?:\*\/|\?>).*/, '' ).trim();
	return value === ''
		? null
		: { value, line: head.slice( 0, match.index ).split( '\n' ).length };
}

/**
 * Reads a main plugin file's header.
 *
 * @param {string} file Reference path of the main file.
 * @param {string} text Its text.
 * @return {{name: string, version: string, license: string, domain: string, strings: Array<{msgid: string, comment: string, reference: string}>}|null} The header, or null when the file has none.
 */
export function pluginHeader( file, text ) {
	const name = field( text, 'Plugin Name' );
	if ( ! name ) {
		return null;
	}
	const strings = [];
	for ( const [ key, comment ] of TRANSLATED ) {
		const found = field( text, key );
		if ( found ) {
			strings.push( {
				msgid: found.value,
				comment,
				reference: `${ file }:${ found.line }`,
			} );
		}
	}
	return {
		name: name.value,
		version: field( text, 'Version' )?.value ?? '',
		license: field( text, 'License' )?.value ?? '',
		domain: field( text, 'Text Domain' )?.value ?? '',
		strings,
	};
}
