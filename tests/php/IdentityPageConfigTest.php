<?php
/**
 * The identity part of the printed page config: shape, cache safety, escaping.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Plugin;

/**
 * Page-config tests, through the rendered <head>.
 */
final class IdentityPageConfigTest extends TestCase {

	const PAYLOAD = "</script><script>alert(1)</script> it's \"quoted\" & <b>\u{2028}line";

	/**
	 * Stores a token so the loader prints.
	 */
	protected function set_up() {
		parent::set_up();
		$this->store_settings( array( 'token' => 'Tok3n' ) );
	}

	/**
	 * Stores mappings.
	 *
	 * @param array<int, array<string, string>> $mappings Mappings.
	 */
	private function map( array $mappings ): void {
		$this->store_settings( array( 'identity' => array( 'mappings' => $mappings ) ) );
		$this->assertSame( $mappings, Plugin::instance()->settings->get()['identity']['mappings'], 'Stored as given.' );
	}

	/**
	 * Renders the head again from a clean script registry, as a new request would.
	 *
	 * @return string
	 */
	private function fresh_head(): string {
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		Plugin::instance()->loader->reset();
		return $this->render_head();
	}

	/**
	 * The config object the head prints, parsed back from its script.
	 *
	 * @param string $head Rendered head.
	 * @return array<string, mixed>
	 */
	private function printed_config( string $head ): array {
		$prefix = 'window.' . Loader::CONFIG_GLOBAL . ' = ';
		$this->assertSame( 1, substr_count( $head, $prefix ), $head );
		$start = strpos( $head, $prefix ) + strlen( $prefix );
		$end   = strpos( $head, ";\n", $start );
		$this->assertNotFalse( $end, $head );
		$config = json_decode( substr( $head, $start, $end - $start ), true );
		$this->assertIsArray( $config, $head );
		return $config;
	}

	public function test_no_identity_key_when_nothing_applies(): void {
		$this->assertSame( array( 'calls' => array() ), $this->printed_config( $this->render_head() ) );

		// A user.* mapping on an anonymous page applies to nothing.
		$this->map(
			array(
				array(
					'field'  => 'email',
					'source' => 'user.email',
				),
			)
		);
		$this->assertSame( array( 'calls' => array() ), $this->printed_config( $this->fresh_head() ) );
	}

	public function test_identity_shape_with_server_and_browser_mappings(): void {
		$this->map(
			array(
				array(
					'field'  => 'lead_source',
					'source' => 'static',
					'value'  => 'Website',
				),
				array(
					'field'   => 'utm_campaign',
					'source'  => 'query',
					'key'     => 'utm_campaign',
					'persist' => 'first',
				),
			)
		);
		$head = $this->render_head();
		$this->assertSame(
			array(
				'calls'    => array(),
				'identity' => array(
					'fields'  => array( 'lead_source' => 'Website' ),
					'browser' => array(
						array(
							'field'   => 'utm_campaign',
							'source'  => 'query',
							'key'     => 'utm_campaign',
							'persist' => 'first',
						),
					),
				),
			),
			$this->printed_config( $head )
		);
	}

	public function test_fields_stay_an_object_when_only_browser_mappings_apply(): void {
		$this->map(
			array(
				array(
					'field'  => 'ref',
					'source' => 'referrer',
				),
			)
		);
		$this->assertStringContainsString( '"identity":{"fields":{},"browser":[{"field":"ref","source":"referrer"}]}', $this->render_head() );
	}

	public function test_anonymous_html_holds_no_user_data_and_no_nonce(): void {
		$user = $this->create_user( 'subscriber' );
		$this->map(
			array(
				array(
					'field'  => 'email',
					'source' => 'user.email',
				),
				array(
					'field'  => 'login',
					'source' => 'user.login',
				),
			)
		);
		$email = get_userdata( $user )->user_email;

		$anonymous = $this->render_head();
		$this->assertStringContainsString( 'qualified.js?token=Tok3n', $anonymous );
		$this->assertStringNotContainsString( $email, $anonymous );
		$this->assertStringNotContainsString( '"email"', $anonymous );
		foreach ( array( '_wpnonce', 'wpApiSettings', 'nonce', wp_create_nonce( 'wp_rest' ) ) as $needle ) {
			$this->assertStringNotContainsString( $needle, $anonymous );
		}
		$this->assertArrayNotHasKey( 'identity', $this->printed_config( $anonymous ) );

		wp_set_current_user( $user );
		$logged_in = $this->fresh_head();
		$this->assertSame(
			array(
				'email' => $email,
				'login' => get_userdata( $user )->user_login,
			),
			$this->printed_config( $logged_in )['identity']['fields']
		);
		// JSON-escaped for a script: "@" is plain, but the quotes around it are the JSON ones.
		$this->assertStringContainsString( '"email":"' . $email . '"', $logged_in );
	}

