/**
 * Real WordPress sites under .wp/sites/NAME, built from the WordPress
 * archives on npm (no download from the web), on the private MariaDB server,
 * served by PHP's built-in server.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	copyFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

import { debianWordPressTree } from './debian-wordpress.mjs';
import { databaseExists, ensureMariaDB, recreateDatabase } from './mariadb.mjs';
import {
	DB_SOCKET,
	PHP,
	PLUGIN_SLUG,
	ROOT,
	WP_BUILDS,
	WP_DEFAULT,
	WP_HOME_DIR,
	WP_OLDEST,
} from './paths.mjs';

const BUILDS_DIR = join( ROOT, 'node_modules/@wp-playground/wordpress-builds' );

export const ADMIN = {
	user: 'admin',
	password: 'password',
	email: 'admin@example.org',
};

/**
 * The URL of the fake qualified.js on a site (tests/fixtures, through the plugin symlink).
 *
 * @param {string} url Site URL.
 * @return {string} Script URL.
 */
export function fakeScriptUrl( url ) {
	return `${ url }/wp-content/plugins/${ PLUGIN_SLUG }/tests/fixtures/fake-qualified/qualified.js`;
}

/**
 * The WordPress version a variable names: a key of WP_BUILDS, or "oldest" / "current".
 *
 * @param {string|undefined} name QI_WP_VERSION and the like.
 * @return {string} A key of WP_BUILDS.
 */
export function wordpressVersion( name ) {
	if ( ! name || name === 'current' ) {
		return WP_DEFAULT;
	}
	return name === 'oldest' ? WP_OLDEST : name;
}

/**
 * Puts a WordPress build's files into a site directory: from Debian's
 * packages (a tree built once under .wp/debian) or from the npm archive
 * (the zip holds the PHP files, public/ the static assets).
 *
 * @param {string} version A key of WP_BUILDS.
 * @param {string} dir     Target directory.
 */
export function unpackWordPress( version, dir ) {
	const build = WP_BUILDS[ version ];
	if ( ! build ) {
		throw new Error(
			`Unknown WordPress version ${ version }; known: ${ Object.keys( WP_BUILDS ).join( ', ' ) }`
		);
	}
	const marker = join( dir, '.qi-wordpress-build' );
	const id = build.debian ? JSON.stringify( build.debian ) : build.file;
	if ( existsSync( marker ) && readFileSync( marker, 'utf8' ) === id ) {
		return;
	}
	rmSync( dir, { recursive: true, force: true } );
	mkdirSync( dir, { recursive: true } );
	if ( build.debian ) {
		cpSync( debianWordPressTree( build.debian ), dir, { recursive: true } );
	} else {
		execFileSync( 'unzip', [
			'-q',
			'-o',
			join( BUILDS_DIR, 'src/wordpress', `${ build.file }.zip` ),
			'-d',
			dir,
		] );
		cpSync( join( BUILDS_DIR, 'public', build.file ), dir, {
			recursive: true,
		} );
	}
	writeFileSync( marker, id );
}

function phpString( value ) {
	return `'${ String( value ).replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) }'`;
}

function writeConfig( dir, { url, database, constants, multisite = false } ) {
	const salts = [
		'AUTH_KEY',
		'SECURE_AUTH_KEY',
		'LOGGED_IN_KEY',
		'NONCE_KEY',
		'AUTH_SALT',
		'SECURE_AUTH_SALT',
		'LOGGED_IN_SALT',
		'NONCE_SALT',
	];
	const defines = {
		DB_NAME: database,
		DB_USER: 'root',
		DB_PASSWORD: '',
		DB_HOST: `localhost:${ DB_SOCKET }`,
		DB_CHARSET: 'utf8mb4',
		DB_COLLATE: '',
		// A network's sites each have their own home; WP_HOME would give them all the main one.
		...( multisite ? {} : { WP_HOME: url, WP_SITEURL: url } ),
		WP_ENVIRONMENT_TYPE: 'local',
		// php -S cannot serve the loopback request spawn_cron() makes while it handles the page.
		DISABLE_WP_CRON: true,
		AUTOMATIC_UPDATER_DISABLED: true,
		// Offline: no call to wordpress.org for updates, news or translations.
		WP_HTTP_BLOCK_EXTERNAL: true,
		WP_DEBUG: true,
		WP_DEBUG_DISPLAY: false,
		WP_DEBUG_LOG: join( dir, 'debug.log' ),
		...Object.fromEntries(
			salts.map( ( key ) => [ key, randomBytes( 24 ).toString( 'hex' ) ] )
		),
		...constants,
	};
	const lines = Object.entries( defines ).map( ( [ key, value ] ) => {
		const php =
			typeof value === 'boolean' ? String( value ) : phpString( value );
		return `define( '${ key }', ${ php } );`;
	} );
	writeFileSync(
		join( dir, 'wp-config.php' ),
		`<?php\n// Written by bin/lib/wordpress.mjs for a local site; not for production.\n${ lines.join( '\n' ) }\n$table_prefix = 'wp_';\nif ( ! defined( 'ABSPATH' ) ) {\n\tdefine( 'ABSPATH', __DIR__ . '/' );\n}\nrequire_once ABSPATH . 'wp-settings.php';\n`
	);
}

