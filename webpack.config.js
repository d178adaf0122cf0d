/**
 * Build configuration: wp-scripts defaults with our own entry points.
 *
 * `react/jsx-runtime` is bundled instead of externalised because core only
 * registers the `react-jsx-runtime` script handle from WordPress 6.6, and we
 * support 6.5. React itself stays external (core's copy), so the bundled
 * runtime is a thin wrapper of about 1 KB.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const DependencyExtractionWebpackPlugin = require( '@wordpress/dependency-extraction-webpack-plugin' );

module.exports = {
	...defaultConfig,
	entry: {
		admin: path.resolve( __dirname, 'admin/index.tsx' ),
		frontend: path.resolve( __dirname, 'src/frontend/index.ts' ),
		stub: path.resolve( __dirname, 'src/frontend/stub-entry.ts' ),
	},
	plugins: [
		...defaultConfig.plugins.filter(
			( plugin ) =>
				plugin.constructor.name !== 'DependencyExtractionWebpackPlugin'
		),
		new DependencyExtractionWebpackPlugin( {
			requestToExternal: ( request ) =>
				request === 'react/jsx-runtime' ? false : undefined,
		} ),
	],
};
