/**
 * The gettext calls of JavaScript and TypeScript files (`__`, `_x`, `_n`,
 * `_nx` of @wordpress/i18n), read with the TypeScript compiler's parser, for
 * bin/make-pot.mjs. The same shape as php-calls.php gives for PHP, so one
 * step turns both into POT entries.
 *
 * Calls are found by name, whatever they are imported as: a plain call
 * (`__( 'Save' )`), a call through a namespace (`i18n.__( 'Save' )`), and
 * webpack's output (`(0, r.__)( 'Save' )`), so the built files in build/
 * can be read too (make-pot.mjs does, for the references translators'
 * tools turn into JSON files).
 *
 * Translators comments follow WP-CLI's rule: a comment holding
 * "translators:" that ends on the call's line or the line before, with no
 * other gettext call between them; each comment goes to one call.
 */
import ts from 'typescript';

export const JS_FUNCTIONS = new Set( [ '__', '_x', '_n', '_nx' ] );

/**
 * The name a callee calls: `__` for `__`, `i18n.__` and `(0, r.__)`.
 *
 * @param {ts.Expression} callee The call's expression.
 * @return {string|null} The function's name.
 */
function calleeName( callee ) {
	let node = callee;
	while ( ts.isParenthesizedExpression( node ) ) {
		node = node.expression;
	}
	if (
		ts.isBinaryExpression( node ) &&
		node.operatorToken.kind === ts.SyntaxKind.CommaToken
	) {
		node = node.right;
	}
	if ( ts.isIdentifier( node ) ) {
		return node.text;
	}
	if ( ts.isPropertyAccessExpression( node ) ) {
		return node.name.text;
	}
	return null;
}

/**
 * A string literal's value, or null for any other argument.
 *
 * @param {ts.Expression} node An argument.
 * @return {string|null} The value.
 */
function literal( node ) {
	if (
		ts.isStringLiteral( node ) ||
		ts.isNoSubstitutionTemplateLiteral( node )
	) {
		return node.text;
	}
	return null;
}

/**
 * A comment's text without its markers, on one line.
 *
 * @param {string} raw The comment's source.
 * @return {string} The text.
 */
export function commentText( raw ) {
	return raw
		.replace( /^\/\*\*?|\*\/$|^\/\//g, '' )
		.split( '\n' )
		.map( ( line ) => line.replace( /^\s*\*/, '' ).trim() )
		.filter( Boolean )
		.join( ' ' );
}

/**
 * The comments in the trivia (spaces and comments) that starts at a position.
 *
 * @param {string} text The file's text.
 * @param {number} pos  Where the trivia starts.
 * @return {Array<{pos: number, end: number}>} The comments.
 */
function commentsAt( text, pos ) {
	const found = [];
	let at = pos;
	while ( at < text.length ) {
		if ( /\s/.test( text[ at ] ) ) {
			at++;
			continue;
		}
		const block = text.startsWith( '/*', at );
		if ( ! block && ! text.startsWith( '//', at ) ) {
			break;
		}
		const close = block
			? text.indexOf( '*/', at + 2 )
			: text.indexOf( '\n', at );
		let end = text.length;
		if ( close >= 0 ) {
			end = block ? close + 2 : close;
		}
		found.push( { pos: at, end } );
		at = end;
	}
	return found;
}

/**
 * Every comment of a file that says "translators:", with the line it ends on.
 * Comments are looked for in the trivia before each node (TypeScript's own
 * getLeadingCommentRanges() skips a comment that does not start a line, such
 * as `sprintf( /* translators: ... *\/ __( ... ) )`), and inside an empty JSX
 * expression (`{ /* translators: ... *\/ }`). Not before JSX text, which is
 * content: `//` there is text.
 *
 * @param {ts.SourceFile} source The parsed file.
 * @return {Array<{pos: number, end: number, line: number, text: string}>} Sorted by position.
 */
function translatorComments( source ) {
	const text = source.getFullText();
	const found = new Map();
	const collect = ( pos ) => {
		for ( const range of commentsAt( text, pos ) ) {
			const raw = text.slice( range.pos, range.end );
			if ( ! found.has( range.pos ) && /translators:/i.test( raw ) ) {
				found.set( range.pos, {
					...range,
					line: source.getLineAndCharacterOfPosition( range.end )
						.line,
					text: commentText( raw ),
				} );
			}
		}
	};
	const visit = ( node ) => {
		if ( ts.isJsxText( node ) ) {
			return;
		}
		collect( node.pos );
		if ( ts.isJsxExpression( node ) && ! node.expression ) {
			collect( node.getStart( source ) + 1 );
		}
		ts.forEachChild( node, visit );
	};
	visit( source );
	return [ ...found.values() ].sort( ( a, b ) => a.pos - b.pos );
}

/**
 * The gettext calls of one file.
 *
 * @param {string} file    Reference path (relative to the plugin).
 * @param {string} code    The file's source.
 * @param {Set}    [names] Function names to find.
 * @return {Array<{file: string, line: number, name: string, args: Array<string|null>, comment: string|null}>} The calls, in source order.
 */
export function jsCalls( file, code, names = JS_FUNCTIONS ) {
	const kind = /\.tsx$/.test( file ) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
	const source = ts.createSourceFile(
		file,
		code,
		ts.ScriptTarget.Latest,
		true,
		/\.[cm]?jsx?$/.test( file ) ? ts.ScriptKind.JSX : kind
	);
	const calls = [];
	const visit = ( node ) => {
		if ( ts.isCallExpression( node ) ) {
			const name = calleeName( node.expression );
			if ( name && names.has( name ) ) {
				const start = node.getStart( source );
				calls.push( {
					file,
					start,
					line: source.getLineAndCharacterOfPosition( start ).line,
					name,
					args: node.arguments.map( literal ),
				} );
			}
		}
		ts.forEachChild( node, visit );
	};
	visit( source );
	calls.sort( ( a, b ) => a.start - b.start );

	const comments = translatorComments( source );
	return calls.map( ( { start, line, ...call } ) => {
		// The last unused comment before this call, on its line or the line before.
		let comment = null;
		while ( comments.length > 0 && comments[ 0 ].end <= start ) {
			comment = comments.shift();
		}
		return {
			...call,
			line: line + 1,
			comment: comment && comment.line >= line - 1 ? comment.text : null,
		};
	} );
}
