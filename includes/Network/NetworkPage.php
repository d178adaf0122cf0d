<?php
/**
 * Network Admin -> Settings -> Qualified screen.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Network;

use QualifiedIntegration\Admin\SettingsPage;
use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\Labels;
use QualifiedIntegration\Settings\Schema;

defined( 'ABSPATH' ) || exit;

/**
 * The network administrator's screen, for `manage_network_options`: the
 * network's defaults are edited in the same React settings app as a site's,
 * pointed at the network route (NetworkSettingsController), and the locks in
 * a plain form under it, one checkbox per top-level field, posted to
 * network/edit.php as core's network settings screens are (nonce and
 * capability checked there).
 *
 * Why two parts: the app edits values and needs no change to work on
 * another route; a lock is a per-field switch the app has no place for,
 * and a small server-rendered form keeps it honest and accessible.
 */
final class NetworkPage {

	const SLUG   = 'qualified-integration-network';
	const ACTION = 'qualified_integration_network';

	/**
	 * Hook suffix of the screen, set when the menu is added.
	 *
	 * @var string
	 */
	private $hook_suffix = '';

	/**
	 * Hooks the menu, the assets and the lock form's handler.
	 */
	public function register(): void {
		add_action( 'network_admin_menu', array( $this, 'add_menu' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
		add_action( 'network_admin_edit_' . self::ACTION, array( $this, 'save_locks' ) );
	}

	/**
	 * Adds Settings -> Qualified to the Network Admin.
	 */
	public function add_menu(): void {
		$hook_suffix       = add_submenu_page(
			'settings.php',
			__( 'Qualified network settings', 'qualified-integration' ),
			__( 'Qualified', 'qualified-integration' ),
			'manage_network_options',
			self::SLUG,
			array( $this, 'render' )
		);
		$this->hook_suffix = is_string( $hook_suffix ) ? $hook_suffix : '';
	}

	/**
	 * Enqueues the settings app on this screen only, talking to the network route.
	 *
	 * @param string $hook_suffix Current screen's hook suffix.
	 */
	public function enqueue( string $hook_suffix ): void {
		if ( '' === $this->hook_suffix || $hook_suffix !== $this->hook_suffix ) {
			return;
		}
		SettingsPage::enqueue_app( '/' . \QualifiedIntegration\Rest\SettingsController::NAMESPACE . NetworkSettingsController::ROUTE );
	}

	/**
	 * Prints the screen: the app's mount point, then the locks form.
	 */
	public function render(): void {
		if ( ! current_user_can( 'manage_network_options' ) ) {
			return;
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Qualified network settings', 'qualified-integration' ) . '</h1><hr class="wp-header-end">';
		$this->render_notice();
		echo '<p>' . esc_html__( 'Every site of the network gets these values for each setting it has not changed itself. A site administrator can still change a setting for their site unless you lock it below.', 'qualified-integration' ) . '</p>';
		echo '<div id="qualified-integration-settings"><p>' . esc_html__( 'Loading settings…', 'qualified-integration' ) . '</p></div>';
		echo '<noscript><p>' . esc_html__( 'This screen needs JavaScript.', 'qualified-integration' ) . '</p></noscript>';
		$this->render_locks();
		echo '</div>';
	}

	/**
	 * The locks form.
	 */
	private function render_locks(): void {
		$network   = NetworkSettings::get();
		$constants = Constants::locks();
		echo '<h2>' . esc_html__( 'Locks', 'qualified-integration' ) . '</h2>';
		echo '<p>' . esc_html__( 'A locked setting takes the network value on every site; site administrators see it read-only. "Remove the network value" lets each site fall back to its own value, or to the plugin default.', 'qualified-integration' ) . '</p>';
		echo '<form method="post" action="' . esc_url( network_admin_url( 'edit.php?action=' . self::ACTION ) ) . '">';
		wp_nonce_field( self::ACTION );
		echo '<table class="widefat striped" role="presentation"><thead><tr>';
		echo '<th scope="col">' . esc_html__( 'Setting', 'qualified-integration' ) . '</th>';
		echo '<th scope="col">' . esc_html__( 'Network value', 'qualified-integration' ) . '</th>';
		echo '<th scope="col">' . esc_html__( 'Lock on every site', 'qualified-integration' ) . '</th>';
		echo '<th scope="col">' . esc_html__( 'Remove the network value', 'qualified-integration' ) . '</th>';
		echo '</tr></thead><tbody>';
		foreach ( array_keys( Schema::editable_properties() ) as $field ) {
			$id  = 'qualified-lock-' . $field;
			$set = array_key_exists( $field, $network['settings'] );
			echo '<tr><th scope="row"><label for="' . esc_attr( $id ) . '">' . esc_html( Labels::of( $field ) ) . '</label></th><td>';
			if ( isset( $constants[ $field ] ) ) {
				/* translators: %s: PHP constant name. */
				echo esc_html( sprintf( __( 'Set by %s in wp-config.php', 'qualified-integration' ), $constants[ $field ]['constant'] ) ) . '</td><td></td><td></td></tr>';
				continue;
			}
			echo $set ? esc_html__( 'Set by the network', 'qualified-integration' ) : esc_html__( 'Not set (plugin default)', 'qualified-integration' );
			echo '</td><td><input type="checkbox" id="' . esc_attr( $id ) . '" name="qualified_locked[]" value="' . esc_attr( $field ) . '"' . checked( in_array( $field, $network['locked'], true ), true, false ) . '></td>';
			echo '<td>';
			if ( $set ) {
				/* translators: %s: setting label. */
				$label = sprintf( __( 'Remove the network value of %s', 'qualified-integration' ), Labels::of( $field ) );
				echo '<input type="checkbox" name="qualified_reset[]" value="' . esc_attr( $field ) . '" aria-label="' . esc_attr( $label ) . '">';
			}
			echo '</td></tr>';
		}
		echo '</tbody></table>';
		submit_button( __( 'Save locks', 'qualified-integration' ) );
		echo '</form>';
	}

	/**
	 * The result of the last save of the locks form.
	 */
	private function render_notice(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- Only picks which fixed message to show.
		$notice = isset( $_GET['qualified-notice'] ) ? sanitize_key( wp_unslash( $_GET['qualified-notice'] ) ) : '';
		if ( 'saved' === $notice ) {
			echo '<div class="notice notice-success is-dismissible"><p>' . esc_html__( 'Locks saved. Every site follows them now.', 'qualified-integration' ) . '</p></div>';
		} elseif ( 'invalid' === $notice ) {
			echo '<div class="notice notice-error"><p>' . esc_html__( 'The locks were not saved: the form sent a setting name this plugin does not know. Nothing was changed.', 'qualified-integration' ) . '</p></div>';
		}
	}

	/**
	 * Saves the locks form (network/edit.php?action=qualified_integration_network).
	 */
	public function save_locks(): void {
		check_admin_referer( self::ACTION );
		if ( ! current_user_can( 'manage_network_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage the network settings of Qualified.', 'qualified-integration' ), 403 );
		}
		$locked = isset( $_POST['qualified_locked'] ) ? array_map( 'sanitize_text_field', (array) wp_unslash( $_POST['qualified_locked'] ) ) : array();
		$reset  = isset( $_POST['qualified_reset'] ) ? array_map( 'sanitize_text_field', (array) wp_unslash( $_POST['qualified_reset'] ) ) : array();
		$result = NetworkSettings::update( array(), array_values( $locked ), array_values( $reset ) );
		$url    = add_query_arg(
			array(
				'page'             => self::SLUG,
				'qualified-notice' => is_wp_error( $result ) ? 'invalid' : 'saved',
			),
			network_admin_url( 'settings.php' )
		);
		wp_safe_redirect( $url );
		exit;
	}
}
