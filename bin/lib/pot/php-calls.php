<?php
/**
 * The gettext calls of PHP files, read with PHP's own tokenizer, for
 * bin/make-pot.mjs (WP-CLI's i18n command, which would do this, is not on
 * Packagist). Run as: php php-calls.php ROOT FILE...; prints JSON: a list of
 * { file, line, name, args, comment } where args holds each argument's
 * string value, or null where it is not a plain string literal (the caller
 * decides which arguments must be literals), and comment the translators
 * comment that belongs to the call.
 *
 * A comment belongs to a call, as in WP-CLI, when it holds "translators:"
 * and ends on the call's line or the line before, with no other gettext
 * call between them; each comment goes to one call.
 *
 * @package QualifiedIntegration
 */

// phpcs:disable WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput -- A command-line tool, not plugin code.

const QI_POT_FUNCTIONS = array(
	'__',
	'_e',
	'_x',
	'_ex',
	'_n',
	'_nx',
	'_n_noop',
	'_nx_noop',
	'esc_html__',
	'esc_html_e',
	'esc_html_x',
	'esc_attr__',
	'esc_attr_e',
	'esc_attr_x',
);

/**
 * The value of a string literal token, or null for anything else.
 *
 * @param string $code The token's source.
 * @return string|null
 */
function qi_pot_literal( $code ) {
	$quote = substr( $code, 0, 1 );
	$body  = substr( $code, 1, -1 );
	if ( "'" === $quote ) {
		return strtr(
			$body,
			array(
				'\\\\' => '\\',
				"\\'"  => "'",
			)
		);
	}
	if ( '"' === $quote ) {
		// A double-quoted literal without variables (those are T_ENCAPSED_AND_WHITESPACE): PHP's escapes.
		return stripcslashes( $body );
	}
	return null;
}

/**
 * A comment's text without its markers, on one line.
 *
 * @param string $code The comment's source.
 * @return string
 */
function qi_pot_comment_text( $code ) {
	$text  = preg_replace( '#^(/\*\*?|//|\#)|\*/$#', '', $code );
	$lines = array_map(
		static function ( $line ) {
			return trim( (string) preg_replace( '#^\s*\*#', '', $line ) );
		},
		explode( "\n", (string) $text )
	);
	return trim( implode( ' ', array_filter( $lines, 'strlen' ) ) );
}

/**
 * The arguments of the call whose "(" is at $open: each a literal or null.
 *
 * @param array<int, mixed> $tokens The file's tokens.
 * @param int               $open   Index of the opening parenthesis.
 * @return array<int, string|null>
 */
function qi_pot_arguments( array $tokens, $open ) {
	$args    = array();
	$current = array();
	$depth   = 0;
	$count   = count( $tokens );
	for ( $i = $open + 1; $i < $count; $i++ ) {
		$token = $tokens[ $i ];
		$text  = is_array( $token ) ? $token[1] : $token;
		if ( is_array( $token ) && in_array( $token[0], array( T_WHITESPACE, T_COMMENT, T_DOC_COMMENT ), true ) ) {
			continue;
		}
		if ( in_array( $text, array( '(', '[', '{' ), true ) ) {
			++$depth;
		} elseif ( in_array( $text, array( ')', ']', '}' ), true ) ) {
			if ( 0 === $depth ) {
				break;
			}
			--$depth;
		} elseif ( ',' === $text && 0 === $depth ) {
			$args[]  = $current;
			$current = array();
			continue;
		}
		$current[] = $token;
	}
	if ( array() !== $current ) {
		$args[] = $current;
	}
	return array_map(
		static function ( $arg ) {
			$only = 1 === count( $arg ) ? $arg[0] : null;
			return is_array( $only ) && T_CONSTANT_ENCAPSED_STRING === $only[0] ? qi_pot_literal( $only[1] ) : null;
		},
		$args
	);
}

/**
 * The gettext calls of one file.
 *
 * @param string $root Directory that references are relative to.
 * @param string $file Absolute path.
 * @return array<int, array<string, mixed>>
 */
function qi_pot_file_calls( $root, $file ) {
	$tokens   = token_get_all( (string) file_get_contents( $file ) );
	$relative = ltrim( substr( $file, strlen( $root ) ), '/' );
	$calls    = array();
	$comment  = null;
	$names    = array( T_STRING );
	if ( defined( 'T_NAME_FULLY_QUALIFIED' ) ) {
		$names[] = T_NAME_FULLY_QUALIFIED;
	}
	$previous = null;
	foreach ( $tokens as $index => $token ) {
		if ( ! is_array( $token ) ) {
			$previous = $token;
			continue;
		}
		if ( in_array( $token[0], array( T_COMMENT, T_DOC_COMMENT ), true ) ) {
			if ( false !== stripos( $token[1], 'translators:' ) ) {
				$comment = array(
					'text' => qi_pot_comment_text( $token[1] ),
					'line' => $token[2] + substr_count( $token[1], "\n" ),
				);
			}
			continue;
		}
		if ( T_WHITESPACE === $token[0] ) {
			continue;
		}
		$name  = ltrim( $token[1], '\\' );
		$after = $index + 1;
		while ( isset( $tokens[ $after ] ) && is_array( $tokens[ $after ] ) && T_WHITESPACE === $tokens[ $after ][0] ) {
			++$after;
		}
		$is_call = in_array( $token[0], $names, true ) && in_array( $name, QI_POT_FUNCTIONS, true )
			&& isset( $tokens[ $after ] ) && '(' === $tokens[ $after ]
			// Not a method, a static method or a function's own definition.
			&& ! ( is_array( $previous ) && in_array( $previous[0], array( T_OBJECT_OPERATOR, T_DOUBLE_COLON, T_FUNCTION ), true ) );
		if ( $is_call ) {
			$related = null !== $comment && $comment['line'] >= $token[2] - 1;
			$calls[] = array(
				'file'    => $relative,
				'line'    => $token[2],
				'name'    => $name,
				'args'    => qi_pot_arguments( $tokens, $after ),
				'comment' => $related ? $comment['text'] : null,
			);
			$comment = null;
		}
		$previous = $token;
	}
	return $calls;
}

$qi_pot_root  = rtrim( (string) $argv[1], '/' );
$qi_pot_calls = array();
foreach ( array_slice( $argv, 2 ) as $qi_pot_file ) {
	$qi_pot_calls = array_merge( $qi_pot_calls, qi_pot_file_calls( $qi_pot_root, $qi_pot_file ) );
}
echo json_encode( $qi_pot_calls, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ), "\n";
