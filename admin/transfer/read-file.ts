/**
 * A chosen file's text. FileReader rather than Blob.text(), which older
 * browsers (and the test DOM) lack.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * @param file The file from the picker or a drop.
 * @return Its text, decoded as UTF-8.
 */
export function readFileText( file: Blob ): Promise< string > {
	return new Promise( ( resolve, reject ) => {
		const reader = new FileReader();
		reader.onload = () =>
			resolve( typeof reader.result === 'string' ? reader.result : '' );
		reader.onerror = () =>
			reject(
				new Error(
					__(
						'The file could not be read. Choose it again.',
						'qualified-integration'
					)
				)
			);
		reader.readAsText( file, 'utf-8' );
	} );
}
