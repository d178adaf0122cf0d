/**
 * Where the local environment lives. Everything it writes stays under .wp/.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(
	dirname( fileURLToPath( import.meta.url ) ),
	'../..'
);
export const WP_HOME_DIR = join( ROOT, '.wp' );
export const PLUGIN_SLUG = 'qualified-integration';

// A unix socket path must stay under ~100 bytes, so it lives in /tmp, named after this checkout.
const checkoutId = createHash( 'sha1' )
	.update( ROOT )
	.digest( 'hex' )
	.slice( 0, 10 );
export const DB_SOCKET = join( tmpdir(), `qi-${ checkoutId }.sock` );
export const DB_DATA_DIR = join( WP_HOME_DIR, 'mariadb' );

/**
 * WordPress builds the offline registry ships (npm @wp-playground/wordpress-builds):
 * our label, the package's file name, and what it is.
 */
export const WP_BUILDS = {
	6.5: {
		file: 'wp-6.5',
		note: 'WordPress 6.5.5, the oldest version the plugin supports',
	},
	6.6: {
		file: 'wp-beta',
		note: 'WordPress 6.6-RC3, the newest build available offline',
	},
};
export const WP_DEFAULT = '6.6';

/**
 * The PHP binary for sites and tests: `php` on the PATH, or QI_PHP (for
 * example bin/php74.sh, the oldest PHP the plugin supports).
 */
export const PHP = process.env.QI_PHP
	? resolve( ROOT, process.env.QI_PHP )
	: 'php';
