#!/usr/bin/env node
/**
 * The site the Playwright suite runs against: a fresh install on its own
 * database, with the fake qualified.js and an editor account. Playwright
 * starts it (webServer) and stops it with SIGTERM.
 */
import { ensureMariaDB, stopMariaDB } from './lib/mariadb.mjs';
import { runUntilSignal } from './lib/lifecycle.mjs';
import { prepareSite, serveSite } from './lib/wordpress.mjs';

export const E2E_PORT = Number( process.env.QI_E2E_PORT || 8889 );

const startedDb = await ensureMariaDB();
const site = await prepareSite( {
	name: `${ process.env.QI_SITE_PREFIX || '' }e2e`,
	port: E2E_PORT,
	version: process.env.QI_WP_VERSION || undefined,
	fresh: true,
	users: [
		{
			login: 'editor',
			password: 'password',
			role: 'editor',
			first_name: 'Edith',
			// A user meta value for identity mappings, with characters that must stay inert in a script.
			meta: { billing_company: 'Acme & "Sons" </script>' },
		},
	],
	muPlugins: [
		'qualified-e2e-helper.php',
		'qualified-e2e-consent-api.php',
		// The cookie qi_e2e_rtl=1 switches a request to right-to-left (tests/e2e/rtl.spec.ts).
		'qualified-e2e-rtl.php',
	],
} );
const server = await serveSite( site.dir, E2E_PORT );
console.log( `e2e site ready at ${ site.url }` );

runUntilSignal( () => {
	server.stop();
	if ( startedDb ) {
		stopMariaDB();
	}
} );
