/**
 * What the zip users install may hold: the plugin's runtime files and
 * nothing else (no dotfiles, no development configs, tools, tests or
 * sources the readme says live in the repository). Used by
 * bin/zip-install-test.mjs on the zip that `npm run plugin-zip` wrote.
 */
import { execFileSync } from 'node:child_process';

/** Top-level files and folders of the installed plugin. */
export const ALLOWED_TOP_LEVEL = [
	'qualified-integration.php',
	'uninstall.php',
	'readme.txt',
	'includes/',
	'build/',
	'assets/',
	'languages/',
];

/** Files WordPress needs to run the plugin; the zip is broken without any of them. */
export const REQUIRED_FILES = [
	'qualified-integration.php',
	'uninstall.php',
	'readme.txt',
	'includes/autoload.php',
	'includes/requirements.php',
	'includes/Plugin.php',
	'includes/Settings/settings-schema.json',
	'build/frontend.asset.php',
	'build/frontend.js',
	'build/stub.js',
	'build/admin.asset.php',
	'build/admin.js',
	'build/admin.css',
	'build/admin-rtl.css',
	'build/editor.js',
	'build/blocks/button/block.json',
	'build/blocks/button/index.js',
	'assets/connector-logo.svg',
	'languages/qualified-integration.pot',
];

/**
 * The paths in a zip, in order.
 *
 * @param {string} zip The zip file.
 * @return {string[]} Entry names (folders end with /).
 */
export function zipEntries( zip ) {
	return execFileSync( 'unzip', [ '-Z1', zip ], { encoding: 'utf8' } )
		.split( '\n' )
		.filter( Boolean );
}

/**
 * What is wrong with a zip's list of files.
 *
 * @param {string[]} entries        Entry names, as zipEntries() gives them.
 * @param {Object}   expect
 * @param {string}   expect.slug    The folder every entry is in.
 * @param {string[]} expect.shipped Runtime files of the checkout that must be in the zip
 *                                  (includes/, build/), relative to the plugin.
 * @return {string[]} One sentence per problem; empty when the zip is right.
 */
export function zipProblems( entries, { slug, shipped } ) {
	const problems = [];
	const files = [];
	for ( const entry of entries ) {
		if ( ! entry.startsWith( `${ slug }/` ) ) {
			problems.push( `${ entry } is outside the ${ slug }/ folder.` );
			continue;
		}
		const path = entry.slice( slug.length + 1 );
		if ( path === '' || path.endsWith( '/' ) ) {
			continue;
		}
		files.push( path );
		if ( path.split( '/' ).some( ( part ) => part.startsWith( '.' ) ) ) {
			problems.push( `${ path } is a dotfile.` );
		}
		if ( path.endsWith( '.map' ) ) {
			problems.push( `${ path } is a source map.` );
		}
		const top = path.includes( '/' )
			? `${ path.split( '/' )[ 0 ] }/`
			: path;
		if ( ! ALLOWED_TOP_LEVEL.includes( top ) ) {
			problems.push(
				`${ path } is not a runtime file (allowed: ${ ALLOWED_TOP_LEVEL.join( ', ' ) }).`
			);
		}
	}
	const inZip = new Set( files );
	for ( const file of new Set( [ ...REQUIRED_FILES, ...shipped ] ) ) {
		if ( ! inZip.has( file ) ) {
			problems.push( `${ file } is missing.` );
		}
	}
	return problems;
}
