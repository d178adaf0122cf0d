<?php
/**
 * How the plugin's own loader tags look in a page.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Assets;
use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Frontend\ScriptUrl;

defined( 'ABSPATH' ) || exit;

/**
 * The one description of the four tags Frontend\Loader prints, by the IDs
 * core gives them: the inline stub, qualified.js (only with the immediate
 * strategy and no hide rule), the inline page config and the runtime. The
 * Site Health tests use it to find the loader on the home page, to tell the
 * plugin's tags from a snippet pasted into the theme, and to say what an
 * optimiser must leave alone.
 */
final class LoaderTags {

	/**
	 * The stub's ID (Loader prints it with wp_print_inline_script_tag()).
	 */
	const STUB_ID = 'qualified-integration-stub';

	/**
	 * The tag IDs, by part.
	 *
	 * @return array{stub: string, vendor: string, config: string, runtime: string}
	 */
	public static function ids(): array {
		return array(
			'stub'    => self::STUB_ID,
			'vendor'  => Loader::VENDOR_HANDLE . '-js',
			'config'  => Loader::RUNTIME_HANDLE . '-js-before',
			'runtime' => Loader::RUNTIME_HANDLE . '-js',
		);
	}

	/**
	 * The script handles an optimiser that works by handle can exclude (the
	 * stub and the config are inline, printed with the runtime's handle or none).
	 *
	 * @return string[]
	 */
	public static function handles(): array {
		return array( Loader::VENDOR_HANDLE, Loader::RUNTIME_HANDLE );
	}

	/**
	 * What names a part in words.
	 *
	 * @param string $part stub, vendor, config or runtime.
	 * @return string
	 */
	public static function label( string $part ): string {
		switch ( $part ) {
			case 'stub':
				return __( 'the inline Qualified stub', 'qualified-integration' );
			case 'vendor':
				return 'qualified.js'; // A file name, the same in every language.
			case 'config':
				return __( 'the inline page configuration', 'qualified-integration' );
			default:
				return __( 'the plugin\'s runtime script (frontend.js)', 'qualified-integration' );
		}
	}

	/**
	 * The plugin's tags among a page's scripts, by part (first of each).
	 *
	 * @param array<int, array{id: string, src: string, type: string, text: string}> $scripts PageScripts::all().
	 * @return array<string, array{id: string, src: string, type: string, text: string}>
	 */
	public static function found( array $scripts ): array {
		$parts = array_flip( self::ids() );
		$found = array();
		foreach ( $scripts as $script ) {
			$part = $parts[ $script['id'] ] ?? null;
			if ( null !== $part && ! isset( $found[ $part ] ) ) {
				$found[ $part ] = $script;
			}
		}
		return $found;
	}

	/**
	 * Whether a script is one of the plugin's: by its ID, or, for an inline
	 * script an optimiser merged the plugin's into, by holding the stub's
	 * code or the page config's assignment.
	 *
	 * @param array{id: string, src: string, type: string, text: string} $script A script of PageScripts::all().
	 * @return bool
	 */
	public static function is_ours( array $script ): bool {
		if ( in_array( $script['id'], self::ids(), true ) ) {
			return true;
		}
		if ( '' !== $script['src'] ) {
			return false;
		}
		$stub = self::stub_code();
		return ( '' !== $stub && false !== strpos( $script['text'], $stub ) )
			|| false !== strpos( $script['text'], 'window.' . Loader::CONFIG_GLOBAL . ' = ' );
	}

	/**
	 * Strings that identify each part in its tag (ID, handle, address or
	 * code), which an optimiser's exclusion or keyword list is matched against.
	 *
	 * @return array<string, string[]>
	 */
	public static function markers(): array {
		$ids = self::ids();
		return array(
			'stub'    => array( $ids['stub'], 'QualifiedObject' ),
			'vendor'  => array( $ids['vendor'], Loader::VENDOR_HANDLE, self::without_scheme( ScriptUrl::for_token( '' ) ) ),
			'config'  => array( $ids['config'], Loader::RUNTIME_HANDLE, Loader::CONFIG_GLOBAL ),
			'runtime' => array( $ids['runtime'], Loader::RUNTIME_HANDLE, self::without_scheme( Assets::url( 'frontend.js' ) ) ),
		);
	}

	/**
	 * What to enter in an optimiser's exclusion list so that every part is
	 * matched, whether it matches the whole tag, its address or its code.
	 *
	 * @return string[]
	 */
	public static function keywords(): array {
		$host = (string) wp_parse_url( CspHosts::script_origin(), PHP_URL_HOST );
		return array_values( array_unique( array_filter( array( 'qualified-integration', $host, 'QualifiedObject', Loader::CONFIG_GLOBAL ) ) ) );
	}

	/**
	 * The compiled stub's code, as Loader prints it ('' without a build).
	 *
	 * @return string
	 */
	public static function stub_code(): string {
		$file = Assets::path( 'stub.js' );
		if ( ! is_readable( $file ) ) {
			return '';
		}
		// A compiled plugin file, not remote content.
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		$code = file_get_contents( $file );
		return is_string( $code ) ? trim( $code ) : '';
	}

	/**
	 * An address without its scheme and query: `js.qualified.com/qualified.js`.
	 *
	 * @param string $url Address.
	 * @return string
	 */
	private static function without_scheme( string $url ): string {
		return (string) preg_replace( '#\A[a-z][a-z0-9+.-]*://|[?\#].*\z#is', '', $url );
	}
}
