<?php
/**
 * UTC times as the tables store them and as the answers and webhooks write them.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

defined( 'ABSPATH' ) || exit;

/**
 * The events and deliveries tables keep times as DATETIME in UTC
 * ("2026-05-01 10:00:00"); REST answers, webhook bodies and delivery logs
 * write them as ISO 8601 with a "Z" ("2026-05-01T10:00:00Z"). One class
 * does both conversions, so every answer writes a time the same way and a
 * missing or zero DATETIME is null everywhere, not "Z" in one place and
 * 1970 in another.
 *
 * Pure string and gmdate() work: nothing depends on the site's or PHP's
 * time zone.
 */
final class UtcTime {

	/**
	 * A DATETIME column's format.
	 */
	const DATETIME = 'Y-m-d H:i:s';

	/**
	 * ISO 8601 in UTC, to the second.
	 */
	const ISO = 'Y-m-d\TH:i:s\Z';

	/**
	 * A stored UTC DATETIME as ISO 8601 ("2026-05-01T10:00:00Z").
	 *
	 * @param string|null $datetime Column value ("2026-05-01 10:00:00").
	 * @return string|null Null for null, an empty or zero date, or anything not a DATETIME.
	 */
	public static function to_iso( ?string $datetime ): ?string {
		if ( null === $datetime || 0 === strpos( $datetime, '0000' ) || 1 !== preg_match( '/\A(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)\z/', $datetime, $parts ) ) {
			return null;
		}
		return $parts[1] . 'T' . $parts[2] . 'Z';
	}

	/**
	 * A Unix time as a DATETIME column stores it ("2026-05-01 10:00:00").
	 *
	 * @param int $timestamp Unix time.
	 * @return string
	 */
	public static function from_timestamp( int $timestamp ): string {
		return gmdate( self::DATETIME, $timestamp );
	}

	/**
	 * A Unix time as ISO 8601 ("2026-05-01T10:00:00Z").
	 *
	 * @param int $timestamp Unix time.
	 * @return string
	 */
	public static function iso_from_timestamp( int $timestamp ): string {
		return gmdate( self::ISO, $timestamp );
	}
}
