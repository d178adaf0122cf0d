/**
 * Where the editor panel finds PluginDocumentSettingPanel: `wp.editor` on
 * WordPress 6.6+, `wp.editPost` on 6.5. Both packages are externals the
 * build does not install, so they are mocked as virtual modules here, the
 * shape each WordPress version gives them.
 */

type Finder = typeof import( '../../src/editor/document-panel' );

function FromEditor() {
	return null;
}

function FromEditPost() {
	return null;
}

/**
 * Loads document-panel.ts against given `wp.editor` / `wp.editPost` globals.
 *
 * @param editor   What @wordpress/editor exports.
 * @param editPost What @wordpress/edit-post exports.
 */
function load(
	editor: Record< string, unknown >,
	editPost: Record< string, unknown >
): Finder {
	let finder: Finder | undefined;
	jest.isolateModules( () => {
		jest.doMock( '@wordpress/editor', () => editor, { virtual: true } );
		jest.doMock( '@wordpress/edit-post', () => editPost, {
			virtual: true,
		} );
		finder = jest.requireActual< Finder >(
			'../../src/editor/document-panel'
		);
	} );
	if ( ! finder ) {
		throw new Error( 'document-panel did not load' );
	}
	return finder;
}

describe( 'documentSettingPanel', () => {
	it( 'uses wp.editor on WordPress 6.6 and later, not the deprecated wp.editPost alias', () => {
		const { documentSettingPanel } = load(
			{ PluginDocumentSettingPanel: FromEditor },
			{ PluginDocumentSettingPanel: FromEditPost }
		);
		expect( documentSettingPanel() ).toBe( FromEditor );
	} );

	it( 'falls back to wp.editPost on WordPress 6.5', () => {
		const { documentSettingPanel } = load(
			{},
			{ PluginDocumentSettingPanel: FromEditPost }
		);
		expect( documentSettingPanel() ).toBe( FromEditPost );
	} );

	it( 'finds nothing when neither has it (the panel then renders nothing)', () => {
		const { documentSettingPanel } = load( {}, {} );
		expect( documentSettingPanel() ).toBeUndefined();
	} );
} );
