/**
 * Current WordPress from Debian's registry, without touching the machine's
 * apt setup: a private sources list and private state and cache directories
 * under .wp/debian/, `apt-get download` of exact (pinned) package versions,
 * `dpkg-deb -x` into a staging root, then one plain WordPress tree.
 *
 * Debian's `wordpress` package replaces the libraries WordPress bundles
 * (PHPMailer, getID3, jQuery UI, lodash, underscore, cropper, the CA bundle)
 * with symlinks into other Debian packages, and ships a wp-config.php that
 * reads /etc/wordpress. The tree built here follows every link inside the
 * staging root, so it is self-contained, and drops Debian's wp-config.php:
 * each site writes its own (bin/lib/wordpress.mjs).
 */
import { execFileSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	lstatSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	readlinkSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

import { WP_HOME_DIR } from './paths.mjs';

const BASE = join( WP_HOME_DIR, 'debian' );

/**
 * The mirrors this machine's apt already uses (deb822 or one-line format),
 * security archives left out: the suite we want lives on the main archive.
 *
 * @return {string[]} Mirror URIs.
 */
function mirrors() {
	const uris = new Set();
	const files = [ '/etc/apt/sources.list' ];
	if ( existsSync( '/etc/apt/sources.list.d' ) ) {
		for ( const file of readdirSync( '/etc/apt/sources.list.d' ) ) {
			files.push( join( '/etc/apt/sources.list.d', file ) );
		}
	}
	for ( const file of files ) {
		if ( ! existsSync( file ) ) {
			continue;
		}
		for ( const line of readFileSync( file, 'utf8' ).split( '\n' ) ) {
			const match =
				/^URIs:\s*(\S+)/.exec( line ) ||
				/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)/.exec( line );
			if ( match && ! match[ 1 ].includes( 'security' ) ) {
				uris.add( match[ 1 ] );
			}
		}
	}
	if ( uris.size === 0 ) {
		throw new Error(
			'No Debian mirror found in /etc/apt: cannot fetch WordPress from the registry.'
		);
	}
	return [ ...uris ];
}

/**
 * Runs apt-get with the private configuration.
 *
 * @param {string}   suite     Debian suite, e.g. "sid".
 * @param {string[]} args      apt-get arguments.
 * @param {Object}   [options] execFileSync options.
 */
function aptGet( suite, args, options = {} ) {
	const dir = join( BASE, suite );
	mkdirSync( join( dir, 'lists/partial' ), { recursive: true } );
	mkdirSync( join( dir, 'cache/archives/partial' ), { recursive: true } );
	writeFileSync(
		join( dir, 'sources.list' ),
		mirrors()
			.map( ( uri ) => `deb ${ uri } ${ suite } main\n` )
			.join( '' )
	);
	execFileSync(
		'apt-get',
		[
			'-q',
			'-o',
			`Dir::Etc::SourceList=${ join( dir, 'sources.list' ) }`,
			'-o',
			'Dir::Etc::SourceParts=/dev/null',
			'-o',
			`Dir::State::Lists=${ join( dir, 'lists' ) }`,
			'-o',
			`Dir::Cache=${ join( dir, 'cache' ) }`,
			'-o',
			'Dir::State::status=/dev/null',
			'-o',
			'APT::Sandbox::User=root',
			...args,
		],
		{ stdio: [ 'ignore', 'ignore', 'pipe' ], ...options }
	);
}

/**
 * Downloads the pinned packages (once; kept under .wp/debian/SUITE/debs).
 *
 * @param {string}                 suite    Debian suite.
 * @param {Record<string, string>} packages Package name to exact version.
 * @return {string} Directory holding the .deb files.
 */
function download( suite, packages ) {
	const debs = join( BASE, suite, 'debs' );
	const wanted = Object.entries( packages ).map(
		( [ name, version ] ) => `${ name }=${ version }`
	);
	const marker = join( debs, '.pinned' );
	if (
		existsSync( marker ) &&
		readFileSync( marker, 'utf8' ) === wanted.join( '\n' )
	) {
		return debs;
	}
	rmSync( debs, { recursive: true, force: true } );
	mkdirSync( debs, { recursive: true } );
	try {
		aptGet( suite, [ 'update' ] );
	} catch ( error ) {
		throw new Error(
			`apt-get update for Debian ${ suite } failed (is the Debian mirror reachable?):\n${ error.stderr || error.message }`
		);
	}
	try {
		aptGet( suite, [ 'download', ...wanted ], { cwd: debs } );
	} catch ( error ) {
		throw new Error(
			`Debian ${ suite } no longer offers one of the pinned packages (${ wanted.join( ', ' ) }).\n` +
				`apt-get said: ${ String( error.stderr || error.message ).trim() }\n` +
				'Pick the versions the registry has now (apt-cache policy, with the same private setup) and update WP_BUILDS in bin/lib/paths.mjs.'
		);
	}
	writeFileSync( marker, wanted.join( '\n' ) );
	return debs;
}

