/**
 * Jest: the @wordpress/scripts preset, limited to tests/js (the local sites
 * under .wp/ link back to this checkout and must not be crawled).
 */
const wpScriptsConfig = require( '@wordpress/scripts/config/jest-unit.config' );

module.exports = {
	...wpScriptsConfig,
	rootDir: __dirname,
	roots: [ '<rootDir>/tests/js' ],
};