/**
 * Builds (or reuses) a site and installs WordPress into it.
 *
 * @param {Object}   options
 * @param {string}   options.name          Site name: directory and database suffix.
 * @param {number}   options.port          Port on 127.0.0.1.
 * @param {string}   [options.version]     Key of WP_BUILDS, or oldest / current.
 * @param {boolean}  [options.fresh]       Reinstall even if installed.
 * @param {Object}   [options.settings]    Plugin settings to store after activation.
 * @param {Object}   [options.constants]   Extra wp-config.php constants.
 * @param {Array}    [options.users]       Extra users: { login, password, role, first_name?, meta? }.
 * @param {boolean}  [options.fakeVendor]  Load the fake qualified.js from tests/fixtures.
 * @param {string[]} [options.muPlugins]   File names in tests/fixtures/mu-plugins to install.
 * @param {string}   [options.postContent] Content of the first post ("Hello world!"), when set.
 * @param {boolean}  [options.multisite]   A subdirectory network on http://127.0.0.1 (no port: multisite
 *                                         matches the host exactly, and tests/php/bootstrap.php loads
 *                                         that host), the plugin network-activated, with sub-sites
 *                                         /one/ and /two/. Only loaded in-process (PHPUnit), never served.
 * @return {Promise<{dir: string, url: string}>} The site.
 */
export async function prepareSite( {
	name,
	port,
	version = WP_DEFAULT,
	fresh = false,
	settings = {},
	constants = {},
	users = [],
	fakeVendor = true,
	muPlugins = [],
	postContent = '',
	multisite = false,
} ) {
	const dir = join( WP_HOME_DIR, 'sites', name );
	const url = multisite ? 'http://127.0.0.1' : `http://127.0.0.1:${ port }`;
	const database = `qi_${ name.replace( /\W/g, '_' ) }`;

	await ensureMariaDB();
	unpackWordPress( wordpressVersion( version ), dir );
	const siteConstants = {
		...( fakeVendor
			? { QUALIFIED_INTEGRATION_SCRIPT_URL: fakeScriptUrl( url ) }
			: {} ),
		...constants,
	};
	writeConfig( dir, { url, database, constants: siteConstants, multisite } );

	const muDir = join( dir, 'wp-content/mu-plugins' );
	mkdirSync( muDir, { recursive: true } );
	// Every local site is offline: no update checks filling debug.log.
	for ( const file of [ 'qualified-offline-site.php', ...muPlugins ] ) {
		copyFileSync(
			join( ROOT, 'tests/fixtures/mu-plugins', file ),
			join( muDir, file )
		);
	}

	const pluginLink = join( dir, 'wp-content/plugins', PLUGIN_SLUG );
	if ( ! existsSync( pluginLink ) ) {
		symlinkSync( ROOT, pluginLink, 'dir' );
	}
	const marker = join( dir, '.qi-installed' );
	const install =
		fresh || ! existsSync( marker ) || ! databaseExists( database );
	if ( install ) {
		recreateDatabase( database );
		rmSync( join( dir, 'debug.log' ), { force: true } );
		execFileSync(
			PHP,
			[
				join( ROOT, 'bin/lib/install-site.php' ),
				dir,
				JSON.stringify( {
					url,
					title: 'Qualified Integration dev',
					...ADMIN,
					settings,
					users,
					postContent,
					multisite,
				} ),
			],
			{ stdio: [ 'ignore', 'ignore', 'inherit' ] }
		);
	}
	if ( multisite ) {
		writeConfig( dir, {
			url,
			database,
			multisite,
			constants: {
				...siteConstants,
				MULTISITE: true,
				SUBDOMAIN_INSTALL: false,
				DOMAIN_CURRENT_SITE: new URL( url ).hostname,
				PATH_CURRENT_SITE: '/',
				SITE_ID_CURRENT_SITE: '1',
				BLOG_ID_CURRENT_SITE: '1',
			},
		} );
	}
	if ( install ) {
		if ( multisite ) {
			execFileSync(
				PHP,
				[
					join( ROOT, 'bin/lib/install-network.php' ),
					dir,
					JSON.stringify( {
						url,
						...ADMIN,
						subsites: [ 'one', 'two' ],
					} ),
				],
				{ stdio: [ 'ignore', 'ignore', 'inherit' ] }
			);
		}
		writeFileSync( marker, url );
	}
	return { dir, url };
}

/**
 * Serves a site with PHP's built-in server, in its own process group so that
 * stopping it stops every worker.
 *
 * @param {string}   dir               Site directory.
 * @param {number}   port              Port on 127.0.0.1.
 * @param {Object}   [options]
 * @param {string[]} [options.phpArgs] Extra php arguments, e.g. `-d` settings.
 * @return {Promise<{stop: () => void}>} Handle to stop the server.
 */
export async function serveSite( dir, port, { phpArgs = [] } = {} ) {
	const log = openSync( join( dir, 'server.log' ), 'a' );
	const server = spawn(
		PHP,
		[
			...phpArgs,
			'-S',
			`127.0.0.1:${ port }`,
			'-t',
			dir,
			join( ROOT, 'bin/lib/router.php' ),
		],
		{
			detached: true,
			stdio: [ 'ignore', log, log ],
			env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
		}
	);
	const stop = () => {
		try {
			process.kill( -server.pid, 'SIGTERM' );
		} catch {
			// Already gone.
		}
	};
	for ( let i = 0; i < 100; i++ ) {
		try {
			const response = await fetch(
				`http://127.0.0.1:${ port }/wp-login.php`
			);
			if ( response.ok ) {
				return { stop };
			}
		} catch {
			// Not listening yet.
		}
		await new Promise( ( done ) => setTimeout( done, 100 ) );
	}
	stop();
	throw new Error( `PHP's server did not answer on port ${ port }` );
}
