/**
 * When qualified.js loads (settings `loading`, schema v5): the strategies and
 * consent categories, checked against the JSON schema's enums at compile
 * time (settings.ts), so the admin, the editor panel and the runtime name
 * the same values PHP validates.
 */

/** immediate: with the page; idle: after load, when idle; interaction: first scroll, pointer, key or touch; consent: after consent. */
export type LoadStrategy = 'immediate' | 'idle' | 'interaction' | 'consent';

/** WP Consent API categories a site may wait for. */
export type ConsentCategory =
	'functional' | 'statistics' | 'preferences' | 'marketing';

export interface LoadingSettings {
	strategy: LoadStrategy;
	/** interaction only: seconds after which it loads anyway; 0 = never without an interaction. */
	maxDelay: number;
	/** consent only: the category that must be granted. */
	consentCategory: ConsentCategory;
}

/**
 * `window.qualifiedIntegrationConfig.loading`: present when PHP held
 * qualified.js back from the HTML for the runtime to add.
 */
export interface LoadingConfig {
	/** The qualified.js URL, token included. */
	src: string;
	strategy: LoadStrategy;
	/** interaction only, when above 0. */
	maxDelay?: number;
	/** consent only. */
	category?: ConsentCategory;
}
