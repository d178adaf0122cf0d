/**
 * Qualified's standard visitor events after which what Qualified knows about
 * the visitor may have changed, so the runtime asks `getIdentity` again and
 * fills the page's forms. Both are in includes/Settings/event-names.json's
 * suggested names (tested to agree).
 */
export const IDENTITY_EVENTS: readonly string[] = [
	'Conversation Started',
	'Email Captured',
];
