#!/usr/bin/env node
/**
 * `npm start`: a local WordPress on 127.0.0.1 with the plugin active and
 * configured, assets rebuilt on change. Everything comes from the package
 * registries (WordPress from Debian or npm, PHP and MariaDB from Debian); nothing is
 * downloaded from the web. Ctrl-C stops it all.
 *
 * QI_PORT (default 8888) and QI_WP_VERSION (7.1, the default, or 6.5, also
 * spelled current and oldest) adjust it;
 * QI_FRESH=1 reinstalls the site from scratch.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { runUntilSignal } from './lib/lifecycle.mjs';
import { ensureMariaDB, stopMariaDB } from './lib/mariadb.mjs';
import { ROOT, WP_BUILDS } from './lib/paths.mjs';
import {
	ADMIN,
	prepareSite,
	serveSite,
	wordpressVersion,
} from './lib/wordpress.mjs';

const port = Number( process.env.QI_PORT || 8888 );
const version = wordpressVersion( process.env.QI_WP_VERSION );
const wpScripts = join( ROOT, 'node_modules/.bin/wp-scripts' );

if ( ! existsSync( join( ROOT, 'build/frontend.asset.php' ) ) ) {
	const build = spawnSync( wpScripts, [ 'build' ], {
		cwd: ROOT,
		stdio: 'inherit',
	} );
	if ( build.status !== 0 ) {
		process.exit( build.status ?? 1 );
	}
}

const startedDb = await ensureMariaDB();
const site = await prepareSite( {
	name: 'dev',
	port,
	version,
	fresh: process.env.QI_FRESH === '1',
	settings: { token: 'DemoToken123' },
} );
const server = await serveSite( site.dir, port );
const watcher = spawn( wpScripts, [ 'start' ], {
	cwd: ROOT,
	detached: true,
	stdio: [ 'ignore', 'ignore', 'inherit' ],
} );

console.log( `
Qualified Integration dev site (${ WP_BUILDS[ version ].note })
  Site:     ${ site.url }/
  Admin:    ${ site.url }/wp-admin/   user: ${ ADMIN.user }   password: ${ ADMIN.password }
  Settings: ${ site.url }/wp-admin/options-general.php?page=qualified-integration
  The plugin is active with token DemoToken123; pages load the fake qualified.js
  from tests/fixtures (the real one is not reachable offline).
  Assets rebuild on change (wp-scripts start). Ctrl-C stops everything.
` );

runUntilSignal( () => {
	server.stop();
	try {
		process.kill( -watcher.pid, 'SIGTERM' );
	} catch {
		// Already gone.
	}
	if ( startedDb ) {
		stopMariaDB();
	}
} );
