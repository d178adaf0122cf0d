/**
 * What PHP prints for the screen besides the settings (Admin\SettingsPage).
 */

/**
 * Internal dependencies
 */
import type { ConsentPlugin } from './loading/model';

/** A cookie qualified.js sets (PHP's Privacy\Cookies::all()). */
export interface CookieInfo {
	/** `<token>` stands for the site token. */
	name: string;
	purpose: string;
}

export interface RoleOption {
	slug: string;
	name: string;
}

/** A post type or taxonomy offered in the Experiences condition pickers. */
export interface NamedOption {
	slug: string;
	name: string;
}

export interface AdminBootData {
	restPath: string;
	previewPath: string;
	/** The Experiences rule tester's route. */
	experiencesPreviewPath: string;
	roles: RoleOption[];
	/** Public post types, for "Content type" conditions. */
	postTypes: NamedOption[];
	/** Public taxonomies, for "Category, tag or other term" conditions. */
	taxonomies: NamedOption[];
	/** Consent (cookie banner) plugins active on the site. */
	consentPlugins: ConsentPlugin[];
	/** What a Content Security Policy must allow, by directive. */
	cspHosts: Record< string, string[] >;
	/** The cookies Qualified sets. */
	cookies: CookieInfo[];
	/** Tools -> Site Health. */
	siteHealthUrl: string;
}

/** The one site's settings route (the Network Admin screen talks to the network's). */
export const SITE_SETTINGS_PATH = '/qualified-integration/v1/settings';

const DEFAULTS: AdminBootData = {
	restPath: SITE_SETTINGS_PATH,
	previewPath: '/qualified-integration/v1/identity/preview',
	experiencesPreviewPath: '/qualified-integration/v1/experiences/preview',
	roles: [],
	postTypes: [],
	taxonomies: [],
	consentPlugins: [],
	cspHosts: {},
	cookies: [],
	siteHealthUrl: 'site-health.php',
};

export function readBootData(): AdminBootData {
	const data = (
		window as unknown as {
			qualifiedIntegrationAdmin?: Partial< AdminBootData >;
		}
	 ).qualifiedIntegrationAdmin;
	return { ...DEFAULTS, ...data };
}
