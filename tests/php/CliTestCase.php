<?php
/**
 * Base class of the tests that run the real WP-CLI.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Events\EventsTable;

/**
 * A WP-CLI command is another process with its own database connection:
 * it cannot see what an open transaction holds, and a row that transaction
 * locked would make it wait. So these tests commit (no transaction) and
 * put back, at the end, every option of the plugin as it was and delete the
 * events they added.
 */
abstract class CliTestCase extends TestCase {

	/**
	 * The plugin's option rows before the test.
	 *
	 * @var array<int, array<string, string>>
	 */
	private $options = array();

	/**
	 * The highest event ID before the test.
	 *
	 * @var int
	 */
	private $last_event = 0;

	/**
	 * Ends the transaction TestCase opened, and notes what to put back.
	 */
	protected function set_up() {
		parent::set_up();
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		$wpdb->query( 'SET autocommit = 1' );
		$this->options    = (array) $wpdb->get_results( "SELECT option_name, option_value, autoload FROM {$wpdb->options} WHERE option_name LIKE 'qualified\\_integration%'", ARRAY_A );
		$this->last_event = (int) $wpdb->get_var( 'SELECT COALESCE(MAX(id), 0) FROM ' . EventsTable::events() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own table name.
	}

	/**
	 * Puts the plugin's options back and deletes the events the test added.
	 */
	protected function tear_down() {
		global $wpdb;
		$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE 'qualified\\_integration%'" );
		foreach ( $this->options as $row ) {
			$wpdb->insert( $wpdb->options, $row );
		}
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . EventsTable::deliveries() . ' WHERE event_id > %d', $this->last_event ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own table name.
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . EventsTable::events() . ' WHERE id > %d', $this->last_event ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own table name.
		parent::tear_down();
	}

	/**
	 * Runs `wp ...` and returns its outcome.
	 *
	 * @param string[] $args  Arguments after `wp`.
	 * @param string   $stdin Standard input.
	 * @return array{status: int, stdout: string, stderr: string}
	 */
	protected function wp( array $args, string $stdin = '' ): array {
		$result = CliRunner::run( $args, $stdin );
		wp_cache_flush();
		return $result;
	}

	/**
	 * Asserts a command's exit code, with its outputs in the message.
	 *
	 * @param int                                                $status Expected exit code.
	 * @param array{status: int, stdout: string, stderr: string} $result Outcome.
	 */
	protected function assertExit( int $status, array $result ): void {
		$this->assertSame( $status, $result['status'], "stdout:\n" . $result['stdout'] . "\nstderr:\n" . $result['stderr'] );
	}

	/**
	 * The lock-token fixture for `--require`: defines the token constant in
	 * the WP-CLI process, as wp-config.php would.
	 *
	 * @return string
	 */
	protected static function lock_token_fixture(): string {
		return '--require=' . dirname( __DIR__ ) . '/fixtures/cli/lock-token.php';
	}
}
