<?php
/**
 * An event sent to the public route, validated.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Events;

use QualifiedIntegration\Settings\Validator;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Turns the raw body of POST /events into an event worth storing, or into
 * a 400 naming every bad field. Anyone can send this body (pages are cached,
 * so there is no nonce), so nothing is trusted: the size is capped before
 * parsing, `null` and wrong types are errors rather than coerced, unknown
 * keys are refused, the page URL must be on this site's host, the name must
 * be one an enabled handler with a `wordpress` action stores, and only the
 * field values those handlers' `storeFields` list survive. No database
 * query is made here: the handlers come from the autoloaded settings.
 *
 * Values are kept exactly as sent (no trimming, no HTML stripping): they
 * are data, escaped wherever they are printed.
 */
final class IncomingEvent {

	/**
	 * Largest body accepted, in bytes.
	 */
	const MAX_BODY = 8192;

	/**
	 * Longest page URL, in characters.
	 */
	const MAX_URL = 2000;

	/**
	 * Longest experience and conversation ID, in characters.
	 */
	const MAX_ID = 200;

	/**
	 * Longest event name, in characters (as in the settings schema).
	 */
	const MAX_NAME = 100;

	/**
	 * Most entries in `fields`.
	 */
	const MAX_FIELDS = 20;

	/**
	 * Longest field name, in characters.
	 */
	const MAX_FIELD_NAME = 100;

	/**
	 * Longest field value, in characters.
	 */
	const MAX_FIELD_VALUE = 500;

	/**
	 * The type of the action that sends events here (a key of event-actions.json).
	 */
	const STORE_ACTION = 'wordpress'; // phpcs:ignore WordPress.WP.CapitalPDangit.Misspelled -- The action type's name, lower case.

	/**
	 * The keys a body may have.
	 */
	const KEYS = array( 'kind', 'name', 'url', 'experience', 'conversationId', 'fields' );

	/**
	 * Kind: event or messenger.
	 *
	 * @var string
	 */
	public $kind;

	/**
	 * Event name as Qualified sent it.
	 *
	 * @var string
	 */
	public $name;

	/**
	 * Page URL (on this site's host).
	 *
	 * @var string
	 */
	public $url;

	/**
	 * Experience API name, or ''.
	 *
	 * @var string
	 */
	public $experience;

	/**
	 * Conversation ID, or ''.
	 *
	 * @var string
	 */
	public $conversation_id;

	/**
	 * The allow-listed field values, by field name.
	 *
	 * @var array<string, string>
	 */
	public $fields;

	/**
	 * The email address among the kept fields (lower case), or '': what the
	 * privacy exporter and eraser look events up by.
	 *
	 * @var string
	 */
	public $email;

	/**
	 * Constructor.
	 *
	 * @param string                $kind            Kind.
	 * @param string                $name            Name.
	 * @param string                $url             Page URL.
	 * @param string                $experience      Experience.
	 * @param string                $conversation_id Conversation ID.
	 * @param array<string, string> $fields          Kept field values.
	 */
	private function __construct( string $kind, string $name, string $url, string $experience, string $conversation_id, array $fields ) {
		$this->kind            = $kind;
		$this->name            = $name;
		$this->url             = $url;
		$this->experience      = $experience;
		$this->conversation_id = $conversation_id;
		$this->fields          = $fields;
		$this->email           = self::email_of( $fields );
	}

	/**
	 * Validates a raw body against the configured handlers.
	 *
	 * @param string            $body     Raw request body.
	 * @param array<int, mixed> $handlers events.handlers of the settings in force.
	 * @return IncomingEvent|WP_Error 400 rest_invalid_param naming every bad field.
	 */
	public static function parse( string $body, array $handlers ) {
		if ( strlen( $body ) > self::MAX_BODY ) {
			/* translators: %d: maximum size in bytes. */
			return Validator::to_rest_error( array( 'body' => sprintf( __( 'Body: send at most %d bytes.', 'qualified-integration' ), self::MAX_BODY ) ) );
		}
		$data = json_decode( $body, false, 8 );
		if ( JSON_ERROR_NONE !== json_last_error() ) {
			return Validator::to_rest_error( array( 'body' => __( 'Body: not valid JSON.', 'qualified-integration' ) ) );
		}
		if ( ! $data instanceof \stdClass ) {
			return Validator::to_rest_error( array( 'body' => __( 'Body: send a JSON object, {"kind": "...", "name": "...", "url": "..."}.', 'qualified-integration' ) ) );
		}
		$data    = get_object_vars( $data );
		$errors  = self::shape_errors( $data );
		$allowed = null;
		if ( ! isset( $errors['kind'] ) && ! isset( $errors['name'] ) ) {
			$allowed = self::stored_fields( $handlers, (string) $data['kind'], (string) $data['name'] );
			if ( null === $allowed ) {
				$errors['name'] = __( 'Name: this site stores no events of this kind and name (no enabled handler with a "Send to WordPress" action matches).', 'qualified-integration' );
			}
		}
		if ( array() !== $errors || null === $allowed ) {
			return Validator::to_rest_error( $errors );
		}

		$fields = array();
		foreach ( isset( $data['fields'] ) ? get_object_vars( $data['fields'] ) : array() as $key => $value ) {
			if ( in_array( (string) $key, $allowed, true ) ) {
				$fields[ (string) $key ] = (string) $value;
			}
		}
		return new self(
			$data['kind'],
			$data['name'],
			$data['url'],
			(string) ( $data['experience'] ?? '' ),
			(string) ( $data['conversationId'] ?? '' ),
			$fields
		);
	}

