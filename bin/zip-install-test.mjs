#!/usr/bin/env node
/**
 * The zip users install, tested as they would use it (`npm test` runs it in
 * both lanes of bin/test-all.sh, after `npm run plugin-zip`):
 *
 * 1. its files: runtime files only (bin/lib/zip/contents.mjs), the whole of
 *    includes/ and build/ of this checkout, headers that agree;
 * 2. a fresh WordPress (its own database, the version QI_WP_VERSION names,
 *    on the PHP QI_PHP names) with the zip unpacked into wp-content/plugins
 *    (a real folder, not the link to this checkout other test sites use)
 *    and WP_DEBUG, WP_DEBUG_DISPLAY and WP_DEBUG_LOG on;
 * 3. an administrator logs in, deactivates and activates the plugin on the
 *    Plugins screen, opens the settings screen and saves a token through
 *    the REST API as the screen does; the home page and a post are loaded
 *    before and after;
 * 4. no PHP error, warning, notice or deprecation is printed in any page or
 *    written to debug.log, and once a token is set each page carries the
 *    Qualified loader once, with the plugin's files served from the zip's copy.
 *
 * QI_SITE_PREFIX names the site (<prefix>zip), QI_ZIP_PORT its port (8893).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	lstatSync,
	readFileSync,
	readdirSync,
	realpathSync,
	rmSync,
	unlinkSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { after, before, test } from 'node:test';

import { ensureMariaDB, stopMariaDB } from './lib/mariadb.mjs';
import {
	PHP,
	PLUGIN_SLUG,
	ROOT,
	WP_DEFAULT,
	WP_HOME_DIR,
	WP_OLDEST,
} from './lib/paths.mjs';
import {
	ADMIN,
	prepareSite,
	serveSite,
	unpackWordPress,
	wordpressVersion,
} from './lib/wordpress.mjs';
import { zipEntries, zipProblems } from './lib/zip/contents.mjs';
import { HttpSession } from './lib/zip/http-session.mjs';
import { headerProblems } from './lib/zip/plugin-headers.mjs';
import {
	displayedPhpMessages,
	loggedPhpMessages,
} from './lib/zip/php-notices.mjs';

const ZIP = join( ROOT, `${ PLUGIN_SLUG }.zip` );
const VERSION = wordpressVersion( process.env.QI_WP_VERSION );
const PORT = Number( process.env.QI_ZIP_PORT || 8893 );
const NAME = `${ process.env.QI_SITE_PREFIX || '' }zip`;
const TOKEN = 'ZipTest1234';
const MAIN_FILE = `${ PLUGIN_SLUG }/${ PLUGIN_SLUG }.php`;

/**
 * Files of this checkout under a folder, relative to the plugin.
 *
 * @param {string} dir Folder.
 * @return {string[]} Paths with forward slashes.
 */
function checkoutFiles( dir ) {
	return readdirSync( join( ROOT, dir ), {
		recursive: true,
		withFileTypes: true,
	} )
		.filter(
			( entry ) => entry.isFile() && ! entry.name.endsWith( '.map' )
		)
		.map( ( entry ) =>
			relative( ROOT, join( entry.parentPath, entry.name ) )
				.split( sep )
				.join( '/' )
		);
}

const unzipText = ( path ) =>
	execFileSync( 'unzip', [ '-p', ZIP, `${ PLUGIN_SLUG }/${ path }` ], {
		encoding: 'utf8',
	} );

/** Each page (and where it came from) whose PHP messages the last test checks. */
const pages = [];

/**
 * Loads a page of the site and keeps it for the check for PHP messages.
 *
 * @param {HttpSession} session The visit.
 * @param {string}      path    Path from the site root.
 * @param {Object}      [init]  fetch() options.
 * @return {Promise<{status: number, location: string|null, text: string}>} The answer.
 */
async function load( session, path, init ) {
	const answer = await session.request( path, init );
	pages.push( { path, text: answer.text } );
	return answer;
}

/**
 * The admin link of a Plugins screen action for this plugin (it carries the nonce).
 *
 * @param {string} html   The Plugins screen.
 * @param {string} action activate or deactivate.
 * @return {string} The link, HTML entities decoded.
 */
