<?php
/**
 * The classic editor's Qualified box.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Admin\ClassicMetaBox;
use QualifiedIntegration\Experiences\PageOverride;

/**
 * Where the box shows, what it prints, and when its save is accepted.
 */
final class ClassicMetaBoxTest extends TestCase {

	/**
	 * The box.
	 *
	 * @var ClassicMetaBox
	 */
	private $box;

	/**
	 * Loads the admin functions the edit screen has.
	 */
	protected function set_up() {
		parent::set_up();
		require_once ABSPATH . 'wp-admin/includes/template.php';
		require_once ABSPATH . 'wp-admin/includes/post.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		$this->box                = new ClassicMetaBox();
		$GLOBALS['wp_meta_boxes'] = array();
	}

	/**
	 * Forgets the form.
	 */
	protected function tear_down() {
		$_POST = array();
		unset( $GLOBALS['wp_meta_boxes'] );
		parent::tear_down();
	}

	/**
	 * Creates a post.
	 *
	 * @param int $author Author ID.
	 * @return int
	 */
	private function post_by( int $author ): int {
		$id = wp_insert_post(
			array(
				'post_title'  => 'Classic',
				'post_status' => 'publish',
				'post_author' => $author,
			)
		);
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Submits the box's form for a post, as post.php would.
	 *
	 * @param int                  $post   Post ID.
	 * @param array<string, mixed> $fields Fields.
	 * @param string|null          $nonce  Nonce; a valid one when null, none when ''.
	 */
	private function submit( int $post, array $fields, ?string $nonce = null ): void {
		$_POST = array( ClassicMetaBox::FIELD => wp_slash( $fields ) );
		$nonce = $nonce ?? wp_create_nonce( ClassicMetaBox::NONCE_ACTION . $post );
		if ( '' !== $nonce ) {
			$_POST[ ClassicMetaBox::NONCE_FIELD ] = $nonce;
		}
		$this->box->save( $post, get_post( $post ) );
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

	public function test_the_box_shows_only_where_the_block_editor_is_not_used(): void {
		$post = get_post( $this->post_by( $this->create_user( 'editor' ) ) );

		$this->box->add( 'post', $post );
		$this->assertEmpty( $GLOBALS['wp_meta_boxes']['post']['side']['default'][ ClassicMetaBox::ID ] ?? null, 'Block editor: the panel is there instead.' );

		add_filter( 'use_block_editor_for_post', '__return_false' );
		$this->box->add( 'post', $post );
		$this->assertSame( 'Qualified', $GLOBALS['wp_meta_boxes']['post']['side']['default'][ ClassicMetaBox::ID ]['title'] );
	}

	public function test_the_box_shows_the_stored_values_escaped_with_a_nonce(): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$post = $this->post_by( $editor );
		update_post_meta(
			$post,
			PageOverride::META_KEY,
			array(
				'experience'     => 'experience-77',
				'startCollapsed' => true,
			)
		);
		ob_start();
		$this->box->render( get_post( $post ) );
		$html = (string) ob_get_clean();

		$this->assertStringContainsString( 'name="' . ClassicMetaBox::NONCE_FIELD . '" value="' . wp_create_nonce( ClassicMetaBox::NONCE_ACTION . $post ) . '"', $html );
		$this->assertStringContainsString( 'value="experience-77"', $html );
		$this->assertMatchesRegularExpression( '/name="qualified_integration_page\[startCollapsed\]" value="1"\s+checked/', $html );
		$this->assertDoesNotMatchRegularExpression( '/name="qualified_integration_page\[hide\]" value="1"\s+checked/', $html );
	}

	public function test_a_save_with_the_nonce_by_an_editor_stores_the_override(): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$post = $this->post_by( $editor );
		$this->submit(
			$post,
			array(
				'experience'     => 'experience-12',
				'startCollapsed' => '1',
				'open'           => '1',
			)
		);
		$this->assertSame(
			array(
				'experience'     => 'experience-12',
				'startCollapsed' => true,
				'open'           => true,
			),
			$this->stored( $post )
		);

		// Unticking everything removes the override (reads then give the registered default).
		$this->submit( $post, array( 'experience' => '' ) );
		$this->assertFalse( metadata_exists( 'post', $post, PageOverride::META_KEY ) );
		$this->assertSame( array(), $this->stored( $post ) );
	}

	public function test_the_box_offers_when_to_load_with_the_site_setting_named(): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$post = $this->post_by( $editor );
		$this->store_settings(
			array(
				'loading' => array(
					'strategy'        => 'idle',
					'maxDelay'        => 0,
					'consentCategory' => 'marketing',
				),
			)
		);
		update_post_meta( $post, PageOverride::META_KEY, array( 'load' => 'interaction' ) );