	/**
	 * The event as the store writes it.
	 *
	 * @param string $ip_hash Client hash.
	 * @return array{kind: string, name: string, url: string, experience: string, conversationId: string, fields: array<string, string>, ipHash: string, email: string}
	 */
	public function to_store( string $ip_hash ): array {
		return array(
			'kind'           => $this->kind,
			'name'           => $this->name,
			'url'            => $this->url,
			'experience'     => $this->experience,
			'conversationId' => $this->conversation_id,
			'fields'         => $this->fields,
			'ipHash'         => $ip_hash,
			'email'          => $this->email,
		);
	}

	/**
	 * Every problem of the body's keys and values, by field.
	 *
	 * @param array<string, mixed> $data Decoded body.
	 * @return array<string, string>
	 */
	private static function shape_errors( array $data ): array {
		$errors = array();
		$kind   = $data['kind'] ?? null;
		if ( ! is_string( $kind ) || ! in_array( $kind, array( 'event', 'messenger' ), true ) ) {
			$errors['kind'] = __( 'Kind: must be "event" or "messenger".', 'qualified-integration' );
		}
		$name = $data['name'] ?? null;
		if ( ! is_string( $name ) || '' === $name || self::length( $name ) > self::MAX_NAME || 1 === preg_match( '/[\x00-\x1F\x7F]/', $name ) ) {
			/* translators: %d: maximum length. */
			$errors['name'] = sprintf( __( 'Name: must be a text of 1 to %d characters, without control characters.', 'qualified-integration' ), self::MAX_NAME );
		}
		$url = self::url_error( $data['url'] ?? null );
		if ( null !== $url ) {
			$errors['url'] = $url;
		}
		foreach ( array(
			'experience'     => __( 'Experience', 'qualified-integration' ),
			'conversationId' => __( 'Conversation ID', 'qualified-integration' ),
		) as $key => $label ) {
			if ( array_key_exists( $key, $data ) && ( ! is_string( $data[ $key ] ) || self::length( $data[ $key ] ) > self::MAX_ID ) ) {
				/* translators: 1: field label, 2: maximum length. */
				$errors[ $key ] = sprintf( __( '%1$s: must be a text of at most %2$d characters.', 'qualified-integration' ), $label, self::MAX_ID );
			}
		}
		if ( array_key_exists( 'fields', $data ) ) {
			$errors += self::fields_errors( $data['fields'] );
		}
		foreach ( array_keys( $data ) as $key ) {
			$key = (string) $key;
			if ( ! in_array( $key, self::KEYS, true ) ) {
				$plain = 1 === preg_match( '/\A[A-Za-z0-9_-]{1,64}\z/D', $key );
				/* translators: %s: the accepted keys. */
				$errors[ $plain ? $key : 'body' ] = sprintf( __( 'Not accepted: send only %s.', 'qualified-integration' ), implode( ', ', self::KEYS ) );
			}
		}
		return $errors;
	}