function pluginActionLink( html, action ) {
	const plugin = encodeURIComponent( MAIN_FILE ).replace(
		/[.*+?^${}()|[\]\\]/g,
		'\\$&'
	);
	const match = new RegExp(
		`href="(plugins\\.php\\?action=${ action }&amp;plugin=${ plugin }&amp;[^"]*)"`
	).exec( html );
	assert.ok(
		match,
		`the Plugins screen has a "${ action }" link for ${ MAIN_FILE }`
	);
	return `/wp-admin/${ match[ 1 ].replace( /&amp;/g, '&' ) }`;
}

/**
 * The `<script src>` tags of qualified.js with the test's token.
 *
 * @param {string} html A page.
 * @return {string[]} The tags.
 */
const loaderTags = ( html ) =>
	html.match(
		new RegExp(
			`<script[^>]+src="https://js\\.qualified\\.com/qualified\\.js\\?token=${ TOKEN }"`,
			'g'
		)
	) ?? [];

let site;
let server;
let startedDb = false;

before( async () => {
	assert.ok(
		existsSync( ZIP ),
		`${ PLUGIN_SLUG }.zip exists: run \`npm run build && npm run plugin-zip\` first`
	);
	startedDb = await ensureMariaDB();
	const dir = join( WP_HOME_DIR, 'sites', NAME );
	unpackWordPress( VERSION, dir );
	const plugin = join( dir, 'wp-content/plugins', PLUGIN_SLUG );
	// A link to the checkout, or the zip of an earlier run.
	const stat = lstatSync( plugin, { throwIfNoEntry: false } );
	if ( stat?.isSymbolicLink() ) {
		unlinkSync( plugin );
	} else if ( stat ) {
		rmSync( plugin, { recursive: true, force: true } );
	}
	execFileSync( 'unzip', [
		'-q',
		ZIP,
		'-d',
		join( dir, 'wp-content/plugins' ),
	] );
	site = await prepareSite( {
		name: NAME,
		port: PORT,
		version: VERSION,
		fresh: true,
		fakeVendor: false,
		constants: { WP_DEBUG_DISPLAY: true },
	} );
	server = await serveSite( site.dir, PORT );
} );

after( () => {
	server?.stop();
	if ( startedDb ) {
		stopMariaDB();
	}
} );

test( 'the zip holds the runtime files only, all of them', () => {
	const shipped = [
		...checkoutFiles( 'includes' ),
		...checkoutFiles( 'build' ),
	];
	assert.deepEqual(
		zipProblems( zipEntries( ZIP ), { slug: PLUGIN_SLUG, shipped } ),
		[]
	);
} );

