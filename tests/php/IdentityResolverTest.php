<?php
/**
 * Server-side identity sources, resolved against real WordPress data.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Frontend\Identity\Context;
use QualifiedIntegration\Frontend\Identity\Resolver;
use QualifiedIntegration\Frontend\Identity\Value;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Schema;

/**
 * Resolver tests: each server source, the value rules, stale mappings, the
 * deny-list at render, and the query budget.
 */
final class IdentityResolverTest extends TestCase {

	/**
	 * Resolves mappings for a context.
	 *
	 * @param array<int, array<string, string>> $mappings Mappings.
	 * @param Context                           $context  Context.
	 * @return array{fields: array<string, string>, browser: array<int, array<string, string>>}
	 */
	private function resolve( array $mappings, Context $context ): array {
		return Resolver::identity( array( 'identity' => array( 'mappings' => $mappings ) ), $context );
	}

	/**
	 * A published post with an author, a category, tags and meta.
	 *
	 * @param int $author Author ID.
	 * @return \WP_Post
	 */
	private function create_post( int $author ): \WP_Post {
		$id = wp_insert_post(
			array(
				'post_title'  => 'Pricing &amp; <em>plans</em>',
				'post_status' => 'publish',
				'post_author' => $author,
			)
		);
		$this->assertIsInt( $id );
		$cat_a = wp_insert_term( 'Sales & Marketing', 'category' );
		$cat_b = wp_insert_term( 'Product', 'category' );
		$this->assertIsArray( $cat_a );
		$this->assertIsArray( $cat_b );
		wp_set_post_categories( $id, array( $cat_a['term_id'], $cat_b['term_id'] ) );
		update_post_meta( $id, 'plan', '  pro  ' );
		update_post_meta( $id, 'features', array( 'chat', '', 'meetings', array( 'nested' ) ) );
		return get_post( $id );
	}

	public function test_sources_list_is_the_settings_one(): void {
		// Every server source of identity-sources.json has a resolver group; a new one without code would fail here.
		foreach ( Schema::sources() as $name => $source ) {
			$this->assertContains( $source['where'], array( 'server', 'browser' ), $name );
			if ( 'server' === $source['where'] ) {
				$this->assertContains( $source['group'], array( 'static', 'user', 'post', 'site' ), $name );
			}
		}
	}

	public function test_user_sources_resolve_for_the_logged_in_user(): void {
		$id = $this->create_user( 'editor' );
		add_filter( 'send_email_change_email', '__return_false' );
		wp_update_user(
			array(
				'ID'           => $id,
				'first_name'   => ' Ada ',
				'last_name'    => 'Lovelace',
				'display_name' => 'Ada L.',
				'user_email'   => 'ada@example.org',
			)
		);
		update_user_meta( $id, 'billing_company', 'Analytical Engines Ltd' );
		$user = get_userdata( $id );
		$user->add_role( 'author' );

		$identity = $this->resolve(
			array(
				array(
					'field'  => 'email',
					'source' => 'user.email',
				),
				array(
					'field'  => 'first',
					'source' => 'user.first_name',
				),
				array(
					'field'  => 'last',
					'source' => 'user.last_name',
				),
				array(
					'field'  => 'name',
					'source' => 'user.display_name',
				),
				array(
					'field'  => 'login',
					'source' => 'user.login',
				),
				array(
					'field'  => 'uid',
					'source' => 'user.id',
				),
				array(
					'field'  => 'roles',
					'source' => 'user.roles',
				),
				array(
					'field'  => 'company',
					'source' => 'user.meta',
					'key'    => 'billing_company',
				),
			),
			new Context( get_userdata( $id ), null )
		);

		$this->assertSame(
			array(
				'email'   => 'ada@example.org',
				'first'   => 'Ada',
				'last'    => 'Lovelace',
				'name'    => 'Ada L.',
				'login'   => $user->user_login,
				'uid'     => (string) $id,
				'roles'   => 'editor, author',
				'company' => 'Analytical Engines Ltd',
			),
			$identity['fields']
		);
		$this->assertSame( array(), $identity['browser'] );
	}

	public function test_user_sources_yield_nothing_for_a_visitor(): void {
		$identity = $this->resolve(
			array(
				array(
					'field'  => 'email',
					'source' => 'user.email',
				),
				array(
					'field'  => 'roles',
					'source' => 'user.roles',
				),
				array(
					'field'  => 'uid',
					'source' => 'user.id',
				),
			),
			new Context( wp_get_current_user(), null )
		);
		$this->assertSame( 0, get_current_user_id() );
		$this->assertSame( array(), $identity['fields'] );
	}