	/**
	 * Problems of `fields`: an object of at most 20 entries, each a field
	 * API name (a letter, then letters, digits, underscores) with a text
	 * value. A bad value is reported under fields.<name>, bad names under fields.
	 *
	 * @param mixed $fields Decoded `fields`.
	 * @return array<string, string>
	 */
	private static function fields_errors( $fields ): array {
		if ( ! $fields instanceof \stdClass ) {
			return array( 'fields' => __( 'Fields: must be an object of field names and text values.', 'qualified-integration' ) );
		}
		$entries = get_object_vars( $fields );
		$errors  = array();
		if ( count( $entries ) > self::MAX_FIELDS ) {
			/* translators: %d: maximum number of fields. */
			$errors['fields'] = sprintf( __( 'Fields: send at most %d fields.', 'qualified-integration' ), self::MAX_FIELDS );
		}
		$bad_names = false;
		foreach ( $entries as $key => $value ) {
			$key = (string) $key;
			if ( 1 !== preg_match( '/\A[A-Za-z][A-Za-z0-9_]*\z/D', $key ) || strlen( $key ) > self::MAX_FIELD_NAME ) {
				$bad_names = true;
				continue;
			}
			if ( ! is_string( $value ) || self::length( $value ) > self::MAX_FIELD_VALUE ) {
				/* translators: 1: field name, 2: maximum length. */
				$errors[ 'fields.' . $key ] = sprintf( __( 'Field %1$s: must be a text of at most %2$d characters.', 'qualified-integration' ), $key, self::MAX_FIELD_VALUE );
			}
		}
		if ( $bad_names && ! isset( $errors['fields'] ) ) {
			/* translators: %d: maximum length. */
			$errors['fields'] = sprintf( __( 'Fields: each name must start with a letter and hold only letters, digits and underscores, at most %d characters.', 'qualified-integration' ), self::MAX_FIELD_NAME );
		}
		return $errors;
	}

	/**
	 * Why a page URL is refused, if it is: an http(s) address on this site's host, at most 2000 characters.
	 *
	 * @param mixed $url Decoded `url`.
	 * @return string|null
	 */
	private static function url_error( $url ): ?string {
		/* translators: 1: the site's home URL, 2: maximum length. */
		$message = sprintf( __( 'Page URL: must be the address of a page of this site (starting with %1$s), at most %2$d characters.', 'qualified-integration' ), home_url( '/' ), self::MAX_URL );
		if ( ! is_string( $url ) || '' === $url || self::length( $url ) > self::MAX_URL || 1 === preg_match( '/[\x00-\x20\x7F\\\\]/', $url ) ) {
			return $message;
		}
		$parts = wp_parse_url( $url );
		$home  = wp_parse_url( home_url( '/' ), PHP_URL_HOST );
		if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) || isset( $parts['user'] ) || isset( $parts['pass'] )
			|| ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true )
			|| ! is_string( $home ) || 0 !== strcasecmp( $parts['host'], $home ) ) {
			return $message;
		}
		return null;
	}

	/**
	 * The field names stored for an event: those of the storeFields of every
	 * enabled handler of its kind whose name is its name or "*" and that has
	 * a `wordpress` action. Null when no such handler exists.
	 *
	 * @param array<int, mixed> $handlers events.handlers.
	 * @param string            $kind     Kind.
	 * @param string            $name     Name.
	 * @return string[]|null
	 */
	public static function stored_fields( array $handlers, string $kind, string $name ): ?array {
		$allowed = null;
		foreach ( $handlers as $handler ) {
			if ( ! is_array( $handler ) || false === ( $handler['enabled'] ?? true ) || ( $handler['kind'] ?? null ) !== $kind
				|| ! in_array( $handler['name'] ?? null, array( $name, '*' ), true ) ) {
				continue;
			}
			foreach ( is_array( $handler['actions'] ?? null ) ? $handler['actions'] : array() as $action ) {
				if ( is_array( $action ) && self::STORE_ACTION === ( $action['type'] ?? null ) ) {
					$allowed = array_merge( null === $allowed ? array() : $allowed, array_map( 'strval', is_array( $action['storeFields'] ?? null ) ? $action['storeFields'] : array() ) );
				}
			}
		}
		return null === $allowed ? null : array_values( array_unique( $allowed ) );
	}

	/**
	 * The email address among field values: the field named "email" (any
	 * case) when it holds one, else the first value that is one.
	 *
	 * @param array<string, string> $fields Kept field values.
	 * @return string Lower case, or ''.
	 */
	private static function email_of( array $fields ): string {
		$found = '';
		foreach ( $fields as $key => $value ) {
			$value = trim( $value );
			if ( strlen( $value ) > 254 || ! is_email( $value ) ) {
				continue;
			}
			if ( 'email' === strtolower( (string) $key ) ) {
				return EventStore::normalize_email( $value );
			}
			if ( '' === $found ) {
				$found = EventStore::normalize_email( $value );
			}
		}
		return $found;
	}

	/**
	 * Length in characters (UTF-8).
	 *
	 * @param string $value Text.
	 * @return int
	 */
	private static function length( string $value ): int {
		return (int) mb_strlen( $value, 'UTF-8' );
	}
}
