<?php
/**
 * The block editor's "Qualified" document panel.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Admin;

use QualifiedIntegration\Assets;
use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Frontend\Loading;
use QualifiedIntegration\Settings\SettingsRepository;

defined( 'ABSPATH' ) || exit;

/**
 * Loads build/editor.js (src/editor/) in the post editor, where it adds a
 * "Qualified" panel that edits the per-post override meta. Only for post
 * types whose REST answer carries that meta: elsewhere the panel could not
 * read or save it. Not in the site editor, the widgets screen or the
 * customizer, which fire the same hook but edit no single post.
 *
 * The panel's "Load Qualified" choice names the site's loading strategy
 * ("Site setting (When the browser is idle)"): it is handed to the script
 * as `window.qualifiedIntegrationEditor.siteLoad`.
 */
final class EditorPanel {

	const SCRIPT_HANDLE = 'qualified-integration-editor';
	const ENTRY         = 'editor';

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository|null $repository Settings repository (a new one when not given).
	 */
	public function __construct( ?SettingsRepository $repository = null ) {
		$this->repository = $repository ?? new SettingsRepository();
	}

	/**
	 * Hooks the assets.
	 */
	public function register(): void {
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue' ) );
	}

	/**
	 * Enqueues the panel's script and style when the current screen edits a
	 * post of a type that has the meta.
	 */
	public function enqueue(): void {
		$post_type = self::edited_post_type();
		if ( '' === $post_type || ! self::has_meta( $post_type ) ) {
			return;
		}

		// Dependencies from build/editor.asset.php: wp-editor, wp-edit-post, wp-plugins, ...
		Assets::register_script( self::SCRIPT_HANDLE, self::ENTRY, array( 'in_footer' => true ) );
		wp_add_inline_script(
			self::SCRIPT_HANDLE,
			sprintf( 'window.qualifiedIntegrationEditor = %s;', wp_json_encode( array( 'siteLoad' => Loading::strategy( $this->repository->get() ) ), Loader::JSON_FLAGS ) ),
			'before'
		);
		wp_enqueue_script( self::SCRIPT_HANDLE );
		wp_enqueue_style( self::SCRIPT_HANDLE, Assets::url( self::ENTRY . '.css' ), array( 'wp-components' ), Assets::meta( self::ENTRY )['version'] );
		wp_style_add_data( self::SCRIPT_HANDLE, 'rtl', 'replace' );
	}

	/**
	 * The post type of the post editor screen (post.php, post-new.php), or ''
	 * on any other screen.
	 *
	 * @return string
	 */
	private static function edited_post_type(): string {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( ! $screen || 'post' !== $screen->base ) {
			return '';
		}
		return (string) $screen->post_type;
	}

	/**
	 * Whether the REST API gives this post type's posts the override meta:
	 * registered for the type (or for every type) with show_in_rest, and the
	 * type supports custom fields (the REST API has no `meta` otherwise).
	 *
	 * @param string $post_type Post type slug.
	 * @return bool
	 */
	public static function has_meta( string $post_type ): bool {
		if ( ! post_type_supports( $post_type, 'custom-fields' ) ) {
			return false;
		}
		$keys = array_merge( get_registered_meta_keys( 'post' ), get_registered_meta_keys( 'post', $post_type ) );
		return ! empty( $keys[ PageOverride::META_KEY ]['show_in_rest'] );
	}
}
