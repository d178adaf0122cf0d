<?php
/**
 * Page-fact reduction of Experience rules, against real posts, terms and users.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Frontend\Experiences\PageFacts;
use QualifiedIntegration\Frontend\Experiences\PagePlan;
use QualifiedIntegration\Plugin;

/**
 * Which rules reach which page, with which conditions left.
 */
final class ExperiencesReductionTest extends TestCase {

	/**
	 * A post in the "news" category.
	 *
	 * @var int
	 */
	private $post;

	/**
	 * A page.
	 *
	 * @var int
	 */
	private $page;

	/**
	 * The "news" category.
	 *
	 * @var int
	 */
	private $news;

	/**
	 * Stores a token and creates the content.
	 */
	protected function set_up() {
		parent::set_up();
		$this->store_settings( array( 'token' => 'Tok3n' ) );
		$this->news = (int) wp_insert_term( 'News', 'category', array( 'slug' => 'news' ) )['term_id'];
		$this->post = (int) wp_insert_post(
			array(
				'post_title'  => 'A post',
				'post_status' => 'publish',
			)
		);
		wp_set_post_terms( $this->post, array( $this->news ), 'category' );
		$this->page = (int) wp_insert_post(
			array(
				'post_title'  => 'Pricing',
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
	 * One rule of each page fact, plus a browser-only and a disabled one.
	 *
	 * @return array<int, array<string, mixed>>
	 */
	private function fact_rules(): array {
		$path = array(
			'type'  => 'path',
			'op'    => 'prefix',
			'value' => '/pricing',
		);
		return array(
			array(
				'id'   => 'pages',
				'when' => array(
					array(
						'type'   => 'post_type',
						'values' => array( 'page' ),
					),
					$path,
				),
				'then' => array(
					'action'     => 'showExperience',
					'experience' => 'experience-1',
				),
			),
			array(
				'id'   => 'that-post',
				'when' => array(
					array(
						'type' => 'post',
						'ids'  => array( $this->post ),
					),
				),
				'then' => array( 'action' => 'open' ),
			),
			array(
				'id'   => 'news',
				'when' => array(
					array(
						'type'     => 'term',
						'taxonomy' => 'category',
						'slugs'    => array( 'sport', 'news' ),
					),
				),
				'then' => array(
					'action' => 'identify',
					'fields' => array( 'topic' => 'news' ),
				),
			),
			array(
				'id'   => 'members',
				'when' => array(
					array(
						'type'  => 'logged_in',
						'value' => true,
					),
				),
				'then' => array( 'action' => 'open' ),
			),
			array(
				'id'   => 'editors',
				'when' => array(
					array(
						'type'  => 'role',
						'roles' => array( 'editor' ),
					),
					array(
						'type'  => 'device',
						'value' => 'mobile',
					),
				),
				'then' => array( 'action' => 'hide' ),
			),
			array(
				'id'      => 'off',
				'enabled' => false,
				'when'    => array(),
				'then'    => array( 'action' => 'open' ),
			),
			array(
				'id'   => 'everywhere',
				'when' => array( $path ),
				'then' => array( 'action' => 'open' ),
			),
		);
	}

	/**
	 * The rules a page's printed config carries.
	 *
	 * @param string $url Path and query of the page.
	 * @return array<string, array<int, array<string, mixed>>> Rule id to its remaining conditions.
	 */
	private function printed_rules( string $url ): array {
		$config = json_decode( $this->printed_config_json( $url ), true );
		$result = array();
		foreach ( $config['experiences']['rules'] ?? array() as $rule ) {
			$result[ $rule['id'] ] = $rule['when'];
		}
		return $result;
	}

	public function test_each_page_fact_keeps_or_drops_its_rule_and_only_browser_conditions_remain(): void {
		$this->rules( $this->fact_rules() );
		$path = array(
			array(
				'type'  => 'path',
				'op'    => 'prefix',
				'value' => '/pricing',
			),
		);

		// The post: in "news", not a page; anonymous.
		$this->assertSame(
			array(
				'that-post'  => array(),
				'news'       => array(),
				'everywhere' => $path,
			),
			$this->printed_rules( '/?p=' . $this->post )
		);

		// The page: a page, no terms.
		$this->assertSame(
			array(
				'pages'      => $path,
				'everywhere' => $path,
			),
			$this->printed_rules( '/?page_id=' . $this->page )
		);

		// An archive is about no post: post_type, post and term hold nowhere there.
		$this->assertSame( array( 'everywhere' => $path ), $this->printed_rules( '/?cat=' . $this->news ) );
	}

	public function test_who_is_looking_decides_logged_in_and_role_rules(): void {
		$this->rules( $this->fact_rules() );
		$device = array(
			array(
				'type'  => 'device',
				'value' => 'mobile',
			),
		);

		wp_set_current_user( $this->create_user( 'author' ) );
		$author = $this->printed_rules( '/?page_id=' . $this->page );
		$this->assertSame( array( 'pages', 'members', 'everywhere' ), array_keys( $author ) );
		$this->assertSame( array(), $author['members'] );

		wp_set_current_user( $this->create_user( 'editor' ) );
		$editor = $this->printed_rules( '/?page_id=' . $this->page );
		$this->assertSame( array( 'pages', 'members', 'editors', 'everywhere' ), array_keys( $editor ) );
		$this->assertSame( $device, $editor['editors'] );
	}

	public function test_logged_out_condition_holds_only_for_visitors(): void {
		$this->rules(
			array(
				array(
					'id'   => 'visitors',
					'when' => array(
						array(
							'type'  => 'logged_in',
							'value' => false,
						),
					),
					'then' => array( 'action' => 'open' ),
				),
			)
		);
		$this->assertSame( array( 'visitors' => array() ), $this->printed_rules( '/?p=' . $this->post ) );
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assertSame( array(), $this->printed_rules( '/?p=' . $this->post ) );
	}

	public function test_plan_reports_every_enabled_rule_with_its_page_fact_outcome(): void {
		$this->rules( $this->fact_rules() );
		$plan     = PagePlan::for_settings( Plugin::instance()->settings->get(), new PageFacts( get_post( $this->post ), true, array( 'author' ) ) );
		$outcomes = array();
		foreach ( $plan->results() as $result ) {
			$outcomes[ $result['id'] ] = $result['pageFacts'];
		}
		$this->assertSame(
			array(
				'pages'      => 'no_match',
				'that-post'  => 'match',
				'news'       => 'match',
				'members'    => 'match',
				'editors'    => 'no_match',
				'everywhere' => 'none',
			),
			$outcomes
		);
		$this->assertTrue( $plan->per_user(), 'A role condition decided a rule.' );
		$this->assertFalse( $plan->hidden() );
	}

	public function test_a_term_in_another_taxonomy_or_a_missing_taxonomy_matches_nothing(): void {
		$tag = (int) wp_insert_term( 'news', 'post_tag' )['term_id'];
		$this->assertGreaterThan( 0, $tag );
		$rule = static function ( string $taxonomy ): array {
			return array(
				'id'   => 'tax-' . str_replace( '_', '-', $taxonomy ),
				'when' => array(
					array(
						'type'     => 'term',
						'taxonomy' => $taxonomy,
						'slugs'    => array( 'news' ),
					),
				),
				'then' => array( 'action' => 'open' ),
			);
		};
		$this->rules( array( $rule( 'post_tag' ), $rule( 'no_such_tax' ), $rule( 'category' ) ) );
		$this->assertSame( array( 'tax-category' => array() ), $this->printed_rules( '/?p=' . $this->post ) );
	}

	public function test_malformed_rules_from_a_filter_are_dropped_alone(): void {
		$good     = array(
			'id'   => 'good',
			'when' => array(),
			'then' => array( 'action' => 'open' ),
		);
		$settings = array(
			'experiences' => array(
				'rules' => array(
					'not a rule',
					array( 'id' => 'no-then' ),
					array(
						'id'   => 'unknown-type',
						'when' => array( array( 'type' => 'moon_phase' ) ),
						'then' => array( 'action' => 'open' ),
					),
					array(
						'id'   => 'unknown-action',
						'when' => array(),
						'then' => array( 'action' => 'explode' ),
					),
					array(
						'id'      => 'bad-enabled',
						'enabled' => 'yes',
						'when'    => array(),
						'then'    => array( 'action' => 'open' ),
					),
					$good,
				),
			),
		);
		$plan     = PagePlan::for_settings( $settings, new PageFacts( null, false, array() ) );
		$this->assertSame( array( 'good' ), array_column( $plan->results(), 'id' ) );

		foreach ( array( array(), array( 'experiences' => 'x' ), array( 'experiences' => array( 'rules' => 'x' ) ) ) as $broken ) {
			$this->assertSame( array(), PagePlan::for_settings( $broken, new PageFacts( null, false, array() ) )->results() );
		}
	}
}
