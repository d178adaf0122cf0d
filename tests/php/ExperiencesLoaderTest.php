<?php
/**
 * The Experiences part of the printed page: config block, hide before output,
 * the held vendor script, escaping, cache headers, no added query.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Frontend\ScriptUrl;
use QualifiedIntegration\Plugin;

/**
 * Rendered-head tests for Experience rules and the per-post override.
 */
final class ExperiencesLoaderTest extends TestCase {

	const PAYLOAD = "</script><script>alert(1)</script> it's \"quoted\" & <b>\u{2028}line";

	/**
	 * A page.
	 *
	 * @var int
	 */
	private $page;

	/**
	 * Stores a token and creates a page.
	 */
	protected function set_up() {
		parent::set_up();
		$this->store_settings( array( 'token' => 'Tok3n' ) );
		$this->page = (int) wp_insert_post(
			array(
				'post_title'  => 'Careers',
				'post_type'   => 'page',
				'post_status' => 'publish',
			)
		);
	}

	/**
	 * Stores rules and checks the settings kept them as given.
	 *
	 * @param array<int, array<string, mixed>> $rules Rules.
	 * @param bool                             $spa   SPA navigation.
	 */
	private function rules( array $rules, bool $spa = false ): void {
		$experiences = array(
			'spa'   => $spa,
			'rules' => $rules,
		);
		$this->store_settings( array( 'experiences' => $experiences ) );
		$this->assertSame( $experiences, Plugin::instance()->settings->get()['experiences'], 'Stored as given.' );
	}

	/**
	 * A rule.
	 *
	 * @param string                           $id     Rule id.
	 * @param array<string, mixed>             $then   Action.
	 * @param array<int, array<string, mixed>> $when   Conditions.
	 * @param array<string, mixed>             $extra  Other keys.
	 * @return array<string, mixed>
	 */
	private static function rule( string $id, array $then, array $when = array(), array $extra = array() ): array {
		return array_merge(
			array( 'id' => $id ),
			$extra,
			array(
				'when' => $when,
				'then' => $then,
			)
		);
	}

	/**
	 * The page-fact condition "this is a page".
	 *
	 * @return array<string, mixed>
	 */
	private static function on_pages(): array {
		return array(
			'type'   => 'post_type',
			'values' => array( 'page' ),
		);
	}

