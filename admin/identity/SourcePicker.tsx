/**
 * The source picker: every source from the shared list, grouped as the
 * admin reads them (Logged-in user, This page, Site, Visit, Fixed value).
 */

/**
 * Internal dependencies
 */
import {
	SOURCE_GROUPS,
	sourcesInGroup,
} from '../../src/shared/identity-sources';
import { GROUP_ORDER, groupLabel, sourceTexts } from './source-labels';

const rank = ( group: string ) => {
	const index = GROUP_ORDER.indexOf( group );
	return index === -1 ? GROUP_ORDER.length : index;
};

/** `<optgroup>`s for a SelectControl's children. */
export function SourceOptions() {
	const texts = sourceTexts();
	const groups = [ ...SOURCE_GROUPS ].sort(
		( a, b ) => rank( a ) - rank( b )
	);
	return (
		<>
			{ groups.map( ( group ) => (
				<optgroup key={ group } label={ groupLabel( group ) }>
					{ sourcesInGroup( group ).map( ( source ) => (
						<option key={ source } value={ source }>
							{ texts[ source ].label }
						</option>
					) ) }
				</optgroup>
			) ) }
		</>
	);
}
