<?php
/**
 * Registration of the `wp qualified` commands.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use QualifiedIntegration\Events\EventStore;
use QualifiedIntegration\Settings\Migrations;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Transfer;
use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the `wp qualified` commands to WP-CLI. Plugin::register() calls it
 * only when WP-CLI runs, so no other request loads a file of this folder.
 *
 * Each command class has one job: status, reading and changing settings,
 * the settings file, the event log. They share the plugin's repository, so
 * every change goes through SettingsRepository::update().
 */
final class Commands {

	/**
	 * Registers the commands.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 * @param Migrations         $migrations Settings migrations (for older files).
	 */
	public static function register( SettingsRepository $repository, Migrations $migrations ): void {
		$settings = new SettingsCommand( $repository );
		$files    = new TransferCommand( $repository, new Transfer( $repository, $migrations ) );

		// @phpstan-ignore argument.type (WP-CLI takes a command class as well as a callable; its docblock names only callables.)
		WP_CLI::add_command( 'qualified', QualifiedNamespace::class );
		WP_CLI::add_command( 'qualified status', new StatusCommand( $repository ) );
		WP_CLI::add_command( 'qualified get', array( $settings, 'get' ) );
		WP_CLI::add_command( 'qualified set', array( $settings, 'set' ) );
		WP_CLI::add_command( 'qualified export', array( $files, 'export' ) );
		WP_CLI::add_command( 'qualified import', array( $files, 'import' ) );
		WP_CLI::add_command( 'qualified validate', array( $files, 'validate' ) );
		// The network's locks (multisite): the defaults themselves are `get` / `set` / `export` with --network.
		$locks = new LockCommand();
		WP_CLI::add_command( 'qualified lock', array( $locks, 'lock' ) );
		WP_CLI::add_command( 'qualified unlock', array( $locks, 'unlock' ) );
		// @phpstan-ignore argument.type (An instance whose public methods are the subcommands: WP-CLI's documented form.)
		WP_CLI::add_command( 'qualified events', new EventsCommand( new EventStore() ) );
	}
}
