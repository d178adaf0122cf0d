#!/usr/bin/env node
/**
 * `npm run bench`: measures what the plugin costs a site, and checks budgets.
 *
 * - gzipped size of the runtime (budget) and the inline stub, and of the
 *   admin bundle;
 * - per scenario (30 identity mappings; 200 Experience rules), the time to
 *   render a post with the plugin active and inactive, in back-to-back pairs
 *   on the same site, as the median of the pairs' ratios, and database
 *   queries per page view with and without the plugin;
 * - with 200 rules, the time the runtime spends evaluating them in Chromium
 *   per page view (its own `qualified-integration:rules` performance measure);
 * - with 20 event handlers, the same render figures, then events stored per
 *   second by the public events route (1,000 events sequential, then over 8
 *   concurrent clients) with p50 / p95 latency;
 * - a post with 10 chat buttons (5 blocks, 5 shortcodes), a qualified-open
 *   link and a form: the same render figures (the plugin's queries beyond the
 *   page itself: none);
 * - then the browser benchmark (bin/bench-browser.mjs, also
 *   `npm run bench:browser`): Total Blocking Time and LCP in Chromium per
 *   loading strategy, beside the plugin inactive and the vendor snippet
 *   pasted by hand.
 *
 * The budgets below are the performance contract; the script exits 1 when one is exceeded.
 * QI_BENCH_RUNS (default 300) sets the number of measured request pairs;
 * QI_BENCH_ONLY=text measures only the scenarios whose name holds it (the
 * browser benchmark's name: "browser: loading strategies").
 * On a small shared machine one page view varies by about 10%, so the
 * median of 100 pair ratios still wanders by about +-0.013 from run to run
 * (the same code measured 1.016 to 1.050), as wide as the 0.03 it checks;
 * 300 pairs narrow that to about +-0.007.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium } from '@playwright/test';

import { benchBrowser } from './bench-browser.mjs';
import {
	buttonsContent,
	handlers,
	MAPPINGS,
	rules,
} from './lib/bench-scenarios.mjs';
import { ensureMariaDB, stopMariaDB } from './lib/mariadb.mjs';
import { ROOT } from './lib/paths.mjs';
import { prepareSite, serveSite } from './lib/wordpress.mjs';

const BUDGET = {
	// The whole runtime (build/frontend.js), every feature so far: 3.5 KB until
	// event handlers, 4.5 KB with them, 5 KB with buttons and forms, 6 KB with
	// the loading strategies and the consent gate. The inline stub, the vendor
	// snippet's queue printed in <head>, is shown beside it.
	runtimeGzipBytes: 6144,
	renderRatio: 1.03,
	addedQueries: 0,
	rulesEvaluationMs: 2,
};
const INGEST_EVENTS = Number( process.env.QI_BENCH_EVENTS || 1000 );
const INGEST_CLIENTS = 8;
const PORT = Number( process.env.QI_BENCH_PORT || 8890 );
const RUNS = Number( process.env.QI_BENCH_RUNS || 300 );
const BROWSER_RUNS = 41;
const PAGE = '/hello-world/';
const TOKEN = 'BenchToken1';

const SCENARIOS = [
	{
		name: '30 identity mappings',
		settings: { token: TOKEN, identity: { mappings: MAPPINGS } },
		// Proof that the settings reached the page: a post.title mapping, resolved.
		marker: '"page_title":"Hello world!"',
	},
	{
		name: '200 Experience rules',
		settings: { token: TOKEN, experiences: { spa: true, rules: rules() } },
		marker: '"id":"rule-199"',
		browser: true,
	},
	{
		name: '20 event handlers',
		settings: {
			token: TOKEN,
			events: {
				handlers: handlers(),
				// Queued for each stored event, never sent here: WP-Cron is off on this site.
				webhooks: [
					{
						id: 'bench',
						url: 'http://127.0.0.1:9/hook',
						secret: 'bench-secret-0123456789',
					},
				],
				retentionDays: 90,
			},
		},
		marker: '"name":"Custom Step 19"',
		constants: { DISABLE_WP_CRON: true },
		ingest: true,
	},
	{
		name: 'a post with 10 chat buttons and a form',
		settings: { token: TOKEN },
		postContent: buttonsContent(),
		// The shortcode's markup: it ran, so the plugin rendered the buttons.
		marker: '>Chat 4</a>',
		// Inactive, the page is another page (no block type, the shortcodes
		// left as text): its time ratio is shown without the render budget,
		// which compares one page with and without the plugin's work. The
		// budget here is its queries: none beyond the page itself.
		sameContent: false,
	},
];

if ( ! existsSync( join( ROOT, 'build/frontend.js' ) ) ) {
	console.error( 'No build/ yet: run `npm run build` first.' );
	process.exit( 1 );
}
const gzip = ( file ) =>
	gzipSync( readFileSync( join( ROOT, 'build', file ) ), { level: 9 } )
		.length;
const runtimeGzip = gzip( 'frontend.js' );
const stubGzip = gzip( 'stub.js' );
const adminGzip = gzip( 'admin.js' );
// What the admin loads later: the Events section, then, once the event log is
// near, its DataViews table (webpack's numbered chunks).
const ENTRIES = [ 'admin.js', 'editor.js', 'frontend.js', 'stub.js' ];
const lazyChunks = readdirSync( join( ROOT, 'build' ) ).filter(
	( file ) => file.endsWith( '.js' ) && ! ENTRIES.includes( file )
);
const lazyGzip = lazyChunks.reduce( ( sum, file ) => sum + gzip( file ), 0 );

const quantile = ( values, q ) => {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	return sorted[ Math.round( q * ( sorted.length - 1 ) ) ];
};

const median = ( values ) => {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const mid = Math.floor( sorted.length / 2 );
	return sorted.length % 2
		? sorted[ mid ]
		: ( sorted[ mid - 1 ] + sorted[ mid ] ) / 2;
};

/**
 * Renders the page once, with or without the plugin.
 *
 * @param {string}  url      Page URL.
 * @param {boolean} pluginOn Whether the plugin is active for this request.
 * @param {string}  marker   Text the page config must hold when active.
 * @return {Promise<{ms: number, queries: number}>} Time and query count.
 */
