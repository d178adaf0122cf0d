<?php
/**
 * Tests for the block editor panel's assets.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Admin\EditorPanel;
use QualifiedIntegration\Assets;
use QualifiedIntegration\Experiences\PageOverride;

/**
 * The panel's script, build/editor.js, reaches the post editor of post types whose REST answer
 * carries the override meta, and no other screen that fires
 * enqueue_block_editor_assets.
 */
final class EditorPanelTest extends TestCase {

	/**
	 * Post types and meta registrations a test added, removed afterwards.
	 *
	 * @var array<int, array{0: string, 1: string}>
	 */
	private $cleanup = array();

	/**
	 * Loads the screen API, as wp-admin has it.
	 */
	protected function set_up() {
		parent::set_up();
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		// As an admin request's init registers it (PHPUnit's request is a page view, which registers it undescribed).
		( new PageOverride() )->register_meta();
	}

	/**
	 * Removes what the test registered (the registries are not rolled back).
	 */
	protected function tear_down() {
		foreach ( array_reverse( $this->cleanup ) as $item ) {
			if ( 'meta' === $item[0] ) {
				unregister_post_meta( $item[1], PageOverride::META_KEY );
			} else {
				unregister_post_type( $item[1] );
			}
		}
		$this->cleanup = array();
		parent::tear_down();
	}

	/**
	 * Opens a screen the way wp-admin does and fires the block editor's
	 * asset hook on it, with the panel's hooks in place.
	 *
	 * @param string $screen Screen id or post type, as for set_current_screen().
	 */
	private function open_editor_screen( string $screen ): void {
		( new EditorPanel() )->register();
		set_current_screen( $screen );
		do_action( 'enqueue_block_editor_assets' );
	}

	/**
	 * Registers a public post type known to the REST API.
	 *
	 * @param string   $slug     Post type.
	 * @param string[] $supports Features.
	 */
	private function add_post_type( string $slug, array $supports ): void {
		register_post_type(
			$slug,
			array(
				'public'       => true,
				'show_in_rest' => true,
				'supports'     => $supports,
			)
		);
		$this->cleanup[] = array( 'type', $slug );
	}

	/**
	 * Registers the override meta on a post type, as PageOverride does.
	 *
	 * @param string $post_type Post type, or '' for every type.
	 */
	private function add_meta( string $post_type ): void {
		register_post_meta(
			$post_type,
			PageOverride::META_KEY,
			array(
				'single'       => true,
				'type'         => 'object',
				'default'      => array(),
				'show_in_rest' => array( 'schema' => PageOverride::schema() ),
			)
		);
		$this->cleanup[] = array( 'meta', $post_type );
	}

	/**
	 * Post types the plugin gives the meta.
	 *
	 * @return array<string, array{string}>
	 */
	public function data_types_with_the_meta(): array {
		return array(
			'page' => array( 'page' ),
			'post' => array( 'post' ),
		);
	}

	/**
	 * The post editor of a page or post loads the panel: the script with the
	 * dependencies build/editor.asset.php lists, translations and the style.
	 *
	 * @dataProvider data_types_with_the_meta
	 *
	 * @param string $post_type Post type.
	 */
	public function test_the_post_editor_of_a_type_with_the_meta_loads_the_panel( string $post_type ): void {
		$this->assertTrue( EditorPanel::has_meta( $post_type ), 'The plugin registered the meta for ' . $post_type );

		$this->open_editor_screen( $post_type );

		$this->assertTrue( wp_script_is( EditorPanel::SCRIPT_HANDLE, 'enqueued' ) );
		$script = wp_scripts()->registered[ EditorPanel::SCRIPT_HANDLE ];
		$this->assertSame( Assets::url( 'editor.js' ), $script->src );
		$this->assertSame( Assets::meta( 'editor' )['dependencies'], $script->deps );
		$this->assertSame( 'qualified-integration', $script->textdomain );
		$this->assertTrue( wp_style_is( EditorPanel::SCRIPT_HANDLE, 'enqueued' ) );
		$this->assertSame( Assets::url( 'editor.css' ), wp_styles()->registered[ EditorPanel::SCRIPT_HANDLE ]->src );
	}

