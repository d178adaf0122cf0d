#!/usr/bin/env node
/**
 * `npm run bench`: measures what the plugin costs a site, and checks budgets.
 *
 * - gzipped size of the runtime and the inline stub, and of the admin bundle;
 * - median server time to render a post with the plugin active and inactive,
 *   interleaved in the same run on the same site, as a ratio; the site has
 *   30 identity mappings of mixed sources (static, user, post, site and
 *   browser), so the figure includes resolving them;
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
	runtimeGzipBytes: 2048,
	renderRatio: 1.03,
	addedQueries: 0,
};
const PORT = Number( process.env.QI_BENCH_PORT || 8890 );
const RUNS = Number( process.env.QI_BENCH_RUNS || 60 );
const PAGE = '/hello-world/';

/** 30 identity mappings of every kind of source: what a busy site might configure. */
const MAPPINGS = [
	{ field: 'lead_source', source: 'static', value: 'Website' },
	{ field: 'site_region', source: 'static', value: 'EMEA' },
	{ field: 'wp_email', source: 'user.email' },
	{ field: 'wp_first_name', source: 'user.first_name' },
	{ field: 'wp_last_name', source: 'user.last_name' },
	{ field: 'wp_roles', source: 'user.roles' },
	{ field: 'wp_company', source: 'user.meta', key: 'billing_company' },
	{ field: 'page_id', source: 'post.id' },
	{ field: 'page_title', source: 'post.title' },
	{ field: 'page_type', source: 'post.type' },
	{ field: 'page_author', source: 'post.author' },
	{ field: 'page_topics', source: 'post.terms', key: 'category' },
	{ field: 'page_tags', source: 'post.terms', key: 'post_tag' },
	{ field: 'page_product', source: 'post.meta', key: 'product_line' },
	{ field: 'site_name', source: 'site.name' },
	{ field: 'site_language', source: 'site.language' },
	{
		field: 'utm_source',
		source: 'query',
		key: 'utm_source',
		persist: 'first',
	},
	{
		field: 'utm_medium',
		source: 'query',
		key: 'utm_medium',
		persist: 'first',
	},
	{
		field: 'utm_campaign',
		source: 'query',
		key: 'utm_campaign',
		persist: 'first',
	},
	{ field: 'utm_term', source: 'query', key: 'utm_term', persist: 'last' },
	{ field: 'utm_content', source: 'query', key: 'utm_content' },
	{ field: 'gclid', source: 'query', key: 'gclid', persist: 'first' },
	{ field: 'hubspot_id', source: 'cookie', key: 'hubspotutk' },
	{ field: 'ga_client', source: 'cookie', key: '_ga' },
	{ field: 'referrer', source: 'referrer', persist: 'first' },
	{ field: 'landing_page', source: 'landing_page' },
	{ field: 'plan', source: 'dataLayer', key: 'user.plan' },
	{ field: 'segment', source: 'dataLayer', key: 'segment' },
	{ field: 'page_section', source: 'meta_tag', key: 'section' },
	{ field: 'page_keywords', source: 'meta_tag', key: 'keywords' },
];

if ( ! existsSync( join( ROOT, 'build/frontend.js' ) ) ) {
	console.error( 'No build/ yet: run `npm run build` first.' );
	process.exit( 1 );
}
const gzip = ( file ) =>
	gzipSync( readFileSync( join( ROOT, 'build', file ) ), { level: 9 } )
		.length;
const runtimeGzip = gzip( 'frontend.js' ) + gzip( 'stub.js' );
const adminGzip = gzip( 'admin.js' );

const startedDb = await ensureMariaDB();
const site = await prepareSite( {
	name: 'bench',
	port: PORT,
	fresh: true,
	settings: { token: 'BenchToken1', identity: { mappings: MAPPINGS } },
	constants: { WP_DEBUG: false },
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

async function render( pluginOn ) {
	const started = process.hrtime.bigint();
	const response = await fetch( `${ site.url }${ PAGE }`, {
		headers: pluginOn ? {} : { 'X-QI-Bench-Plugin': 'off' },
	} );
	const html = await response.text();
	const ms = Number( process.hrtime.bigint() - started ) / 1e6;
	const queries = Number(
		/qi-bench-queries: (\d+)/.exec( html )?.[ 1 ] ?? NaN
	);
	const loaded = html.includes( 'qualified.js?token=BenchToken1' );
	if ( pluginOn && ! html.includes( '"page_title":"Hello world!"' ) ) {
		throw new Error( 'The 30 mappings did not reach the page config.' );
	}
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
	[ 'admin bundle (admin.js), gzipped', `${ adminGzip } B`, true, '' ],
	[
		'post page, plugin inactive (median)',
		`${ offMs.toFixed( 2 ) } ms`,
		true,
		'',
	],
	[
		'post page, plugin active (median)',
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
	`\nQualified Integration benchmark: ${ RUNS } interleaved requests per side, ${ site.url }${ PAGE }, ${ MAPPINGS.length } identity mappings\n`
);
for ( const [ label, value, ok, budget ] of figures ) {
	console.log(
		`${ label.padEnd( 38 ) }${ value.padStart( 12 ) }  ${ budget ? `${ ok ? 'ok  ' : 'OVER' } budget ${ budget }` : '' }`
	);
}
process.exit( figures.every( ( [ , , ok ] ) => ok ) ? 0 : 1 );