		ob_start();
		$this->box->render( get_post( $post ) );
		$html = (string) ob_get_clean();

		$this->assertMatchesRegularExpression( '/<label for="qualified-integration-page-load">Load Qualified<\/label>/', $html );
		$this->assertStringContainsString( 'name="qualified_integration_page[load]"', $html );
		$this->assertStringContainsString( '<option value="">Site setting (When the browser is idle)</option>', $html );
		$this->assertMatchesRegularExpression( '/<option value="interaction"\s+selected=\'selected\'>At the first interaction<\/option>/', $html );
		foreach ( array( 'immediate', 'idle', 'interaction', 'consent' ) as $strategy ) {
			$this->assertStringContainsString( '<option value="' . $strategy . '"', $html );
		}
		$this->assertStringContainsString( 'never lifts the site', $html );
	}

	public function test_a_save_stores_a_load_strategy_drops_an_unknown_one_and_the_site_setting(): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$post = $this->post_by( $editor );

		$this->submit(
			$post,
			array(
				'open' => '1',
				'load' => 'consent',
			)
		);
		$this->assertSame(
			array(
				'open' => true,
				'load' => 'consent',
			),
			$this->stored( $post )
		);

		// Unknown: left out through PageOverride::clean(), the rest is saved.
		$this->submit(
			$post,
			array(
				'open' => '1',
				'load' => 'whenever',
			)
		);
		$this->assertSame( array( 'open' => true ), $this->stored( $post ) );

		$this->submit( $post, array( 'load' => 'idle' ) );
		$this->assertSame( array( 'load' => 'idle' ), $this->stored( $post ) );

		// The site setting ('') is no key: nothing left, nothing stored.
		$this->submit( $post, array( 'load' => '' ) );
		$this->assertFalse( metadata_exists( 'post', $post, PageOverride::META_KEY ) );
	}

	public function test_from_form_passes_load_through_clean(): void {
		$this->assertSame( array( 'load' => 'idle' ), ClassicMetaBox::from_form( array( 'load' => 'idle' ) ) );
		$this->assertSame( array(), ClassicMetaBox::from_form( array( 'load' => 'later' ) ) );
		$this->assertSame( array(), ClassicMetaBox::from_form( array( 'load' => array( 'idle' ) ) ) );
	}

	/**
	 * Saves that must change nothing.
	 *
	 * @return array<string, array{string, array<string, string>, string|null}>
	 */
	public function data_refused_saves(): array {
		$hide = array( 'hide' => '1' );
		return array(
			'no nonce'                 => array( 'editor', $hide, '' ),
			'a wrong nonce'            => array( 'editor', $hide, 'abc123' ),
			'no edit_post on the post' => array( 'contributor', $hide, null ),
			'not an Experience name'   => array(
				'editor',
				array(
					'hide'       => '1',
					'experience' => '</script><script>alert(1)</script>',
				),
				null,
			),
			'a trailing newline'       => array( 'editor', array( 'experience' => "experience-1\nx" ), null ),
		);
	}

	/**
	 * A refused save leaves the stored override as it was.
	 *
	 * @dataProvider data_refused_saves
	 *
	 * @param string                $role   Role of the user saving.
	 * @param array<string, string> $fields Submitted fields.
	 * @param string|null           $nonce  Nonce (null: a valid one for that user).
	 */
	public function test_refused_saves_change_nothing( string $role, array $fields, ?string $nonce ): void {
		$post = $this->post_by( $this->create_user( 'author' ) );
		update_post_meta( $post, PageOverride::META_KEY, array( 'open' => true ) );
		wp_set_current_user( $this->create_user( $role ) );

		$this->submit( $post, $fields, $nonce );
		$this->assertSame( array( 'open' => true ), $this->stored( $post ) );
	}

	public function test_an_invalid_experience_says_why_after_the_redirect(): void {
		$editor = $this->create_user( 'editor' );
		wp_set_current_user( $editor );
		$post = $this->post_by( $editor );
		$this->box->register();
		$this->submit( $post, array( 'experience' => 'pricing' ) );
		$location = apply_filters( 'redirect_post_location', 'http://127.0.0.1/wp-admin/post.php?post=' . $post, $post );
		$this->assertStringContainsString( ClassicMetaBox::ERROR_ARG . '=1', $location );

		$_GET[ ClassicMetaBox::ERROR_ARG ] = '1';
		ob_start();
		$this->box->notice();
		$notice = (string) ob_get_clean();
		unset( $_GET[ ClassicMetaBox::ERROR_ARG ] );
		$this->assertStringContainsString( 'notice-error', $notice );
		$this->assertStringContainsString( 'experience-', $notice );
	}
}
