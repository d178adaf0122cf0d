<?php
/**
 * A lock that serialises settings saves across requests and web nodes.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Makes read-modify-write of the settings option atomic against other saves,
 * on any number of PHP processes and web nodes: the lock lives where they all
 * see it, never in process memory.
 *
 * - With a persistent object cache (wp_using_ext_object_cache()), it is a
 *   wp_cache_add() (atomic "add if absent" in Redis and Memcached) with a
 *   TTL, so a crashed request cannot block saves for longer than the TTL.
 * - Otherwise it is a row in the options table, inserted with INSERT IGNORE
 *   (as core's WP_Upgrader::create_lock() does): the unique option_name
 *   makes exactly one insert win. add_option() cannot serve: it inserts with
 *   ON DUPLICATE KEY UPDATE, so two racing callers would both "win". The row
 *   holds its expiry; a waiter deletes an expired row by its exact value
 *   (only one waiter can), then competes to insert again.
 *
 * A waiter polls until the lock is free or its wait runs out, then the
 * caller proceeds or answers a conflict: a save is never dropped silently.
 */
final class SaveLock {

	const NAME        = 'qualified_integration_settings_lock';
	const CACHE_GROUP = 'qualified_integration';
	const POLL_USEC   = 100000;

	/**
	 * Seconds after which a held lock counts as abandoned.
	 *
	 * @var int
	 */
	private $ttl;

	/**
	 * What this holder wrote (expiry and a unique id); null while not held.
	 *
	 * @var string|null
	 */
	private $held = null;

	/**
	 * Whether the lock is in the object cache (decided when acquired).
	 *
	 * @var bool
	 */
	private $in_cache = false;

	/**
	 * Constructor.
	 *
	 * @param int $ttl Seconds after which a held lock counts as abandoned.
	 */
	public function __construct( int $ttl = 15 ) {
		$this->ttl = max( 1, $ttl );
	}

	/**
	 * Takes the lock, waiting for it at most $wait seconds.
	 *
	 * @param float $wait Seconds to wait for a lock another request holds.
	 * @return bool Whether the lock is now held by this object.
	 */
	public function acquire( float $wait ): bool {
		$deadline = microtime( true ) + max( 0.0, $wait );
		do {
			if ( $this->try_acquire() ) {
				return true;
			}
			if ( microtime( true ) >= $deadline ) {
				return false;
			}
			usleep( self::POLL_USEC );
		} while ( true );
	}

	/**
	 * Releases the lock if this object holds it (never someone else's).
	 */
	public function release(): void {
		if ( null === $this->held ) {
			return;
		}
		if ( $this->in_cache ) {
			if ( wp_cache_get( self::NAME, self::CACHE_GROUP ) === $this->held ) {
				wp_cache_delete( self::NAME, self::CACHE_GROUP );
			}
		} else {
			global $wpdb;
			// A lock row must bypass the options cache: every node reads the table itself.
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value = %s", self::NAME, $this->held ) );
		}
		$this->held = null;
	}

	/**
	 * One attempt to take the lock.
	 *
	 * @return bool
	 */
	private function try_acquire(): bool {
		$value          = ( time() + $this->ttl ) . ':' . wp_generate_uuid4();
		$this->in_cache = wp_using_ext_object_cache();
		if ( $this->in_cache ) {
			if ( wp_cache_add( self::NAME, $value, self::CACHE_GROUP, $this->ttl ) ) {
				$this->held = $value;
				return true;
			}
			return false;
		}

		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- An atomic insert is the lock; a cache would defeat it.
		$current = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::NAME ) );
		if ( is_string( $current ) && (int) strtok( $current, ':' ) < time() ) {
			// Abandoned by a request that died: remove exactly that row (one waiter wins), then compete.
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value = %s", self::NAME, $current ) );
		}
		$inserted = $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} ( option_name, option_value, autoload ) VALUES ( %s, %s, 'no' )", self::NAME, $value ) );
		// phpcs:enable
		if ( 1 === $inserted ) {
			$this->held = $value;
			return true;
		}
		return false;
	}
}