async function render( url, pluginOn, marker ) {
	const started = process.hrtime.bigint();
	const response = await fetch( url, {
		headers: pluginOn ? {} : { 'X-QI-Bench-Plugin': 'off' },
	} );
	const html = await response.text();
	const ms = Number( process.hrtime.bigint() - started ) / 1e6;
	const figure = ( name ) =>
		Number(
			new RegExp( `qi-bench-${ name }: (\\d+)` ).exec( html )?.[ 1 ] ??
				NaN
		);
	const queries = figure( 'queries' );
	const serverMs = figure( 'server-us' ) / 1000;
	const cpuMs = figure( 'cpu-us' ) / 1000;
	const loaded = html.includes( `qualified.js?token=${ TOKEN }` );
	if ( pluginOn && ! html.includes( marker ) ) {
		throw new Error( `The scenario's settings did not reach ${ url }.` );
	}
	if ( loaded !== pluginOn ) {
		throw new Error(
			`Plugin ${ pluginOn ? 'on' : 'off' } but loader ${ loaded ? 'present' : 'absent' }`
		);
	}
	return { ms, queries, serverMs, cpuMs };
}

/**
 * The runtime's own measure of rule evaluation, per page view, in Chromium.
 *
 * @param {string} url Page URL.
 * @return {Promise<number[]>} Milliseconds, one per page view.
 */
