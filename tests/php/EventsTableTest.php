<?php
/**
 * The event tables' install, and what page views do not do with them.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

// phpcs:disable WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- The tests read and write the plugin's own tables by name; values go through prepare().

use QualifiedIntegration\Events\EventsTable;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Migrations;

/**
 * EventsTable::install() with dbDelta, guarded by its version option.
 *
 * DDL commits the test's transaction (MariaDB), so the install test puts
 * the tables and their version back and commits them itself, even when an
 * assertion fails.
 */
final class EventsTableTest extends TestCase {

	/**
	 * Whether a table exists.
	 *
	 * @param string $table Table name.
	 * @return bool
	 */
	private static function exists( string $table ): bool {
		global $wpdb;
		return $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) );
	}

	/**
	 * Column names and types of a table.
	 *
	 * @param string $table Table name.
	 * @return array<string, string> Name to "type NULL|NOT NULL default".
	 */
	private static function columns( string $table ): array {
		global $wpdb;
		$columns = array();
		foreach ( (array) $wpdb->get_results( "SHOW COLUMNS FROM {$table}", ARRAY_A ) as $column ) {
			$type                        = (string) preg_replace( '/^(big|small)int\(\d+\)/', '$1int', strtolower( $column['Type'] ) );
			$columns[ $column['Field'] ] = $type . ( 'YES' === $column['Null'] ? ' null' : ' not null' ) . ( null === $column['Default'] ? '' : ' ' . trim( (string) $column['Default'], "'" ) );
		}
		return $columns;
	}

	/**
	 * Index names and their columns.
	 *
	 * @param string $table Table name.
	 * @return array<string, string> Name to "col,col".
	 */
	private static function indexes( string $table ): array {
		global $wpdb;
		$indexes = array();
		foreach ( (array) $wpdb->get_results( "SHOW INDEX FROM {$table}", ARRAY_A ) as $index ) {
			$part                          = $index['Column_name'] . ( null === $index['Sub_part'] ? '' : '(' . $index['Sub_part'] . ')' );
			$indexes[ $index['Key_name'] ] = isset( $indexes[ $index['Key_name'] ] ) ? $indexes[ $index['Key_name'] ] . ',' . $part : $part;
		}
		ksort( $indexes );
		return $indexes;
	}

	public function test_install_creates_both_tables_and_a_second_install_is_a_no_op(): void {
		global $wpdb;
		try {
			EventsTable::drop();
			$this->assertFalse( self::exists( EventsTable::events() ) );
			$this->assertFalse( self::exists( EventsTable::deliveries() ) );
			$this->assertFalse( get_option( EventsTable::VERSION_OPTION ) );

			$this->assertTrue( EventsTable::install() );
			$this->assertTrue( self::exists( EventsTable::events() ) );
			$this->assertTrue( self::exists( EventsTable::deliveries() ) );
			$this->assertSame( EventsTable::VERSION, get_option( EventsTable::VERSION_OPTION ) );
			$this->assertContains(
				$wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", EventsTable::VERSION_OPTION ) ),
				array( 'yes', 'on' ),
				'Autoloaded: reading it costs no query.'
			);

			$this->assertSame(
				array(
					'id'              => 'bigint unsigned not null',
					'created_at'      => 'datetime not null',
					'kind'            => 'varchar(10) null',
					'name'            => 'varchar(100) null',
					'page_url'        => 'text null',
					'experience'      => 'varchar(200) null',
					'conversation_id' => 'varchar(200) null',
					'ip_hash'         => 'char(64) null',
					'email'           => 'varchar(254) not null ',
					'fields'          => 'longtext null',
				),
				self::columns( EventsTable::events() )
			);
			$this->assertSame(
				array(
					'PRIMARY'            => 'id',
					'created_at'         => 'created_at',
					'email'              => 'email(191)',
					'ip_hash_created_at' => 'ip_hash,created_at',
					'name_created_at'    => 'name,created_at',
				),
				self::indexes( EventsTable::events() )
			);
			$this->assertSame(
				array(
					'id'              => 'bigint unsigned not null',
					'event_id'        => 'bigint unsigned not null',
					'webhook_id'      => 'varchar(64) not null',
					'status'          => 'varchar(10) not null pending',
					'attempts'        => 'smallint unsigned not null 0',
					'next_attempt_at' => 'datetime null',
					'claim_token'     => 'char(32) not null ',
					'claimed_until'   => 'datetime null',
					'last_code'       => 'smallint null',
					'last_error'      => 'varchar(255) not null ',
					'log'             => 'longtext null',
					'created_at'      => 'datetime not null',
					'updated_at'      => 'datetime not null',
				),
				self::columns( EventsTable::deliveries() )
			);
			$this->assertSame(
				array(
					'PRIMARY'                => 'id',
					'event_id'               => 'event_id',
					'status_next_attempt_at' => 'status,next_attempt_at',
					'webhook_id'             => 'webhook_id',
				),
				self::indexes( EventsTable::deliveries() )
			);

			$before = $wpdb->num_queries;
			$this->assertFalse( EventsTable::install(), 'At its version: nothing to do.' );
			$this->assertSame( $before, $wpdb->num_queries, 'Not even a query.' );

			// And the DDL is what dbDelta reads back: run again, it would change nothing.
			require_once ABSPATH . 'wp-admin/includes/upgrade.php';
			$this->assertSame( array(), dbDelta( EventsTable::schema(), false ) );
		} finally {
			if ( ! self::exists( EventsTable::events() ) || ! self::exists( EventsTable::deliveries() ) ) {
				delete_option( EventsTable::VERSION_OPTION );
				EventsTable::install();
			}
			// The DDL committed the transaction: keep the site as every other test expects it.
			$wpdb->query( 'COMMIT' );
		}
	}

	public function test_the_migrations_install_the_tables_and_a_current_marker_costs_no_query(): void {
		global $wpdb;
		$migrations = Plugin::instance()->migrations;
		$migrations->maybe_run();
		$before = $wpdb->num_queries;
		$this->assertFalse( $migrations->maybe_run() );
		$this->assertSame( $before, $wpdb->num_queries, 'A page view: no query.' );

		// A stale table version (an update that changed the DDL) is installed again when the migrations run.
		update_option( EventsTable::VERSION_OPTION, '0', true );
		update_option( Migrations::MARKER_OPTION, 'older', true );
		$this->assertTrue( $migrations->maybe_run() );
		$this->assertSame( EventsTable::VERSION, get_option( EventsTable::VERSION_OPTION ) );
	}

	public function test_an_admin_request_installs_the_tables_when_their_version_is_not_this_one(): void {
		// The migrations ran for this version (the marker is current) but the tables' install did not
		// finish: no version recorded. Only an admin request tries again; a page view does not.
		Plugin::instance()->migrations->maybe_run();
		delete_option( EventsTable::VERSION_OPTION );
		$this->assertFalse( Plugin::instance()->migrations->maybe_run(), 'The marker hides it from the migrations.' );

		$this->assertFalse( Migrations::maybe_install_tables(), 'Not on a page view.' );
		$this->assertFalse( get_option( EventsTable::VERSION_OPTION ) );

		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		set_current_screen( 'dashboard' );
		$this->assertTrue( is_admin() );
		do_action( 'admin_init' );
		$this->assertSame( EventsTable::VERSION, get_option( EventsTable::VERSION_OPTION ), 'Installed, and its version written.' );
		$this->assertTrue( self::exists( EventsTable::events() ) );
		$this->assertTrue( self::exists( EventsTable::deliveries() ) );

		// In order now: the next admin request costs no query.
		global $wpdb;
		$before = $wpdb->num_queries;
		$this->assertFalse( Migrations::maybe_install_tables() );
		$this->assertSame( $before, $wpdb->num_queries );
	}

	/**
	 * A page view loads none of the stored-event files.
	 *
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_a_page_view_loads_no_stored_event_file(): void {
		$this->go_to( '/' );
		$this->render_head();
		foreach ( array(
			'Events\EventsTable',
			'Events\EventStore',
			'Events\RateLimiter',
			'Events\IncomingEvent',
			'Events\CsvExport',
			'Events\Retention',
			'Rest\EventsController',
			'Rest\EventLogController',
			'Privacy\EventsPrivacy',
		) as $class ) {
			$this->assertFalse( class_exists( 'QualifiedIntegration\\' . $class, false ), $class );
		}
		$this->assertTrue( class_exists( 'QualifiedIntegration\\Frontend\\Loader', false ), 'The check can see loaded classes.' );
	}
}
