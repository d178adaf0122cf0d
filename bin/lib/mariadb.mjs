/**
 * A private MariaDB server (Debian's mariadbd) for the local sites and the
 * tests: its own data directory under .wp/, a unix socket only, no network.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

import { DB_DATA_DIR, DB_SOCKET } from './paths.mjs';

const PID_FILE = join( DB_DATA_DIR, 'mariadbd.pid' );

function client( sql ) {
	return execFileSync(
		'mariadb',
		[ '--no-defaults', '--socket', DB_SOCKET, '-uroot', '-N', '-e', sql ],
		{ encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'pipe' ] }
	);
}

export function isRunning() {
	try {
		client( 'SELECT 1' );
		return true;
	} catch {
		return false;
	}
}

/**
 * Starts the server unless it already answers.
 *
 * @return {Promise<boolean>} Whether this call started it (and so should stop it).
 */
export async function ensureMariaDB() {
	if ( isRunning() ) {
		return false;
	}
	if ( ! existsSync( join( DB_DATA_DIR, 'mysql' ) ) ) {
		mkdirSync( DB_DATA_DIR, { recursive: true } );
		execFileSync(
			'mariadb-install-db',
			[
				'--no-defaults',
				`--datadir=${ DB_DATA_DIR }`,
				'--auth-root-authentication-method=normal',
				'--skip-test-db',
				'--user=root',
			],
			{ stdio: 'ignore' }
		);
	}
	const log = openSync( join( DB_DATA_DIR, 'error.log' ), 'a' );
	const server = spawn(
		'/usr/sbin/mariadbd',
		[
			'--no-defaults',
			`--datadir=${ DB_DATA_DIR }`,
			`--socket=${ DB_SOCKET }`,
			`--pid-file=${ PID_FILE }`,
			'--skip-networking',
			'--user=root',
			'--innodb-buffer-pool-size=64M',
			'--innodb-log-file-size=16M',
			'--innodb-flush-log-at-trx-commit=0',
			'--character-set-server=utf8mb4',
		],
		{ detached: true, stdio: [ 'ignore', log, log ] }
	);
	server.unref();
	for ( let i = 0; i < 100; i++ ) {
		if ( isRunning() ) {
			return true;
		}
		await new Promise( ( done ) => setTimeout( done, 200 ) );
	}
	throw new Error(
		`MariaDB did not start; see ${ join( DB_DATA_DIR, 'error.log' ) }`
	);
}

export function stopMariaDB() {
	try {
		execFileSync(
			'mariadb-admin',
			[ '--no-defaults', '--socket', DB_SOCKET, '-uroot', 'shutdown' ],
			{ stdio: 'ignore' }
		);
	} catch {
		// Already stopped.
	}
}

/**
 * Creates an empty database, dropping any earlier one of that name.
 *
 * @param {string} name Database name (letters, digits, underscores).
 */
export function recreateDatabase( name ) {
	client(
		`DROP DATABASE IF EXISTS \`${ name }\`; CREATE DATABASE \`${ name }\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;`
	);
}

export function databaseExists( name ) {
	return client( `SHOW DATABASES LIKE '${ name }'` ).trim() === name;
}
