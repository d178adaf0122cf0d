<?php
/**
 * Which regular expressions a rule may use.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Decides whether an admin's regular expression (a rule condition with op
 * `regex`) is safe to hand to the browser's RegExp on every page view.
 *
 * Accepted: a JavaScript-compatible subset that PHP's PCRE compiles too, at
 * most 200 characters. Refused: what cannot run the same way in both
 * engines or can backtrack catastrophically and hang the visitor's tab:
 * lookbehind and named groups `(?<`, backreferences (`\1`..`\9`, `\k`, `\g`),
 * inline flags and other `(?x` groups (only `(?:`, `(?=`, `(?!` are
 * allowed), atomic groups `(?>` and possessive quantifiers (`a++`),
 * backtracking verbs `(*`, stacked quantifiers (`a{2}{3}`), and any
 * repeated group (`*`, `+`, `{n,}`, `{n,m}` with m > 1) that itself holds a
 * quantifier or an alternation: `(a+)+`, `(a|aa)*`, `(.*a){12}`. `?` on a
 * group is not a repetition: `^/blog(/.*)?$` is fine.
 *
 * The scan is structural (it never runs the pattern); the runtime also caps
 * the tested string at 1000 characters and treats an exception as no match.
 */
final class RegexSafety {

	/**
	 * Longest pattern accepted, in characters.
	 */
	const MAX_LENGTH = 200;

	/**
	 * Whether a pattern is accepted.
	 *
	 * @param string $pattern The pattern, as the admin typed it (no delimiters, no flags).
	 * @return bool
	 */
	public static function is_safe( string $pattern ): bool {
		return null === self::problem( $pattern );
	}

	/**
	 * Why a pattern is refused, in words that follow a field label
	 * ("Rule 3, Condition 2, Value: ..."), or null when it is accepted.
	 *
	 * @param string $pattern The pattern, as the admin typed it.
	 * @return string|null
	 */
	public static function problem( string $pattern ): ?string {
		if ( '' === $pattern ) {
			return __( 'must not be empty.', 'qualified-integration' );
		}
		if ( 1 !== preg_match( '//u', $pattern ) ) {
			return __( 'must be valid UTF-8 text.', 'qualified-integration' );
		}
		if ( mb_strlen( $pattern ) > self::MAX_LENGTH ) {
			/* translators: %d: most characters allowed. */
			return sprintf( __( 'use at most %d characters.', 'qualified-integration' ), self::MAX_LENGTH );
		}
		if ( ! self::compiles( $pattern ) ) {
			return __( 'this is not a valid regular expression.', 'qualified-integration' );
		}
		return self::structure_problem( $pattern );
	}

	/**
	 * Whether PCRE compiles the pattern, between "#" delimiters with the u
	 * flag. A pattern that does not compile is the answer here, not a
	 * warning: no error handler (a debug plugin, PHPUnit) ever sees one.
	 *
	 * @param string $pattern Pattern.
	 * @return bool
	 */
	private static function compiles( string $pattern ): bool {
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- Swallows only this call's compile warning.
		set_error_handler(
			static function (): bool {
				return true;
			}
		);
		try {
			// phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- Belt and braces with the handler above.
			return false !== @preg_match( '#' . str_replace( '#', '\#', $pattern ) . '#u', '' );
		} finally {
			restore_error_handler();
		}
	}

