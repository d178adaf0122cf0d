/**
 * Reads the e2e site's PHP error log (WP_DEBUG_LOG), which bin/e2e-server.mjs
 * starts empty, for anything raised in the plugin's code.
 */

/**
 * External dependencies
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from '@playwright/test';

const ROOT = resolve( __dirname, '../..' );

export function expectNoPluginPhpErrors() {
	// The site bin/e2e-server.mjs serves: QI_SITE_PREFIX keeps parallel lanes apart.
	const site = join(
		ROOT,
		'.wp/sites',
		`${ process.env.QI_SITE_PREFIX ?? '' }e2e`
	);
	expect(
		existsSync( join( site, 'wp-config.php' ) ),
		`the e2e site is at ${ site }`
	).toBe( true );
	const log = join( site, 'debug.log' );
	const lines = existsSync( log )
		? readFileSync( log, 'utf8' ).split( '\n' )
		: [];
	const ours = lines.filter(
		( line ) =>
			line.includes( join( ROOT, 'includes' ) ) ||
			line.includes( 'qualified-integration/' ) ||
			line.includes( 'QualifiedIntegration' )
	);
	expect( ours, 'PHP errors, warnings or notices from the plugin' ).toEqual(
		[]
	);
}
