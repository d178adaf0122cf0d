/**
 * The runtime's DOM events (qualified-integration:*), dispatched on document.
 *
 * @param doc    The page's document.
 * @param type   Event name.
 * @param detail What the page may read.
 */
export const emit = ( doc: Document, type: string, detail: unknown ) =>
	doc.dispatchEvent( new CustomEvent( type, { detail } ) );