	/**
	 * The panel names the site's loading strategy in its "Load Qualified"
	 * choice: the script gets it before it runs, as the settings in force say.
	 */
	public function test_the_panel_gets_the_site_loading_strategy(): void {
		$this->store_settings(
			array(
				'loading' => array(
					'strategy'        => 'interaction',
					'maxDelay'        => 5,
					'consentCategory' => 'marketing',
				),
			)
		);
		$this->open_editor_screen( 'post' );

		$before = wp_scripts()->get_data( EditorPanel::SCRIPT_HANDLE, 'before' );
		$this->assertIsArray( $before );
		$this->assertContains( 'window.qualifiedIntegrationEditor = {"siteLoad":"interaction"};', $before );
	}

	/**
	 * A custom post type that has the meta gets the panel too, also when the
	 * meta is registered for every post type at once.
	 *
	 * @dataProvider data_meta_subtypes
	 *
	 * @param string $subtype Post type the meta is registered for ('' = all).
	 */
	public function test_a_custom_post_type_with_the_meta_loads_the_panel( string $subtype ): void {
		$this->add_post_type( 'qi_with_meta', array( 'title', 'editor', 'custom-fields' ) );
		$this->add_meta( '' === $subtype ? '' : 'qi_with_meta' );

		$this->open_editor_screen( 'qi_with_meta' );

		$this->assertTrue( wp_script_is( EditorPanel::SCRIPT_HANDLE, 'enqueued' ) );
	}

	/**
	 * Where the meta can be registered.
	 *
	 * @return array<string, array{string}>
	 */
	public function data_meta_subtypes(): array {
		return array(
			'for the type'   => array( 'qi_with_meta' ),
			'for every type' => array( '' ),
		);
	}

	/**
	 * Screens that fire enqueue_block_editor_assets without editing a post
	 * of a type with the meta.
	 *
	 * @return array<string, array{callable(EditorPanelTest): string}>
	 */
	public function data_screens_without_the_panel(): array {
		return array(
			'a post type without the meta'                => array(
				static function ( EditorPanelTest $test ): string {
					$test->add_post_type( 'qi_plain', array( 'title', 'editor', 'custom-fields' ) );
					return 'qi_plain';
				},
			),
			'meta registered, no custom fields'           => array(
				static function ( EditorPanelTest $test ): string {
					// Without custom-fields support the REST API has no `meta` for the panel to edit.
					$test->add_post_type( 'qi_no_fields', array( 'title', 'editor' ) );
					$test->add_meta( 'qi_no_fields' );
					return 'qi_no_fields';
				},
			),
			'meta registered, not shown in REST'          => array(
				static function ( EditorPanelTest $test ): string {
					$test->add_post_type( 'qi_hidden_meta', array( 'title', 'editor', 'custom-fields' ) );
					register_post_meta(
						'qi_hidden_meta',
						PageOverride::META_KEY,
						array(
							'single'       => true,
							'type'         => 'object',
							'show_in_rest' => false,
						)
					);
					$test->cleanup[] = array( 'meta', 'qi_hidden_meta' );
					return 'qi_hidden_meta';
				},
			),
			'the pages list (a page type, not an editor)' => array(
				static function (): string {
					return 'edit-page';
				},
			),
			'the site editor'                             => array(
				static function (): string {
					return 'site-editor';
				},
			),
			'the widgets screen'                          => array(
				static function (): string {
					return 'widgets';
				},
			),
			'the dashboard'                               => array(
				static function (): string {
					return 'dashboard';
				},
			),
		);
	}

	/**
	 * Nothing is enqueued there.
	 *
	 * @dataProvider data_screens_without_the_panel
	 *
	 * @param callable(EditorPanelTest): string $arrange Sets up and names the screen.
	 */
	public function test_other_screens_do_not_load_the_panel( callable $arrange ): void {
		$screen = $arrange( $this );

		$this->open_editor_screen( $screen );

		$this->assertFalse( wp_script_is( EditorPanel::SCRIPT_HANDLE, 'registered' ) );
		$this->assertFalse( wp_style_is( EditorPanel::SCRIPT_HANDLE, 'registered' ) );
	}

	/**
	 * Public page views never load the panel, even for a post with the meta.
	 */
	public function test_a_public_page_view_does_not_load_the_panel(): void {
		$page_id = wp_insert_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'Panel-free',
			)
		);
		( new EditorPanel() )->register();
		$this->go_to( '/?page_id=' . $page_id );

		$head = $this->render_head();

		$this->assertStringNotContainsString( 'build/editor.js', $head );
		$this->assertFalse( wp_script_is( EditorPanel::SCRIPT_HANDLE, 'registered' ) );
	}
}
