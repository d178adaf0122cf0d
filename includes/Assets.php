<?php
/**
 * Compiled asset lookup.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration;

defined( 'ABSPATH' ) || exit;

/**
 * Finds the files wp-scripts writes to build/, with the dependency list and
 * content hash it records in each NAME.asset.php.
 */
final class Assets {

	/**
	 * URL of a compiled file.
	 *
	 * @param string $file File name inside build/.
	 * @return string
	 */
	public static function url( string $file ): string {
		return plugins_url( 'build/' . $file, QUALIFIED_INTEGRATION_FILE );
	}

	/**
	 * Absolute path of a compiled file.
	 *
	 * @param string $file File name inside build/.
	 * @return string
	 */
	public static function path( string $file ): string {
		return QUALIFIED_INTEGRATION_DIR . 'build/' . $file;
	}

	/**
	 * Dependencies and version of an entry point.
	 *
	 * @param string $entry Entry point name (admin, frontend, stub).
	 * @return array{dependencies: non-empty-string[], version: string}
	 */
	public static function meta( string $entry ): array {
		$file  = self::path( $entry . '.asset.php' );
		$asset = is_readable( $file ) ? require $file : array();
		$deps  = isset( $asset['dependencies'] ) ? (array) $asset['dependencies'] : array();
		return array(
			'dependencies' => array_values(
				array_filter(
					$deps,
					static function ( $dep ): bool {
						return is_string( $dep ) && '' !== $dep;
					}
				)
			),
			'version'      => isset( $asset['version'] ) ? (string) $asset['version'] : QUALIFIED_INTEGRATION_VERSION,
		);
	}

	/**
	 * Registers an entry point as a script handle.
	 *
	 * @param non-empty-string     $handle Script handle.
	 * @param string               $entry  Entry point name.
	 * @param array<string, mixed> $args   Loading strategy, as for wp_register_script().
	 */
	public static function register_script( string $handle, string $entry, array $args ): void {
		$meta = self::meta( $entry );
		$src  = self::url( $entry . '.js' );
		if ( '' !== $src ) {
			wp_register_script( $handle, $src, $meta['dependencies'], $meta['version'], $args );
		}
	}
}
