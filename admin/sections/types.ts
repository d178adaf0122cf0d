/**
 * What every section of the screen gets, and how a section is declared.
 * Adding a section is one entry in sections/index.ts.
 */

/**
 * External dependencies
 */
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import type {
	EditableSettings,
	SettingsField,
	SettingsPayload,
} from '../../src/shared/settings';
import type { AdminBootData } from '../boot-data';
import type { FieldErrors } from '../field-errors';
import type { PageNotice } from '../notices';

export interface SectionProps {
	boot: AdminBootData;
	/** The last answer of the settings route: settings in force, locks, status. */
	payload: SettingsPayload;
	/** The form's values (one draft for the whole screen). */
	draft: EditableSettings;
	/** Server messages by path; a section shows those of its own fields. */
	errors: FieldErrors;
	/** Changes one top-level field and clears the message at `path` (the user is fixing it). */
	update: < K extends SettingsField >(
		field: K,
		value: EditableSettings[ K ],
		path?: string
	) => void;
	/** Rewrites the messages, e.g. to make them follow reordered rows. */
	setErrors: ( change: ( errors: FieldErrors ) => FieldErrors ) => void;
	/**
	 * Takes settings changed outside the form (an applied import): the whole
	 * screen shows them, the draft restarts from them, and the notice shows
	 * under the heading.
	 */
	replaceSettings?: ( payload: SettingsPayload, notice: PageNotice ) => void;
}

export interface SectionDefinition {
	/** Tab name and URL hash (`#identity`). */
	name: string;
	title: string;
	/** Top-level settings fields the section edits: errors on them lead here. */
	fields: readonly SettingsField[];
	Component: ComponentType< SectionProps >;
}
