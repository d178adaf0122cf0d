/**
 * Fills the page's own forms with what the visitor told Qualified
 * (`getIdentity`): an input, textarea or select with
 * `data-qualified-field="API_NAME"`, or with the class
 * `qualified-field-API_NAME` on it or on a wrapper (form builders that
 * allow only a class on the field's container; its first control is filled).
 *
 * Only empty controls are filled, so what the visitor typed stays, each with
 * `input` and `change` events so form plugins see the value. Values that
 * are not text, and fields not on the page, are ignored; an
 * answer that comes late fills what is still empty then, one that never
 * comes changes nothing. Qualified is asked again after the visitor events
 * that can change what it knows (IDENTITY_EVENTS). Each answer is announced
 * as `qualified-integration:identity` with its text values.
 */
import { IDENTITY_EVENTS } from '../shared/events/identity-events';
import { emit } from './emit';
import type { QualifiedFunction } from './qualified';
import { has, isObject, type Loose } from './read';

export const FORM_IDENTITY_EVENT = 'qualified-integration:identity';
const FIELDS = '[data-qualified-field],[class*="qualified-field-"]';
const FIELD_CLASS = /(?:^|\s)qualified-field-(\w+)/;
const CONTROL = 'input,textarea,select';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * @param doc       The page's document.
 * @param qualified The queue or the vendor's function.
 */
export function startForms( doc: Document, qualified: QualifiedFunction ) {
	if ( ! doc.querySelector( FIELDS ) ) {
		return;
	}
	const fill = ( data: unknown ) => {
		const fields: Record< string, string > = {};
		const values = isObject( data ) && data.fieldValues;
		for ( const name in isObject( values ) ? values : {} ) {
			const value = ( values as Loose )[ name ];
			if ( typeof value === 'string' ) {
				fields[ name ] = value;
			}
		}
		doc.querySelectorAll( FIELDS ).forEach( ( el ) => {
			const name =
				el.getAttribute( 'data-qualified-field' ) ??
				FIELD_CLASS.exec( el.className )?.[ 1 ];
			// Own fields only: a field named `constructor` finds nothing.
			const value = name && has( fields, name ) && fields[ name ];
			const control = (
				el.matches( CONTROL ) ? el : el.querySelector( CONTROL )
			) as Control | null;
			if ( value && control && ! control.value ) {
				control.value = value;
				// A select without that option stays empty: nothing to announce.
				for ( const type of control.value
					? [ 'input', 'change' ]
					: [] ) {
					control.dispatchEvent(
						new Event( type, { bubbles: true } )
					);
				}
			}
		} );
		emit( doc, FORM_IDENTITY_EVENT, { fields } );
	};
	const ask = () => qualified( 'getIdentity', fill );
	ask();
	qualified( 'handleEvents', ( name: string ) => {
		if ( IDENTITY_EVENTS.includes( name ) ) {
			ask();
		}
	} );
}
