/**
 * The warning a section shows when the stored settings held list items
 * that were malformed (an old export, a direct database edit, a filter):
 * each was dropped alone, and the admin is told which, so nothing
 * disappears silently.
 */

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';

/**
 * Internal dependencies
 */
import type { SettingsProblem } from '../src/shared/settings';
import { topField } from './field-errors';

/**
 * @param props          Component props.
 * @param props.problems Every problem of the settings answer.
 * @param props.field    The section's top-level field.
 * @param props.intro    What the list below means, in the section's words.
 */
export function DroppedItems( {
	problems,
	field,
	intro,
}: {
	problems: readonly SettingsProblem[];
	field: string;
	intro: string;
} ) {
	const dropped = problems.filter(
		( problem ) => topField( problem.field ) === field
	);
	if ( dropped.length === 0 ) {
		return null;
	}
	return (
		<Notice status="warning" isDismissible={ false } className="qi-dropped">
			<p>{ intro }</p>
			<ul>
				{ dropped.map( ( problem ) => (
					<li key={ problem.field + problem.message }>
						{ problem.message }
					</li>
				) ) }
			</ul>
		</Notice>
	);
}