	/**
	 * A browser condition.
	 *
	 * @param string $value Path prefix.
	 * @return array<string, mixed>
	 */
	private static function path( string $value ): array {
		return array(
			'type'  => 'path',
			'op'    => 'prefix',
			'value' => $value,
		);
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

	/**
	 * Asserts the head carries nothing of Qualified.
	 *
	 * @param string $head Rendered head.
	 */
	private function assertNothingPrinted( string $head ): void {
		$this->assertStringNotContainsString( 'qualified-integration', $head );
		$this->assertStringNotContainsString( 'qualified.js', $head );
		$this->assertStringNotContainsString( 'QualifiedObject', $head );
		$this->assertStringNotContainsString( Loader::CONFIG_GLOBAL, $head );
	}

	/**
	 * Asserts the head has the stub, the config and the runtime, and whether qualified.js is enqueued.
	 *
	 * @param string $head   Rendered head.
	 * @param bool   $vendor Whether the vendor script tag must be there.
	 */
	private function assertLoaded( string $head, bool $vendor ): void {
		$scripts = ScriptTags::all( $head );
		$this->assertGreaterThanOrEqual( 0, ScriptTags::index_of( $scripts, 'QualifiedObject' ), $head );
		$this->assertGreaterThanOrEqual( 0, ScriptTags::index_of( $scripts, 'build/frontend.js' ), $head );
		$this->assertSame( $vendor ? 1 : 0, self::vendor_tags( $head ), $head );
	}

	public function test_experiences_block_has_the_contract_shape(): void {
		update_option( 'timezone_string', 'Europe/Paris' );
		$this->rules(
			array(
				self::rule(
					'pricing',
					array(
						'action'         => 'showExperience',
						'experience'     => 'experience-1234',
						'startCollapsed' => true,
					),
					array(
						self::on_pages(),
						array(
							'type'  => 'query',
							'key'   => 'utm_source',
							'op'    => 'equals',
							'value' => 'linkedin',
						),
					),
					array( 'label' => 'Pricing from LinkedIn' )
				),
				self::rule(
					'greet',
					array(
						'action' => 'identify',
						'fields' => array( 'plan' => 'pro' ),
					),
					array( self::on_pages() ),
					array(
						'oncePerVisit' => true,
						'enabled'      => true,
					)
				),
				self::rule( 'never', array( 'action' => 'open' ), array(), array( 'enabled' => false ) ),
			),
			true
		);
		$config = $this->printed_config( $this->head_of( '/?page_id=' . $this->page ) );
		$this->assertSame(
			array(
				'spa'      => true,
				'timezone' => 'Europe/Paris',
				'rules'    => array(
					array(
						'id'   => 'pricing',
						'when' => array(
							array(
								'type'  => 'query',
								'key'   => 'utm_source',
								'op'    => 'equals',
								'value' => 'linkedin',
							),
						),
						'then' => array(
							'action'         => 'showExperience',
							'experience'     => 'experience-1234',
							'startCollapsed' => true,
						),
					),
					array(
						'id'   => 'greet',
						'when' => array(),
						'then' => array(
							'action' => 'identify',
							'fields' => array( 'plan' => 'pro' ),
						),
						'once' => true,
					),
				),
			),
			$config['experiences']
		);
	}

	public function test_timezone_is_an_offset_when_the_site_has_no_zone_name(): void {
		update_option( 'timezone_string', '' );
		update_option( 'gmt_offset', 5.5 );
		$this->rules( array( self::rule( 'any', array( 'action' => 'open' ) ) ) );
		$this->assertSame( '+05:30', $this->printed_config( $this->head_of( '/' ) )['experiences']['timezone'] );
	}

	public function test_no_experiences_key_when_no_rule_reaches_the_page_and_no_override(): void {
		$this->rules( array( self::rule( 'pages-only', array( 'action' => 'open' ), array( self::on_pages() ) ) ) );
		$this->assertArrayNotHasKey( 'experiences', $this->printed_config( $this->head_of( '/' ) ) );
		$this->assertArrayHasKey( 'experiences', $this->printed_config( $this->head_of( '/?page_id=' . $this->page ) ) );
	}

	public function test_a_hide_decided_by_page_facts_prints_nothing_at_all(): void {
		$this->rules(
			array(
				self::rule( 'identify-first', array( 'action' => 'open' ), array( self::path( '/x' ) ) ),
				self::rule( 'careers', array( 'action' => 'hide' ), array( self::on_pages() ) ),
			)
		);
		$decided = array();
		add_filter(
			'qualified_integration_should_load',
			static function ( $load ) use ( &$decided ) {
				$decided[] = $load;
				return $load;
			}
		);
		$this->assertNothingPrinted( $this->head_of( '/?page_id=' . $this->page ) );
		$this->assertSame( array( false ), $decided, 'Decided once, before any output, as "do not load".' );

		// Elsewhere the hide rule does not reach the page: Qualified loads, qualified.js is not held.
		$other = $this->head_of( '/' );
		$this->assertLoaded( $other, true );
		$this->assertArrayNotHasKey( 'loading', $this->printed_config( $other ) );
	}

	public function test_an_empty_hide_rule_hides_everywhere(): void {
		$this->rules( array( self::rule( 'off', array( 'action' => 'hide' ) ) ) );
		$this->assertNothingPrinted( $this->head_of( '/' ) );
		$this->assertNothingPrinted( $this->head_of( '/?page_id=' . $this->page ) );
	}

	public function test_the_override_hide_prints_nothing(): void {
		update_post_meta( $this->page, PageOverride::META_KEY, array( 'hide' => true ) );
		$this->assertNothingPrinted( $this->head_of( '/?page_id=' . $this->page ) );
		$this->assertLoaded( $this->head_of( '/' ), true );
	}

	public function test_a_conditional_hide_holds_the_vendor_script_for_the_runtime(): void {
		$this->rules( array( self::rule( 'careers', array( 'action' => 'hide' ), array( self::path( '/careers' ) ) ) ) );
		$head = $this->head_of( '/?page_id=' . $this->page );
		$this->assertLoaded( $head, false );
		$config = $this->printed_config( $head );
		$this->assertSame( ScriptUrl::for_token( 'Tok3n' ), $config['loading']['src'] );
		$this->assertSame(
			array(
				'src'      => 'https://js.qualified.com/qualified.js?token=Tok3n',
				'strategy' => 'immediate',
			),
			$config['loading'],
			'Held for the hide rule alone: the runtime adds it at once when no hide applies.'
		);
	}

	/**
	 * Rule lists where page facts cannot decide the hide for every visitor.
	 *
	 * @return array<string, array{0: array<int, array<string, mixed>>}>
	 */
	public function data_hides_left_to_the_runtime(): array {
		$hide = array( 'action' => 'hide' );
		$show = array(
			'action'     => 'showExperience',
			'experience' => 'experience-7',
		);
		return array(
			'a conditional showExperience comes first'    => array(
				array(
					self::rule( 'show', $show, array( self::path( '/pricing' ) ) ),
					self::rule( 'hide', $hide ),
				),
			),
			'an unconditional showExperience comes first' => array(
				array(
					self::rule( 'show', $show ),
					self::rule( 'hide', $hide ),
				),
			),
			'the hide fires once per visit'               => array(
				array( self::rule( 'hide', $hide, array(), array( 'oncePerVisit' => true ) ) ),
			),
		);
	}

	/**
	 * Qualified loads with qualified.js held when a hide might not apply.
	 *
	 * @dataProvider data_hides_left_to_the_runtime
	 *
	 * @param array<int, array<string, mixed>> $rules Rules.
	 */
	public function test_hides_the_runtime_decides_hold_the_vendor( array $rules ): void {
		$this->rules( $rules );
		$head = $this->head_of( '/?page_id=' . $this->page );
		$this->assertLoaded( $head, false );
		$config = $this->printed_config( $head );
		$this->assertSame( array_column( $rules, 'id' ), array_column( $config['experiences']['rules'], 'id' ) );
		$this->assertStringContainsString( 'qualified.js?token=Tok3n', $config['loading']['src'] );
	}

	public function test_without_hide_rules_the_vendor_loads_as_usual(): void {
		$this->rules( array( self::rule( 'open', array( 'action' => 'open' ), array( self::path( '/demo' ) ) ) ) );
		$head = $this->head_of( '/' );
		$this->assertLoaded( $head, true );
		$this->assertArrayNotHasKey( 'loading', $this->printed_config( $head ) );
	}

	public function test_an_override_experience_beats_hide_and_show_rules(): void {
		$this->rules(
			array(
				self::rule( 'hide-all', array( 'action' => 'hide' ) ),
				self::rule( 'open', array( 'action' => 'open' ), array( self::path( '/x' ) ) ),
			)
		);
		update_post_meta(
			$this->page,
			PageOverride::META_KEY,
			array(
				'experience'     => 'experience-42',
				'startCollapsed' => true,
				'open'           => true,
				'junk'           => '</script>',
			)
		);
		$head = $this->head_of( '/?page_id=' . $this->page );
		$this->assertLoaded( $head, true );
		$experiences = $this->printed_config( $head )['experiences'];
		$this->assertSame(
			array(
				'experience'     => 'experience-42',
				'startCollapsed' => true,
				'open'           => true,
			),
			$experiences['override']
		);
		$this->assertSame( array( 'open' ), array_column( $experiences['rules'], 'id' ) );
		$this->assertArrayNotHasKey( 'loading', $this->printed_config( $head ) );

		// The same rules hide every other page.
		$this->assertNothingPrinted( $this->head_of( '/' ) );
	}

	public function test_an_override_alone_reaches_the_page(): void {
		update_post_meta( $this->page, PageOverride::META_KEY, array( 'open' => true ) );
		$this->assertSame(
			array(
				'spa'      => false,
				'timezone' => wp_timezone_string(),
				'rules'    => array(),
				'override' => array( 'open' => true ),
			),
			$this->printed_config( $this->head_of( '/?page_id=' . $this->page ) )['experiences']
		);
	}

	public function test_what_a_page_config_filter_returns_is_cleaned_for_the_runtime(): void {
		$this->rules( array( self::rule( 'stored', array( 'action' => 'open' ), array( self::path( '/' ) ), array( 'oncePerVisit' => true ) ) ) );
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ) {
				$config['experiences']['spa']      = 'yes';
				$config['experiences']['timezone'] = 7;
				$config['experiences']['override'] = array(
					'experience' => 'not an api name',
					'open'       => true,
					'hide'       => true,
					'extra'      => 'x',
				);
				$config['loading']                 = array( 'src' => 'javascript:alert(1)' );
				$config['experiences']['rules'][]  = null;
				$config['experiences']['rules'][]  = array(
					'id'   => 'extra-keys',
					'when' => array(
						array(
							'type'  => 'path',
							'op'    => 'equals',
							'value' => '/x/',
							'junk'  => true,
						),
					),
					'then' => array(
						'action'     => 'showExperience',
						'experience' => 'experience-2',
						'junk'       => true,
					),
					'once' => true,
				);
				$config['experiences']['rules'][]  = array(
					'id'   => 'page-fact',
					'when' => array(
						array(
							'type'   => 'post_type',
							'values' => array( 'page' ),
						),
					),
					'then' => array( 'action' => 'open' ),
				);
				$config['experiences']['rules'][]  = array(
					'id'   => 'unknown-action',
					'when' => array(),
					'then' => array( 'action' => 'launch' ),
				);
				$config['experiences']['rules'][]  = array(
					'when' => array(),
					'then' => array( 'action' => 'open' ),
				);
				return $config;
			}
		);