	public function test_post_sources_resolve_for_the_queried_post(): void {
		$author = $this->create_user( 'author' );
		wp_update_user(
			array(
				'ID'           => $author,
				'display_name' => 'Grace Hopper',
			)
		);
		$post = $this->create_post( $author );
		$this->go_to( '/?p=' . $post->ID );

		$identity = $this->resolve(
			array(
				array(
					'field'  => 'pid',
					'source' => 'post.id',
				),
				array(
					'field'  => 'title',
					'source' => 'post.title',
				),
				array(
					'field'  => 'type',
					'source' => 'post.type',
				),
				array(
					'field'  => 'author',
					'source' => 'post.author',
				),
				array(
					'field'  => 'topic',
					'source' => 'post.terms',
					'key'    => 'category',
				),
				array(
					'field'  => 'plan',
					'source' => 'post.meta',
					'key'    => 'plan',
				),
				array(
					'field'  => 'features',
					'source' => 'post.meta',
					'key'    => 'features',
				),
			),
			Context::for_request()
		);

		$this->assertSame(
			array(
				'pid'      => (string) $post->ID,
				'title'    => 'Pricing & plans',
				'type'     => 'post',
				'author'   => 'Grace Hopper',
				'topic'    => 'Product, Sales & Marketing',
				'plan'     => 'pro',
				'features' => 'chat, meetings',
			),
			$identity['fields']
		);
	}

	public function test_post_sources_yield_nothing_off_singular_pages(): void {
		$this->create_post( $this->create_user( 'author' ) );
		$this->go_to( '/' );
		$this->assertFalse( is_singular() );
		$identity = $this->resolve(
			array(
				array(
					'field'  => 'pid',
					'source' => 'post.id',
				),
				array(
					'field'  => 'title',
					'source' => 'post.title',
				),
			),
			Context::for_request()
		);
		$this->assertSame( array(), $identity['fields'] );
	}

	public function test_site_and_static_sources(): void {
		update_option( 'blogname', 'Tom & Jerry\'s "Site"' );
		$identity = $this->resolve(
			array(
				array(
					'field'  => 'site',
					'source' => 'site.name',
				),
				array(
					'field'  => 'lang',
					'source' => 'site.language',
				),
				array(
					'field'  => 'lead_source',
					'source' => 'static',
					'value'  => ' Website ',
				),
			),
			new Context( null, null )
		);
		$this->assertSame(
			array(
				'site'        => 'Tom & Jerry\'s "Site"',
				'lang'        => get_bloginfo( 'language' ),
				'lead_source' => 'Website',
			),
			$identity['fields']
		);
		$this->assertNotSame( '', $identity['fields']['lang'] );
	}

	public function test_browser_sources_are_listed_not_resolved(): void {
		$identity = $this->resolve(
			array(
				array(
					'field'   => 'utm_campaign',
					'source'  => 'query',
					'key'     => 'utm_campaign',
					'persist' => 'first',
				),
				array(
					'field'  => 'ref',
					'source' => 'referrer',
				),
				array(
					'field'   => 'landing',
					'source'  => 'landing_page',
					'persist' => 'sometimes',
				),
			),
			new Context( null, null )
		);
		$this->assertSame( array(), $identity['fields'] );
		$this->assertSame(
			array(
				array(
					'field'   => 'utm_campaign',
					'source'  => 'query',
					'key'     => 'utm_campaign',
					'persist' => 'first',
				),
				array(
					'field'  => 'ref',
					'source' => 'referrer',
				),
				array(
					'field'  => 'landing',
					'source' => 'landing_page',
				),
			),
			$identity['browser']
		);
	}

	public function test_values_are_trimmed_capped_and_empty_ones_left_out(): void {
		$id = $this->create_user( 'subscriber' );
		update_user_meta( $id, 'long', str_repeat( 'é', Value::MAX_VALUE_LENGTH + 50 ) );
		update_user_meta( $id, 'blank', "  \t " );
		update_user_meta( $id, 'zero', '0' );
		update_user_meta( $id, 'empty_list', array( '', '  ' ) );

		$mapping  = static function ( string $key ): array {
			return array(
				'field'  => $key,
				'source' => 'user.meta',
				'key'    => $key,
			);
		};
		$identity = $this->resolve(
			array( $mapping( 'long' ), $mapping( 'blank' ), $mapping( 'zero' ), $mapping( 'empty_list' ), $mapping( 'never_set' ) ),
			new Context( get_userdata( $id ), null )
		);

		$this->assertSame( array( 'long', 'zero' ), array_keys( $identity['fields'] ) );
		$this->assertSame( Value::MAX_VALUE_LENGTH, mb_strlen( $identity['fields']['long'], 'UTF-8' ) );
		$this->assertSame( '0', $identity['fields']['zero'] );
	}

