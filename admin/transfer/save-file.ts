/**
 * Saves text as a download, the way a link with `download` does: the
 * browser's own download handling (its folder, its prompt) applies.
 */

/**
 * @param text     File contents.
 * @param filename Name to save under.
 * @param type     MIME type.
 */
export function saveTextFile(
	text: string,
	filename: string,
	type = 'application/json'
): void {
	const url = URL.createObjectURL( new Blob( [ text ], { type } ) );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = filename;
	link.hidden = true;
	document.body.appendChild( link );
	link.click();
	link.remove();
	// Revoked on the next task: some browsers start the download only then.
	window.setTimeout( () => URL.revokeObjectURL( url ), 0 );
}
