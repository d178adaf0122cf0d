<?php
/**
 * The Qualified box of the classic editor.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Admin;

use QualifiedIntegration\Experiences\PageOverride;
use QualifiedIntegration\Frontend\Loading;
use QualifiedIntegration\Settings\SettingsRepository;
use WP_Post;

defined( 'ABSPATH' ) || exit;

/**
 * Edits the per-post override (post meta `qualified_integration_page`) where
 * the block editor's panel is not there: posts edited in the classic editor.
 * Same fields as the panel (hide, Experience, start collapsed, open, when
 * Qualified loads); saving needs the box's nonce and `edit_post` on the
 * post, and an Experience name that is not one is refused (nothing
 * changes, a notice says why), as the REST schema refuses it. What is
 * stored is what PageOverride::clean() keeps: a "Load Qualified" value
 * that is no strategy is left out (the site's setting).
 */
final class ClassicMetaBox {

	const ID           = 'qualified-integration-page';
	const NONCE_FIELD  = '_qualified_integration_page_nonce';
	const NONCE_ACTION = 'qualified_integration_page_';
	const FIELD        = 'qualified_integration_page';
	const ERROR_ARG    = 'qualified_integration_page_error';

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
	 * Hooks the box, its save and its notice.
	 */
	public function register(): void {
		add_action( 'add_meta_boxes', array( $this, 'add' ), 10, 2 );
		add_action( 'save_post', array( $this, 'save' ), 10, 2 );
		add_action( 'admin_notices', array( $this, 'notice' ) );
	}

	/**
	 * Adds the box for posts that carry the override and are not edited in the block editor.
	 *
	 * @param string $post_type Post type.
	 * @param mixed  $post      Post being edited.
	 */
	public function add( $post_type, $post = null ): void {
		if ( ! $post instanceof WP_Post || ! in_array( $post->post_type, PageOverride::post_types(), true ) || self::uses_block_editor( $post ) ) {
			return;
		}
		add_meta_box( self::ID, __( 'Qualified', 'qualified-integration' ), array( $this, 'render' ), $post->post_type, 'side', 'default' );
	}

	/**
	 * Prints the fields.
	 *
	 * @param WP_Post $post Post being edited.
	 */
	public function render( WP_Post $post ): void {
		$value = PageOverride::clean( get_post_meta( $post->ID, PageOverride::META_KEY, true ) );
		wp_nonce_field( self::NONCE_ACTION . $post->ID, self::NONCE_FIELD );

		echo '<p><label><input type="checkbox" name="' . esc_attr( self::FIELD ) . '[hide]" value="1"' . checked( ! empty( $value['hide'] ), true, false ) . '> ';
		echo esc_html__( 'Hide Qualified on this page', 'qualified-integration' ) . '</label></p>';

		echo '<p><label for="qualified-integration-page-experience">' . esc_html__( 'Experience to show (API name)', 'qualified-integration' ) . '</label><br>';
		echo '<input type="text" class="widefat" id="qualified-integration-page-experience" name="' . esc_attr( self::FIELD ) . '[experience]" value="' . esc_attr( $value['experience'] ?? '' ) . '" placeholder="experience-1234" pattern="experience-[0-9]{1,20}" aria-describedby="qualified-integration-page-experience-help">';
		echo '<span class="description" id="qualified-integration-page-experience-help">' . esc_html__( 'In Qualified: Settings, Experiences, Manual, the Experience, API NAME.', 'qualified-integration' ) . '</span></p>';

		echo '<p><label><input type="checkbox" name="' . esc_attr( self::FIELD ) . '[startCollapsed]" value="1"' . checked( ! empty( $value['startCollapsed'] ), true, false ) . '> ';
		echo esc_html__( 'Start collapsed', 'qualified-integration' ) . '</label></p>';

		echo '<p><label><input type="checkbox" name="' . esc_attr( self::FIELD ) . '[open]" value="1"' . checked( ! empty( $value['open'] ), true, false ) . '> ';
		echo esc_html__( 'Open the messenger automatically', 'qualified-integration' ) . '</label></p>';

		$labels = self::strategy_labels();
		$site   = Loading::strategy( $this->repository->get() );
		$load   = $value['load'] ?? '';
		echo '<p><label for="qualified-integration-page-load">' . esc_html__( 'Load Qualified', 'qualified-integration' ) . '</label><br>';
		echo '<select class="widefat" id="qualified-integration-page-load" name="' . esc_attr( self::FIELD ) . '[load]" aria-describedby="qualified-integration-page-load-help">';
		/* translators: %s: the site's loading moment, such as "When the browser is idle". */
		echo '<option value=""' . selected( $load, '', false ) . '>' . esc_html( sprintf( __( 'Site setting (%s)', 'qualified-integration' ), $labels[ $site ] ?? $site ) ) . '</option>';
		foreach ( PageOverride::strategies() as $strategy ) {
			echo '<option value="' . esc_attr( $strategy ) . '"' . selected( $load, $strategy, false ) . '>' . esc_html( $labels[ $strategy ] ?? $strategy ) . '</option>';
		}
		echo '</select>';
		echo '<span class="description" id="qualified-integration-page-load-help">' . esc_html__( 'When visitors\' browsers load Qualified on this page. It never lifts the site\'s consent requirement: when the site waits for consent, so does this page.', 'qualified-integration' ) . '</span></p>';
	}

