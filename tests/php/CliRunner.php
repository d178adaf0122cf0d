<?php
/**
 * Runs the real WP-CLI against the PHPUnit test site.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

// phpcs:disable WordPress.WP.AlternativeFunctions -- Pipes of a child process, not WordPress files.

use RuntimeException;

/**
 * Starts `vendor/bin/wp` (wp-cli/wp-cli from Packagist) as its own process,
 * on the same PHP binary that runs PHPUnit (PHP_BINARY: PHP 8.2, or 7.4
 * through bin/php74.sh, whose library path and php.ini reach the child
 * through the environment), with `--path` at the test site (QI_SITE_DIR).
 * The site's wp-config.php reaches the same MariaDB socket, so the command
 * sees what the test committed and the test sees what the command wrote.
 *
 * The child gets no WP-CLI configuration or packages of the machine's user
 * (a temporary, empty config path and packages folder), so only the
 * site's plugin adds commands.
 *
 * WP-CLI 2.4.1, the newest release whose dependencies the registry mirror
 * serves, predates PHP 8.2: with the site's WP_DEBUG on it prints PHP
 * deprecation notices of its own code (dynamic properties) and of
 * mustache/mustache on standard error. Those lines, and only those, are
 * taken out of `stderr` (each must name a file under vendor/wp-cli or
 * vendor/mustache), so a notice of the plugin's own code still fails a test.
 */
final class CliRunner {

	/**
	 * Seconds a command may take before the test fails.
	 */
	const TIMEOUT = 60;

	/**
	 * Runs a command to its end.
	 *
	 * @param string[] $args  Arguments after `wp` (the global --path and --allow-root are added).
	 * @param string   $stdin Standard input.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	public static function run( array $args, string $stdin = '' ): array {
		return self::wait( self::start( $args, $stdin ) );
	}

	/**
	 * Starts a command and returns at once (for `events tail`).
	 *
	 * @param string[] $args  Arguments after `wp`.
	 * @param string   $stdin Standard input.
	 * @return array{process: resource, pipes: array<int, resource>, started: float}
	 * @throws RuntimeException When the process cannot start.
	 */
	public static function start( array $args, string $stdin = '' ): array {
		$site = (string) getenv( 'QI_SITE_DIR' );
		$home = sys_get_temp_dir() . '/qi-wp-cli-' . getmypid();
		if ( ! is_dir( $home ) ) {
			mkdir( $home, 0700, true );
		}
		$env     = array_merge(
			getenv(),
			array(
				'WP_CLI_PHP'          => PHP_BINARY,
				'WP_CLI_CONFIG_PATH'  => $home . '/config.yml',
				'WP_CLI_PACKAGES_DIR' => $home . '/packages',
				'WP_CLI_CACHE_DIR'    => $home . '/cache',
				'HOME'                => $home,
			)
		);
		$command = array_merge( array( dirname( __DIR__, 2 ) . '/vendor/bin/wp', '--allow-root', '--path=' . $site ), $args );
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- Running WP-CLI is the test.
		$process = proc_open(
			$command,
			array(
				0 => array( 'pipe', 'r' ),
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes,
			$site,
			$env
		);
		if ( ! is_resource( $process ) ) {
			throw new RuntimeException( 'Could not start vendor/bin/wp.' );
		}
		fwrite( $pipes[0], $stdin );
		fclose( $pipes[0] );
		stream_set_blocking( $pipes[1], false );
		stream_set_blocking( $pipes[2], false );
		return array(
			'process' => $process,
			'pipes'   => $pipes,
			'started' => microtime( true ),
		);
	}

	/**
	 * Waits for a started command to end, reading both outputs meanwhile.
	 *
	 * @param array{process: resource, pipes: array<int, resource>, started: float} $run Started command.
	 * @return array{status: int, stdout: string, stderr: string}
	 * @throws RuntimeException When the command runs past TIMEOUT.
	 */
	public static function wait( array $run ): array {
		$out  = array(
			1 => '',
			2 => '',
		);
		$open = array(
			1 => $run['pipes'][1],
			2 => $run['pipes'][2],
		);
		while ( array() !== $open ) {
			if ( microtime( true ) - $run['started'] > self::TIMEOUT ) {
				proc_terminate( $run['process'], 9 );
				throw new RuntimeException( 'wp ran for more than ' . self::TIMEOUT . " s.\nstdout: " . $out[1] . "\nstderr: " . $out[2] );
			}
			$read   = array_values( $open );
			$write  = null;
			$except = null;
			if ( false === stream_select( $read, $write, $except, 0, 200000 ) ) {
				break;
			}
			foreach ( $open as $index => $pipe ) {
				$chunk = fread( $pipe, 65536 );
				if ( is_string( $chunk ) ) {
					$out[ $index ] .= $chunk;
				}
				if ( feof( $pipe ) ) {
					fclose( $pipe );
					unset( $open[ $index ] );
				}
			}
		}
		$status = proc_close( $run['process'] );
		return array(
			'status' => $status,
			'stdout' => $out[1],
			'stderr' => self::without_vendor_deprecations( $out[2] ),
		);
	}

	/**
	 * Standard error without WP-CLI's and Mustache's own PHP 8 deprecation notices.
	 *
	 * @param string $stderr Standard error.
	 * @return string
	 */
	private static function without_vendor_deprecations( string $stderr ): string {
		return (string) preg_replace( '#^(PHP )?Deprecated: .* in \S*/vendor/(wp-cli|mustache)/\S+ on line \d+\n#m', '', $stderr );
	}
}