/**
 * Follows a link inside the staging root until it reaches a real file or
 * directory. Absolute targets (/etc/..., /usr/...) are read inside the root.
 *
 * @param {string} root Staging root.
 * @param {string} path A path inside root that may be a symlink.
 * @return {string|null} The real path inside root, or null if dangling.
 */
function resolveInRoot( root, path ) {
	let current = path;
	for ( let hops = 0; hops < 20; hops++ ) {
		if ( ! existsSync( current ) && ! isLink( current ) ) {
			return null;
		}
		if ( ! isLink( current ) ) {
			return current;
		}
		const target = readlinkSync( current );
		current = isAbsolute( target )
			? join( root, target )
			: resolve( dirname( current ), target );
		if ( relative( root, current ).startsWith( '..' ) ) {
			return null;
		}
	}
	return null;
}

function isLink( path ) {
	try {
		return lstatSync( path ).isSymbolicLink();
	} catch {
		return false;
	}
}

/**
 * Copies a tree, replacing each symlink by what it points to in the root.
 *
 * @param {string}   root     Staging root.
 * @param {string}   from     Source directory inside root.
 * @param {string}   to       Target directory.
 * @param {string[]} dangling Collects links that lead nowhere.
 */
function copyResolved( root, from, to, dangling ) {
	mkdirSync( to, { recursive: true } );
	for ( const entry of readdirSync( from ) ) {
		const source = join( from, entry );
		const target = join( to, entry );
		const real = isLink( source ) ? resolveInRoot( root, source ) : source;
		if ( null === real ) {
			dangling.push( relative( root, source ) );
			continue;
		}
		if ( lstatSync( real ).isDirectory() ) {
			copyResolved( root, real, target, dangling );
		} else {
			cpSync( real, target );
		}
	}
}

/**
 * Builds (once) a plain WordPress tree from Debian's packages.
 *
 * @param {Object}                 build          An entry of WP_BUILDS with `debian`.
 * @param {string}                 build.suite    Debian suite.
 * @param {Record<string, string>} build.packages Package name to exact version.
 * @return {string} The tree's directory.
 */
export function debianWordPressTree( { suite, packages } ) {
	const version = packages.wordpress;
	const tree = join( BASE, suite, `wordpress-${ version }` );
	const marker = join( tree, '.qi-debian-build' );
	const pinned = JSON.stringify( packages );
	if ( existsSync( marker ) && readFileSync( marker, 'utf8' ) === pinned ) {
		return tree;
	}

	const debs = download( suite, packages );
	const root = join( BASE, suite, 'root' );
	rmSync( root, { recursive: true, force: true } );
	mkdirSync( root, { recursive: true } );
	for ( const file of readdirSync( debs ).filter( ( name ) =>
		name.endsWith( '.deb' )
	) ) {
		execFileSync( 'dpkg-deb', [ '-x', join( debs, file ), root ] );
	}

	// ca-certificates builds its bundle at install time; make it from the package's certificates.
	const certificates = join( root, 'usr/share/ca-certificates/mozilla' );
	mkdirSync( join( root, 'etc/ssl/certs' ), { recursive: true } );
	writeFileSync(
		join( root, 'etc/ssl/certs/ca-certificates.crt' ),
		readdirSync( certificates )
			.sort()
			.map( ( name ) =>
				readFileSync( join( certificates, name ), 'utf8' )
			)
			.join( '\n' )
	);

	rmSync( tree, { recursive: true, force: true } );
	const dangling = [];
	copyResolved( root, join( root, 'usr/share/wordpress' ), tree, dangling );
	// Apache-only (a link to /etc/wordpress/htaccess); PHP's built-in server ignores it.
	const unresolved = dangling.filter(
		( path ) => ! path.endsWith( '/.htaccess' )
	);
	if ( unresolved.length ) {
		throw new Error(
			`Debian's WordPress links to files no pinned package provides: ${ unresolved.join( ', ' ) }`
		);
	}
	// Debian's wp-config.php reads /etc/wordpress; each site writes its own.
	rmSync( join( tree, 'wp-config.php' ), { force: true } );
	const versionFile = readFileSync(
		join( tree, 'wp-includes/version.php' ),
		'utf8'
	);
	const expected = version.replace( /\+.*$/, '' );
	if ( ! versionFile.includes( `$wp_version = '${ expected }'` ) ) {
		throw new Error(
			`Debian's package did not hold WordPress ${ expected }.`
		);
	}
	rmSync( root, { recursive: true, force: true } );
	writeFileSync( marker, pinned );
	return tree;
}
