#!/usr/bin/env node
/**
 * `npm run bench`: measures what the plugin costs a site, and checks budgets.
 *
 * - gzipped size of the runtime and the inline stub;
 * - median server time to render the home page with the plugin active and
 *   inactive, interleaved in the same run on the same site, as a ratio;
 * - database queries per page view, with and without the plugin.
 *
 * The budgets below are the performance contract; the script exits 1 when one is exceeded.
 * QI_BENCH_RUNS (default 40) sets the number of measured requests per side.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { ensureMariaDB, stopMariaDB } from './lib/mariadb.mjs';
import { ROOT } from './lib/paths.mjs';
import { prepareSite, serveSite } from './lib/wordpress.mjs';

const BUDGET = {
	runtimeGzipBytes: 1024,
	renderRatio: 1.15,
	addedQueries: 0,
};
const PORT = Number( process.env.QI_BENCH_PORT || 8890 );
const RUNS = Number( process.env.QI_BENCH_RUNS || 40 );

if ( ! existsSync( join( ROOT, 'build/frontend.js' ) ) ) {
	console.error( 'No build/ yet: run `npm run build` first.' );
	process.exit( 1 );
}
const gzip = ( file ) =>
	gzipSync( readFileSync( join( ROOT, 'build', file ) ), { level: 9 } )
		.length;
const runtimeGzip = gzip( 'frontend.js' ) + gzip( 'stub.js' );

const startedDb = await ensureMariaDB();
const site = await prepareSite( {
	name: 'bench',
	port: PORT,
	fresh: true,
	settings: { token: 'BenchToken1' },
	constants: { WP_DEBUG: false },
	muPlugins: [ 'qualified-bench.php' ],
} );
const server = await serveSite( site.dir, PORT );

async function render( pluginOn ) {
	const started = process.hrtime.bigint();
	const response = await fetch( `${ site.url }/`, {
		headers: pluginOn ? {} : { 'X-QI-Bench-Plugin': 'off' },
	} );
	const html = await response.text();
	const ms = Number( process.hrtime.bigint() - started ) / 1e6;
	const queries = Number(
		/qi-bench-queries: (\d+)/.exec( html )?.[ 1 ] ?? NaN
	);
	const loaded = html.includes( 'qualified.js?token=BenchToken1' );
	if ( loaded !== pluginOn ) {
		throw new Error(
			`Plugin ${ pluginOn ? 'on' : 'off' } but loader ${ loaded ? 'present' : 'absent' }`
		);
	}
	return { ms, queries };
}

const median = ( values ) => {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const mid = Math.floor( sorted.length / 2 );
	return sorted.length % 2
		? sorted[ mid ]
		: ( sorted[ mid - 1 ] + sorted[ mid ] ) / 2;
};

let results;
try {
	for ( let i = 0; i < 5; i++ ) {
		await render( true );
		await render( false );
	}
	const on = [];
	const off = [];
	// Interleaved, alternating which goes first, so drift hits both sides alike.
	for ( let i = 0; i < RUNS; i++ ) {
		const order = i % 2 ? [ true, false ] : [ false, true ];
		for ( const pluginOn of order ) {
			( pluginOn ? on : off ).push( await render( pluginOn ) );
		}
	}
	results = { on, off };
} finally {
	server.stop();
	if ( startedDb ) {
		stopMariaDB();
	}
}

const onMs = median( results.on.map( ( r ) => r.ms ) );
const offMs = median( results.off.map( ( r ) => r.ms ) );
const onQueries = median( results.on.map( ( r ) => r.queries ) );
const offQueries = median( results.off.map( ( r ) => r.queries ) );
const figures = [
	[
		'runtime + stub, gzipped',
		`${ runtimeGzip } B`,
		runtimeGzip <= BUDGET.runtimeGzipBytes,
		`<= ${ BUDGET.runtimeGzipBytes } B`,
	],
	[
		'home page, plugin inactive (median)',
		`${ offMs.toFixed( 2 ) } ms`,
		true,
		'',
	],
	[
		'home page, plugin active (median)',
		`${ onMs.toFixed( 2 ) } ms`,
		true,
		'',
	],
	[
		'active / inactive',
		( onMs / offMs ).toFixed( 3 ),
		onMs / offMs <= BUDGET.renderRatio,
		`<= ${ BUDGET.renderRatio }`,
	],
	[ 'DB queries per view, inactive', String( offQueries ), true, '' ],
	[
		'DB queries per view, active',
		String( onQueries ),
		onQueries - offQueries <= BUDGET.addedQueries,
		`+${ BUDGET.addedQueries } at most`,
	],
];

console.log(
	`\nQualified Integration benchmark: ${ RUNS } interleaved requests per side, ${ site.url }/\n`
);
for ( const [ label, value, ok, budget ] of figures ) {
	console.log(
		`${ label.padEnd( 38 ) }${ value.padStart( 12 ) }  ${ budget ? `${ ok ? 'ok  ' : 'OVER' } budget ${ budget }` : '' }`
	);
}
process.exit( figures.every( ( [ , , ok ] ) => ok ) ? 0 : 1 );
