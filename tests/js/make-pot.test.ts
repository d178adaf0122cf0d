/**
 * bin/make-pot.mjs on a small plugin tree (tests/fixtures/pot) that holds
 * every kind of call it reads: PHP through PHP's tokenizer, TypeScript
 * through the TypeScript parser, block.json, the plugin header, and a
 * "built" script whose references are added to strings of the sources.
 */

/**
 * External dependencies
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve( __dirname, '../..' );
const FIXTURE = join( ROOT, 'tests/fixtures/pot' );

function makePot( ...args: string[] ) {
	const result = spawnSync(
		process.execPath,
		[ join( ROOT, 'bin/make-pot.mjs' ), '--root', FIXTURE, ...args ],
		{ encoding: 'utf8' }
	);
	return {
		status: result.status,
		stdout: result.stdout,
		stderr: result.stderr,
	};
}

const pot = makePot( '--out', '-' );
// Entries are split on blank lines; the file ends with one newline.
const blocks = pot.stdout.trimEnd().split( '\n\n' );

/**
 * The entry of a text (and context), as its lines between blank lines.
 *
 * @param msgid   The text.
 * @param context The msgctxt; none when left out.
 */
function entry( msgid: string, context?: string ): string | undefined {
	return blocks.find( ( block ) => {
		const lines = block.split( '\n' );
		const contextLine = lines.find( ( line ) =>
			line.startsWith( 'msgctxt ' )
		);
		return (
			lines.includes( `msgid ${ JSON.stringify( msgid ) }` ) &&
			contextLine ===
				( context === undefined
					? undefined
					: `msgctxt ${ JSON.stringify( context ) }` )
		);
	} );
}

