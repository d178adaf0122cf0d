#!/usr/bin/env node
/**
 * Second half of `npm run plugin-zip`: takes out of qualified-integration.zip
 * the files that `wp-scripts plugin-zip` adds whatever package.json's `files`
 * says. It lists files with npm-packlist, which always packs package.json and
 * the README of the root folder (a `!` pattern cannot remove them); neither
 * runs in WordPress (readme.txt is the plugin's readme), so the zip users
 * install leaves them out.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { PLUGIN_SLUG, ROOT } from './lib/paths.mjs';

/** Paths inside the zip's root folder that npm-packlist forces in. */
const FORCED_FILES = [ 'package.json', 'README.md' ];

// adm-zip is what wp-scripts plugin-zip itself writes the zip with.
const requireFromScripts = createRequire(
	createRequire( import.meta.url ).resolve(
		'@wordpress/scripts/package.json'
	)
);
const AdmZip = requireFromScripts( 'adm-zip' );

const file = join( ROOT, `${ PLUGIN_SLUG }.zip` );
const zip = new AdmZip( file );
let removed = 0;
for ( const name of FORCED_FILES ) {
	const entry = `${ PLUGIN_SLUG }/${ name }`;
	if ( zip.getEntry( entry ) ) {
		zip.deleteFile( entry );
		removed++;
	}
}
zip.writeZip( file );
console.log(
	`${ PLUGIN_SLUG }.zip: ${ zip.getEntries().length } entries, ${ removed } packing file(s) removed (${ FORCED_FILES.join( ', ' ) }).`
);
