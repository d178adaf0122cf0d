/**
 * What PHP prints for the screen besides the settings (Admin\SettingsPage).
 */

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
}

const DEFAULTS: AdminBootData = {
	restPath: '/qualified-integration/v1/settings',
	previewPath: '/qualified-integration/v1/identity/preview',
	experiencesPreviewPath: '/qualified-integration/v1/experiences/preview',
	roles: [],
	postTypes: [],
	taxonomies: [],
};

export function readBootData(): AdminBootData {
	const data = (
		window as unknown as {
			qualifiedIntegrationAdmin?: Partial< AdminBootData >;
		}
	 ).qualifiedIntegrationAdmin;
	return { ...DEFAULTS, ...data };
}