async function rulesEvaluation( url ) {
	const browser = await chromium.launch( {
		executablePath: '/usr/bin/chromium',
		args: [ '--no-sandbox', '--disable-gpu' ],
	} );
	const durations = [];
	try {
		for ( let i = 0; i < BROWSER_RUNS; i++ ) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto( url );
			await page.waitForFunction(
				() =>
					performance.getEntriesByName(
						'qualified-integration:rules'
					).length > 0
			);
			durations.push(
				await page.evaluate(
					() =>
						performance.getEntriesByName(
							'qualified-integration:rules'
						)[ 0 ].duration
				)
			);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return durations;
}

/**
 * Sends stored events to the public events route, as browsers' beacons do:
 * `count` events over `clients` connections at once.
 *
 * @param {string} siteUrl Site URL.
 * @param {number} count   Events to send.
 * @param {number} clients Requests in flight at once.
 * @return {Promise<{perSecond: number, p50: number, p95: number}>} Throughput and latency (ms).
 */
async function ingest( siteUrl, count, clients ) {
	const endpoint = `${ siteUrl }/wp-json/qualified-integration/v1/events`;
	const latencies = [];
	let next = 0;
	const client = async () => {
		while ( next < count ) {
			const i = next++;
			const body = JSON.stringify( {
				kind: 'event',
				name: i % 2 ? 'Meeting Booked' : 'Email Captured',
				url: `${ siteUrl }/pricing/`,
				experience: 'Bench Experience',
				conversationId: `conv-${ i }`,
				fields: { email: `visitor${ i }@example.org`, company: 'Acme' },
			} );
			const started = process.hrtime.bigint();
			const response = await fetch( endpoint, {
				method: 'POST',
				headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
				body,
			} );
			await response.text();
			latencies.push( Number( process.hrtime.bigint() - started ) / 1e6 );
			if ( response.status !== 201 ) {
				throw new Error(
					`The events route answered ${ response.status } to event ${ i }.`
				);
			}
		}
	};
	const started = process.hrtime.bigint();
	await Promise.all( Array.from( { length: clients }, client ) );
	const seconds = Number( process.hrtime.bigint() - started ) / 1e9;
	return {
		perSecond: count / seconds,
		p50: quantile( latencies, 0.5 ),
		p95: quantile( latencies, 0.95 ),
	};
}

/**
 * Measures one scenario on a fresh site.
 *
 * @param {Object} scenario An entry of SCENARIOS.
 * @return {Promise<Array>} Figure rows.
 */
async function measure( scenario ) {
	const site = await prepareSite( {
		name: `bench-${ scenario.name.replace( /\W+/g, '-' ) }`,
		port: PORT,
		fresh: true,
		settings: scenario.settings,
		postContent: scenario.postContent,
		constants: { WP_DEBUG: false, ...scenario.constants },
		muPlugins: [ 'qualified-bench.php' ],
	} );
	// OPcache on, as on any production PHP: otherwise every request recompiles every
	// file and the figure measures PHP's compiler rather than the plugin's work.
	const server = await serveSite( site.dir, PORT, {
		phpArgs: [
			'-d',
			'opcache.enable_cli=1',
			'-d',
			'opcache.validate_timestamps=0',
		],
	} );
	const url = `${ site.url }${ PAGE }`;
	const on = [];
	const off = [];
	let evaluationMs = null;
	const ingested = [];
	try {
		for ( let i = 0; i < 5; i++ ) {
			await render( url, true, scenario.marker );
			await render( url, false, scenario.marker );
		}
		// Interleaved in pairs, alternating which goes first, so drift hits both sides alike.
		for ( let i = 0; i < RUNS; i++ ) {
			const order = i % 2 ? [ true, false ] : [ false, true ];
			for ( const pluginOn of order ) {
				( pluginOn ? on : off ).push(
					await render( url, pluginOn, scenario.marker )
				);
			}
		}
		if ( scenario.browser ) {
			evaluationMs = await rulesEvaluation( url );
		}
		if ( scenario.ingest ) {
			for ( const clients of [ 1, INGEST_CLIENTS ] ) {
				ingested.push( [
					clients,
					await ingest( site.url, INGEST_EVENTS, clients ),
				] );
			}
		}
	} finally {
		server.stop();
	}

	const onMs = median( on.map( ( r ) => r.ms ) );
	const offMs = median( off.map( ( r ) => r.ms ) );
	// Each pair's ratio, then their median: a pair runs back to back, so a
	// slow spell of this shared machine scales both of its sides, where
	// medians taken side by side would compare different spells.
	const ratio = median( on.map( ( r, i ) => r.ms / off[ i ].ms ) );
	const pairRatio = ( key ) =>
		median( on.map( ( r, i ) => r[ key ] / off[ i ][ key ] ) );
	const serverRatio = pairRatio( 'serverMs' );
	const cpuRatio = pairRatio( 'cpuMs' );
	const onQueries = median( on.map( ( r ) => r.queries ) );
	const offQueries = median( off.map( ( r ) => r.queries ) );
	const rows = [
		[ 'post page, plugin inactive (median)', `${ offMs.toFixed( 2 ) } ms` ],
		[ 'post page, plugin active (median)', `${ onMs.toFixed( 2 ) } ms` ],
		[
			'active / inactive (median of pair ratios)',
			ratio.toFixed( 3 ),
			...( scenario.sameContent === false
				? []
				: [
						ratio <= BUDGET.renderRatio,
						`<= ${ BUDGET.renderRatio }`,
					] ),
		],
		[ 'in PHP, mu-plugins to shutdown: ratio', serverRatio.toFixed( 3 ) ],
		[ 'CPU time of that span: ratio', cpuRatio.toFixed( 3 ) ],
		[ 'DB queries per view, inactive', String( offQueries ) ],
		[
			'DB queries per view, active',
			String( onQueries ),
			onQueries - offQueries <= BUDGET.addedQueries,
			`+${ BUDGET.addedQueries } at most`,
		],
	];
	if ( null !== evaluationMs ) {
		const evaluationMedian = median( evaluationMs );
		rows.push(
			[
				`rule evaluation in Chromium (median of ${ BROWSER_RUNS })`,
				`${ evaluationMedian.toFixed( 3 ) } ms`,
				evaluationMedian < BUDGET.rulesEvaluationMs,
				`< ${ BUDGET.rulesEvaluationMs } ms`,
			],
			[
				'rule evaluation, fastest / 1st-3rd quartile',
				`${ quantile( evaluationMs, 0 ).toFixed( 1 ) } / ${ quantile(
					evaluationMs,
					0.25
				).toFixed( 1 ) }-${ quantile( evaluationMs, 0.75 ).toFixed(
					1
				) } ms`,
			]
		);
	}
	for ( const [ clients, figures ] of ingested ) {
		rows.push( [
			`events stored, ${ clients === 1 ? 'sequential' : `${ clients } concurrent clients` } (${ INGEST_EVENTS })`,
			`${ figures.perSecond.toFixed( 0 ) } /s`,
		] );
		rows.push( [
			`  latency p50 / p95`,
			`${ figures.p50.toFixed( 1 ) } / ${ figures.p95.toFixed( 1 ) } ms`,
		] );
	}
	return rows;
}

function print( rows ) {
	for ( const [ label, value, ok, budget ] of rows ) {
		const verdict = budget
			? `${ ok ? 'ok  ' : 'OVER' } budget ${ budget }`
			: '';
		console.log(
			`${ label.padEnd( 46 ) }${ value.padStart( 12 ) }  ${ verdict }`
		);
	}
}

const startedDb = await ensureMariaDB();
const sizes = [
	[
		'runtime (frontend.js), gzipped',
		`${ runtimeGzip } B`,
		runtimeGzip <= BUDGET.runtimeGzipBytes,
		`<= ${ BUDGET.runtimeGzipBytes } B`,
	],
	[ 'inline stub (stub.js), gzipped', `${ stubGzip } B` ],
	[ 'runtime + stub, gzipped', `${ runtimeGzip + stubGzip } B` ],
	[ 'admin bundle (admin.js), gzipped', `${ adminGzip } B` ],
	[
		`admin, loaded on demand (${ lazyChunks.length } chunks), gzipped`,
		`${ lazyGzip } B`,
	],
];
const results = [];
const only = process.env.QI_BENCH_ONLY || '';
try {
	for ( const scenario of SCENARIOS.filter( ( { name } ) =>
		name.includes( only )
	) ) {
		results.push( [ scenario, await measure( scenario ) ] );
	}
} catch ( error ) {
	if ( startedDb ) {
		stopMariaDB();
	}
	throw error;
}

console.log(
	`\nQualified Integration benchmark: ${ RUNS } interleaved pairs of requests (active, inactive) on ${ PAGE }\n`
);
print( sizes );
for ( const [ scenario, rows ] of results ) {
	console.log( `\n${ scenario.name }` );
	print( rows );
}
const all = [ ...sizes, ...results.flatMap( ( [ , rows ] ) => rows ) ];
let browserOk = true;
try {
	if ( 'browser: loading strategies'.includes( only ) ) {
		browserOk = await benchBrowser();
	}
} finally {
	if ( startedDb ) {
		stopMariaDB();
	}
}
process.exit(
	browserOk && all.every( ( [ , , ok, budget ] ) => ! budget || ok ) ? 0 : 1
);
