/**
 * Build configuration: wp-scripts defaults with our own entry points, as two
 * compilations.
 *
 * 1. admin, editor (the block editor's "Qualified" document panel) and
 *    frontend: wp-scripts' own mode (development under `npm start`,
 *    production under `npm run build`). The editor entry's imports of the
 *    packages `@wordpress/editor`, `@wordpress/edit-post` and
 *    `@wordpress/plugins` become externals (the `wp.*` globals, listed in
 *    build/editor.asset.php), so they need no npm package.
 *
 * 2. the inline stub: always production. PHP prints build/stub.js inline
 *    in every public page's <head>, so it must be the minified build with no
 *    source map comment even while `wp-scripts start` watches (a development
 *    build is 4 KB and points at a .map file no page can reach). It keeps
 *    only the plugins a plain script needs, and does not clean build/ (the
 *    first compilation does, keeping the stub's files).
 *
 * The frontend runtime is minified without function inlining (Terser's
 * `inline: false, reduce_funcs: false`): inlined, the single-use matchers
 * became closures created inside the rule loop, and the first page view's
 * rule evaluation (the `qualified-integration:rules` measure of
 * `npm run bench`) was about 0.4 ms slower in Chromium with 200 rules, for
 * 24 bytes saved. It starts with V8's compile hint `//# allFunctionsCalledOnLoad`
 * (Chromium 136+; other engines read a comment): every function of it runs
 * on the first page view, so Chromium compiles them all while the script
 * streams in, on a background thread, instead of one by one on the main
 * thread as the rules are first evaluated (median 2.9 -> 1.5 ms in the bench,
 * for 27 bytes gzipped). Other bundles keep wp-scripts' settings.
 *
 * `react/jsx-runtime` is bundled instead of externalised because core only
 * registers the `react-jsx-runtime` script handle from WordPress 6.6, and we
 * support 6.5. React itself stays external (core's copy), so the bundled
 * runtime is a thin wrapper of about 1 KB.
 *
 * A stylesheet imported from a package (`@wordpress/dataviews/build-style/
 * style.css`) is bundled too: without this, the `@wordpress/` prefix makes
 * the dependency extraction list it as a script handle
 * (`wp-dataviews/build-style/style.css`) that does not exist, and WordPress
 * then prints no admin script at all. The admin's event log imports
 * `@wordpress/dataviews/wp`, the build that carries its own copy of the
 * components it needs (core's `@wordpress/components` of WordPress 6.5 is
 * too old for it), in a chunk of its own loaded on demand.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const DependencyExtractionWebpackPlugin = require( '@wordpress/dependency-extraction-webpack-plugin' );

const STUB_FILES = /^stub\./;
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const RUNTIME_FILE = /^frontend\.js$/;

const [ defaultMinifier ] = defaultConfig.optimization.minimizer;
const Minifier = defaultMinifier.constructor;
const terserOptions = defaultMinifier.options.minimizer.options;
const minifiers = [
	new Minifier( {
		extractComments: false,
		parallel: true,
		exclude: RUNTIME_FILE,
		terserOptions,
	} ),
	new Minifier( {
		extractComments: false,
		include: RUNTIME_FILE,
		terserOptions: {
			...terserOptions,
			compress: {
				...terserOptions.compress,
				inline: false,
				reduce_funcs: false,
			},
			output: {
				...terserOptions.output,
				preamble: COMPILE_HINT,
			},
		},
	} ),
];

const dependencyExtraction = () =>
	new DependencyExtractionWebpackPlugin( {
		requestToExternal: ( request ) =>
			request === 'react/jsx-runtime' || request.endsWith( '.css' )
				? false
				: undefined,
	} );

const main = {
	...defaultConfig,
	entry: {
		admin: path.resolve( __dirname, 'admin/index.tsx' ),
		editor: path.resolve( __dirname, 'src/editor/index.tsx' ),
		frontend: path.resolve( __dirname, 'src/frontend/index.ts' ),
		// The Qualified button block: build/blocks/button/ gets index.js,
		// style-index.css and index.css, and wp-scripts copies its block.json.
		'blocks/button/index': path.resolve(
			__dirname,
			'src/blocks/button/index.tsx'
		),
	},
	output: {
		...defaultConfig.output,
		clean: {
			keep: ( file ) =>
				/^(fonts|images)\//.test( file ) || STUB_FILES.test( file ),
		},
	},
	optimization: { ...defaultConfig.optimization, minimizer: minifiers },
	// Size hints count what a screen loads first: not the chunks fetched on
	// demand (`name.js?ver=hash`, such as the event log's DataViews, about
	// 385 KB gzipped, loaded only when the log is reached), and one of the
	// LTR and RTL stylesheets, not both.
	performance: {
		assetFilter: ( file ) =>
			/\.(js|css)$/.test( file ) && ! file.endsWith( '-rtl.css' ),
	},
	plugins: [
		...defaultConfig.plugins.filter(
			( plugin ) =>
				plugin.constructor.name !== 'DependencyExtractionWebpackPlugin'
		),
		dependencyExtraction(),
	],
};

const stub = {
	...defaultConfig,
	name: 'stub',
	mode: 'production',
	devtool: false,
	entry: {
		stub: path.resolve( __dirname, 'src/frontend/stub-entry.ts' ),
	},
	output: { ...defaultConfig.output, clean: false },
	optimization: {
		...defaultConfig.optimization,
		concatenateModules: true,
		minimize: true,
	},
	plugins: [ dependencyExtraction() ],
};

module.exports = [ main, stub ];
