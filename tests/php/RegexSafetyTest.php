<?php
/**
 * Which regular expressions a rule condition may use.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Settings\RegexSafety;
use QualifiedIntegration\Settings\Validator;

/**
 * RegexSafety tests.
 */
final class RegexSafetyTest extends TestCase {

	/**
	 * Patterns that must be accepted.
	 *
	 * @return array<string, array{string}>
	 */
	public function data_accepted(): array {
		$patterns = array(
			'^/pricing(/|$)',
			'^/blog/[a-z0-9-]+/?$',
			'^/blog(/.*)?$',
			'linkedin\.com',
			'^/(en|fr|de)/products/',
			'(?:a|b)c',
			'^/p/\d{1,5}$',
			'a+?b',
			'(a+)?',
			'(ab){2}',
			'(ab){3,}',
			'(a+){1}',
			'(a*){0,1}',
			'(?=foo)bar',
			'^(?!/admin)',
			'[(+*|]+',
			'\(a+\)+',
			'[\]]+x',
			'#hash',
			'utm_source=(google|bing)',
			'é+ü?',
			'\/path\/',
			'.*',
			'^$',
			'a{2}b{3,4}',
			'x{,5}',
			'[a-z]+\d+',
		);
		$data     = array();
		foreach ( $patterns as $pattern ) {
			$data[ $pattern ] = array( $pattern );
		}
		$data['200 characters'] = array( str_repeat( 'a', 200 ) );
		return $data;
	}

	/**
	 * Safe patterns pass, directly and as a rule condition.
	 *
	 * @dataProvider data_accepted
	 *
	 * @param string $pattern Pattern.
	 */
	public function test_safe_patterns_are_accepted( string $pattern ): void {
		$this->assertNull( RegexSafety::problem( $pattern ) );
		$this->assertTrue( RegexSafety::is_safe( $pattern ) );
		$this->assertSame( array(), Validator::rule_errors( self::rules_with( $pattern ) ) );
	}

	/**
	 * Patterns that must be refused, with a fragment of the reason.
	 *
	 * @return array<string, array{string, string}>
	 */
	public function data_refused(): array {
		$nested = 'a repeated group cannot hold another quantifier';
		return array(
			'(a+)+$'            => array( '(a+)+$', $nested ),
			'(a|aa)*'           => array( '(a|aa)*', $nested ),
			'(.*a){12}'         => array( '(.*a){12}', $nested ),
			'^(\d+)*$'          => array( '^(\d+)*$', $nested ),
			'(a*)*'             => array( '(a*)*', $nested ),
			'(a|b+)*'           => array( '(a|b+)*', $nested ),
			'(x{2,})+'          => array( '(x{2,})+', $nested ),
			'(?:a+)+'           => array( '(?:a+)+', $nested ),
			'([a-z]+)*'         => array( '([a-z]+)*', $nested ),
			'(a?a?)*b'          => array( '(a?a?)*b', $nested ),
			'((a)+)*'           => array( '((a)+)*', $nested ),
			'((a|b)c)+'         => array( '((a|b)c)+', $nested ),
			'(a|b)*'            => array( '(a|b)*', $nested ),
			'(\w+\s?)*$'        => array( '(\w+\s?)*$', $nested ),
			'(a+){2,5}'         => array( '(a+){2,5}', $nested ),
			'(a+)+? lazy'       => array( '(a+)+?', $nested ),
			'a{2}{3}'           => array( 'a{2}{3}', 'not a valid regular expression' ),
			'lookbehind'        => array( '(?<=a)b', 'lookbehind' ),
			'negative lookbe.'  => array( '(?<!a)b', 'lookbehind' ),
			'named group'       => array( '(?<year>\d{4})', 'lookbehind' ),
			'backreference \1'  => array( '(a)\1', 'backreferences' ),
			'backreference \9'  => array( '(a)(b)(c)(d)(e)(f)(g)(h)(i)\9', 'backreferences' ),
			'named backref'     => array( '\k<n>(?<n>x)', 'backreferences' ),
			'pcre backref \g'   => array( '(a)\g1', 'backreferences' ),
			'inline flag'       => array( '(?i)pricing', 'inline flags' ),
			'inline flag group' => array( '(?i:pricing)', 'inline flags' ),
			'unset flag'        => array( '(?-i)x', 'inline flags' ),
			'branch reset'      => array( '(?|(a)|(b))', 'inline flags' ),
			'comment group'     => array( '(?#note)x', 'not a valid regular expression' ),
			'recursion'         => array( 'a(?R)?b', 'inline flags' ),
			'atomic'            => array( '(?>a+)b', 'atomic' ),
			'possessive ++'     => array( 'a++b', 'possessive' ),
			'possessive *+'     => array( 'a*+b', 'possessive' ),
			'possessive ?+'     => array( 'a?+b', 'possessive' ),
			'possessive {}+'    => array( 'a{2,}+b', 'possessive' ),
			'verb'              => array( '(*FAIL)|a', 'verbs' ),
			'[]a]'              => array( '[]a]', 'right after' ),
			'[^]a]'             => array( '[^]a]', 'right after' ),
			'does not compile'  => array( '(abc', 'not a valid regular expression' ),
			'trailing \\'       => array( 'abc\\', 'not a valid regular expression' ),
			'nothing to repeat' => array( '*a', 'not a valid regular expression' ),
			'bad class range'   => array( '[z-a]', 'not a valid regular expression' ),
			'201 characters'    => array( str_repeat( 'a', 201 ), 'use at most 200 characters' ),
			'empty'             => array( '', 'must not be empty' ),
			'invalid UTF-8'     => array( "a\xff", 'UTF-8' ),
		);
	}

