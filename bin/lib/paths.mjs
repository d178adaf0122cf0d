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
 * The WordPress versions the tests run, each from a package registry:
 * - 6.5: the oldest version the plugin supports, from the npm package
 *   `@wp-playground/wordpress-builds` (`file` names its archive);
 * - 7.1: current WordPress, from Debian's registry (bin/lib/debian-wordpress.mjs).
 *   The versions are pinned so that a test run is reproducible; when sid moves
 *   on, the fetch fails with a message saying so, and these pins are updated.
 */
export const WP_BUILDS = {
	6.5: {
		file: 'wp-6.5',
		note: 'WordPress 6.5.5, the oldest version the plugin supports',
	},
	7.1: {
		debian: {
			suite: 'sid',
			packages: {
				wordpress: '7.1.4+dfsg1-1',
				'wordpress-theme-twentytwentyfive': '7.1.4+dfsg1-1',
				'libphp-phpmailer': '7.1.1-1',
				'php-getid3': '1.9.27+dfsg-1',
				'libjs-jquery-ui': '1.14.2+dfsg-1',
				'libjs-lodash': '4.18.1+dfsg1-2',
				'libjs-underscore': '1.13.8~dfsg+~1.13.0-1',
				'libjs-cropper': '1.2.2-2',
				'ca-certificates': '20260816+nmu1',
			},
		},
		note: "WordPress 7.1.4, current, from Debian's package 7.1.4+dfsg1-1",
	},
};
export const WP_DEFAULT = '7.1';
/** The oldest WordPress the plugin supports (QI_WP_VERSION=oldest picks it). */
export const WP_OLDEST = '6.5';

/**
 * The PHP binary for sites and tests: `php` on the PATH, or QI_PHP (for
 * example bin/php74.sh, the oldest PHP the plugin supports).
 */
export const PHP = process.env.QI_PHP
	? resolve( ROOT, process.env.QI_PHP )
	: 'php';