	public function test_value_limit_is_the_runtime_one(): void {
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- A repository file.
		$source = (string) file_get_contents( dirname( __DIR__, 2 ) . '/src/shared/identity-value.ts' );
		$this->assertSame( 1, preg_match( '/export const MAX_VALUE_LENGTH = (\d+);/', $source, $match ), 'src/shared/identity-value.ts declares MAX_VALUE_LENGTH.' );
		$this->assertSame( (int) $match[1], Value::MAX_VALUE_LENGTH );
	}

	public function test_deleted_taxonomy_and_missing_meta_yield_no_field_and_no_notice(): void {
		register_taxonomy( 'qi_gone', 'post' );
		$post = $this->create_post( $this->create_user( 'author' ) );
		wp_set_object_terms( $post->ID, 'Temporary', 'qi_gone' );
		unregister_taxonomy( 'qi_gone' );
		$this->go_to( '/?p=' . $post->ID );

		$identity = $this->resolve(
			array(
				array(
					'field'  => 'gone',
					'source' => 'post.terms',
					'key'    => 'qi_gone',
				),
				array(
					'field'  => 'tags',
					'source' => 'post.terms',
					'key'    => 'post_tag',
				),
				array(
					'field'  => 'page_cat',
					'source' => 'post.terms',
					'key'    => 'nav_menu',
				),
				array(
					'field'  => 'missing',
					'source' => 'post.meta',
					'key'    => 'never_set',
				),
				array(
					'field'  => 'plan',
					'source' => 'post.meta',
					'key'    => 'plan',
				),
			),
			Context::for_request()
		);
		// PHPUnit turns notices and warnings into errors, so reaching here means there were none.
		$this->assertSame( array( 'plan' => 'pro' ), $identity['fields'] );
	}

	public function test_stale_or_malformed_mappings_are_skipped_one_by_one(): void {
		$identity = $this->resolve(
			array(
				'not a mapping',
				array( 'source' => 'static' ),
				array(
					'field'  => 'unknown',
					'source' => 'user.password',
				),
				array(
					'field'  => 'no_value',
					'source' => 'static',
				),
				array(
					'field'  => 'no_key',
					'source' => 'query',
				),
				array(
					'field'  => 'kept',
					'source' => 'static',
					'value'  => 'yes',
				),
			),
			new Context( null, null )
		);
		$this->assertSame( array( 'kept' => 'yes' ), $identity['fields'] );
		$this->assertSame( array(), $identity['browser'] );
	}

	public function test_deny_listed_meta_keys_are_never_read_even_when_stored(): void {
		$id = $this->create_user( 'subscriber' );
		update_user_meta( $id, 'api_token', 'secret-value' );
		update_user_meta( $id, 'company', 'Acme' );
		$post = $this->create_post( $id );
		update_post_meta( $post->ID, '_private_note', 'hidden' );

		$identity = $this->resolve(
			array(
				array(
					'field'  => 'tokens',
					'source' => 'user.meta',
					'key'    => 'session_tokens',
				),
				array(
					'field'  => 'caps',
					'source' => 'user.meta',
					'key'    => 'wp_capabilities',
				),
				array(
					'field'  => 'token',
					'source' => 'user.meta',
					'key'    => 'api_token',
				),
				array(
					'field'  => 'note',
					'source' => 'post.meta',
					'key'    => '_private_note',
				),
				array(
					'field'  => 'company',
					'source' => 'user.meta',
					'key'    => 'company',
				),
			),
			new Context( get_userdata( $id ), $post )
		);
		$this->assertSame( array( 'company' => 'Acme' ), $identity['fields'] );
	}

	public function test_identify_filter_changes_the_server_fields(): void {
		$seen = null;
		add_filter(
			'qualified_integration_identify',
			static function ( array $fields, array $settings ) use ( &$seen ) {
				$seen              = $settings;
				$fields['plan']    = array( 'pro', 'annual' );
				$fields['dropped'] = '   ';
				unset( $fields['lead_source'] );
				$fields['site'] = 'Changed';
				return $fields;
			},
			10,
			2
		);
		$identity = $this->resolve(
			array(
				array(
					'field'  => 'lead_source',
					'source' => 'static',
					'value'  => 'Website',
				),
				array(
					'field'  => 'site',
					'source' => 'site.name',
				),
			),
			new Context( null, null )
		);
		$this->assertSame(
			array(
				'site' => 'Changed',
				'plan' => 'pro, annual',
			),
			$identity['fields']
		);
		$this->assertSame( 'static', $seen['identity']['mappings'][0]['source'] );
	}

