/**
 * What PHP prints for the screen besides the settings (Admin\SettingsPage).
 */

export interface RoleOption {
	slug: string;
	name: string;
}

export interface AdminBootData {
	restPath: string;
	previewPath: string;
	roles: RoleOption[];
}

const DEFAULTS: AdminBootData = {
	restPath: '/qualified-integration/v1/settings',
	previewPath: '/qualified-integration/v1/identity/preview',
	roles: [],
};

export function readBootData(): AdminBootData {
	const data = (
		window as unknown as {
			qualifiedIntegrationAdmin?: Partial< AdminBootData >;
		}
	 ).qualifiedIntegrationAdmin;
	return { ...DEFAULTS, ...data };
}
