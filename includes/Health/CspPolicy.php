<?php
/**
 * One Content Security Policy, parsed, and what it allows.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

defined( 'ABSPATH' ) || exit;

/**
 * Reads a serialized Content-Security-Policy and answers, as a browser
 * would (CSP Level 3), whether it lets a page load a script, connect, frame
 * or show an image from an origin, and whether it runs an inline script.
 * CspHealth uses it on the site's own home page; it knows nothing of
 * Qualified.
 *
 * What it follows: a header value may hold several policies (comma
 * separated), all enforced; directive names are case-insensitive and a
 * repeated directive is ignored; a fetch directive falls back to the next
 * one present (script-src-elem -> script-src -> default-src; frame-src ->
 * child-src -> default-src; connect-src and img-src -> default-src); no
 * directive in the chain allows everything. Source expressions: `*`,
 * schemes (`https:`, `wss:`), hosts with an optional scheme, `*.` wildcard,
 * port (or `:*`) and path, 'self', 'none', nonces, hashes, 'unsafe-inline'
 * (ignored when a nonce or hash is present) and 'strict-dynamic' (then host
 * and scheme sources are ignored: a parser-inserted script needs the nonce).
 */
final class CspPolicy {

	/**
	 * Where each directive falls back, itself first.
	 */
	const FALLBACKS = array(
		'script-src-elem' => array( 'script-src-elem', 'script-src', 'default-src' ),
		'script-src'      => array( 'script-src', 'default-src' ),
		'connect-src'     => array( 'connect-src', 'default-src' ),
		'img-src'         => array( 'img-src', 'default-src' ),
		'frame-src'       => array( 'frame-src', 'child-src', 'default-src' ),
	);

	/**
	 * Default ports of the schemes a policy check meets.
	 */
	const DEFAULT_PORTS = array(
		'http'  => 80,
		'ws'    => 80,
		'https' => 443,
		'wss'   => 443,
	);

	/**
	 * Source expressions by directive name (lowercase), as written.
	 *
	 * @var array<string, string[]>
	 */
	private $directives = array();

	/**
	 * Parses one policy.
	 *
	 * @param string $policy A serialized policy: directives separated by semicolons.
	 */
	public function __construct( string $policy ) {
		foreach ( explode( ';', $policy ) as $directive ) {
			$tokens = preg_split( '/[ \t\n\f\r]+/', trim( $directive ), -1, PREG_SPLIT_NO_EMPTY );
			if ( ! is_array( $tokens ) || array() === $tokens ) {
				continue;
			}
			$name = strtolower( (string) array_shift( $tokens ) );
			// The first occurrence of a directive wins; browsers ignore the others.
			if ( ! isset( $this->directives[ $name ] ) ) {
				$this->directives[ $name ] = $tokens;
			}
		}
	}

	/**
	 * The policies of header values: each value may hold several, separated
	 * by commas; empty ones are skipped.
	 *
	 * @param string[] $values Header values (every Content-Security-Policy header of a response).
	 * @return CspPolicy[]
	 */
	public static function from_headers( array $values ): array {
		$policies = array();
		foreach ( $values as $value ) {
			foreach ( explode( ',', (string) $value ) as $serialized ) {
				if ( '' !== trim( $serialized ) ) {
					$policies[] = new self( $serialized );
				}
			}
		}
		return $policies;
	}

	/**
	 * The source list in force for a directive: its own, or the first
	 * fallback present; null when none is (anything goes).
	 *
	 * @param string $directive A key of FALLBACKS.
	 * @return array{directive: string, sources: string[]}|null
	 */
	public function effective( string $directive ): ?array {
		foreach ( self::FALLBACKS[ $directive ] ?? array( $directive ) as $name ) {
			if ( isset( $this->directives[ $name ] ) ) {
				return array(
					'directive' => $name,
					'sources'   => $this->directives[ $name ],
				);
			}
		}
		return null;
	}

