/**
 * Types for the WordPress packages the editor panel uses that are not
 * installed as npm packages: the build never bundles them (the dependency
 * extraction plugin turns each import into the `wp.*` global and lists its
 * script handle in build/editor.asset.php), so only their shape is needed.
 * Just the parts the panel touches are declared.
 */

declare module '@wordpress/plugins' {
	import type { ComponentType } from 'react';

	export interface PluginSettings {
		render: ComponentType;
		icon?: string | null;
	}

	export function registerPlugin(
		name: string,
		settings: PluginSettings
	): unknown;
}

declare module '@wordpress/editor' {
	import type { ComponentType, ReactNode } from 'react';

	export interface PluginDocumentSettingPanelProps {
		name: string;
		title: string;
		className?: string;
		children?: ReactNode;
	}

	/** In @wordpress/editor from WordPress 6.6; absent on 6.5. */
	export const PluginDocumentSettingPanel:
		ComponentType< PluginDocumentSettingPanelProps > | undefined;
}

declare module '@wordpress/edit-post' {
	import type { ComponentType } from 'react';
	import type { PluginDocumentSettingPanelProps } from '@wordpress/editor';

	/** The 6.5 home of the panel; a deprecated alias from 6.6. */
	export const PluginDocumentSettingPanel:
		ComponentType< PluginDocumentSettingPanelProps > | undefined;
}
