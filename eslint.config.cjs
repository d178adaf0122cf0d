/**
 * ESLint: the @wordpress/scripts defaults (which use @wordpress/eslint-plugin),
 * plus Node globals for the tooling in bin/ and Jest/Playwright test files.
 */
const globals = require( 'globals' );
const wpScriptsConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );

module.exports = [
	...wpScriptsConfig,
	{
		files: [ 'bin/**', '*.config.{js,cjs,mjs,ts}', 'tests/e2e/**' ],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			// Command-line tools report to the terminal.
			'no-console': 'off',
		},
	},
	{
		files: [ 'tests/js/**' ],
		languageOptions: { globals: { ...globals.jest } },
	},
	{
		files: [ 'tests/e2e/**' ],
		rules: {
			// Playwright is a dev dependency on purpose.
			'import/no-extraneous-dependencies': 'off',
		},
	},
];