		$this->assertSame(
			array(
				'spa'      => false,
				'timezone' => wp_timezone_string(),
				'rules'    => array(
					array(
						'id'   => 'stored',
						'when' => array( self::path( '/' ) ),
						'then' => array( 'action' => 'open' ),
						'once' => true,
					),
					array(
						'id'   => 'extra-keys',
						'when' => array(
							array(
								'type'  => 'path',
								'op'    => 'equals',
								'value' => '/x/',
							),
						),
						'then' => array(
							'action'     => 'showExperience',
							'experience' => 'experience-2',
						),
						'once' => true,
					),
				),
				'override' => array( 'open' => true ),
			),
			$this->printed_config( $this->head_of( '/' ) )['experiences']
		);
		$this->assertArrayNotHasKey( 'loading', $this->printed_config( $this->head_of( '/' ) ), 'qualified.js is in the HTML: a filter cannot hold it back (nor make the runtime add it twice).' );
	}

	public function test_a_page_config_filter_that_breaks_experiences_removes_them(): void {
		$this->rules( array( self::rule( 'stored', array( 'action' => 'open' ) ) ) );
		add_filter(
			'qualified_integration_page_config',
			static function ( array $config ) {
				$config['experiences'] = 'none';
				return $config;
			}
		);
		$this->assertArrayNotHasKey( 'experiences', $this->printed_config( $this->head_of( '/' ) ) );
	}

	public function test_hostile_labels_values_and_fields_are_emitted_inert(): void {
		$this->rules(
			array(
				self::rule(
					'hostile',
					array(
						'action' => 'identify',
						'fields' => array( 'campaign' => self::PAYLOAD ),
					),
					array(
						array(
							'type'  => 'query',
							'key'   => 'utm_source',
							'op'    => 'equals',
							'value' => self::PAYLOAD,
						),
					),
					array( 'label' => self::PAYLOAD . ' label' )
				),
			)
		);
		$head = $this->head_of( '/' );

		$this->assertStringNotContainsString( '</script><script>alert(1)', $head );
		$this->assertStringNotContainsString( "\u{2028}", $head );
		$this->assertStringNotContainsString( '"quoted"', $head );
		$this->assertStringNotContainsString( "it's", $head );
		$this->assertStringNotContainsString( ' label', $head, 'Labels never reach the page.' );
		$this->assertSame( 2, substr_count( $head, '\u003C\/script\u003E\u003Cscript\u003Ealert(1)' ), 'The value and the field, escaped.' );
		$rule = $this->printed_config( $head )['experiences']['rules'][0];
		$this->assertSame( self::PAYLOAD, $rule['when'][0]['value'] );
		$this->assertSame( self::PAYLOAD, $rule['then']['fields']['campaign'] );
		$this->assertArrayNotHasKey( 'label', $rule );
	}

	public function test_pages_decided_by_who_is_looking_are_private(): void {
		$headers = function ( string $url ): array {
			$this->go_to( $url );
			return apply_filters( 'wp_headers', array( 'Cache-Control' => 'public, max-age=600' ), $GLOBALS['wp'] );
		};
		$public  = array( 'Cache-Control' => 'public, max-age=600' );
		$private = array( 'Cache-Control' => 'private, max-age=600' );
		$this->rules(
			array(
				self::rule(
					'editors-on-pages',
					array( 'action' => 'open' ),
					array(
						self::on_pages(),
						array(
							'type'  => 'role',
							'roles' => array( 'editor' ),
						),
					)
				),
			)
		);

		// Anonymous pages stay cacheable.
		$this->assertSame( $public, $headers( '/?page_id=' . $this->page ) );

		// The rule reaches an editor's page and not an author's: both differ by user.
		wp_set_current_user( $this->create_user( 'editor' ) );
		$this->assertSame( $private, $headers( '/?page_id=' . $this->page ) );
		wp_set_current_user( $this->create_user( 'author' ) );
		$this->assertSame( $private, $headers( '/?page_id=' . $this->page ) );

		// Where the other page facts already drop the rule, the user changed nothing.
		$this->assertSame( $public, $headers( '/' ) );
	}

	public function test_logged_in_pages_without_user_conditions_keep_their_headers(): void {
		$this->rules( array( self::rule( 'pages', array( 'action' => 'open' ), array( self::on_pages() ) ) ) );
		wp_set_current_user( $this->create_user( 'editor' ) );
		$this->go_to( '/?page_id=' . $this->page );
		$this->assertSame(
			array( 'Cache-Control' => 'public, max-age=600' ),
			apply_filters( 'wp_headers', array( 'Cache-Control' => 'public, max-age=600' ), $GLOBALS['wp'] )
		);
	}

	public function test_reading_the_override_and_reducing_rules_add_no_query(): void {
		global $wpdb;
		$term = (int) wp_insert_term( 'Jobs', 'category' )['term_id'];
		$post = (int) wp_insert_post(
			array(
				'post_title'  => 'Hiring',
				'post_status' => 'publish',
			)
		);
		wp_set_post_terms( $post, array( $term ), 'category' );
		update_post_meta(
			$post,
			PageOverride::META_KEY,
			array(
				'experience' => 'experience-9',
				'open'       => true,
			)
		);
		$rules = array(
			self::rule(
				'jobs',
				array( 'action' => 'open' ),
				array(
					array(
						'type'     => 'term',
						'taxonomy' => 'category',
						'slugs'    => array( 'jobs' ),
					),
					array(
						'type'   => 'post_type',
						'values' => array( 'post' ),
					),
				)
			),
			self::rule( 'pages', array( 'action' => 'open' ), array( self::on_pages() ) ),
		);
		$this->rules( $rules );

		// With the override (the post), and without one (the page).
		foreach ( array( '/?p=' . $post, '/?page_id=' . $this->page ) as $url ) {
			$this->store_settings( array( 'enabled' => false ) );
			$this->go_to( $url );
			$this->count_queries_of_head();
			$without = $this->count_queries_of_head();
			$this->store_settings( array( 'enabled' => true ) );
			$this->go_to( $url );
			$with = $this->count_queries_of_head( $head );

			$this->assertStringContainsString( '"experiences":', $head );
			$this->assertSame( $without, $with, "$url. Last query: " . $wpdb->last_query );
		}
		$this->assertStringContainsString( '"override":{"experience":"experience-9","startCollapsed":false,"open":true}', $this->head_of( '/?p=' . $post ) );
	}

	/**
	 * Renders <head> from a clean script registry and counts the queries it ran.
	 *
	 * @param string|null $head Receives the rendered head.
	 * @return int
	 */
	private function count_queries_of_head( &$head = null ): int {
		global $wpdb;
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		Plugin::instance()->loader->reset();
		$before = $wpdb->num_queries;
		$head   = $this->render_head();
		return $wpdb->num_queries - $before;
	}
}
