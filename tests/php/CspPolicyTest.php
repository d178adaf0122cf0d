<?php
/**
 * Content Security Policy parsing and matching.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\CspPolicy;

/**
 * CspPolicy answers as a browser would.
 */
final class CspPolicyTest extends TestCase {

	const SELF = 'https://site.example';

	/**
	 * Whether every policy of the headers allows the origin for the directive.
	 *
	 * @param string[] $headers     Header values.
	 * @param string   $directive   Directive checked.
	 * @param string   $origin      Origin.
	 * @param string   $self_origin The page's origin.
	 * @return bool
	 */
	private static function allows( array $headers, string $directive, string $origin, string $self_origin = self::SELF ): bool {
		foreach ( CspPolicy::from_headers( $headers ) as $policy ) {
			if ( ! $policy->allows_origin( $directive, $origin, $self_origin ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Policies, what is asked and the answer.
	 *
	 * @return array<string, array{string[], string, string, bool}>
	 */
	public function data_origins(): array {
		$js   = 'https://js.qualified.com';
		$api  = 'https://*.qualified.com';
		$live = 'wss://*.qualified.com';
		return array(
			'no header'                                 => array( array(), 'script-src-elem', $js, true ),
			'empty header'                              => array( array( '  ' ), 'connect-src', $api, true ),
			'default-src only, self'                    => array( array( "default-src 'self'" ), 'connect-src', $api, false ),
			'default-src only, script'                  => array( array( "default-src 'self'" ), 'script-src-elem', $js, false ),
			'default-src *'                             => array( array( 'default-src *' ), 'connect-src', $live, true ),
			'default-src * for a script'                => array( array( 'default-src *' ), 'script-src-elem', $js, true ),
			'script-src self blocks'                    => array( array( "script-src 'self'" ), 'script-src-elem', $js, false ),
			'script-src self, connect unlimited'        => array( array( "script-src 'self'" ), 'connect-src', $api, true ),
			'script-src with the host'                  => array( array( "script-src 'self' https://js.qualified.com" ), 'script-src-elem', $js, true ),
			'script-src with the host and path dir'     => array( array( 'script-src https://js.qualified.com/' ), 'script-src-elem', $js, true ),
			'script-src with one file only'             => array( array( 'script-src https://js.qualified.com/qualified.js' ), 'script-src-elem', $js, false ),
			'script-src-elem beats script-src'          => array( array( "script-src-elem 'self'; script-src https://js.qualified.com" ), 'script-src-elem', $js, false ),
			'script-src-elem allows'                    => array( array( "script-src-elem https://js.qualified.com; script-src 'self'" ), 'script-src-elem', $js, true ),
			'script-src beats default-src'              => array( array( "default-src 'self'; script-src https://js.qualified.com" ), 'script-src-elem', $js, true ),
			'wildcard host'                             => array( array( 'script-src https://*.qualified.com' ), 'script-src-elem', $js, true ),
			'wildcard covers wildcard'                  => array( array( 'connect-src https://*.qualified.com' ), 'connect-src', $api, true ),
			'wildcard for https only'                   => array( array( 'connect-src https://*.qualified.com' ), 'connect-src', $live, false ),
			'both schemes'                              => array( array( 'connect-src https://*.qualified.com wss://*.qualified.com' ), 'connect-src', $live, true ),
			'broader wildcard'                          => array( array( 'connect-src https://*.com' ), 'connect-src', $api, true ),
			'one subdomain is not every one'            => array( array( 'connect-src https://app.qualified.com' ), 'connect-src', $api, false ),
			'apex is not a subdomain'                   => array( array( 'connect-src https://qualified.com' ), 'connect-src', $api, false ),
			'other domain'                              => array( array( 'connect-src https://*.qualified.co' ), 'connect-src', $api, false ),
			'scheme-only https'                         => array( array( 'connect-src https:' ), 'connect-src', $api, true ),
			'scheme-only https is not wss'              => array( array( 'connect-src https:' ), 'connect-src', $live, false ),
			'scheme-only wss'                           => array( array( 'connect-src wss:' ), 'connect-src', $live, true ),
			'scheme-only http upgrades'                 => array( array( 'img-src http:' ), 'img-src', $api, true ),
			'data: allows no host'                      => array( array( 'img-src data:' ), 'img-src', $api, false ),
			'schemeless host on an https page'          => array( array( 'connect-src *.qualified.com' ), 'connect-src', $live, true ),
			'schemeless host, https'                    => array( array( 'connect-src *.qualified.com' ), 'connect-src', $api, true ),
			'star'                                      => array( array( 'connect-src *' ), 'connect-src', $live, true ),
			'default port written'                      => array( array( 'img-src https://*.qualified.com:443' ), 'img-src', $api, true ),
			'other port'                                => array( array( 'img-src https://*.qualified.com:8443' ), 'img-src', $api, false ),
			'any port'                                  => array( array( 'img-src https://*.qualified.com:*' ), 'img-src', $api, true ),
			'root path'                                 => array( array( 'img-src https://*.qualified.com/' ), 'img-src', $api, true ),
			'a directory only'                          => array( array( 'img-src https://*.qualified.com/img/' ), 'img-src', $api, false ),
			'none'                                      => array( array( "frame-src 'none'" ), 'frame-src', $api, false ),
			'none and a host: the host counts'          => array( array( "frame-src 'none' https://*.qualified.com" ), 'frame-src', $api, true ),
			'frame-src falls back to child-src'         => array( array( "child-src https://*.qualified.com; default-src 'none'" ), 'frame-src', $api, true ),
			'child-src blocks frames'                   => array( array( "child-src 'self'; default-src *" ), 'frame-src', $api, false ),
			'frame-src beats child-src'                 => array( array( "frame-src https://*.qualified.com; child-src 'none'" ), 'frame-src', $api, true ),
			'img-src falls back to default-src'         => array( array( "default-src 'none'" ), 'img-src', $api, false ),
			'self is not enough'                        => array( array( "default-src 'self' 'unsafe-inline'" ), 'connect-src', $api, false ),
			'case-insensitive'                          => array( array( 'CONNECT-SRC HTTPS://*.QUALIFIED.COM' ), 'connect-src', $api, true ),
			'first directive wins'                      => array( array( "connect-src 'self'; connect-src https://*.qualified.com" ), 'connect-src', $api, false ),
			'two policies in one header, second blocks' => array( array( "default-src *, connect-src 'self'" ), 'connect-src', $api, false ),
			'two policies in one header, both allow'    => array( array( 'default-src *, connect-src https:' ), 'connect-src', $api, true ),
			'two headers, second blocks'                => array( array( 'default-src *', "img-src 'self'" ), 'img-src', $api, false ),
			'strict-dynamic ignores hosts'              => array( array( "script-src 'nonce-abc' 'strict-dynamic' https://js.qualified.com" ), 'script-src-elem', $js, false ),
			'strict-dynamic does not touch connect-src' => array( array( "script-src 'nonce-abc' 'strict-dynamic'; connect-src https://*.qualified.com wss://*.qualified.com" ), 'connect-src', $live, true ),
			'other directives do not matter'            => array( array( "style-src 'self'; font-src 'none'; frame-ancestors 'none'" ), 'script-src-elem', $js, true ),
		);
	}

	/**
	 * Each policy gives the browser's answer.
	 *
	 * @dataProvider data_origins
	 *
	 * @param string[] $headers   Header values.
	 * @param string   $directive Directive.
	 * @param string   $origin    Origin asked for.
	 * @param bool     $expected  Whether it is allowed.
	 */
	public function test_origin_matching( array $headers, string $directive, string $origin, bool $expected ): void {
		$this->assertSame( $expected, self::allows( $headers, $directive, $origin ) );
	}

	public function test_self_allows_a_stand_in_on_the_site_itself(): void {
		$this->assertTrue( self::allows( array( "script-src 'self'" ), 'script-src-elem', 'http://127.0.0.1:8889', 'http://127.0.0.1:8889' ) );
		$this->assertFalse( self::allows( array( "script-src 'self'" ), 'script-src-elem', 'http://127.0.0.1:9999', 'http://127.0.0.1:8889' ), 'Another port.' );
		$this->assertTrue( self::allows( array( "script-src 'self'" ), 'script-src-elem', 'https://site.example', 'http://site.example' ), 'An upgrade to https.' );
		$this->assertFalse( self::allows( array( "script-src 'self'" ), 'script-src-elem', 'http://site.example', 'https://site.example' ), 'Not a downgrade.' );
		$this->assertFalse( self::allows( array( 'connect-src site.example' ), 'connect-src', 'http://site.example', 'https://site.example' ), 'A scheme-less source takes the page\'s scheme.' );
	}

	public function test_the_effective_directive_is_reported(): void {
		$policy = new CspPolicy( "default-src 'self'; child-src https:" );
		$this->assertSame( 'child-src', $policy->effective( 'frame-src' )['directive'] ?? null );
		$this->assertSame( 'default-src', $policy->effective( 'connect-src' )['directive'] ?? null );
		$this->assertNull( ( new CspPolicy( 'img-src *' ) )->effective( 'connect-src' ) );
	}

	/**
	 * Inline script cases: policy, nonce, text, allowed.
	 *
	 * @return array<string, array{string, string|null, bool}>
	 */
	public function data_inline(): array {
		$hash = base64_encode( hash( 'sha256', 'window.stub = 1;', true ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
		return array(
			'no script directive'                 => array( "img-src 'self'", null, true ),
			'unsafe-inline'                       => array( "script-src 'self' 'unsafe-inline'", null, true ),
			'default-src unsafe-inline'           => array( "default-src 'self' 'unsafe-inline'", null, true ),
			'self only'                           => array( "script-src 'self'", null, false ),
			'nonce, tag without it'               => array( "script-src 'nonce-R4nd0m'", null, false ),
			'nonce, tag with it'                  => array( "script-src 'nonce-R4nd0m'", 'R4nd0m', true ),
			'nonce, tag with another'             => array( "script-src 'nonce-R4nd0m'", 'r4nd0m', false ),
			'nonce disables unsafe-inline'        => array( "script-src 'unsafe-inline' 'nonce-R4nd0m'", null, false ),
			'hash of the text'                    => array( "script-src 'sha256-$hash'", null, true ),
			'hash, url-safe alphabet'             => array( "script-src 'sha256-" . strtr( $hash, '+/', '-_' ) . "'", null, true ),
			'another hash disables unsafe-inline' => array( "script-src 'unsafe-inline' 'sha256-AAAA'", null, false ),
			'strict-dynamic with the nonce'       => array( "script-src 'nonce-R4nd0m' 'strict-dynamic' 'unsafe-inline'", 'R4nd0m', true ),
			'strict-dynamic without the nonce'    => array( "script-src 'nonce-R4nd0m' 'strict-dynamic' 'unsafe-inline'", null, false ),
			'script-src-elem beats script-src'    => array( "script-src 'unsafe-inline'; script-src-elem 'self'", null, false ),
		);
	}

	/**
	 * Inline scripts run as a browser decides.
	 *
	 * @dataProvider data_inline
	 *
	 * @param string      $policy   Policy.
	 * @param string|null $nonce    The tag's nonce.
	 * @param bool        $expected Whether it runs.
	 */
	public function test_inline_scripts( string $policy, ?string $nonce, bool $expected ): void {
		$this->assertSame( $expected, ( new CspPolicy( $policy ) )->allows_inline( 'script-src-elem', $nonce, 'window.stub = 1;' ) );
	}

	public function test_script_tags_by_nonce_or_url(): void {
		$url    = 'https://js.qualified.com/qualified.js?token=Tok3n';
		$strict = new CspPolicy( "script-src 'nonce-N0nce' 'strict-dynamic' https://js.qualified.com" );
		$this->assertTrue( $strict->allows_script_tag( 'script-src-elem', $url, 'N0nce', self::SELF ) );
		$this->assertFalse( $strict->allows_script_tag( 'script-src-elem', $url, null, self::SELF ), 'Hosts do not count under strict-dynamic.' );

		$hosts = new CspPolicy( "script-src 'self' https://js.qualified.com" );
		$this->assertTrue( $hosts->allows_script_tag( 'script-src-elem', $url, null, self::SELF ) );
		$this->assertTrue( $hosts->allows_script_tag( 'script-src-elem', self::SELF . '/wp-content/plugins/qualified-integration/build/frontend.js?ver=1', null, self::SELF ) );
		$this->assertFalse( $hosts->allows_script_tag( 'script-src-elem', 'https://cdn.example/frontend.js', null, self::SELF ) );
	}
}