	public function test_logged_in_pages_with_user_mappings_are_private(): void {
		$headers = static function ( array $headers = array() ) {
			return apply_filters( 'wp_headers', $headers, $GLOBALS['wp'] );
		};
		$this->map(
			array(
				array(
					'field'  => 'email',
					'source' => 'user.email',
				),
			)
		);

		// Anonymous: untouched, so full-page caches keep working.
		$this->assertSame( array( 'Cache-Control' => 'public, max-age=600' ), $headers( array( 'Cache-Control' => 'public, max-age=600' ) ) );

		wp_set_current_user( $this->create_user( 'subscriber' ) );
		// Even when a caching plugin rewrote core's header to public, the page is private.
		$this->assertSame( array( 'Cache-Control' => 'private, max-age=600' ), $headers( array( 'Cache-Control' => 'public, max-age=600' ) ) );
		$this->assertSame( array( 'Cache-Control' => 'private' ), $headers() );
		$private = $headers( wp_get_nocache_headers() );
		$this->assertSame( 1, substr_count( $private['Cache-Control'], 'private' ), $private['Cache-Control'] );

		// The real send_headers() path: the filter result is what core would send.
		$sent = null;
		add_filter(
			'wp_headers',
			static function ( $headers ) use ( &$sent ) {
				$sent = $headers;
				return $headers;
			},
			PHP_INT_MAX
		);
		$GLOBALS['wp']->send_headers();
		$this->assertStringContainsString( 'private', $sent['Cache-Control'] );
		$this->assertStringNotContainsString( 'public', $sent['Cache-Control'] );
	}

	public function test_logged_in_pages_without_user_mappings_keep_their_headers(): void {
		$this->map(
			array(
				array(
					'field'  => 'lead_source',
					'source' => 'static',
					'value'  => 'Website',
				),
			)
		);
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assertSame(
			array( 'Cache-Control' => 'public, max-age=600' ),
			apply_filters( 'wp_headers', array( 'Cache-Control' => 'public, max-age=600' ), $GLOBALS['wp'] )
		);
	}

	public function test_hostile_meta_values_are_emitted_inert(): void {
		$user = $this->create_user( 'subscriber' );
		update_user_meta( $user, 'company', self::PAYLOAD );
		$post = wp_insert_post(
			array(
				'post_title'  => 'Hostile',
				'post_status' => 'publish',
			)
		);
		$this->assertIsInt( $post );
		update_post_meta( $post, 'campaign', wp_slash( self::PAYLOAD ) );
		$this->map(
			array(
				array(
					'field'  => 'company',
					'source' => 'user.meta',
					'key'    => 'company',
				),
				array(
					'field'  => 'campaign',
					'source' => 'post.meta',
					'key'    => 'campaign',
				),
				array(
					'field'  => 'fixed',
					'source' => 'static',
					'value'  => self::PAYLOAD,
				),
				array(
					'field'  => 'from_query',
					'source' => 'query',
					'key'    => self::PAYLOAD,
				),
			)
		);
		wp_set_current_user( $user );
		$this->go_to( '/?p=' . $post );
		$head = $this->render_head();

		$this->assertStringNotContainsString( '</script><script>alert(1)', $head );
		$this->assertStringNotContainsString( "\u{2028}", $head );
		$this->assertStringNotContainsString( '"quoted"', $head );
		$this->assertStringNotContainsString( "it's", $head );
		$this->assertStringContainsString( '\u003C\/script\u003E\u003Cscript\u003Ealert(1)', $head );
		$identity = $this->printed_config( $head )['identity'];
		$this->assertSame(
			array(
				'company'  => self::PAYLOAD,
				'campaign' => self::PAYLOAD,
				'fixed'    => self::PAYLOAD,
			),
			$identity['fields']
		);
		$this->assertSame( self::PAYLOAD, $identity['browser'][0]['key'] );
	}

	public function test_page_config_filter_still_works_and_sees_identity(): void {
		$this->map(
			array(
				array(
					'field'  => 'lead_source',
					'source' => 'static',
					'value'  => 'Website',
				),
			)
		);
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ) {
				$config['calls'][]                     = array( 'showExperience', 'experience-1' );
				$config['identity']['fields']['extra'] = 'added';
				return $config;
			}
		);
		$config = $this->printed_config( $this->render_head() );
		$this->assertSame( array( array( 'showExperience', 'experience-1' ) ), $config['calls'] );
		$this->assertSame(
			array(
				'lead_source' => 'Website',
				'extra'       => 'added',
			),
			$config['identity']['fields']
		);
	}

	public function test_browser_mappings_a_filter_returns_are_cleaned_for_the_runtime(): void {
		$this->map(
			array(
				array(
					'field'   => 'utm',
					'source'  => 'query',
					'key'     => 'utm_source',
					'persist' => 'first',
				),
			)
		);
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ) {
				$config['identity']['browser'][] = null;
				$config['identity']['browser'][] = 'query';
				$config['identity']['browser'][] = array(
					'field'  => 'email',
					'source' => 'user.email',
				);
				$config['identity']['browser'][] = array(
					'field'  => 'proto',
					'source' => 'toString',
				);
				$config['identity']['browser'][] = array(
					'field'  => '',
					'source' => 'referrer',
				);
				$config['identity']['browser'][] = array(
					'field'  => 'no_key',
					'source' => 'cookie',
				);
				$config['identity']['browser'][] = array(
					'field'   => 'ref',
					'source'  => 'referrer',
					'persist' => 'sometimes',
					'key'     => 'ignored',
					'extra'   => 'x',
				);
				return $config;
			}
		);
		$this->assertSame(
			array(
				array(
					'field'   => 'utm',
					'source'  => 'query',
					'key'     => 'utm_source',
					'persist' => 'first',
				),
				array(
					'field'  => 'ref',
					'source' => 'referrer',
				),
			),
			$this->printed_config( $this->render_head() )['identity']['browser']
		);
	}

	public function test_identify_filter_reaches_the_page_without_mappings(): void {
		add_filter(
			'qualified_integration_identify',
			static function ( array $fields ) {
				$fields['plan'] = 'pro';
				return $fields;
			}
		);
		$this->assertSame(
			array(
				'fields'  => array( 'plan' => 'pro' ),
				'browser' => array(),
			),
			$this->printed_config( $this->render_head() )['identity']
		);
	}
}
