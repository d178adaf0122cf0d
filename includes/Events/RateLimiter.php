<?php
/**
 * How many events one client may store per minute.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

defined( 'ABSPATH' ) || exit;

/**
 * The public event route takes anonymous requests, so one client (one IPv4
 * address or IPv6 /64 network, kept only as a keyed hash) may store at most N events a minute
 * (30 by default, filter `qualified_integration_event_rate_limit`; a value
 * below 1 turns the limit off).
 *
 * No per-process state: with a persistent object cache (several web nodes
 * share it) a counter per client and minute is incremented atomically there
 * BEFORE storing, so concurrent requests cannot all slip under the limit;
 * without one, the client's events of the last 60 seconds are counted in the
 * events table (index ip_hash, created_at), which every node shares. That
 * count can let a few concurrent requests past the limit at once; it never
 * lets a sustained flood through.
 */
final class RateLimiter {

	/**
	 * Object cache group of the counters.
	 */
	const CACHE_GROUP = 'qualified_integration_rate';

	/**
	 * Length of the window, in seconds.
	 */
	const WINDOW = 60;

	/**
	 * Default events per client per window.
	 */
	const DEFAULT_LIMIT = 30;

	/**
	 * Stored events, counted when no persistent object cache is there.
	 *
	 * @var EventStore
	 */
	private $store;

	/**
	 * Constructor.
	 *
	 * @param EventStore $store Stored events.
	 */
	public function __construct( EventStore $store ) {
		$this->store = $store;
	}

	/**
	 * Events per client per minute; 0 for no limit.
	 *
	 * @return int
	 */
	public static function limit(): int {
		/**
		 * Filters how many events one client (IP address) may store per minute.
		 *
		 * @param int $limit Events per minute; a value below 1 turns the limit off. Default 30.
		 */
		$limit = (int) apply_filters( 'qualified_integration_event_rate_limit', self::DEFAULT_LIMIT );
		return max( 0, $limit );
	}

	/**
	 * The client's key: an HMAC of its IP address with a secret of this
	 * site, so the table never holds an address and the hash cannot be
	 * reversed by trying every IPv4 address without the site's salt.
	 *
	 * An IPv6 client is keyed by its /64 network (see bucket()): one
	 * subscriber usually holds a whole /64 and can pick any address in it,
	 * so a per-address key would give it 2^64 separate limits.
	 *
	 * @return string 64 hex characters.
	 */
	public static function client_hash(): string {
		$remote = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( (string) $_SERVER['REMOTE_ADDR'] ) ) : '';
		/**
		 * Filters the client IP address the event rate limit counts by, for
		 * sites behind a proxy or load balancer (read the header your proxy
		 * sets, and only when the request came from that proxy).
		 *
		 * @param string $ip REMOTE_ADDR.
		 */
		$ip = apply_filters( 'qualified_integration_client_ip', $remote );
		return hash_hmac( 'sha256', self::bucket( is_string( $ip ) ? $ip : $remote ), wp_salt( 'auth' ) );
	}

	/**
	 * What the limit counts by for an address: an IPv4 address as it is; an
	 * IPv6 address as its /64 prefix ("2001:db8:1:2::/64"); an IPv4-mapped
	 * IPv6 address (::ffff:192.0.2.1, from a dual-stack socket) as the IPv4
	 * address inside it, since its /64 would be shared by every IPv4 client.
	 * Anything that is not an address is counted as the text it is.
	 *
	 * @param string $ip Client address.
	 * @return string
	 */
	public static function bucket( string $ip ): string {
		$packed = '' === $ip ? false : inet_pton( $ip );
		if ( ! is_string( $packed ) || 16 !== strlen( $packed ) ) {
			return $ip;
		}
		if ( 0 === strpos( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
			$ipv4 = inet_ntop( substr( $packed, 12 ) );
			return is_string( $ipv4 ) ? $ipv4 : $ip;
		}
		$prefix = inet_ntop( substr( $packed, 0, 8 ) . str_repeat( "\0", 8 ) );
		return ( is_string( $prefix ) ? $prefix : bin2hex( substr( $packed, 0, 8 ) ) ) . '/64';
	}

	/**
	 * Whether a client may store one more event now. With a persistent
	 * object cache, a yes also counts the event.
	 *
	 * @param string $client Client hash.
	 * @return int 0 when it may; else the seconds until it may again (for Retry-After).
	 */
	public function admit( string $client ): int {
		$limit = self::limit();
		if ( 0 === $limit ) {
			return 0;
		}
		$now = time();
		if ( wp_using_ext_object_cache() ) {
			return $this->admit_cached( $client, $limit, $now );
		}
		$since = UtcTime::from_timestamp( $now - self::WINDOW );
		if ( $this->store->count_since( $client, $since, $limit ) < $limit ) {
			return 0;
		}
		// The window frees a place when the limit-th newest event leaves it.
		$oldest = $this->store->nth_newest_since( $client, $since, $limit );
		$leaves = null === $oldest ? $now + self::WINDOW : (int) strtotime( $oldest . ' UTC' ) + self::WINDOW;
		return max( 1, min( self::WINDOW, $leaves - $now + 1 ) );
	}

	/**
	 * The object cache's counter of this client and minute, incremented first.
	 *
	 * @param string $client Client hash.
	 * @param int    $limit  Events per window.
	 * @param int    $now    Unix time.
	 * @return int 0 or seconds to wait.
	 */
	private function admit_cached( string $client, int $limit, int $now ): int {
		$window = (int) floor( $now / self::WINDOW );
		$key    = $client . ':' . $window;
		wp_cache_add( $key, 0, self::CACHE_GROUP, self::WINDOW + 10 );
		$count = wp_cache_incr( $key, 1, self::CACHE_GROUP );
		if ( false === $count ) {
			// Evicted between add and incr: start again at one.
			wp_cache_set( $key, 1, self::CACHE_GROUP, self::WINDOW + 10 );
			$count = 1;
		}
		if ( $count <= $limit ) {
			return 0;
		}
		return max( 1, ( $window + 1 ) * self::WINDOW - $now );
	}
}