	/**
	 * Whether the directive's sources use 'strict-dynamic' (scripts only).
	 *
	 * @param string $directive A key of FALLBACKS.
	 * @return bool
	 */
	public function is_strict_dynamic( string $directive ): bool {
		$effective = $this->effective( $directive );
		return null !== $effective && in_array( "'strict-dynamic'", array_map( 'strtolower', $effective['sources'] ), true );
	}

	/**
	 * Whether the directive allows everything an origin serves: `https://a.example`
	 * (any path on it) or, with `*.`, any subdomain (`https://*.example.com`).
	 * Under 'strict-dynamic' no origin is allowed by name.
	 *
	 * @param string $directive   A key of FALLBACKS.
	 * @param string $origin      Origin to allow: scheme://host[:port], the host may start with `*.`.
	 * @param string $self_origin The page's own origin (for 'self' and scheme-less sources).
	 * @return bool
	 */
	public function allows_origin( string $directive, string $origin, string $self_origin ): bool {
		$effective = $this->effective( $directive );
		if ( null === $effective ) {
			return true;
		}
		$target = self::parse_origin( $origin );
		$self   = self::parse_origin( $self_origin );
		if ( null === $target || ( 0 === strpos( $directive, 'script-src' ) && $this->is_strict_dynamic( $directive ) ) ) {
			return false;
		}
		foreach ( $effective['sources'] as $expression ) {
			if ( self::covers( $expression, $target, $self ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the directive runs an inline script with this nonce (null:
	 * none) and this text.
	 *
	 * @param string      $directive A key of FALLBACKS (script-src-elem for a <script> element).
	 * @param string|null $nonce     The tag's nonce attribute.
	 * @param string      $text      The script's text, for hash sources.
	 * @return bool
	 */
	public function allows_inline( string $directive, ?string $nonce, string $text ): bool {
		$effective = $this->effective( $directive );
		if ( null === $effective ) {
			return true;
		}
		$sources = $effective['sources'];
		if ( $this->nonce_matches( $sources, $nonce ) ) {
			return true;
		}
		$hashes        = array(
			'sha256' => base64_encode( hash( 'sha256', $text, true ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- CSP hash sources are base64.
			'sha384' => base64_encode( hash( 'sha384', $text, true ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
			'sha512' => base64_encode( hash( 'sha512', $text, true ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
		);
		$unsafe_inline = false;
		$overridden    = false;
		foreach ( $sources as $expression ) {
			$lower = strtolower( $expression );
			if ( preg_match( "/\\A'(sha256|sha384|sha512)-(.+)'\\z/i", $expression, $hash ) ) {
				$overridden = true;
				if ( strtr( $hash[2], '-_', '+/' ) === $hashes[ strtolower( $hash[1] ) ] ) {
					return true;
				}
			} elseif ( 0 === strpos( $lower, "'nonce-" ) || "'strict-dynamic'" === $lower ) {
				$overridden = true;
			} elseif ( "'unsafe-inline'" === $lower ) {
				$unsafe_inline = true;
			}
		}
		return $unsafe_inline && ! $overridden;
	}

	/**
	 * Whether the directive allows a parser-inserted external script with
	 * this nonce: by nonce, or (without 'strict-dynamic') by its URL.
	 *
	 * @param string      $directive   A key of FALLBACKS.
	 * @param string      $url         The script's URL.
	 * @param string|null $nonce       The tag's nonce attribute.
	 * @param string      $self_origin The page's own origin.
	 * @return bool
	 */
	public function allows_script_tag( string $directive, string $url, ?string $nonce, string $self_origin ): bool {
		$effective = $this->effective( $directive );
		if ( null === $effective || $this->nonce_matches( $effective['sources'], $nonce ) ) {
			return true;
		}
		if ( $this->is_strict_dynamic( $directive ) ) {
			return false;
		}
		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
			return false;
		}
		$target = array(
			'scheme' => strtolower( (string) ( $parts['scheme'] ?? '' ) ),
			'host'   => strtolower( (string) $parts['host'] ),
			'port'   => isset( $parts['port'] ) ? (int) $parts['port'] : null,
			'path'   => (string) ( $parts['path'] ?? '/' ),
		);
		$self   = self::parse_origin( $self_origin );
		foreach ( $effective['sources'] as $expression ) {
			if ( self::covers( $expression, $target, $self ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a nonce source of the list matches the tag's nonce.
	 *
	 * @param string[]    $sources Source expressions.
	 * @param string|null $nonce   The tag's nonce.
	 * @return bool
	 */
	private function nonce_matches( array $sources, ?string $nonce ): bool {
		if ( null === $nonce || '' === $nonce ) {
			return false;
		}
		foreach ( $sources as $expression ) {
			// The nonce's value is case-sensitive; the keyword is not.
			if ( 0 === stripos( $expression, "'nonce-" ) && "'" === substr( $expression, -1 ) && substr( $expression, 7, -1 ) === $nonce ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Splits an origin (scheme://host[:port], host maybe `*.`-prefixed).
	 *
	 * @param string $origin Origin.
	 * @return array{scheme: string, host: string, port: int|null, path: string}|null
	 */
	private static function parse_origin( string $origin ): ?array {
		if ( ! preg_match( '#\A([a-z][a-z0-9+.-]*)://(\*\.[^/:]+|[^/:*]+)(?::(\d+))?/?\z#i', $origin, $match ) ) {
			return null;
		}
		return array(
			'scheme' => strtolower( $match[1] ),
			'host'   => strtolower( $match[2] ),
			'port'   => isset( $match[3] ) ? (int) $match[3] : null,
			'path'   => '/',
		);
	}

	/**
	 * Whether one source expression covers the target: a URL, or with a
	 * `*.` host every subdomain, and with path `/` every path.
	 *
	 * @param string                                                                 $expression Source expression as written.
	 * @param array{scheme: string, host: string, port: int|null, path: string}      $target     What must be allowed.
	 * @param array{scheme: string, host: string, port: int|null, path: string}|null $self The page's origin.
	 * @return bool
	 */
	private static function covers( string $expression, array $target, ?array $self ): bool {
		$lower = strtolower( $expression );
		if ( '*' === $lower ) {
			// Network schemes (current browsers also match ws: and wss: here).
			return in_array( $target['scheme'], array( 'http', 'https', 'ws', 'wss' ), true );
		}
		if ( "'self'" === $lower ) {
			return null !== $self && self::is_self( $target, $self );
		}
		if ( 0 === strpos( $lower, "'" ) ) {
			// Other keywords ('none', 'unsafe-inline', nonces, hashes...) allow no URL.
			return false;
		}
		if ( preg_match( '#\A([a-z][a-z0-9+.-]*):\z#', $lower, $scheme_only ) ) {
			return self::scheme_matches( $scheme_only[1], $target['scheme'] );
		}
		if ( ! preg_match( '#\A(?:([a-z][a-z0-9+.-]*)://)?(\*|\*\.[^/:]+|[^/:*]+)(?::(\d+|\*))?(/.*)?\z#', $lower, $host_source ) ) {
			return false;
		}
		$scheme = $host_source[1];
		$host   = $host_source[2];
		$port   = $host_source[3] ?? '';
		$path   = $host_source[4] ?? '';

		if ( '' === $scheme ) {
			if ( null === $self || ! self::schemeless_matches( $self['scheme'], $target['scheme'] ) ) {
				return false;
			}
		} elseif ( ! self::scheme_matches( $scheme, $target['scheme'] ) ) {
			return false;
		}
		return self::host_covers( $host, $target['host'] )
			&& self::port_matches( $port, $target['port'], $target['scheme'] )
			&& self::path_covers( $path, $target['path'] );
	}

	/**
	 * CSP's scheme-part match: the same scheme, or a secure upgrade of it.
	 *
	 * @param string $source The source's scheme.
	 * @param string $target The target's scheme.
	 * @return bool
	 */
	private static function scheme_matches( string $source, string $target ): bool {
		return $source === $target
			|| ( 'http' === $source && 'https' === $target )
			|| ( 'ws' === $source && in_array( $target, array( 'wss', 'http', 'https' ), true ) )
			|| ( 'wss' === $source && 'https' === $target );
	}

	/**
	 * A source without a scheme takes the page's: the same, or a secure
	 * upgrade, or a WebSocket scheme on an http(s) page.
	 *
	 * @param string $page   The page's scheme.
	 * @param string $target The target's scheme.
	 * @return bool
	 */
	private static function schemeless_matches( string $page, string $target ): bool {
		return $page === $target
			|| ( 'http' === $page && in_array( $target, array( 'https', 'ws', 'wss' ), true ) )
			|| ( 'https' === $page && 'wss' === $target );
	}

	/**
	 * Whether a source host covers the target host; a target `*.x` (every
	 * subdomain of x) is covered only by `*` or by a wildcard it falls under.
	 *
	 * @param string $source Source host: `*`, `*.example.com` or a host.
	 * @param string $target Target host, maybe `*.`-prefixed.
	 * @return bool
	 */
	private static function host_covers( string $source, string $target ): bool {
		if ( '*' === $source ) {
			return true;
		}
		if ( 0 === strpos( $source, '*.' ) ) {
			$suffix = substr( $source, 1 );
			$rest   = 0 === strpos( $target, '*.' ) ? substr( $target, 1 ) : $target;
			// ".qualified.com" ends with ".qualified.com" or ".com"; "js.qualified.com" ends with ".qualified.com".
			return strlen( $rest ) >= strlen( $suffix ) && substr( $rest, -strlen( $suffix ) ) === $suffix
				&& ( 0 === strpos( $target, '*.' ) || strlen( $rest ) > strlen( $suffix ) );
		}
		return $source === $target;
	}

	/**
	 * CSP's port-part match.
	 *
	 * @param string   $source Source port: '', '*' or digits.
	 * @param int|null $target Target port, null for the scheme's default.
	 * @param string   $scheme Target scheme.
	 * @return bool
	 */
	private static function port_matches( string $source, ?int $target, string $scheme ): bool {
		if ( '*' === $source ) {
			return true;
		}
		$default = self::DEFAULT_PORTS[ $scheme ] ?? null;
		$target  = $target ?? $default;
		if ( '' === $source ) {
			return $target === $default;
		}
		return (int) $source === $target;
	}

	/**
	 * Whether a source path covers the target path: no path or a directory
	 * the target path is in (`/` is everything), or the same file. A target
	 * of `/` (a whole origin) is covered only by no path or `/`.
	 *
	 * @param string $source Source path, '' for none.
	 * @param string $target Target path.
	 * @return bool
	 */
	private static function path_covers( string $source, string $target ): bool {
		if ( '' === $source || '/' === $source ) {
			return true;
		}
		$source = rawurldecode( $source );
		$target = rawurldecode( $target );
		if ( '/' === substr( $source, -1 ) ) {
			return '/' !== $target && 0 === strpos( $target, $source );
		}
		return $source === $target;
	}

	/**
	 * CSP's 'self': the page's origin, or the same host and port reached
	 * over a secure or WebSocket scheme.
	 *
	 * @param array{scheme: string, host: string, port: int|null, path: string} $target Target.
	 * @param array{scheme: string, host: string, port: int|null, path: string} $self   The page's origin.
	 * @return bool
	 */
	private static function is_self( array $target, array $self ): bool {
		if ( 0 === strpos( $target['host'], '*.' ) || $target['host'] !== $self['host'] ) {
			return false;
		}
		$target_port = $target['port'] ?? ( self::DEFAULT_PORTS[ $target['scheme'] ] ?? null );
		$self_port   = $self['port'] ?? ( self::DEFAULT_PORTS[ $self['scheme'] ] ?? null );
		// The same port, or each scheme's default (http://a.example and https://a.example).
		if ( $target_port !== $self_port && ! ( null === $target['port'] && null === $self['port'] ) ) {
			return false;
		}
		return $target['scheme'] === $self['scheme']
			|| in_array( $target['scheme'], array( 'https', 'wss' ), true )
			|| ( 'http' === $self['scheme'] && 'ws' === $target['scheme'] );
	}
}
