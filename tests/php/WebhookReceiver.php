<?php
/**
 * A local webhook receiver for the tests: PHP's built-in server on a free port.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- A test helper that runs a local server process and reads its files.

use RuntimeException;

/**
 * Starts `php -S 127.0.0.1:<free port>` with tests/fixtures/webhook-receiver/receiver.php,
 * which records every request to a file and answers by path (/ok, /fail, /slow,
 * /redirect, /flaky). Several workers (PHP_CLI_SERVER_WORKERS), so that a slow
 * request does not hold the others up.
 */
final class WebhookReceiver {

	/**
	 * The server process.
	 *
	 * @var resource|null
	 */
	private $process = null;

	/**
	 * Port.
	 *
	 * @var int
	 */
	public $port = 0;

	/**
	 * File the requests are recorded in, one JSON line each.
	 *
	 * @var string
	 */
	public $log = '';

	/**
	 * Starts the server and waits until it answers.
	 *
	 * @throws RuntimeException When it cannot start.
	 */
	public function start(): void {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0', $errno, $errstr );
		if ( false === $socket ) {
			throw new RuntimeException( "No free port: $errstr" );
		}
		$name = (string) stream_socket_get_name( $socket, false );
		fclose( $socket );
		$this->port = (int) substr( $name, strrpos( $name, ':' ) + 1 );
		$this->log  = (string) tempnam( sys_get_temp_dir(), 'qi-webhooks-' );

		$dir               = dirname( __DIR__ ) . '/fixtures/webhook-receiver';
		list( $php, $env ) = self::server_php();
		$this->process     = proc_open(
			array( $php, '-S', '127.0.0.1:' . $this->port, '-t', $dir, $dir . '/receiver.php' ),
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'file', '/dev/null', 'w' ),
				2 => array( 'file', '/dev/null', 'w' ),
			),
			$pipes,
			$dir,
			array_merge(
				$env,
				array(
					'QI_WEBHOOK_LOG'         => $this->log,
					'PHP_CLI_SERVER_WORKERS' => '8',
				)
			)
		);
		if ( ! is_resource( $this->process ) ) {
			throw new RuntimeException( 'Could not start the webhook receiver.' );
		}
		// Stopped even when the run ends early (a fatal error, an exit).
		register_shutdown_function( array( $this, 'stop' ) );
		$until = microtime( true ) + 10;
		while ( microtime( true ) < $until ) {
			$connection = @fsockopen( '127.0.0.1', $this->port, $errno, $errstr, 0.2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- Refused until the server listens.
			if ( false !== $connection ) {
				fclose( $connection );
				return;
			}
			usleep( 50000 );
		}
		throw new RuntimeException( 'The webhook receiver did not start.' );
	}

	/**
	 * Stops the server (and its workers) and removes the log.
	 */
	public function stop(): void {
		if ( is_resource( $this->process ) ) {
			$status = proc_get_status( $this->process );
			// The workers are the server's children: end them, then the server.
			foreach ( self::children( (int) $status['pid'] ) as $child ) {
				posix_kill( $child, 15 );
			}
			proc_terminate( $this->process );
			proc_close( $this->process );
		}
		$this->process = null;
		if ( '' !== $this->log && is_file( $this->log ) ) {
			unlink( $this->log );
		}
	}

	/**
	 * A URL of the receiver.
	 *
	 * @param string $path Path and query.
	 * @return string
	 */
	public function url( string $path ): string {
		return 'http://127.0.0.1:' . $this->port . $path;
	}

	/**
	 * Forgets the requests recorded so far.
	 */
	public function clear(): void {
		file_put_contents( $this->log, '' );
	}

	/**
	 * The requests recorded, oldest first.
	 *
	 * @return array<int, array{method: string, path: string, headers: array<string, string>, body: string, at: float}>
	 */
	public function requests(): array {
		$requests = array();
		foreach ( (array) file( $this->log, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES ) as $line ) {
			$request = json_decode( (string) $line, true );
			if ( is_array( $request ) ) {
				$requests[] = $request;
			}
		}
		return $requests;
	}

	/**
	 * The PHP that serves the receiver, and its environment: the PHP running the tests
	 * when it is PHP 8 or later; else (the PHP 7.4 run) the `php` on the PATH when that is
	 * PHP 8, without the PHP 7.4 settings bin/php74.sh exports. PHP 7.4's built-in server
	 * can hand a new connection to a worker still busy with a /slow request (seen here: an
	 * /ok request waited a second behind it and timed out); PHP 8's does not. The receiver
	 * is only the other end of the wire: the code under test runs on the PHP under test.
	 *
	 * @return array{0: string, 1: array<string, string>}
	 */
	private static function server_php(): array {
		$env = getenv();
		$env = is_array( $env ) ? $env : array();
		if ( PHP_VERSION_ID >= 80000 ) {
			return array( PHP_BINARY, $env );
		}
		unset( $env['PHPRC'], $env['PHP_INI_SCAN_DIR'], $env['LD_LIBRARY_PATH'] );
		foreach ( explode( PATH_SEPARATOR, (string) ( $env['PATH'] ?? '' ) ) as $dir ) {
			$php = $dir . '/php';
			if ( '' === $dir || ! is_executable( $php ) ) {
				continue;
			}
			$version = proc_open( array( $php, '-r', 'echo PHP_VERSION_ID;' ), array( 1 => array( 'pipe', 'w' ) ), $pipes, null, $env );
			if ( is_resource( $version ) ) {
				$id = (int) stream_get_contents( $pipes[1] );
				fclose( $pipes[1] );
				proc_close( $version );
				if ( $id >= 80000 ) {
					return array( $php, $env );
				}
			}
		}
		return array( PHP_BINARY, (array) getenv() );
	}

	/**
	 * Process ids whose parent is $pid (Linux /proc).
	 *
	 * @param int $pid Parent process id.
	 * @return int[]
	 */
	private static function children( int $pid ): array {
		$children = array();
		foreach ( (array) glob( '/proc/[0-9]*/stat' ) as $stat ) {
			$fields = explode( ' ', (string) @file_get_contents( (string) $stat ) ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- A process may end meanwhile.
			if ( isset( $fields[3] ) && (int) $fields[3] === $pid ) {
				$children[] = (int) $fields[0];
			}
		}
		return $children;
	}
}
