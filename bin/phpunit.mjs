#!/usr/bin/env node
/**
 * Runs PHPUnit against real WordPress installs: a fresh site per supported
 * version (the oldest we claim and the newest available), each on its own
 * fresh database. Extra arguments go to PHPUnit.
 *
 * QI_WP_VERSIONS=6.5 limits the versions (comma-separated keys of WP_BUILDS);
 * QI_PHP=bin/php74.sh runs them on PHP 7.4 instead of the system PHP.
 *
 * After each single-site run, the `multisite` group runs on a subdirectory
 * network of the same version (three sites, the plugin network-activated);
 * the single-site run excludes that group. QI_MULTISITE=0 skips the network
 * run, QI_MULTISITE=only runs nothing else.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { ensureMariaDB, stopMariaDB } from './lib/mariadb.mjs';
import { PHP, ROOT, WP_BUILDS } from './lib/paths.mjs';
import { prepareSite } from './lib/wordpress.mjs';

const versions = (
	process.env.QI_WP_VERSIONS || Object.keys( WP_BUILDS ).join( ',' )
).split( ',' );
const startedDb = await ensureMariaDB();
let failed = false;
try {
	const multisite = process.env.QI_MULTISITE || '1';
	const runs = [
		...( multisite === 'only'
			? []
			: [
					{
						suffix: '',
						network: false,
						args: [ '--exclude-group', 'multisite' ],
					},
				] ),
		...( multisite === '0'
			? []
			: [
					{
						suffix: '-ms',
						network: true,
						args: [ '--group', 'multisite' ],
					},
				] ),
	];
	const phpVersion = spawnSync( PHP, [ '-r', 'echo PHP_VERSION;' ], {
		encoding: 'utf8',
	} ).stdout;
	for ( const version of versions ) {
		for ( const run of runs ) {
			// QI_SITE_PREFIX keeps parallel runs (CI steps, several checkouts' users) on separate sites.
			const name = `${ process.env.QI_SITE_PREFIX || '' }phpunit-${ version.replace( /\W/g, '' ) }${ run.suffix }`;
			// Port 9 (discard) is never served: these sites are only loaded in-process by PHPUnit.
			const site = await prepareSite( {
				name,
				version,
				port: 9,
				fresh: true,
				fakeVendor: false,
				multisite: run.network,
			} );
			console.log(
				`\nPHPUnit on ${ WP_BUILDS[ version ].note }, PHP ${ phpVersion }${
					run.network ? ', multisite (subdirectory network)' : ''
				}`
			);
			const result = spawnSync(
				PHP,
				[
					join( ROOT, 'vendor/bin/phpunit' ),
					...run.args,
					...process.argv.slice( 2 ),
				],
				{
					stdio: 'inherit',
					cwd: ROOT,
					env: { ...process.env, QI_SITE_DIR: site.dir },
				}
			);
			// PHPUnit exits 0 when a filter leaves no test of a group: only a failure counts.
			failed = failed || result.status !== 0;
		}
	}
} finally {
	if ( startedDb ) {
		stopMariaDB();
	}
}
process.exit( failed ? 1 : 0 );
