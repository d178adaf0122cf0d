/**
 * Finds the site token in whatever an admin pastes into the token field:
 * the token itself, the `qualified.js?token=...` URL, or the whole vendor
 * snippet copied from Qualified (Settings, Install).
 */

const BARE_TOKEN = /^[A-Za-z0-9]+$/;
// The loader URL first, so another `token=` elsewhere in a snippet never wins.
const LOADER_TOKEN =
	/qualified\.js\?(?:[^"'\s<>]*?(?:&amp;|[&;]))?token=([A-Za-z0-9]+)/i;
const ANY_TOKEN = /(?:[?&;]|&amp;)token=([A-Za-z0-9]+)/;

/**
 * The token in a pasted text, or null when there is none to find.
 *
 * @param text What was pasted or typed.
 * @return The token, or null (the caller keeps the text as it is, and the server explains what is wrong).
 */
export function extractToken( text: string ): string | null {
	const trimmed = text.trim();
	if ( BARE_TOKEN.test( trimmed ) ) {
		return trimmed;
	}
	const match = LOADER_TOKEN.exec( trimmed ) ?? ANY_TOKEN.exec( trimmed );
	return match?.[ 1 ] ?? null;
}

/**
 * What the token field should hold after an edit: the token found in a
 * snippet or URL, else the text as typed (trimmed).
 *
 * @param text The field's new text.
 * @return The value to keep, and whether it was taken out of a longer text.
 */
export function tokenFromInput( text: string ): {
	value: string;
	extracted: boolean;
} {
	const trimmed = text.trim();
	if ( trimmed === '' || BARE_TOKEN.test( trimmed ) ) {
		return { value: trimmed, extracted: false };
	}
	const token = extractToken( trimmed );
	return token === null
		? { value: trimmed, extracted: false }
		: { value: token, extracted: true };
}
