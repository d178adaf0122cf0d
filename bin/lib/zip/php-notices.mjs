/**
 * PHP errors, warnings, notices and deprecations in a page's HTML (with
 * WP_DEBUG_DISPLAY, PHP prints them into the page) or in a debug.log
 * (WP_DEBUG_LOG), including WordPress's own _doing_it_wrong() and
 * _deprecated_*() notices, which PHP reports as E_USER_NOTICE or
 * E_USER_DEPRECATED.
 */

const KINDS =
	'(?:Fatal error|Parse error|Recoverable fatal error|Warning|Notice|Deprecated|Strict Standards)';

// Displayed: "<b>Warning</b>:  ..." (html_errors) or "Warning: ..." at the start of a line.
const DISPLAYED = new RegExp(
	`<b>${ KINDS }</b>:|(?:^|\\n|>)\\s*${ KINDS }: .+ in \\S+ on line \\d+`,
	'g'
);
// Logged: "[03-Dec-2026 17:00:00 UTC] PHP Warning:  ...".
const LOGGED = new RegExp( `PHP ${ KINDS }:.*`, 'g' );

/**
 * The PHP messages printed in a page.
 *
 * @param {string} html The page.
 * @return {string[]} Each message, trimmed to one line.
 */
export function displayedPhpMessages( html ) {
	return [ ...html.matchAll( DISPLAYED ) ].map( ( match ) =>
		html
			.slice( match.index, match.index + 300 )
			.split( '\n' )
			.slice( 0, 2 )
			.join( ' ' )
			.trim()
	);
}

/**
 * The PHP messages in a debug.log.
 *
 * @param {string} log The log's text.
 * @return {string[]} Each message.
 */
export function loggedPhpMessages( log ) {
	return [ ...log.matchAll( LOGGED ) ].map( ( match ) => match[ 0 ] );
}