test( "the zip's plugin header and readme agree and claim what the tests run", () => {
	const problems = headerProblems(
		{
			main: unzipText( `${ PLUGIN_SLUG }.php` ),
			readme: unzipText( 'readme.txt' ),
			packageJson: readFileSync( join( ROOT, 'package.json' ), 'utf8' ),
		},
		{ oldest: WP_OLDEST, newest: WP_DEFAULT }
	);
	assert.deepEqual( problems, [] );
	if ( process.env.QI_PHP ) {
		// The oldest lane runs the oldest PHP the header claims.
		const php = execFileSync(
			PHP,
			[ '-r', 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;' ],
			{
				encoding: 'utf8',
			}
		);
		assert.match(
			unzipText( `${ PLUGIN_SLUG }.php` ),
			new RegExp( `Requires PHP:\\s+${ php.replace( '.', '\\.' ) }\\n` )
		);
	}
} );

test( 'the plugin is the unpacked zip, not a link to the checkout', () => {
	const plugin = join( site.dir, 'wp-content/plugins', PLUGIN_SLUG );
	assert.equal( lstatSync( plugin ).isSymbolicLink(), false );
	assert.equal( realpathSync( plugin ), plugin );
	assert.equal( existsSync( join( plugin, 'tests' ) ), false );
	assert.equal( existsSync( join( plugin, 'package.json' ) ), false );
} );

test( 'without a token, pages load and carry no Qualified loader', async () => {
	const visitor = new HttpSession( site.url );
	for ( const path of [ '/', '/hello-world/' ] ) {
		const page = await load( visitor, path );
		assert.equal( page.status, 200, `${ path } answers 200` );
		assert.equal(
			loaderTags( page.text ).length,
			0,
			`${ path } has no loader yet`
		);
	}
} );

test( 'an administrator deactivates and activates it on the Plugins screen', async () => {
	const admin = new HttpSession( site.url );
	await admin.logIn( ADMIN.user, ADMIN.password );

	let screen = await load( admin, '/wp-admin/plugins.php' );
	assert.equal( screen.status, 200 );
	const deactivated = await load(
		admin,
		pluginActionLink( screen.text, 'deactivate' )
	);
	assert.equal( deactivated.status, 302 );
	assert.match( deactivated.location ?? '', /deactivate=true/ );

	screen = await load( admin, '/wp-admin/plugins.php' );
	const activated = await load(
		admin,
		pluginActionLink( screen.text, 'activate' )
	);
	assert.equal( activated.status, 302 );
	// WordPress sends "error=true&charsout=N" when activation printed anything.
	assert.match(
		activated.location ?? '',
		/activate=true/,
		`activation redirected to ${ activated.location }`
	);
	screen = await load( admin, '/wp-admin/plugins.php' );
	assert.ok(
		pluginActionLink( screen.text, 'deactivate' ),
		'the plugin is active'
	);
} );

test( 'the settings screen loads, and a token saved through its REST API turns the loader on', async () => {
	const admin = new HttpSession( site.url );
	await admin.logIn( ADMIN.user, ADMIN.password );
	const screen = await load(
		admin,
		'/wp-admin/options-general.php?page=qualified-integration'
	);
	assert.equal( screen.status, 200 );
	assert.match( screen.text, /id="qualified-integration-settings"/ );
	assert.match(
		screen.text,
		new RegExp(
			`/wp-content/plugins/${ PLUGIN_SLUG }/build/admin\\.js\\?ver=`
		)
	);
	const nonce = /createNonceMiddleware\(\s*"([0-9a-f]+)"\s*\)/.exec(
		screen.text
	)?.[ 1 ];
	assert.ok( nonce, 'the settings screen has a REST nonce' );

	const saved = await load(
		admin,
		'/wp-json/qualified-integration/v1/settings',
		{
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-wp-nonce': nonce,
			},
			body: JSON.stringify( { token: TOKEN, enabled: true } ),
		}
	);
	assert.equal( saved.status, 200, saved.text );
	assert.equal( JSON.parse( saved.text ).settings.token, TOKEN );
} );

test( 'with a token, the home page and a post carry the loader once, from the zip', async () => {
	const visitor = new HttpSession( site.url );
	for ( const path of [ '/', '/hello-world/' ] ) {
		const page = await load( visitor, path );
		assert.equal( page.status, 200, `${ path } answers 200` );
		assert.equal(
			loaderTags( page.text ).length,
			1,
			`${ path } loads qualified.js once`
		);
		const runtime = new RegExp(
			`src="(${ site.url }/wp-content/plugins/${ PLUGIN_SLUG }/build/frontend\\.js\\?ver=[^"]+)"`
		).exec( page.text );
		assert.ok( runtime, `${ path } loads the plugin's runtime` );
		const file = await visitor.request(
			runtime[ 1 ].replace( /&#038;/g, '&' )
		);
		assert.equal(
			file.status,
			200,
			'build/frontend.js is served from the unpacked zip'
		);
	}
} );

test( 'no PHP error, warning, notice or deprecation in any page or in debug.log', () => {
	const displayed = pages.flatMap( ( { path, text } ) =>
		displayedPhpMessages( text ).map(
			( message ) => `${ path }: ${ message }`
		)
	);
	assert.deepEqual( displayed, [] );
	const log = join( site.dir, 'debug.log' );
	assert.deepEqual(
		existsSync( log )
			? loggedPhpMessages( readFileSync( log, 'utf8' ) )
			: [],
		[]
	);
	assert.ok( pages.length >= 11, `${ pages.length } pages checked` );
} );
