<?php
/**
 * Webhook delivery across processes: several nodes at once, and a real cron calling wp-cron.php.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Events\EventStore;
use QualifiedIntegration\Events\EventsTable;
use QualifiedIntegration\Events\WebhookDeliveries;
use QualifiedIntegration\Events\WebhookSchedule;
use QualifiedIntegration\Events\WebhookSignature;

/**
 * Separate PHP processes (tests/fixtures/webhook-receiver/cron-node.php) share the test
 * site's database, as web nodes share one: the rows they work on must be committed, so
 * these tests commit their event and delivery rows (and, for the cron run, the schedule)
 * and delete them again afterwards. The nodes get the webhooks from the
 * QUALIFIED_INTEGRATION_EVENTS constant, so no settings are committed.
 */
final class WebhookNodesTest extends TestCase {

	const SECRET = 'whsec_nodes_0123456789';

	/**
	 * The receiver.
	 *
	 * @var WebhookReceiver
	 */
	private static $receiver;

	/**
	 * Event ids committed by the test, deleted (with their deliveries) afterwards.
	 *
	 * @var int[]
	 */
	private $events = array();

	public static function set_up_before_class() {
		parent::set_up_before_class();
		EventsTable::install();
		self::$receiver = new WebhookReceiver();
		self::$receiver->start();
	}

	public static function tear_down_after_class() {
		self::$receiver->stop();
		parent::tear_down_after_class();
	}

	protected function set_up() {
		parent::set_up();
		self::$receiver->clear();
		$this->events = array();
	}

