<?php
/**
 * Settings -> Qualified screen.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Admin;

use QualifiedIntegration\Assets;
use QualifiedIntegration\Frontend\Loader;
use QualifiedIntegration\Health\CspHosts;
use QualifiedIntegration\Privacy\ConsentPlugins;
use QualifiedIntegration\Privacy\Cookies;
use QualifiedIntegration\Rest\ExperiencesPreviewController;
use QualifiedIntegration\Rest\IdentityPreviewController;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the settings screen, a mount point for the React app in admin/, and
 * preloads the settings request so the form renders without a round trip.
 */
final class SettingsPage {

	const SLUG          = 'qualified-integration';
	const SCRIPT_HANDLE = 'qualified-integration-admin';
	const REST_PATH     = '/qualified-integration/v1/settings';

	/**
	 * Hook suffix of the screen, set when the menu is added.
	 *
	 * @var string
	 */
	private $hook_suffix = '';

	/**
	 * Hooks the menu, the assets and the plugin-list link.
	 */
	public function register(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( QUALIFIED_INTEGRATION_FILE ), array( $this, 'add_action_link' ) );
	}

	/**
	 * Adds Settings -> Qualified for administrators.
	 */
	public function add_menu(): void {
		$hook_suffix       = add_options_page(
			__( 'Qualified', 'qualified-integration' ),
			__( 'Qualified', 'qualified-integration' ),
			'manage_options',
			self::SLUG,
			array( $this, 'render' )
		);
		$this->hook_suffix = is_string( $hook_suffix ) ? $hook_suffix : '';
	}

	/**
	 * Links the settings screen from the plugins list.
	 *
	 * @param string[] $links Action links.
	 * @return string[]
	 */
	public function add_action_link( array $links ): array {
		$url = admin_url( 'options-general.php?page=' . self::SLUG );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'qualified-integration' ) . '</a>' );
		return $links;
	}

	/**
	 * Prints the screen's mount point. The app's status and notices render
	 * first inside it, right under the heading; `wp-header-end` is where core
	 * and other plugins put their own notices, as on every WordPress screen.
	 */
	public function render(): void {
		echo '<div class="wrap"><h1>' . esc_html__( 'Qualified', 'qualified-integration' ) . '</h1><hr class="wp-header-end">';
		echo '<div id="qualified-integration-settings"><p>' . esc_html__( 'Loading settings…', 'qualified-integration' ) . '</p></div>';
		echo '<noscript><p>' . esc_html__( 'This screen needs JavaScript.', 'qualified-integration' ) . '</p></noscript></div>';
	}

	/**
	 * Enqueues the app on this screen only.
	 *
	 * @param string $hook_suffix Current screen's hook suffix.
	 */
	public function enqueue( string $hook_suffix ): void {
		if ( '' === $this->hook_suffix || $hook_suffix !== $this->hook_suffix ) {
			return;
		}
		self::enqueue_app( self::REST_PATH );
	}

	/**
	 * Enqueues the React app, talking to a settings route: this site's, or
	 * on the Network Admin screen the network's (Network\NetworkPage).
	 *
	 * @param string $rest_path Settings route, answering in the site route's shape.
	 */
	public static function enqueue_app( string $rest_path ): void {
		Assets::register_script( self::SCRIPT_HANDLE, 'admin', array( 'strategy' => 'defer' ) );
		wp_add_inline_script(
			self::SCRIPT_HANDLE,
			sprintf( 'window.qualifiedIntegrationAdmin = %s;', wp_json_encode( self::boot_data( $rest_path ), Loader::JSON_FLAGS ) ),
			'before'
		);
		wp_enqueue_script( self::SCRIPT_HANDLE );
		wp_enqueue_style( self::SCRIPT_HANDLE, Assets::url( 'admin.css' ), array( 'wp-components' ), Assets::meta( 'admin' )['version'] );
		wp_style_add_data( self::SCRIPT_HANDLE, 'rtl', 'replace' );

		// Core's own pattern (see the block editor): answer the first GET from the page.
		$preload = array_reduce( array( $rest_path ), 'rest_preload_api_request', array() );
		wp_add_inline_script(
			'wp-api-fetch',
			sprintf( 'wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %s ) );', wp_json_encode( $preload, Loader::JSON_FLAGS ) ),
			'after'
		);
	}

	/**
	 * Data the app needs besides the settings themselves: routes, the
	 * roles, post types and taxonomies the pickers offer, and for "Loading &
	 * privacy" the consent plugins found, the hosts a Content Security
	 * Policy must allow and the cookies Qualified sets.
	 *
	 * @param string $rest_path Settings route.
	 * @return array{restPath: string, previewPath: string, experiencesPreviewPath: string, roles: array<int, array{slug: string, name: string}>, postTypes: array<int, array{slug: string, name: string}>, taxonomies: array<int, array{slug: string, name: string}>, consentPlugins: array<int, array{slug: string, name: string, consentApi: bool|null}>, cspHosts: array<string, string[]>, cookies: array<int, array{name: string, purpose: string}>, siteHealthUrl: string}
	 */
	private static function boot_data( string $rest_path ): array {
		$roles = array();
		foreach ( wp_roles()->get_names() as $slug => $name ) {
			$roles[] = array(
				'slug' => (string) $slug,
				'name' => translate_user_role( $name ),
			);
		}
		return array(
			'restPath'               => $rest_path,
			'previewPath'            => '/' . IdentityPreviewController::NAMESPACE . IdentityPreviewController::ROUTE,
			'experiencesPreviewPath' => '/' . ExperiencesPreviewController::NAMESPACE . ExperiencesPreviewController::ROUTE,
			'roles'                  => $roles,
			'postTypes'              => self::options( get_post_types( array( 'public' => true ), 'objects' ), array( 'attachment' ) ),
			'taxonomies'             => self::options( get_taxonomies( array( 'public' => true ), 'objects' ), array( 'post_format' ) ),
			'consentPlugins'         => ConsentPlugins::active(),
			'cspHosts'               => CspHosts::by_directive(),
			'cookies'                => array_map(
				static function ( array $cookie ): array {
					return array(
						'name'    => $cookie['name'],
						'purpose' => $cookie['purpose'],
					);
				},
				Cookies::all()
			),
			'siteHealthUrl'          => admin_url( 'site-health.php' ),
		);
	}

	/**
	 * Post types or taxonomies as slug and name, by name. Experiences'
	 * conditions are about what a page shows, so media attachments and post
	 * formats are left out.
	 *
	 * @param array<string, \WP_Post_Type|\WP_Taxonomy> $objects Registered objects by slug.
	 * @param string[]                                  $skip    Slugs left out.
	 * @return array<int, array{slug: string, name: string}>
	 */
	private static function options( array $objects, array $skip ): array {
		$options = array();
		foreach ( $objects as $slug => $object ) {
			if ( in_array( (string) $slug, $skip, true ) ) {
				continue;
			}
			$name      = isset( $object->labels->singular_name ) && '' !== $object->labels->singular_name ? $object->labels->singular_name : $object->label;
			$options[] = array(
				'slug' => (string) $slug,
				'name' => (string) $name,
			);
		}
		usort(
			$options,
			static function ( array $a, array $b ): int {
				return strcasecmp( $a['name'], $b['name'] );
			}
		);
		return $options;
	}
}
