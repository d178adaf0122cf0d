/**
 * The strategies and consent categories as lists, read from the schema's
 * enums (the one source) for the admin and the editor panel; the runtime
 * does not import this file (its bundle stays free of the JSON).
 * tests/js/loading.test.ts holds the types in loading.ts to the same lists.
 */
import schema from '../../includes/Settings/settings-schema.json';
import type { ConsentCategory, LoadStrategy } from './loading';

const { strategy, consentCategory } = schema.properties.loading.properties;

/** In the schema's order: immediate, idle, interaction, consent. */
export const LOAD_STRATEGIES = strategy.enum as LoadStrategy[];

export const CONSENT_CATEGORIES = consentCategory.enum as ConsentCategory[];
