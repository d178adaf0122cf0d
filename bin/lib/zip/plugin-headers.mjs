/**
 * The plugin header and readme.txt say the same thing, and claim only what
 * the tests run: the versions in the header, the readme, the plugin's
 * constants and package.json agree; "Requires at least" is the oldest
 * WordPress the tests run (bin/lib/paths.mjs WP_OLDEST), "Tested up to" the
 * newest (WP_DEFAULT); and there is no Plugin URI (the plugin has no public
 * page yet; one that does not exist fails wordpress.org's review).
 */

/**
 * A header line's value ("Name: value"), as WordPress reads plugin headers and readme.txt.
 *
 * @param {string} text  The file's text.
 * @param {string} field The field.
 * @return {string|null} The value.
 */
function headerField( text, field ) {
	const match = new RegExp( `^[ \\t/*#@]*${ field }:(.*)$`, 'mi' ).exec(
		text.slice( 0, 8192 )
	);
	return match ? match[ 1 ].trim() : null;
}

/**
 * The value a define() in PHP gives a constant.
 *
 * @param {string} php  PHP source.
 * @param {string} name Constant.
 * @return {string|null} The value.
 */
function defined( php, name ) {
	const match = new RegExp(
		`define\\(\\s*'${ name }',\\s*'([^']*)'\\s*\\)`
	).exec( php );
	return match ? match[ 1 ] : null;
}

/**
 * What disagrees.
 *
 * @param {Object} files
 * @param {string} files.main        The main plugin file.
 * @param {string} files.readme      readme.txt.
 * @param {string} files.packageJson package.json.
 * @param {Object} tested
 * @param {string} tested.oldest     Oldest WordPress the tests run.
 * @param {string} tested.newest     Newest WordPress the tests run.
 * @return {string[]} One sentence per problem.
 */
export function headerProblems(
	{ main, readme, packageJson },
	{ oldest, newest }
) {
	const problems = [];
	const same = ( what, values ) => {
		const distinct = new Set( Object.values( values ) );
		if ( distinct.size !== 1 || distinct.has( null ) ) {
			problems.push(
				`${ what } differs: ${ Object.entries( values )
					.map(
						( [ where, value ] ) =>
							`${ where } ${ JSON.stringify( value ) }`
					)
					.join( ', ' ) }.`
			);
		}
	};
	same( 'The version', {
		'Version:': headerField( main, 'Version' ),
		QUALIFIED_INTEGRATION_VERSION: defined(
			main,
			'QUALIFIED_INTEGRATION_VERSION'
		),
		'readme Stable tag:': headerField( readme, 'Stable tag' ),
		'package.json': JSON.parse( packageJson ).version,
	} );
	same( 'The oldest WordPress', {
		'Requires at least:': headerField( main, 'Requires at least' ),
		'readme Requires at least:': headerField( readme, 'Requires at least' ),
		QUALIFIED_INTEGRATION_MIN_WP: defined(
			main,
			'QUALIFIED_INTEGRATION_MIN_WP'
		),
		'the oldest WordPress the tests run': oldest,
	} );
	same( 'The oldest PHP', {
		'Requires PHP:': headerField( main, 'Requires PHP' ),
		'readme Requires PHP:': headerField( readme, 'Requires PHP' ),
		QUALIFIED_INTEGRATION_MIN_PHP: defined(
			main,
			'QUALIFIED_INTEGRATION_MIN_PHP'
		),
	} );
	same( 'The newest WordPress', {
		'readme Tested up to:': headerField( readme, 'Tested up to' ),
		'the newest WordPress the tests run': newest,
	} );
	if ( headerField( main, 'Plugin URI' ) !== null ) {
		problems.push(
			'The header has a Plugin URI, and the plugin has no project page.'
		);
	}
	return problems;
}
