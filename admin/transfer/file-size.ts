/**
 * The import's size limit, checked before the file is read: a settings
 * export is a few KB, so anything past 1 MB is the wrong file, and is not
 * sent. The server refuses it too (Transfer::MAX_BYTES).
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/** Transfer::MAX_BYTES. */
export const MAX_IMPORT_BYTES = 1048576;

/**
 * A size in words, rounded up (a file just over the limit never reads as
 * the limit itself): "512 bytes", "340 KB", "10.5 MB".
 *
 * @param bytes Size in bytes.
 */
export function sizeText( bytes: number ): string {
	if ( bytes < 1024 ) {
		return sprintf(
			/* translators: %d: file size in bytes. */
			__( '%d bytes', 'qualified-integration' ),
			bytes
		);
	}
	if ( bytes < 1048576 ) {
		return sprintf(
			/* translators: %d: file size in kilobytes. */
			__( '%d KB', 'qualified-integration' ),
			Math.ceil( bytes / 1024 )
		);
	}
	return sprintf(
		/* translators: %s: file size in megabytes, e.g. 10.5. */
		__( '%s MB', 'qualified-integration' ),
		( Math.ceil( ( bytes / 1048576 ) * 10 ) / 10 ).toString()
	);
}

/**
 * Why a file is refused for its size, or null when it may be sent.
 *
 * @param bytes Size in bytes.
 * @param label The file field's label (messages start with it, as the server's do).
 */
export function sizeProblem( bytes: number, label: string ): string | null {
	if ( bytes === 0 ) {
		return sprintf(
			/* translators: %s: the file field's label. */
			__(
				'%s: the file is empty. Choose a settings file exported from this plugin.',
				'qualified-integration'
			),
			label
		);
	}
	if ( bytes > MAX_IMPORT_BYTES ) {
		return sprintf(
			/* translators: 1: the file field's label, 2: the file's size, such as "10 MB", 3: the limit, such as "1 MB". */
			__(
				'%1$s: the file is %2$s, more than the %3$s a settings file can be. Choose the JSON file exported from this plugin.',
				'qualified-integration'
			),
			label,
			sizeText( bytes ),
			sizeText( MAX_IMPORT_BYTES )
		);
	}
	return null;
}
