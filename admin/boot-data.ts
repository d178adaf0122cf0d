/**
 * What PHP prints for the screen besides the settings (Admin\SettingsPage).
 */

export interface RoleOption {
	slug: string;
	name: string;
}

export interface AdminBootData {
	restPath: string;
	roles: RoleOption[];
}

export function readBootData(): AdminBootData {
	const data = (
		window as unknown as { qualifiedIntegrationAdmin?: AdminBootData }
	 ).qualifiedIntegrationAdmin;
	return (
		data ?? { restPath: '/qualified-integration/v1/settings', roles: [] }
	);
}
