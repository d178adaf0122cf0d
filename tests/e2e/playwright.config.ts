/**
 * Playwright against a real WordPress (bin/e2e-server.mjs) in Debian's Chromium.
 */

/**
 * External dependencies
 */
import { defineConfig } from '@playwright/test';

const port = Number( process.env.QI_E2E_PORT || 8889 );

export default defineConfig( {
	testDir: '.',
	// One site, one database: tests run one at a time.
	workers: 1,
	fullyParallel: false,
	retries: 0,
	timeout: 60_000,
	reporter: process.env.CI ? 'list' : [ [ 'list' ] ],
	// One folder per lane (bin/test-all.sh runs two at once).
	outputDir: `../../artifacts/e2e-${ process.env.QI_SITE_PREFIX || 'default' }`,
	use: {
		baseURL: `http://127.0.0.1:${ port }`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
	},
	webServer: {
		command: 'node bin/e2e-server.mjs',
		cwd: '../..',
		url: `http://127.0.0.1:${ port }/wp-login.php`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
	},
} );
