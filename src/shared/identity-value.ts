/**
 * What an identify value may be: one rule for the runtime, the admin preview
 * and (mirrored in PHP) the server-resolved fields.
 */
import { cut } from './cut';

/**
 * Longest value sent to Qualified, in characters. PHP caps server values with
 * its own constant of the same value; this is the one TypeScript copy.
 */
export const MAX_VALUE_LENGTH = 255;

/**
 * Turns whatever a source produced into a value identify may carry: strings,
 * numbers and booleans as text, lists joined with ", ", trimmed and capped at
 * MAX_VALUE_LENGTH characters (code points, as PHP's mb_substr counts).
 * Anything else, or an empty result, is no value at all: identify never gets
 * "" or null.
 *
 * @param raw A value read from a source.
 * @return The value to send, or undefined when there is none.
 */
export function toIdentityValue( raw: unknown ): string | undefined {
	let text: string | undefined;
	if ( Array.isArray( raw ) ) {
		text = raw
			.map( toIdentityValue )
			.filter( ( part ) => part )
			.join( ', ' );
	} else if ( [ 'string', 'number', 'boolean' ].includes( typeof raw ) ) {
		text = String( raw );
	}
	return cut( text?.trim() ?? '', MAX_VALUE_LENGTH ) || undefined;
}