	/**
	 * The loading strategies in words, as the block editor's panel names them.
	 *
	 * @return array<string, string>
	 */
	private static function strategy_labels(): array {
		return array(
			'immediate'   => __( 'Immediately', 'qualified-integration' ),
			'idle'        => __( 'When the browser is idle', 'qualified-integration' ),
			'interaction' => __( 'At the first interaction', 'qualified-integration' ),
			'consent'     => __( 'After consent', 'qualified-integration' ),
		);
	}

	/**
	 * Saves the box, only from the box's own form, by someone who may edit the post.
	 *
	 * @param int   $post_id Post ID.
	 * @param mixed $post    Post.
	 */
	public function save( $post_id, $post = null ): void {
		$post_id = (int) $post_id;
		$nonce   = isset( $_POST[ self::NONCE_FIELD ] ) ? sanitize_text_field( wp_unslash( $_POST[ self::NONCE_FIELD ] ) ) : '';
		if ( '' === $nonce || ! wp_verify_nonce( $nonce, self::NONCE_ACTION . $post_id ) ) {
			return;
		}
		if ( ( defined( 'DOING_AUTOSAVE' ) && DOING_AUTOSAVE ) || wp_is_post_revision( $post_id ) || ! current_user_can( 'edit_post', $post_id ) ) {
			return;
		}

		// Read raw and checked field by field below; nothing is stored that clean() would not keep.
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
		$fields = isset( $_POST[ self::FIELD ] ) && is_array( $_POST[ self::FIELD ] ) ? wp_unslash( $_POST[ self::FIELD ] ) : array();
		$value  = self::from_form( $fields );
		if ( null === $value ) {
			add_filter( 'redirect_post_location', array( $this, 'flag_error' ) );
			return;
		}
		if ( array() === $value ) {
			delete_post_meta( $post_id, PageOverride::META_KEY );
			return;
		}
		update_post_meta( $post_id, PageOverride::META_KEY, $value );
	}

	/**
	 * The override the form asks for; null when the Experience name is not one.
	 *
	 * @param array<string, mixed> $fields Submitted fields (unslashed).
	 * @return array<string, mixed>|null
	 */
	public static function from_form( array $fields ): ?array {
		$experience = isset( $fields['experience'] ) && is_string( $fields['experience'] ) ? trim( $fields['experience'] ) : '';
		if ( '' !== $experience && ! PageOverride::is_experience( $experience ) ) {
			return null;
		}
		return PageOverride::clean(
			array(
				'hide'           => ! empty( $fields['hide'] ),
				'experience'     => $experience,
				'startCollapsed' => ! empty( $fields['startCollapsed'] ),
				'open'           => ! empty( $fields['open'] ),
				// clean() keeps it only when it names a strategy; '' (the site's setting) is left out.
				'load'           => isset( $fields['load'] ) && is_string( $fields['load'] ) ? $fields['load'] : '',
			)
		);
	}

	/**
	 * Marks the redirect after a refused save, so the edit screen says why.
	 *
	 * @param string $location Redirect URL.
	 * @return string
	 */
	public function flag_error( $location ): string {
		return add_query_arg( self::ERROR_ARG, '1', (string) $location );
	}

	/**
	 * Says why the override was not saved.
	 */
	public function notice(): void {
		// A display flag set by our own redirect; nothing is changed by it.
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended
		if ( ! isset( $_GET[ self::ERROR_ARG ] ) ) {
			return;
		}
		echo '<div class="notice notice-error"><p>' . esc_html__( 'Qualified: the Experience was not saved. Use its API name, "experience-" followed by digits (Qualified: Settings, Experiences, Manual, the Experience, API NAME).', 'qualified-integration' ) . '</p></div>';
	}

	/**
	 * Whether the post is edited in the block editor.
	 *
	 * @param WP_Post $post Post.
	 * @return bool
	 */
	private static function uses_block_editor( WP_Post $post ): bool {
		if ( ! function_exists( 'use_block_editor_for_post' ) ) {
			// @phpstan-ignore requireOnce.fileNotFound (WordPress's own file, next to ABSPATH at run time.)
			require_once ABSPATH . 'wp-admin/includes/post.php';
		}
		return use_block_editor_for_post( $post );
	}
}
