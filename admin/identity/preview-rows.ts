/**
 * Turns a preview answer into the rows the Preview panel lists: one per
 * mapping, with the value the current admin would send, "from the visit"
 * for browser sources, or left out when there is no value.
 */

/**
 * Internal dependencies
 */
import type {
	IdentityMapping,
	IdentityPreviewPayload,
} from '../../src/shared/settings';

export type PreviewRow =
	| { field: string; kind: 'value'; value: string }
	| { field: string; kind: 'browser'; mapping: IdentityMapping }
	| { field: string; kind: 'empty' };

/**
 * @param mappings Mappings that were previewed, in order.
 * @param preview  The server's answer.
 * @return One row per distinct field, plus fields the server added (filters).
 */
export function previewRows(
	mappings: IdentityMapping[],
	preview: IdentityPreviewPayload
): PreviewRow[] {
	const rows: PreviewRow[] = [];
	const seen = new Set< string >();
	const browser = new Map(
		preview.browser.map( ( item ) => [ item.field, item ] )
	);
	for ( const mapping of mappings ) {
		if ( seen.has( mapping.field ) ) {
			continue;
		}
		seen.add( mapping.field );
		const value = preview.fields[ mapping.field ];
		if ( value !== undefined ) {
			rows.push( { field: mapping.field, kind: 'value', value } );
		} else if ( browser.has( mapping.field ) ) {
			rows.push( { field: mapping.field, kind: 'browser', mapping } );
		} else {
			rows.push( { field: mapping.field, kind: 'empty' } );
		}
	}
	for ( const [ field, value ] of Object.entries( preview.fields ) ) {
		if ( ! seen.has( field ) ) {
			rows.push( { field, kind: 'value', value } );
		}
	}
	return rows;
}
