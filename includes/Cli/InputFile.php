<?php
/**
 * The settings file a command reads.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use QualifiedIntegration\Settings\Transfer;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the file `import` and `validate` are given: a path on this server,
 * or `-` for standard input (a pipe from another command or site). At most
 * Transfer::MAX_BYTES + 1 bytes are read, so a 10 MB file is refused
 * without being held in memory; a URL is refused, not fetched.
 */
final class InputFile {

	/**
	 * Standard input's name.
	 */
	const STDIN = '-';

	/**
	 * The file's text, or why it cannot be read.
	 *
	 * @param string $file Path, or "-".
	 * @return string|WP_Error
	 */
	public static function read( string $file ) {
		if ( self::STDIN === $file ) {
			$text = stream_get_contents( STDIN, Transfer::MAX_BYTES + 1 );
		} elseif ( 1 === preg_match( '#\A[A-Za-z][A-Za-z0-9+.-]*://#', $file ) ) {
			/* translators: %s: what was given instead of a file. */
			return new WP_Error( 'qualified_integration_file', sprintf( __( '%s is an address, not a file on this server. Download it first, or pipe it in with -.', 'qualified-integration' ), $file ) );
		} elseif ( ! is_file( $file ) || ! is_readable( $file ) ) {
			/* translators: %s: file path. */
			return new WP_Error( 'qualified_integration_file', sprintf( __( 'Cannot read %s: no such file, or no permission to read it.', 'qualified-integration' ), $file ) );
		} else {
			$size = (int) filesize( $file );
			if ( $size > Transfer::MAX_BYTES ) {
				return Transfer::too_big( $size );
			}
			// A local file named on the command line, not a remote URL (refused above).
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			$text = file_get_contents( $file, false, null, 0, Transfer::MAX_BYTES + 1 );
		}
		if ( ! is_string( $text ) ) {
			/* translators: %s: file path, or - for standard input. */
			return new WP_Error( 'qualified_integration_file', sprintf( __( 'Cannot read %s.', 'qualified-integration' ), $file ) );
		}
		return strlen( $text ) > Transfer::MAX_BYTES ? Transfer::too_big( strlen( $text ) ) : $text;
	}
}