	/**
	 * Deletes what the test committed, and commits that.
	 */
	protected function tear_down() {
		global $wpdb;
		$wpdb->query( 'ROLLBACK' );
		if ( array() !== $this->events ) {
			$ids        = implode( ',', array_map( 'intval', $this->events ) );
			$deliveries = EventsTable::deliveries();
			$events     = EventsTable::events();
			$wpdb->query( "DELETE FROM {$deliveries} WHERE event_id IN ( {$ids} )" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$wpdb->query( "DELETE FROM {$events} WHERE id IN ( {$ids} )" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'cron', 'options' );
		WebhookSchedule::clear();
		$wpdb->query( 'COMMIT' );
		parent::tear_down();
	}

	/**
	 * The events settings the nodes run with.
	 *
	 * @param string[] $ids  Webhook ids.
	 * @param string   $path Receiver path, the same for each.
	 * @return array<string, mixed>
	 */
	private function events_setting( array $ids, string $path ): array {
		$webhooks = array();
		foreach ( $ids as $id ) {
			$webhooks[] = array(
				'id'     => $id,
				'url'    => self::$receiver->url( $path ),
				'secret' => self::SECRET,
			);
		}
		return array(
			'handlers'      => array(),
			'webhooks'      => $webhooks,
			'retentionDays' => 90,
		);
	}

	/**
	 * Stores events and queues one delivery per webhook for each (as the queue does).
	 *
	 * @param int      $count    Events.
	 * @param string[] $webhooks Webhook ids.
	 * @return int[] Delivery ids.
	 */
	private function queue( int $count, array $webhooks ): array {
		global $wpdb;
		$store = new EventStore();
		for ( $i = 1; $i <= $count; $i++ ) {
			$row = $store->insert(
				array(
					'kind'           => 'event',
					'name'           => 'Meeting Booked',
					'url'            => home_url( '/demo/' ),
					'experience'     => '',
					'conversationId' => 'conv-' . $i,
					'fields'         => array(),
					'ipHash'         => str_repeat( 'b', 64 ),
					'email'          => '',
				)
			);
			$this->assertIsArray( $row );
			$this->events[] = $row['id'];
			$this->assertSame( count( $webhooks ), ( new WebhookDeliveries() )->queue( $row['id'], $webhooks, time() ) );
		}
		$ids   = implode( ',', array_map( 'intval', $this->events ) );
		$table = EventsTable::deliveries();
		return array_map( 'intval', $wpdb->get_col( "SELECT id FROM {$table} WHERE event_id IN ( {$ids} ) ORDER BY id" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	/**
	 * Starts a node process.
	 *
	 * @param array<string, mixed> $node QI_NODE.
	 * @param string               $err  File for its stderr.
	 * @return array{0: resource, 1: resource} The process and its stdout.
	 */
	private function start_node( array $node, string $err ): array {
		$env = getenv();
		$env = array_merge( is_array( $env ) ? $env : array(), array( 'QI_NODE' => (string) wp_json_encode( $node ) ) );
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_proc_open -- The test runs other PHP processes.
		$process = proc_open(
			array( PHP_BINARY, dirname( __DIR__ ) . '/fixtures/webhook-receiver/cron-node.php' ),
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'pipe', 'w' ),
				2 => array( 'file', $err, 'w' ),
			),
			$pipes,
			null,
			$env
		);
		$this->assertIsResource( $process );
		return array( $process, $pipes[1] );
	}

	/**
	 * Waits for a node to end.
	 *
	 * @param resource $process Process.
	 * @param resource $stdout  Its stdout.
	 * @param string   $err     Its stderr file.
	 * @return string What it printed.
	 */
	private function finish_node( $process, $stdout, string $err ): string {
		$output = (string) stream_get_contents( $stdout );
		fclose( $stdout ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_fclose
		$code = proc_close( $process );
		$this->assertSame( 0, $code, 'Node failed: ' . $output . file_get_contents( $err ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		return $output;
	}

	/**
	 * Delivery rows as the nodes left them (a COMMIT first ends this connection's snapshot).
	 *
	 * @param int[] $ids Delivery ids.
	 * @return array<int, array<string, mixed>>
	 */
	private function rows( array $ids ): array {
		global $wpdb;
		$wpdb->query( 'COMMIT' );
		$list  = implode( ',', array_map( 'intval', $ids ) );
		$table = EventsTable::deliveries();
		return (array) $wpdb->get_results( "SELECT * FROM {$table} WHERE id IN ( {$list} ) ORDER BY id", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	}

	public function test_three_nodes_running_the_worker_at_once_send_each_delivery_exactly_once(): void {
		global $wpdb;
		$ids = $this->queue( 12, array( 'crm', 'zap' ) );
		$this->assertCount( 24, $ids );
		$wpdb->query( 'COMMIT' );

		$dir   = (string) tempnam( sys_get_temp_dir(), 'qi-nodes-' );
		$nodes = array();
		unlink( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		mkdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_mkdir
		try {
			for ( $i = 0; $i < 3; $i++ ) {
				$nodes[ $i ] = array_merge(
					$this->start_node(
						array(
							'mode'    => 'worker',
							// Each request takes 40 ms, so the nodes' runs overlap.
							'events'  => $this->events_setting( array( 'crm', 'zap' ), '/ok?sleep=40' ),
							'port'    => self::$receiver->port,
							// Generous (but under the 20 s time budget, or a run stops after one attempt): this test
							// is about claims, and on a loaded machine a slow answer must not become a timeout
							// (a retry, and a row left pending).
							'timeout' => 10,
							'ready'   => "$dir/ready-$i",
							'go'      => "$dir/go",
						),
						"$dir/err-$i"
					),
					array( "$dir/err-$i" )
				);
			}
			// Every node has loaded WordPress: let them all claim at the same moment.
			$until = microtime( true ) + 30;
			do {
				usleep( 5000 );
				$ready = count( (array) glob( "$dir/ready-*" ) );
			} while ( $ready < 3 && microtime( true ) < $until );
			$this->assertCount( 3, (array) glob( "$dir/ready-*" ), 'Every node started.' );
			touch( "$dir/go" );

			$sent = array();
			foreach ( $nodes as $node ) {
				$result = json_decode( $this->finish_node( $node[0], $node[1], $node[2] ), true );
				$this->assertIsArray( $result );
				$sent[] = (int) $result['requests'];
			}
		} finally {
			array_map( 'unlink', (array) glob( "$dir/*" ) );
			rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_rmdir
		}

		$this->assertSame( 24, array_sum( $sent ), 'Requests made by the nodes: ' . implode( ', ', $sent ) );
		$this->assertGreaterThanOrEqual( 2, count( array_filter( $sent ) ), 'The nodes worked side by side: ' . implode( ', ', $sent ) );

		$received = array_map( 'intval', array_column( array_column( self::$receiver->requests(), 'headers' ), 'x-qualified-integration-delivery' ) );
		sort( $received );
		$this->assertSame( $ids, $received, 'Each delivery reached the receiver exactly once.' );
		foreach ( $this->rows( $ids ) as $row ) {
			$this->assertSame( 'delivered', $row['status'] );
			$this->assertSame( '1', (string) $row['attempts'] );
			$this->assertCount( 1, json_decode( $row['log'], true ) );
			$this->assertSame( '', $row['claim_token'] );
		}
	}

	public function test_a_real_cron_calling_wp_cron_php_with_disable_wp_cron_delivers(): void {
		global $wpdb;
		$this->assertTrue( defined( 'DISABLE_WP_CRON' ) && DISABLE_WP_CRON, 'The test site runs with DISABLE_WP_CRON.' );
		$ids = $this->queue( 1, array( 'crm' ) );
		$this->assertTrue( WebhookSchedule::at( time() - 1 ) );
		$wpdb->query( 'COMMIT' );

		$err  = (string) tempnam( sys_get_temp_dir(), 'qi-cron-' );
		$node = $this->start_node(
			array(
				'mode'    => 'cron',
				'events'  => $this->events_setting( array( 'crm' ), '/ok' ),
				'port'    => self::$receiver->port,
				'timeout' => 5,
			),
			$err
		);
		try {
			$this->finish_node( $node[0], $node[1], $err );
		} finally {
			unlink( $err ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		}

		$requests = self::$receiver->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( (string) $ids[0], $requests[0]['headers']['x-qualified-integration-delivery'] );
		$this->assertTrue( WebhookSignature::verify( $requests[0]['headers']['x-qualified-integration-signature'], $requests[0]['body'], self::SECRET ) );
		$row = $this->rows( $ids )[0];
		$this->assertSame( 'delivered', $row['status'] );

		// wp-cron.php took the event off the schedule, and nothing pending put one back.
		$cron = maybe_unserialize( (string) $wpdb->get_var( "SELECT option_value FROM {$wpdb->options} WHERE option_name = 'cron'" ) );
		$this->assertIsArray( $cron );
		foreach ( $cron as $hooks ) {
			$this->assertFalse( is_array( $hooks ) && isset( $hooks[ WebhookSchedule::HOOK ] ) );
		}
	}

	/**
	 * Runs a wp-admin request's webhook backstop in a node.
	 *
	 * @param array<string, mixed> $events The events settings.
	 * @return array<string, mixed> What the node printed.
	 */
	private function admin_node( array $events ): array {
		$err  = (string) tempnam( sys_get_temp_dir(), 'qi-admin-' );
		$node = $this->start_node(
			array(
				'mode'    => 'admin',
				'events'  => $events,
				'port'    => self::$receiver->port,
				'timeout' => 5,
			),
			$err
		);
		try {
			$result = json_decode( $this->finish_node( $node[0], $node[1], $err ), true );
		} finally {
			unlink( $err ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		}
		$this->assertIsArray( $result );
		$this->assertTrue( $result['found'], 'The plugin hooked the webhook backstop on admin_init.' );
		return $result;
	}

	public function test_an_admin_page_load_puts_back_a_lost_worker_run_and_makes_no_query_without_webhooks(): void {
		global $wpdb;
		$this->queue( 1, array( 'crm' ) );
		// The run was lost (a worker that died before it scheduled the next one).
		WebhookSchedule::clear();
		$wpdb->query( 'COMMIT' );

		$result = $this->admin_node( $this->events_setting( array(), '/ok' ) );
		$this->assertSame( 0, $result['queries'], 'No webhooks configured: admin_init makes no query.' );
		$this->assertFalse( $result['result'] );
		$this->assertFalse( $result['next'] );

		$before = time();
		$result = $this->admin_node( $this->events_setting( array( 'crm' ), '/ok' ) );
		$this->assertTrue( $result['result'] );
		$this->assertIsInt( $result['next'] );
		$this->assertGreaterThanOrEqual( $before - 1, $result['next'] );
		$this->assertLessThanOrEqual( time(), $result['next'] );
	}

	public function test_a_page_view_loads_no_webhook_or_rest_file_even_with_webhooks_configured(): void {
		$err  = (string) tempnam( sys_get_temp_dir(), 'qi-page-' );
		$node = $this->start_node(
			array(
				'mode'    => 'page',
				'events'  => $this->events_setting( array( 'crm' ), '/ok' ),
				'port'    => self::$receiver->port,
				'timeout' => 5,
			),
			$err
		);
		try {
			$result = json_decode( $this->finish_node( $node[0], $node[1], $err ), true );
		} finally {
			unlink( $err ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		}
		$this->assertIsArray( $result );
		$this->assertContains( 'includes/Frontend/Loader.php', $result['files'], 'The page view ran the plugin.' );
		$loaded = array_filter(
			$result['files'],
			static function ( string $file ): bool {
				return 0 === strpos( $file, 'includes/Events/Webhook' ) || 0 === strpos( $file, 'includes/Rest/' );
			}
		);
		$this->assertSame( array(), array_values( $loaded ) );
		$this->assertSame( array(), self::$receiver->requests() );
	}
}