	/**
	 * Unsafe patterns are refused, with the reason, directly and as a rule condition.
	 *
	 * @dataProvider data_refused
	 *
	 * @param string $pattern  Pattern.
	 * @param string $fragment Part of the reason.
	 */
	public function test_unsafe_patterns_are_refused( string $pattern, string $fragment ): void {
		$problem = RegexSafety::problem( $pattern );
		$this->assertNotNull( $problem );
		$this->assertStringContainsString( $fragment, (string) $problem );
		$this->assertFalse( RegexSafety::is_safe( $pattern ) );

		$errors = Validator::rule_errors( self::rules_with( $pattern ) );
		$this->assertArrayHasKey( 'experiences.rules[1].when[1].value', $errors, (string) wp_json_encode( $errors ) );
		$this->assertStringStartsWith( 'Rule 2, Condition 2, Value: ', $errors['experiences.rules[1].when[1].value'] );
	}

	public function test_the_compile_check_raises_no_warning(): void {
		$warnings = array();
		// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler
		set_error_handler(
			static function ( int $errno, string $message ) use ( &$warnings ): bool {
				$warnings[] = $message;
				return true;
			}
		);
		try {
			RegexSafety::problem( '(abc' );
			RegexSafety::problem( 'a#b(' );
			RegexSafety::problem( '[z-a]' );
		} finally {
			restore_error_handler();
		}
		$this->assertSame( array(), $warnings );
	}

	public function test_a_hash_in_the_pattern_does_not_end_it(): void {
		$this->assertNull( RegexSafety::problem( '^/docs#intro$' ) );
		$this->assertNull( RegexSafety::problem( 'a#b' ) );
	}

	public function test_other_ops_do_not_apply_regex_rules(): void {
		foreach ( array( 'equals', 'prefix', 'contains', 'glob' ) as $op ) {
			$rules                        = self::rules_with( '(a+)+' );
			$rules[1]['when'][1]['op']    = $op;
			$rules[1]['when'][1]['value'] = '(a+)+';
			$this->assertSame( array(), Validator::rule_errors( $rules ), $op );
		}
	}

	/**
	 * Two rules, the second with a regex condition (second condition).
	 *
	 * @param string $pattern Regex.
	 * @return array<int, array<string, mixed>>
	 */
	private static function rules_with( string $pattern ): array {
		return array(
			array(
				'id'   => 'first',
				'when' => array(),
				'then' => array( 'action' => 'open' ),
			),
			array(
				'id'   => 'second',
				'when' => array(
					array(
						'type'  => 'device',
						'value' => 'desktop',
					),
					array(
						'type'  => 'referrer',
						'op'    => 'regex',
						'value' => $pattern,
					),
				),
				'then' => array(
					'action'     => 'showExperience',
					'experience' => 'experience-1',
				),
			),
		);
	}
}