	/**
	 * 100 mappings of every server source, all reading the queried post and the logged-in user.
	 *
	 * @return array<int, array<string, string>>
	 */
	private function hundred_mappings(): array {
		$kinds    = array(
			array( 'source' => 'user.email' ),
			array( 'source' => 'user.first_name' ),
			array( 'source' => 'user.roles' ),
			array(
				'source' => 'user.meta',
				'key'    => 'billing_company',
			),
			array(
				'source' => 'user.meta',
				'key'    => 'never_set',
			),
			array( 'source' => 'post.id' ),
			array( 'source' => 'post.title' ),
			array( 'source' => 'post.author' ),
			array(
				'source' => 'post.terms',
				'key'    => 'category',
			),
			array(
				'source' => 'post.terms',
				'key'    => 'post_tag',
			),
			array(
				'source' => 'post.terms',
				'key'    => 'qi_deleted',
			),
			array(
				'source' => 'post.terms',
				'key'    => 'nav_menu',
			),
			array(
				'source' => 'post.meta',
				'key'    => 'plan',
			),
			array(
				'source' => 'post.meta',
				'key'    => 'never_set',
			),
			array( 'source' => 'site.name' ),
			array( 'source' => 'site.language' ),
			array(
				'source' => 'static',
				'value'  => 'Website',
			),
			array(
				'source' => 'query',
				'key'    => 'utm_campaign',
			),
		);
		$mappings = array();
		for ( $i = 0; $i < 100; $i++ ) {
			$mappings[] = array_merge( array( 'field' => 'f' . $i ), $kinds[ $i % count( $kinds ) ] );
		}
		return $mappings;
	}

	/**
	 * Queries of one cold page view (object cache flushed, as on a fresh request): the
	 * main query for the URL is run first, as WordPress would, then <head> and the loop
	 * are rendered; only the head and the loop are counted.
	 *
	 * @param string      $path Path of the page.
	 * @param int         $user Logged-in user.
	 * @param string|null $head Receives the head.
	 * @return int
	 */
	private function queries_of_page_view( string $path, int $user, &$head = null ): int {
		global $wpdb;
		wp_cache_flush();
		wp_load_alloptions();
		wp_set_current_user( $user );
		$GLOBALS['wp_scripts'] = null;
		$GLOBALS['wp_styles']  = null;
		Plugin::instance()->loader->reset();
		$this->go_to( $path );

		$before = $wpdb->num_queries;
		$head   = $this->render_head();
		// A theme renders the loop after the head; core primes the authors' caches there.
		while ( have_posts() ) {
			the_post();
		}
		wp_reset_postdata();
		return $wpdb->num_queries - $before;
	}

	public function test_hundred_mappings_add_no_query_to_a_page_view(): void {
		global $wpdb;
		$user = $this->create_user( 'subscriber' );
		update_user_meta( $user, 'billing_company', 'Acme' );
		$author = $this->create_user( 'author' );
		$post   = $this->create_post( $author );
		$this->store_settings( array( 'token' => 'Tok3n' ) );

		foreach ( array( '/?p=' . $post->ID, '/' ) as $path ) {
			foreach ( array( $user, 0 ) as $viewer ) {
				$this->store_settings( array( 'identity' => array( 'mappings' => array() ) ) );
				$this->queries_of_page_view( $path, $viewer );
				$without = $this->queries_of_page_view( $path, $viewer );

				$this->store_settings( array( 'identity' => array( 'mappings' => $this->hundred_mappings() ) ) );
				$this->assertCount( 100, Plugin::instance()->settings->get()['identity']['mappings'], 'The 100 mappings are stored and valid.' );
				$with = $this->queries_of_page_view( $path, $viewer, $head );

				$this->assertStringContainsString( '"f16":"Website"', $head, 'The mappings were resolved.' );
				if ( $viewer && '/' !== $path ) {
					$this->assertStringContainsString( '"f3":"Acme"', $head );
					$this->assertStringContainsString( '"f8":"Product, Sales \u0026 Marketing"', $head );
					$this->assertStringContainsString( '"f7":"' . get_userdata( $author )->display_name . '"', $head );
				}
				$this->assertSame( $without, $with, "$path as user $viewer. Last query: " . $wpdb->last_query );
			}
		}
	}
}
