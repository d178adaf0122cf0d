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
 * content hash it records in each NAME.asset.php, and registers entry points
 * with their translations.
 */
final class Assets {

	/** The text domain of every script's strings. */
	const TEXT_DOMAIN = 'qualified-integration';

	/**
	 * The chunks each entry point loads on demand (webpack's dynamic
	 * `import()`, named by the `webpackChunkName` comments of admin/), as
	 * build/NAME.js files. WordPress loads the translations of a registered
	 * script only: a chunk's strings come in JSON files named after the
	 * chunk's own path, which register_script() adds to its entry point.
	 * tests/php/ScriptTranslationsTest.php checks this list against build/.
	 */
	const LAZY_CHUNKS = array(
		'admin' => array( 'events', 'events-log' ),
	);

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
	 * Registers an entry point as a script handle. One that uses wp-i18n
	 * (so it has strings) gets its translations, and those of its lazy chunks.
	 *
	 * @param non-empty-string     $handle Script handle.
	 * @param string               $entry  Entry point name.
	 * @param array<string, mixed> $args   Loading strategy, as for wp_register_script().
	 */
	public static function register_script( string $handle, string $entry, array $args ): void {
		$meta = self::meta( $entry );
		$src  = self::url( $entry . '.js' );
		if ( '' === $src || ! wp_register_script( $handle, $src, $meta['dependencies'], $meta['version'], $args ) ) {
			return;
		}
		if ( in_array( 'wp-i18n', $meta['dependencies'], true ) ) {
			wp_set_script_translations( $handle, self::TEXT_DOMAIN );
			self::add_chunk_translations( $handle, $entry );
		}
	}

	/**
	 * Prints, before an entry point, the translations of the chunks it loads
	 * on demand, as core prints a script's own (wp.i18n.setLocaleData, which
	 * merges into the domain's strings). Each chunk is looked up through
	 * load_script_textdomain() under a handle of its own that is registered
	 * and never enqueued, so the JSON file is found where core would look for
	 * it (languages/plugins/, named after the chunk's path) with core's
	 * filters. Nothing is printed where no translation exists (English).
	 *
	 * @param non-empty-string $handle The entry point's handle.
	 * @param string           $entry  Entry point name.
	 */
	private static function add_chunk_translations( string $handle, string $entry ): void {
		foreach ( self::LAZY_CHUNKS[ $entry ] ?? array() as $chunk ) {
			$chunk_handle = $handle . '-chunk-' . $chunk;
			$src          = self::url( $chunk . '.js' );
			if ( '' === $src || ! wp_register_script( $chunk_handle, $src, array(), self::meta( $entry )['version'], array( 'in_footer' => true ) ) ) {
				continue;
			}
			$json = load_script_textdomain( $chunk_handle, self::TEXT_DOMAIN );
			if ( is_string( $json ) && '' !== $json ) {
				wp_add_inline_script(
					$handle,
					sprintf(
						'( function( domain, translations ) { var localeData = translations.locale_data[ domain ] || translations.locale_data.messages; localeData[""].domain = domain; wp.i18n.setLocaleData( localeData, domain ); } )( %s, %s );',
						wp_json_encode( self::TEXT_DOMAIN ),
						$json
					),
					'before'
				);
			}
		}
	}
}
