#!/usr/bin/env node
/**
 * `npm run make-pot`: writes languages/qualified-integration.pot, the
 * template translators start from. WP-CLI's `wp i18n make-pot` would do
 * this, but the i18n command is not on Packagist, so this reads the same
 * sources the same way:
 *
 * - PHP (the main file, uninstall.php, includes/): __, _e, _x, _ex, _n, _nx,
 *   _n_noop, _nx_noop and the esc_html / esc_attr variants, through PHP's
 *   tokenizer (bin/lib/pot/php-calls.php), and the plugin header's Name,
 *   Description and Author;
 * - TypeScript and JavaScript (admin/, src/): the __, _x, _n and _nx
 *   functions of the i18n package, through the TypeScript parser;
 * - block.json files under src/ (title, description, keywords, styles);
 * - with translators comments, `file:line` references, and the php-format /
 *   js-format flags for texts with placeholders.
 *
 * The built scripts in build/ are read too, only to add their references to
 * the JS strings: WordPress loads a script's translations from a JSON file
 * named after the script's path (build/admin.js), and translators' tools
 * (`wp i18n make-json`, Loco Translate) name those files after the `.js`
 * references of the translated strings. Run it after `npm run build`.
 *
 * A call that cannot be translated (no text domain, another domain, a text
 * that is not a string literal) is listed and the command exits with 1.
 *
 * Options: --check (compare with the file instead of writing it; exits 1
 * when it is out of date), --root DIR (another plugin tree, for the
 * extractor's test), --out FILE (`-` for standard output).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';

import { blockStrings } from './lib/pot/block-strings.mjs';
import { Catalog } from './lib/pot/entries.mjs';
import { jsCalls } from './lib/pot/js-calls.mjs';
import { pluginHeader } from './lib/pot/plugin-header.mjs';
import { potFile } from './lib/pot/pot-file.mjs';
import { ROOT } from './lib/paths.mjs';

const { values: options } = parseArgs( {
	options: {
		check: { type: 'boolean', default: false },
		root: { type: 'string', default: ROOT },
		out: { type: 'string' },
	},
} );
const root = options.root;

/**
 * Files under a directory of the tree whose names match, sorted by path.
 *
 * @param {string} dir     Directory relative to the root.
 * @param {RegExp} pattern File name pattern.
 * @return {string[]} Paths relative to the root, with forward slashes.
 */
function filesUnder( dir, pattern ) {
	const base = join( root, dir );
	if ( ! existsSync( base ) ) {
		return [];
	}
	return readdirSync( base, { recursive: true, withFileTypes: true } )
		.filter( ( entry ) => entry.isFile() && pattern.test( entry.name ) )
		.map( ( entry ) =>
			relative( root, join( entry.parentPath ?? entry.path, entry.name ) )
				.split( sep )
				.join( '/' )
		)
		.sort();
}

const read = ( file ) => readFileSync( join( root, file ), 'utf8' );

const rootPhp = readdirSync( root )
	.filter( ( name ) => name.endsWith( '.php' ) )
	.sort();
const mainFile = rootPhp.find( ( file ) => pluginHeader( file, read( file ) ) );
if ( ! mainFile ) {
	console.error(
		`No plugin file (a PHP file with a "Plugin Name:" header) in ${ root }.`
	);
	process.exit( 1 );
}
const plugin = pluginHeader( mainFile, read( mainFile ) );
const catalog = new Catalog( plugin.domain );

// PHP, in one run of PHP's tokenizer.
const phpFiles = [ ...rootPhp, ...filesUnder( 'includes', /\.php$/ ) ];
const phpCalls = JSON.parse(
	execFileSync(
		'php',
		[
			join( ROOT, 'bin/lib/pot/php-calls.php' ),
			root,
			...phpFiles.map( ( file ) => join( root, file ) ),
		],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	)
);
catalog.addCalls( phpCalls, 'php-format' );

// TypeScript and JavaScript sources.
const scriptPattern = /^(?!.*\.d\.ts$).*\.[cm]?[jt]sx?$/;
for ( const file of [
	...filesUnder( 'admin', scriptPattern ),
	...filesUnder( 'src', scriptPattern ),
] ) {
	catalog.addCalls( jsCalls( file, read( file ) ), 'js-format' );
}

// Blocks.
for ( const file of filesUnder( 'src', /^block\.json$/ ) ) {
	const { domain, strings } = blockStrings( file, read( file ) );
	if ( domain !== plugin.domain ) {
		catalog.problems.push(
			`${ file }: "textdomain" must be "${ plugin.domain }", or WordPress does not translate the block's title and description.`
		);
		continue;
	}
	for ( const string of strings ) {
		catalog.add( string );
	}
}

// The built scripts WordPress loads, for their references.
const builtScripts = filesUnder( 'build', /\.js$/ );
for ( const file of builtScripts ) {
	const code = read( file );
	if ( code.includes( plugin.domain ) ) {
		catalog.addReferences( jsCalls( file, code ) );
	}
}
for ( const file of filesUnder( 'build', /^block\.json$/ ) ) {
	for ( const string of blockStrings( file, read( file ) ).strings ) {
		catalog.addReference( string );
	}
}

// The plugin header's strings come first; a text used in the code too is one entry.
const headerKeys = plugin.strings.map( ( { msgid, comment, reference } ) => {
	catalog.add( { msgid, reference, comment } );
	return `\u0004${ msgid }`;
} );
const pot = potFile( {
	plugin,
	headerEntries: headerKeys.map( ( key ) => catalog.entries.get( key ) ),
	entries: [ ...catalog.entries ]
		.filter( ( [ key ] ) => ! headerKeys.includes( key ) )
		.map( ( [ , entry ] ) => entry ),
} );

for ( const problem of catalog.problems ) {
	console.error( `untranslatable: ${ problem }` );
}
const out = options.out ?? join( root, 'languages', `${ plugin.domain }.pot` );
const shown = out === '-' ? 'standard output' : relative( process.cwd(), out );
const summary = `${ catalog.entries.size } strings from ${ phpFiles.length } PHP and ${ builtScripts.length } built script files`;

if ( options.check ) {
	if ( builtScripts.length === 0 ) {
		console.error(
			'No build/: run `npm run build` first (the .pot names the built scripts).'
		);
		process.exit( 1 );
	}
	const current = existsSync( out ) ? readFileSync( out, 'utf8' ) : '';
	if ( current !== pot ) {
		console.error(
			`${ shown } is out of date: run \`npm run build && npm run make-pot\` and commit it.`
		);
		process.exit( 1 );
	}
	console.log( `${ shown } is up to date (${ summary }).` );
} else if ( out === '-' ) {
	process.stdout.write( pot );
} else {
	writeFileSync( out, pot );
	console.log( `Wrote ${ shown }: ${ summary }.` );
}
process.exit( catalog.problems.length > 0 ? 1 : 0 );
