/**
 * The page's identify calls: values are sent once per document. The first
 * page view sends its whole payload; a later moment (a timed identify rule,
 * an SPA page view) sends only fields that are new or changed, so identify
 * is never repeated with the same values.
 */
import { toIdentityValue } from '../shared/identity-value';
import { emit } from './emit';
import type { QualifiedFunction } from './qualified';

export const IDENTIFY_EVENT = 'qualified-integration:identify';

export interface Identifier {
	/** Field -> value already sent in this document. */
	sent: Record< string, string >;
	/**
	 * Sends what differs from `sent` (values normalised by toIdentityValue;
	 * nothing when nothing differs) and
	 * dispatches `qualified-integration:identify` with those fields.
	 */
	send: ( fields: Record< string, unknown > ) => void;
}

/**
 * @param qualified The queue or the vendor's function.
 * @param doc       The document that receives the event.
 */
export function identifier(
	qualified: QualifiedFunction,
	doc: Document
): Identifier {
	const sent: Record< string, string > = {};
	return {
		sent,
		send( fields ) {
			const fresh: Record< string, string > = {};
			for ( const [ field, raw ] of Object.entries( fields ) ) {
				const value = toIdentityValue( raw );
				if ( value && sent[ field ] !== value ) {
					fresh[ field ] = sent[ field ] = value;
				}
			}
			if ( Object.keys( fresh ).length ) {
				qualified( 'identify', fresh );
				emit( doc, IDENTIFY_EVENT, { fields: fresh } );
			}
		},
	};
}
