<?php
/**
 * The event log's two tables.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

defined( 'ABSPATH' ) || exit;

/**
 * Owns the DDL of the tables that hold stored events and their webhook
 * deliveries, and creates or updates them with dbDelta. Events are rows in
 * a table of their own, not posts or options: they arrive unauthenticated,
 * by the thousand, and are filtered by name, time and client, which only a
 * table with the right indexes does cheaply.
 *
 * The install runs on activation, when the migrations run after an update
 * (Settings\Migrations::maybe_run(), on `init` of the first request with the
 * new code, which can be a page view) and on admin requests whose tables are
 * not at this DDL version (Settings\Migrations::maybe_install_tables(), so a
 * failed install is tried again); other page views never run it. The option
 * `qualified_integration_db_version` (autoloaded, so reading it costs no
 * query) says which DDL version the tables already have.
 */
final class EventsTable {

	/**
	 * The version of the DDL below; raise it whenever the DDL changes.
	 */
	const VERSION = '1';

	/**
	 * Option holding the DDL version the tables were last brought to.
	 */
	const VERSION_OPTION = 'qualified_integration_db_version';

	/**
	 * The events table, with this site's prefix.
	 *
	 * @return string
	 */
	public static function events(): string {
		global $wpdb;
		return $wpdb->prefix . 'qualified_integration_events';
	}

	/**
	 * The webhook deliveries table, with this site's prefix.
	 *
	 * @return string
	 */
	public static function deliveries(): string {
		global $wpdb;
		return $wpdb->prefix . 'qualified_integration_deliveries';
	}

	/**
	 * Both CREATE TABLE statements, written the way dbDelta parses them (one
	 * column per line, two spaces after PRIMARY KEY, KEY name (columns)).
	 *
	 * @return string[]
	 */
	public static function schema(): array {
		global $wpdb;
		$collate = $wpdb->get_charset_collate();
		return array(
			'CREATE TABLE ' . self::events() . " (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
created_at datetime NOT NULL,
kind varchar(10),
name varchar(100),
page_url text,
experience varchar(200),
conversation_id varchar(200),
ip_hash char(64),
email varchar(254) NOT NULL DEFAULT '',
fields longtext,
PRIMARY KEY  (id),
KEY created_at (created_at),
KEY name_created_at (name,created_at),
KEY ip_hash_created_at (ip_hash,created_at),
KEY email (email(191))
) $collate;",
			'CREATE TABLE ' . self::deliveries() . " (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
event_id bigint(20) unsigned NOT NULL,
webhook_id varchar(64) NOT NULL,
status varchar(10) NOT NULL DEFAULT 'pending',
attempts smallint(5) unsigned NOT NULL DEFAULT 0,
next_attempt_at datetime NULL,
claim_token char(32) NOT NULL DEFAULT '',
claimed_until datetime NULL,
last_code smallint(6) NULL,
last_error varchar(255) NOT NULL DEFAULT '',
log longtext,
created_at datetime NOT NULL,
updated_at datetime NOT NULL,
PRIMARY KEY  (id),
KEY status_next_attempt_at (status,next_attempt_at),
KEY event_id (event_id),
KEY webhook_id (webhook_id)
) $collate;",
		);
	}

	/**
	 * Creates or updates both tables unless they already have this DDL
	 * version. The version is recorded only once both tables exist, so a
	 * failed CREATE (no privilege, a full disk) is tried again by the next
	 * admin request (Settings\Migrations::maybe_install_tables()).
	 *
	 * @return bool Whether dbDelta ran.
	 */
	public static function install(): bool {
		if ( self::VERSION === get_option( self::VERSION_OPTION ) ) {
			return false;
		}
		global $wpdb;
		// @phpstan-ignore requireOnce.fileNotFound (WordPress's own file, next to ABSPATH at run time.)
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		dbDelta( self::schema() );

		foreach ( array( self::events(), self::deliveries() ) as $table ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- checks what dbDelta just did.
			if ( $table !== $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) ) {
				return true;
			}
		}
		update_option( self::VERSION_OPTION, self::VERSION, true );
		return true;
	}

	/**
	 * Drops both tables and forgets their version (uninstall inlines the same).
	 */
	public static function drop(): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching, WordPress.DB.DirectDatabaseQuery.SchemaChange, WordPress.DB.PreparedSQL.NotPrepared -- The plugin's own tables, with the site prefix.
		$wpdb->query( 'DROP TABLE IF EXISTS ' . self::deliveries() . ', ' . self::events() );
		delete_option( self::VERSION_OPTION );
	}
}
