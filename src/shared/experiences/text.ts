/**
 * Text comparisons of the path, query and referrer conditions. Case-sensitive,
 * on the string as the browser gives it (location.pathname stays
 * percent-encoded; query values are decoded).
 */
import type { MatchOp } from './types';

/** Longest string a regex is tested against: the rest is cut off, so no page can hang the browser. */
export const MAX_TESTED_LENGTH = 1000;

/**
 * Whole-string wildcard match: `*` any run of characters (also none), `?`
 * exactly one character (UTF-16 unit: URLs are ASCII once percent-encoded;
 * a decoded query value with an emoji counts it as two), everything else
 * literal. Greedy with
 * one backtrack point, so it is O(pattern x input) whatever the pattern.
 *
 * @param p The glob (pattern).
 * @param s The tested string.
 */
function glob( p: string, s: string ): boolean {
	let i = 0;
	let j = 0;
	let star = -1;
	let mark = 0;
	while ( j < s.length ) {
		if ( p[ i ] === '*' ) {
			star = i++;
			mark = j;
		} else if ( i < p.length && ( p[ i ] === '?' || p[ i ] === s[ j ] ) ) {
			i++;
			j++;
		} else if ( star < 0 ) {
			return false;
		} else {
			i = star + 1;
			j = ++mark;
		}
	}
	while ( p[ i ] === '*' ) {
		i++;
	}
	return i === p.length;
}

/**
 * The literal text every match of an anchored pattern starts with: after a
 * leading `^`, the run of word characters, `/` and `-`, less its last
 * character (a quantifier may follow it: `^/docs?`). "" when there is none,
 * or when the pattern has a `|` (its `^` may anchor one alternative only).
 * matchText() checks it before compiling the pattern: a page view tests many
 * regex rules that cannot match its path, and compiling each is what costs.
 *
 * @param pattern The regex source.
 */
export const literalLead = ( pattern: string ) =>
	( ! pattern.includes( '|' ) &&
		/^\^([\w/-]*)[\w/-]/.exec( pattern )?.[ 1 ] ) ||
	'';

/**
 * Compares a string the way a text condition says.
 *
 * `regex` is the value as a JavaScript RegExp without flags, searched in the
 * input (anchored only where the admin wrote ^ or $), with the input cut to
 * MAX_TESTED_LENGTH characters; a pattern that does not compile, or any other
 * error, is no match. An unknown op is no match.
 *
 * @param op    How to compare.
 * @param value The condition's value.
 * @param input What the page has (path, query value, referrer).
 * @return Whether it matches.
 */
export function matchText(
	op: MatchOp,
	value: string,
	input: string
): boolean {
	switch ( op ) {
		case 'equals':
			return input === value;
		case 'prefix':
			return input.startsWith( value );
		case 'contains':
			return input.includes( value );
		case 'glob':
			return glob( value, input );
		case 'regex':
			try {
				return (
					input.startsWith( literalLead( value ) ) &&
					new RegExp( value ).test(
						input.slice( 0, MAX_TESTED_LENGTH )
					)
				);
			} catch {
				return false;
			}
	}
	return false;
}
