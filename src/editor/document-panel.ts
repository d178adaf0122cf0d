/**
 * Finds the document sidebar's plugin panel where this WordPress has it:
 * `wp.editor` from 6.6, `wp.editPost` on 6.5 (from 6.6 that one is a
 * deprecated alias that warns, so it is only the fallback). Both packages
 * are externals, read from the globals when the panel renders.
 */

/**
 * WordPress dependencies
 */
import * as editor from '@wordpress/editor';
import * as editPost from '@wordpress/edit-post';

/**
 * The PluginDocumentSettingPanel component, or undefined when neither
 * package has it (the panel then does not render).
 */
export function documentSettingPanel() {
	return (
		editor.PluginDocumentSettingPanel ?? editPost.PluginDocumentSettingPanel
	);
}
