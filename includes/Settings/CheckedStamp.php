<?php
/**
 * Proof, stored with the option, that a list-heavy field was validated.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Lets a page view skip re-validating a big stored field that this very
 * code already validated when it was written.
 *
 * Validating 200 Experience rules walks thousands of schema nodes (tens of
 * milliseconds), far too slow for every page view. The fields listed here
 * are valid or not by their value alone (no roles, posts or other site
 * state enter the check: excludeRoles is not one of them, a removed role
 * must still drop on read). When the option is written through the
 * sanitizer, each such field's clean value gets a fingerprint, stored in the
 * same option under KEY (so it is written atomically with the value, and
 * costs no extra query). On read, a field whose fingerprint still matches
 * is used as stored; any other value (written past the sanitizer, edited in
 * the database, changed by a filter, or written by another version of the
 * validation code) is validated in full, its stale items dropped one by one.
 *
 * The fingerprint covers the value, the plugin and schema versions, the
 * modification times of the validation code and its JSON lists, and
 * AUTH_SALT when defined.
 */
final class CheckedStamp {

	/**
	 * Option key of the stamps: not a setting (settings names never start with "_").
	 */
	const KEY = '_checked';

	/**
	 * Fields whose validity depends on their value only.
	 */
	const FIELDS = array( 'identity', 'experiences' );

	/**
	 * What the validation code is, once per request.
	 *
	 * @var string|null
	 */
	private static $signature = null;

	/**
	 * The hash algorithm, looked up once per request.
	 *
	 * @var string|null
	 */
	private static $algorithm = null;

	/**
	 * Values already found matching their stamp in this request, by field:
	 * a second read compares the value instead of hashing it again.
	 *
	 * @var array<string, array{0: mixed, 1: string}>
	 */
	private static $verified = array();

	/**
	 * Stamps for the fields of clean settings (the sanitizer's output).
	 *
	 * @param array<string, mixed> $settings Clean settings.
	 * @return array<string, string> Field => fingerprint.
	 */
	public static function stamps( array $settings ): array {
		$stamps = array();
		foreach ( self::FIELDS as $field ) {
			if ( array_key_exists( $field, $settings ) ) {
				$stamps[ $field ] = self::fingerprint( $settings[ $field ] );
			}
		}
		return $stamps;
	}

	/**
	 * Whether a raw stored field carries a stamp that matches its value.
	 *
	 * @param array<string, mixed> $raw   Raw option value.
	 * @param string               $field Field name.
	 * @return bool
	 */
	public static function is_checked( array $raw, string $field ): bool {
		if ( ! in_array( $field, self::FIELDS, true ) || ! array_key_exists( $field, $raw ) ) {
			return false;
		}
		$stamp = $raw[ self::KEY ][ $field ] ?? null;
		if ( ! is_string( $stamp ) ) {
			return false;
		}
		if ( isset( self::$verified[ $field ] ) && self::$verified[ $field ][1] === $stamp && self::$verified[ $field ][0] === $raw[ $field ] ) {
			return true;
		}
		if ( ! hash_equals( self::fingerprint( $raw[ $field ] ), $stamp ) ) {
			return false;
		}
		self::$verified[ $field ] = array( $raw[ $field ], $stamp );
		return true;
	}

	/**
	 * The fingerprint of a value for this validation code.
	 *
	 * @param mixed $value Value.
	 * @return string
	 */
	private static function fingerprint( $value ): string {
		return hash( self::algorithm(), self::signature() . "\n" . serialize( $value ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize -- Hashed, never stored or unserialized.
	}

	/**
	 * The hash: xxh128 where PHP has it (8.1+), ten times faster than md5 on
	 * the ~60 KB of 200 rules, which every page view hashes once; md5 before.
	 * The stamp guards against values written past the sanitizer, not
	 * against an attacker (who could write the option could write anything),
	 * so a fast non-cryptographic hash does. A PHP upgrade that changes the
	 * algorithm has the option stamped again (Migrations::marker() names it).
	 *
	 * @return string
	 */
	public static function algorithm(): string {
		if ( null === self::$algorithm ) {
			self::$algorithm = in_array( 'xxh128', hash_algos(), true ) ? 'xxh128' : 'md5';
		}
		return self::$algorithm;
	}

	/**
	 * What identifies the validation code.
	 *
	 * @return string
	 */
	private static function signature(): string {
		if ( null === self::$signature ) {
			$parts = array(
				defined( 'QUALIFIED_INTEGRATION_VERSION' ) ? QUALIFIED_INTEGRATION_VERSION : '',
				(string) Schema::VERSION,
				self::algorithm(),
				defined( 'AUTH_SALT' ) ? (string) AUTH_SALT : '',
			);
			foreach ( array( 'Validator.php', 'RegexSafety.php', 'Schema.php', 'MetaKeyPolicy.php', 'CheckedStamp.php', 'settings-schema.json', 'identity-sources.json', 'experience-conditions.json', 'experience-actions.json' ) as $file ) {
				$parts[] = $file . ':' . (string) filemtime( __DIR__ . '/' . $file );
			}
			self::$signature = implode( '|', $parts );
		}
		return self::$signature;
	}
}
