<?php
/**
 * `wp qualified lock` and `wp qualified unlock`: the network's locks.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use QualifiedIntegration\Network\NetworkSettings;
use WP_CLI;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * Locks top-level fields on every site of a multisite network (each site
 * then uses the network value and cannot change it, through the screen,
 * REST, `wp qualified set` or an import), or lifts those locks. The list is
 * validated by NetworkSettings::update(), as the Network Admin screen's.
 */
final class LockCommand {

	/**
	 * Locks fields on every site of the network.
	 *
	 * A field the network has no value for is locked at the default value;
	 * set the value first with `wp qualified set <field> <value> --network`.
	 *
	 * ## OPTIONS
	 *
	 * <field>...
	 * : Top-level fields: enabled, token, excludeRoles, identity, experiences, events, loading.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified set token AbCd1234EfGh5678 --network
	 *     $ wp qualified lock token enabled
	 *     Success: Locked on every site: token, enabled.
	 *
	 * @param string[] $args Fields.
	 */
	public function lock( array $args ): void {
		$locked = array_values( array_unique( array_merge( $this->current(), $args ) ) );
		$this->save( $locked );
		/* translators: %s: comma-separated field names. */
		WP_CLI::success( sprintf( __( 'Locked on every site: %s.', 'qualified-integration' ), implode( ', ', $args ) ) );
	}

	/**
	 * Lifts the network's lock of fields: each site uses its own value again, or the network default.
	 *
	 * ## OPTIONS
	 *
	 * <field>...
	 * : Top-level fields.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified unlock token
	 *     Success: Unlocked: token.
	 *
	 * @param string[] $args Fields.
	 */
	public function unlock( array $args ): void {
		$this->save( array_values( array_diff( $this->current(), $args ) ) );
		/* translators: %s: comma-separated field names. */
		WP_CLI::success( sprintf( __( 'Unlocked: %s.', 'qualified-integration' ), implode( ', ', $args ) ) );
	}

	/**
	 * The fields locked now; exits 1 off multisite.
	 *
	 * @return string[]
	 */
	private function current(): array {
		if ( ! is_multisite() ) {
			Output::fail( new WP_Error( 'qualified_integration_not_multisite', __( 'Network settings exist only on a multisite network.', 'qualified-integration' ) ) );
		}
		return NetworkSettings::locked();
	}

	/**
	 * Saves the lock list, or exits 1 with every bad name.
	 *
	 * @param string[] $locked The new list (raw: names are validated).
	 */
	private function save( array $locked ): void {
		Output::or_fail( NetworkSettings::update( array(), $locked ) );
	}
}
