<?php
/**
 * The per-post override meta: registration, REST permissions and validation.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Experiences\PageOverride;
use WP_REST_Post_Meta_Fields;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Post meta `qualified_integration_page`, through core's REST server.
 */
final class PageOverrideTest extends TestCase {

	/**
	 * Starts each test with a fresh REST server.
	 */
	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
	}

	/**
	 * Creates a post.
	 *
	 * @param int    $author Author ID.
	 * @param string $type   Post type.
	 * @param string $status Status.
	 * @return int
	 */
	private function post_by( int $author, string $type = 'post', string $status = 'publish' ): int {
		$id = wp_insert_post(
			array(
				'post_title'  => 'Owned',
				'post_type'   => $type,
				'post_status' => $status,
				'post_author' => $author,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Updates a post's override through the REST API, as the block editor does.
	 *
	 * @param int    $post  Post ID.
	 * @param mixed  $value Override.
	 * @param string $base  REST base of the post type.
	 * @return WP_REST_Response
	 */
	private function save( int $post, $value, string $base = 'posts' ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', '/wp/v2/' . $base . '/' . $post );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array( 'meta' => array( PageOverride::META_KEY => $value ) ) ) );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * The stored override.
	 *
	 * @param int $post Post ID.
	 * @return mixed
	 */
	private function stored( int $post ) {
		return get_post_meta( $post, PageOverride::META_KEY, true );
	}

	public function test_meta_is_registered_for_public_rest_post_types_with_its_schema(): void {
		$registered = get_registered_meta_keys( 'post', 'page' );
		$this->assertArrayHasKey( PageOverride::META_KEY, $registered );
		$meta = $registered[ PageOverride::META_KEY ];
		$this->assertTrue( $meta['single'] );
		$this->assertSame( 'object', $meta['type'] );
		$this->assertSame( array(), $meta['default'] );
		$this->assertFalse( $meta['show_in_rest']['schema']['additionalProperties'] );
		$this->assertSame( array( 'hide', 'experience', 'startCollapsed', 'open', 'load' ), array_keys( $meta['show_in_rest']['schema']['properties'] ) );
		$this->assertArrayHasKey( PageOverride::META_KEY, get_registered_meta_keys( 'post', 'post' ) );
		$this->assertArrayNotHasKey( PageOverride::META_KEY, get_registered_meta_keys( 'post', 'attachment' ) );
		$this->assertArrayNotHasKey( PageOverride::META_KEY, get_registered_meta_keys( 'post', 'wp_block' ), 'Not public.' );
	}

	public function test_a_page_view_registers_the_meta_undescribed_a_rest_request_described(): void {
		( new PageOverride() )->register_on_init();
		$meta = get_registered_meta_keys( 'post', 'post' )[ PageOverride::META_KEY ] ?? null;
		$this->assertIsArray( $meta, 'Every request cleans and checks writes.' );
		$this->assertSame( array( PageOverride::class, 'clean' ), $meta['sanitize_callback'] );
		$this->assertSame( array( PageOverride::class, 'can_edit' ), $meta['auth_callback'] );
		$this->assertFalse( $meta['show_in_rest'], 'A page view has no REST schema to describe.' );
		$this->assertSame( '', $meta['description'] );

		$_SERVER['REQUEST_URI'] = '/' . rest_get_url_prefix() . '/wp/v2/posts/1';
		( new PageOverride() )->register_on_init();
		$meta = get_registered_meta_keys( 'post', 'post' )[ PageOverride::META_KEY ];
		$this->assertIsArray( $meta['show_in_rest'], 'A REST request registers it described on init.' );
		$this->assertNotSame( '', $meta['description'] );
	}

	public function test_an_author_sets_the_override_on_their_own_post_and_reads_it_back(): void {
		$author = $this->create_user( 'author' );
		wp_set_current_user( $author );
		$post  = $this->post_by( $author );
		$value = array(
			'hide'           => false,
			'experience'     => 'experience-1234',
			'startCollapsed' => true,
			'open'           => false,
		);

		$response = $this->save( $post, $value );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame(
			array(
				'experience'     => 'experience-1234',
				'startCollapsed' => true,
			),
			$this->stored( $post )
		);
		$this->assertSame( 'experience-1234', $response->get_data()['meta'][ PageOverride::META_KEY ]['experience'] );
	}

	public function test_an_editor_sets_it_on_someone_elses_page(): void {
		$page = $this->post_by( $this->create_user( 'author' ), 'page' );
		wp_set_current_user( $this->create_user( 'editor' ) );
		$response = $this->save( $page, array( 'hide' => true ), 'pages' );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'hide' => true ), $this->stored( $page ) );
	}

	public function test_a_contributor_cannot_set_it_on_someone_elses_post(): void {
		$post = $this->post_by( $this->create_user( 'author' ), 'post', 'draft' );
		update_post_meta( $post, PageOverride::META_KEY, array( 'open' => true ) );
		$contributor = $this->create_user( 'contributor' );
		wp_set_current_user( $contributor );

		$response = $this->save( $post, array( 'hide' => true ) );
		$this->assertSame( 403, $response->get_status() );
		$this->assertContains( $response->get_data()['code'], array( 'rest_cannot_edit', 'rest_cannot_update' ) );
		$this->assertSame( array( 'open' => true ), $this->stored( $post ) );

		// The registered auth callback itself requires edit_post on that post (even when asked with $allowed true).
		$auth = get_registered_meta_keys( 'post', 'post' )[ PageOverride::META_KEY ]['auth_callback'];
		$this->assertFalse( $auth( true, PageOverride::META_KEY, $post, $contributor, 'edit_post_meta', array() ) );
		$this->assertTrue( $auth( false, PageOverride::META_KEY, $post, $this->create_user( 'editor' ), 'edit_post_meta', array() ) );

		// The meta's own check, whatever route writes it: no edit_post, no write.
		$this->assertFalse( current_user_can( 'edit_post_meta', $post, PageOverride::META_KEY ) );
		$result = ( new WP_REST_Post_Meta_Fields( 'post' ) )->update_value( array( PageOverride::META_KEY => array( 'hide' => true ) ), $post );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'rest_cannot_update', $result->get_error_code() );
		$this->assertSame( 403, $result->get_error_data()['status'] );
		$this->assertSame( array( 'open' => true ), $this->stored( $post ) );
	}

	public function test_a_contributor_may_set_it_on_their_own_draft(): void {
		$contributor = $this->create_user( 'contributor' );
		wp_set_current_user( $contributor );
		$post = $this->post_by( $contributor, 'post', 'draft' );
		$this->assertTrue( current_user_can( 'edit_post_meta', $post, PageOverride::META_KEY ) );
		$response = $this->save( $post, array( 'open' => true ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'open' => true ), $this->stored( $post ) );
	}

	/**
	 * Values the schema refuses.
	 *
	 * @return array<string, array{mixed}>
	 */
	public function data_bad_values(): array {
		return array(
			'not an experience name' => array( array( 'experience' => 'pricing' ) ),
			'a script'               => array( array( 'experience' => '</script><script>alert(1)</script>' ) ),
			'a trailing newline'     => array( array( 'experience' => "experience-1\n" ) ),
			'a newline alone'        => array( array( 'experience' => "\n" ) ),
			'too many digits'        => array( array( 'experience' => 'experience-' . str_repeat( '1', 21 ) ) ),
			'an unknown key'         => array( array( 'colour' => 'red' ) ),
			'hide is not a boolean'  => array( array( 'hide' => 'yes' ) ),
			'not an object'          => array( 'hide' ),
		);
	}

	/**
	 * Bad values get a 400 and change nothing. Core's meta validation names
	 * the failed check in the code (rest_invalid_pattern, rest_invalid_type...;
	 * older versions say rest_invalid_param).
	 *
	 * @dataProvider data_bad_values
	 *
	 * @param mixed $value Override.
	 */
	public function test_bad_values_get_a_400_and_change_nothing( $value ): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$post = $this->post_by( $editor );
		update_post_meta( $post, PageOverride::META_KEY, array( 'open' => true ) );

		$response = $this->save( $post, $value );
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertMatchesRegularExpression( '/\Arest_(invalid_[a-z_]+|additional_properties_forbidden)\z/', $response->get_data()['code'] );
		$this->assertSame( array( 'open' => true ), $this->stored( $post ) );
	}

	public function test_an_empty_experience_means_none(): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$post     = $this->post_by( $editor );
		$response = $this->save(
			$post,
			array(
				'experience'     => '',
				'startCollapsed' => true,
				'open'           => true,
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'open' => true ), $this->stored( $post ) );
	}

	public function test_a_load_strategy_is_kept_and_read_back(): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$post = $this->post_by( $editor );
		foreach ( array( 'immediate', 'idle', 'interaction', 'consent' ) as $strategy ) {
			$response = $this->save(
				$post,
				array(
					'open' => true,
					'load' => $strategy,
				)
			);
			$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			$this->assertSame(
				array(
					'open' => true,
					'load' => $strategy,
				),
				$this->stored( $post )
			);
			$this->assertSame( $strategy, $response->get_data()['meta'][ PageOverride::META_KEY ]['load'] );
		}
	}

	/**
	 * An unknown strategy is refused as any bad meta value is: a 400 whose
	 * code names the failed check (rest_not_in_enum on current versions,
	 * rest_invalid_type for a value that is no string; older versions say
	 * rest_invalid_param), and the stored override stays.
	 */
	public function test_an_unknown_load_strategy_gets_a_400_and_changes_nothing(): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$post = $this->post_by( $editor );
		update_post_meta( $post, PageOverride::META_KEY, array( 'load' => 'idle' ) );

		foreach ( array( 'later', '', 'IDLE', 1, true ) as $bad ) {
			$response = $this->save( $post, array( 'load' => $bad ) );
			$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
			$this->assertContains( $response->get_data()['code'], array( 'rest_invalid_param', 'rest_not_in_enum', 'rest_invalid_type' ), (string) wp_json_encode( $bad ) );
			$this->assertSame( array( 'load' => 'idle' ), $this->stored( $post ) );
		}
	}

	public function test_clean_keeps_a_known_load_strategy_and_drops_others(): void {
		$this->assertSame( array( 'load' => 'interaction' ), PageOverride::clean( array( 'load' => 'interaction' ) ) );
		$this->assertSame( array(), PageOverride::clean( array( 'load' => 'later' ) ) );
		$this->assertSame( array(), PageOverride::clean( array( 'load' => '' ) ) );
		$this->assertSame( array(), PageOverride::clean( array( 'load' => array( 'idle' ) ) ) );

		// From code too: the stored value is what clean() keeps.
		$post = $this->post_by( $this->create_user( 'editor' ) );
		update_post_meta(
			$post,
			PageOverride::META_KEY,
			array(
				'hide' => true,
				'load' => 'whenever',
			)
		);
		$this->assertSame( array( 'hide' => true ), $this->stored( $post ) );
	}

	public function test_writes_from_code_are_cleaned_too(): void {
		$post = $this->post_by( $this->create_user( 'editor' ) );
		update_post_meta(
			$post,
			PageOverride::META_KEY,
			array(
				'hide'       => 'yes',
				'experience' => 'experience-5',
				'open'       => 1,
				'script'     => '</script>',
			)
		);
		$this->assertSame(
			array(
				'experience'     => 'experience-5',
				'startCollapsed' => false,
			),
			$this->stored( $post )
		);
	}
}