describe( 'make-pot', () => {
	it( 'starts with a fixed header from the plugin header, with no date', () => {
		expect( pot.stdout ).toMatch(
			/^# Translation template of Pot Fixture\.\n/
		);
		expect( pot.stdout ).toContain(
			'"Project-Id-Version: Pot Fixture 1.2.3\\n"'
		);
		expect( pot.stdout ).toContain( '"X-Domain: pot-fixture\\n"' );
		expect( pot.stdout ).not.toContain( 'POT-Creation-Date' );
		expect( makePot( '--out', '-' ).stdout ).toBe( pot.stdout );
	} );

	it( 'lists the plugin header strings first, with their notes', () => {
		expect( blocks[ 1 ] ).toBe(
			'#. Plugin Name of the plugin\n#: pot-fixture.php:3\nmsgid "Pot Fixture"\nmsgstr ""'
		);
		expect( blocks[ 2 ] ).toContain( 'msgid "A plugin tree for the test' );
		expect( blocks[ 3 ] ).toBe(
			'#. Author of the plugin\n#: pot-fixture.php:6\nmsgid "The Fixture Team"\nmsgstr ""'
		);
	} );

	it( 'merges one text from PHP, TypeScript and a built script, with both translators comments', () => {
		expect( entry( 'Hello %s' ) ).toBe(
			[
				"#. translators: %s: a person's name.",
				"#. translators: %s: a person's name, in the panel.",
				'#: build/panel.js:2',
				'#: includes/Strings.php:9',
				'#: src/panel.tsx:19',
				'#, js-format, php-format',
				'msgid "Hello %s"',
				'msgstr ""',
			].join( '\n' )
		);
	} );

	it( 'reads plurals, contexts, escapes and the JSX comment form', () => {
		expect( entry( '%d file' ) ).toBe(
			[
				'#. translators: %d: number of files.',
				'#: includes/Strings.php:13',
				'#: src/panel.tsx:26',
				'#, js-format, php-format',
				'msgid "%d file"',
				'msgid_plural "%d files"',
				'msgstr[0] ""',
				'msgstr[1] ""',
			].join( '\n' )
		);
		expect( entry( 'Post', 'verb: publish' ) ).toBe(
			'#: includes/Strings.php:16\nmsgctxt "verb: publish"\nmsgid "Post"\nmsgstr ""'
		);
		expect( entry( 'Post' ) ).toBe(
			'#: includes/Strings.php:15\nmsgid "Post"\nmsgstr ""'
		);
		expect( pot.stdout ).toContain( 'msgid "Line one\\nsays \\"hi\\""' );
		expect( pot.stdout ).toContain( 'msgid "It\'s done"' );
		expect( entry( '%s song', 'music' ) ).toContain(
			'msgid_plural "%s songs"'
		);
		expect( entry( 'One row', 'table' ) ).toContain(
			'msgid_plural "Rows"'
		);
		expect( entry( 'Files', 'list heading' ) ).toBe(
			[
				'#. translators: shown above the list.',
				'#: build/panel.js:3',
				'#: src/panel.tsx:23',
				'msgctxt "list heading"',
				'msgid "Files"',
				'msgstr ""',
			].join( '\n' )
		);
		expect( entry( 'Template literal' ) ).toBe(
			'#: src/panel.tsx:30\nmsgid "Template literal"\nmsgstr ""'
		);
	} );

	it( 'finds a comment inside a line, and none in JSX text', () => {
		expect( entry( 'Bye %s' ) ).toBe(
			[
				'#. translators: %s: a name, inline.',
				'#: src/panel.tsx:12',
				'#, js-format',
				'msgid "Bye %s"',
				'msgstr ""',
			].join( '\n' )
		);
		expect( entry( 'After JSX text' ) ).toBe(
			'#: src/panel.tsx:32\nmsgid "After JSX text"\nmsgstr ""'
		);
	} );

	it( 'keeps one entry per text, and a comment only for the call right after it', () => {
		expect( entry( 'Shared text' ) ).toBe(
			[
				'#: includes/Strings.php:22',
				'#: pot-fixture.php:13',
				'#: src/panel.tsx:16',
				'msgid "Shared text"',
				'msgstr ""',
			].join( '\n' )
		);
		expect( pot.stdout.match( /msgid "Shared text"/g ) ).toHaveLength( 1 );
		expect( pot.stdout ).not.toContain( 'too far' );
	} );

	it( "reads block.json's strings with core's contexts", () => {
		expect( entry( 'Demo block', 'block title' ) ).toBe(
			'#: build/blocks/demo/block.json:4\n#: src/blocks/demo/block.json:4\nmsgctxt "block title"\nmsgid "Demo block"\nmsgstr ""'
		);
		for ( const [ msgid, context ] of [
			[ "A block for the extractor's test.", 'block description' ],
			[ 'demo', 'block keyword' ],
			[ 'example', 'block keyword' ],
			[ 'Plain', 'block style label' ],
			[ 'Loud demo', 'block variation title' ],
			[ 'The demo, louder.', 'block variation description' ],
			[ 'noise', 'block variation keyword' ],
		] ) {
			expect( entry( msgid!, context! ) ).toBeDefined();
		}
	} );

	it( 'leaves out methods, function definitions and strings only in built files', () => {
		expect( pot.stdout ).not.toContain( 'A method, not gettext' );
		expect( pot.stdout ).not.toContain( 'Not in the sources' );
		expect( pot.stdout ).not.toContain( 'Another domain' );
		expect( pot.stdout ).not.toContain( 'No domain' );
	} );

	it( 'reports each call that cannot be translated, and fails', () => {
		expect( pot.status ).toBe( 1 );
		expect( pot.stderr.trim().split( '\n' ) ).toEqual( [
			'untranslatable: includes/Strings.php:32: __() has no text domain, so its text is never translated.',
			'untranslatable: includes/Strings.php:33: __() uses the text domain "other-plugin", not "pot-fixture".',
			'untranslatable: includes/Strings.php:34: __() needs string literals for its text (a translation is looked up by the literal).',
		] );
	} );

	it( 'tells whether a written file is up to date', () => {
		const dir = mkdtempSync( join( tmpdir(), 'qi-pot-' ) );
		try {
			const file = join( dir, 'pot-fixture.pot' );
			makePot( '--out', file );
			expect( readFileSync( file, 'utf8' ) ).toBe( pot.stdout );
			expect( makePot( '--check', '--out', file ).stdout ).toContain(
				'is up to date'
			);
			writeFileSync( file, pot.stdout.replace( 'Hello %s', 'Hi %s' ) );
			const stale = makePot( '--check', '--out', file );
			expect( stale.status ).toBe( 1 );
			expect( stale.stderr ).toContain(
				'is out of date: run `npm run build && npm run make-pot`'
			);
			expect( readFileSync( file, 'utf8' ) ).toContain( 'Hi %s' );
		} finally {
			rmSync( dir, { recursive: true, force: true } );
		}
	} );
} );
