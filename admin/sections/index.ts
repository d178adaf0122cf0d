/**
 * The screen's sections, in tab order. A new section (Events, Loading &
 * privacy) is one more entry here: its tab, its `#hash`, and the fields
 * whose errors lead to it all come from its definition.
 */

/**
 * Internal dependencies
 */
import { buttonsSection } from './Buttons';
import { eventsSection } from './Events';
import { experiencesSection } from './Experiences';
import { generalSection } from './General';
import { identitySection } from './Identity';
import { loadingSection } from './Loading';
import { transferSection } from './Transfer';
import type { SectionDefinition } from './types';

export const SECTIONS: readonly SectionDefinition[] = [
	generalSection,
	identitySection,
	experiencesSection,
	eventsSection,
	buttonsSection,
	loadingSection,
	transferSection,
];

/**
 * The section that edits a top-level field.
 *
 * @param field Top-level settings field.
 */
export function sectionOfField( field: string ): SectionDefinition | undefined {
	return SECTIONS.find( ( section ) =>
		( section.fields as readonly string[] ).includes( field )
	);
}