	/**
	 * Scans the pattern with JavaScript's reading of it: escapes, classes,
	 * groups and quantifiers.
	 *
	 * @param string $pattern Pattern that PCRE compiles.
	 * @return string|null
	 */
	private static function structure_problem( string $pattern ): ?string {
		$length = strlen( $pattern );
		// One frame per open group: whether it holds a quantifier or an alternation, at any depth.
		$stack = array( self::frame() );
		$i     = 0;
		while ( $i < $length ) {
			$char  = $pattern[ $i ];
			$group = null;
			if ( '\\' === $char ) {
				$next = $pattern[ $i + 1 ] ?? '';
				if ( 1 === preg_match( '/\A[1-9kg]\z/', $next ) ) {
					return __( 'backreferences (\1 to \9, \k<name>) are not supported.', 'qualified-integration' );
				}
				$i += 2;
			} elseif ( '[' === $char ) {
				$end = self::class_end( $pattern, $i );
				if ( null === $end ) {
					return __( 'a "]" right after "[" or "[^" is read differently by browsers; write \] instead.', 'qualified-integration' );
				}
				$i = $end + 1;
			} elseif ( '(' === $char ) {
				$next = $pattern[ $i + 1 ] ?? '';
				if ( '*' === $next ) {
					return __( '"(*" verbs are not supported.', 'qualified-integration' );
				}
				if ( '?' === $next ) {
					$kind = $pattern[ $i + 2 ] ?? '';
					if ( '<' === $kind ) {
						return __( 'lookbehind and named groups ("(?<") are not supported.', 'qualified-integration' );
					}
					if ( '>' === $kind ) {
						return __( 'atomic groups "(?>" and possessive quantifiers such as "a++" are not supported.', 'qualified-integration' );
					}
					if ( ! in_array( $kind, array( ':', '=', '!' ), true ) ) {
						return __( 'inline flags and special groups such as "(?i)" are not supported; only (?:...), (?=...) and (?!...) are.', 'qualified-integration' );
					}
					$i += 3;
				} else {
					++$i;
				}
				$stack[] = self::frame();
				continue;
			} elseif ( ')' === $char ) {
				$group = count( $stack ) > 1 ? array_pop( $stack ) : self::frame();
				++$i;
			} elseif ( '|' === $char ) {
				$stack[ count( $stack ) - 1 ]['alternation'] = true;
				++$i;
				continue;
			} else {
				++$i;
			}

			$top        = count( $stack ) - 1;
			$quantifier = self::quantifier( $pattern, $i );
			if ( null !== $quantifier ) {
				$i    += $quantifier['length'];
				$after = $pattern[ $i ] ?? '';
				if ( '+' === $after ) {
					return __( 'atomic groups "(?>" and possessive quantifiers such as "a++" are not supported.', 'qualified-integration' );
				}
				if ( '?' === $after ) {
					++$i; // Lazy: same risk as greedy, nothing more.
				}
				$nested = null !== self::quantifier( $pattern, $i )
					|| ( null !== $group && $quantifier['repeats'] && ( $group['quantifier'] || $group['alternation'] ) );
				if ( $nested ) {
					return __( 'a repeated group cannot hold another quantifier or a "|": it can make the browser hang. Write [ab]+ rather than (a|b)+, and a+ rather than (a+)+.', 'qualified-integration' );
				}
				$stack[ $top ]['quantifier'] = true;
			}
			if ( null !== $group ) {
				$stack[ $top ]['quantifier']  = $stack[ $top ]['quantifier'] || $group['quantifier'];
				$stack[ $top ]['alternation'] = $stack[ $top ]['alternation'] || $group['alternation'];
			}
		}
		return null;
	}

	/**
	 * A fresh group frame.
	 *
	 * @return array{quantifier: bool, alternation: bool}
	 */
	private static function frame(): array {
		return array(
			'quantifier'  => false,
			'alternation' => false,
		);
	}

	/**
	 * The quantifier at an offset, if there is one.
	 *
	 * @param string $pattern Pattern.
	 * @param int    $offset  Offset.
	 * @return array{length: int, repeats: bool}|null `repeats`: it can match its atom more than once.
	 */
	private static function quantifier( string $pattern, int $offset ): ?array {
		$char = $pattern[ $offset ] ?? '';
		if ( '*' === $char || '+' === $char ) {
			return array(
				'length'  => 1,
				'repeats' => true,
			);
		}
		if ( '?' === $char ) {
			return array(
				'length'  => 1,
				'repeats' => false,
			);
		}
		if ( '{' === $char && 1 === preg_match( '/\G\{([0-9]+)(,([0-9]*))?\}/', $pattern, $match, 0, $offset ) ) {
			if ( ! isset( $match[2] ) ) {
				$repeats = (int) $match[1] > 1;
			} else {
				$repeats = '' === ( $match[3] ?? '' ) || (int) $match[3] > 1;
			}
			return array(
				'length'  => strlen( $match[0] ),
				'repeats' => $repeats,
			);
		}
		return null;
	}

	/**
	 * Offset of the "]" that closes the class opened at $start, or null when
	 * a "]" comes first (`[]` and `[^]` mean different things in browsers
	 * and PCRE) or nothing closes it.
	 *
	 * @param string $pattern Pattern.
	 * @param int    $start   Offset of "[".
	 * @return int|null
	 */
	private static function class_end( string $pattern, int $start ): ?int {
		$length = strlen( $pattern );
		$j      = $start + 1;
		if ( '^' === ( $pattern[ $j ] ?? '' ) ) {
			++$j;
		}
		if ( ']' === ( $pattern[ $j ] ?? '' ) ) {
			return null;
		}
		while ( $j < $length ) {
			if ( '\\' === $pattern[ $j ] ) {
				$j += 2;
				continue;
			}
			if ( ']' === $pattern[ $j ] ) {
				return $j;
			}
			++$j;
		}
		return null;
	}
}
