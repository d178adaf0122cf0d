#!/usr/bin/env node
/**
 * The site the Playwright suite runs against: a fresh install on its own
 * database, with the fake qualified.js and an editor account. Playwright
 * starts it (webServer) and stops it with SIGTERM.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { ensureMariaDB, stopMariaDB } from './lib/mariadb.mjs';
import { ROOT } from './lib/paths.mjs';
import { prepareSite, serveSite } from './lib/wordpress.mjs';

export const E2E_PORT = Number( process.env.QI_E2E_PORT || 8889 );

const startedDb = await ensureMariaDB();
const site = await prepareSite( {
	name: 'e2e',
	port: E2E_PORT,
	version: process.env.QI_WP_VERSION || undefined,
	fresh: true,
	users: [ { login: 'editor', password: 'password', role: 'editor' } ],
} );
const muPlugins = join( site.dir, 'wp-content/mu-plugins' );
mkdirSync( muPlugins, { recursive: true } );
copyFileSync(
	join( ROOT, 'tests/fixtures/mu-plugins/qualified-e2e-helper.php' ),
	join( muPlugins, 'qualified-e2e-helper.php' )
);
const server = await serveSite( site.dir, E2E_PORT );
console.log( `e2e site ready at ${ site.url }` );

const shutdown = () => {
	server.stop();
	if ( startedDb ) {
		stopMariaDB();
	}
	process.exit( 0 );
};
process.on( 'SIGTERM', shutdown );
process.on( 'SIGINT', shutdown );
// Stay up until a signal arrives.
setInterval( () => {}, 60_000 );
