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
	 * @return array{dependencies: string[], version: string}
	 */
	public static function meta( string $entry ): array {
		$file  = self::path( $entry . '.asset.php' );
		$asset = is_readable( $file ) ? require $file : array();
		return array(
			'dependencies' => isset( $asset['dependencies'] ) ? (array) $asset['dependencies'] : array(),
			'version'      => isset( $asset['version'] ) ? (string) $asset['version'] : QUALIFIED_INTEGRATION_VERSION,
		);
	}

	/**
	 * Registers an entry point as a script handle.
	 *
	 * @param string               $handle Script handle.
	 * @param string               $entry  Entry point name.
	 * @param array<string, mixed> $args   Loading strategy, as for wp_register_script().
	 */
	public static function register_script( string $handle, string $entry, array $args ): void {
		$meta = self::meta( $entry );
		wp_register_script( $handle, self::url( $entry . '.js' ), $meta['dependencies'], $meta['version'], $args );
	}
}
