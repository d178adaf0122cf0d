<?php
/**
 * `wp qualified export`, `import` and `validate`.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Transfer;
use WP_CLI;
use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * The settings file from a shell: the same document, checks and plan as
 * the admin's Export and Import (Settings\Transfer), so a file that
 * imports in one imports in the other. An import prints what it would
 * change first; `--dry-run` stops there.
 */
final class TransferCommand {

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * Export and import files.
	 *
	 * @var Transfer
	 */
	private $transfer;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 * @param Transfer           $transfer   Export and import files.
	 */
	public function __construct( SettingsRepository $repository, Transfer $transfer ) {
		$this->repository = $repository;
		$this->transfer   = $transfer;
	}

	/**
	 * Writes the settings in force as a JSON file (or to standard output).
	 *
	 * The file holds the site token. Webhook secrets are left out unless
	 * --secrets is given; importing the file back keeps the site's secrets.
	 *
	 * ## OPTIONS
	 *
	 * [--file=<file>]
	 * : Where to write the file (overwritten). Default: standard output.
	 *
	 * [--secrets]
	 * : Include secrets (webhook secrets).
	 *
	 * [--network]
	 * : On a multisite network: export the network defaults (with the schema defaults under them).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified export --file=qualified-settings.json
	 *     Success: Exported the settings to qualified-settings.json.
	 *
	 *     $ wp qualified export | wp --path=/srv/other-site qualified import - --yes
	 *
	 * @param string[]              $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options.
	 */
	public function export( array $args, array $assoc_args ): void {
		$secrets  = isset( $assoc_args['secrets'] );
		$settings = isset( $assoc_args['network'] ) ? SettingsCommand::network_settings() : $this->repository->get();
		$document = $this->transfer->export( $settings, $secrets );
		$json     = Transfer::to_json( $document );
		if ( ! $secrets && $document !== $this->transfer->export( $settings, true ) ) {
			WP_CLI::warning( __( 'Webhook secrets were left out; add --secrets to include them.', 'qualified-integration' ) );
		}
		if ( ! isset( $assoc_args['file'] ) ) {
			WP_CLI::line( rtrim( $json, "\n" ) );
			return;
		}
		$file = (string) $assoc_args['file'];
		// WP_Filesystem is for plugin and theme files under the web server's rules; this is a file the
		// shell user named, written as the shell user. A failure is reported below, in plain words.
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_file_put_contents, WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents, WordPress.PHP.NoSilencedErrors.Discouraged
		$written = '' !== $file && false !== @file_put_contents( $file, $json, LOCK_EX );
		if ( ! $written ) {
			/* translators: %s: file path. */
			Output::fail( new WP_Error( 'qualified_integration_file', sprintf( __( 'Cannot write %s: check that its folder exists and can be written to.', 'qualified-integration' ), $file ) ) );
		}
		/* translators: %s: file path. */
		WP_CLI::success( sprintf( __( 'Exported the settings to %s.', 'qualified-integration' ), $file ) );
	}

	/**
	 * Imports a settings file: prints what would change, then applies it.
	 *
	 * The file is checked whole first (size, JSON, version, every field);
	 * any problem exits 1 with nothing changed. A file from an older
	 * version of the plugin is migrated; one from a newer version is
	 * refused. Fields the file leaves out are not touched; a field locked
	 * in wp-config.php is skipped when the file holds the value in force,
	 * refused otherwise.
	 *
	 * ## OPTIONS
	 *
	 * <file>
	 * : The file, or - to read standard input (then --yes or --dry-run is needed).
	 *
	 * [--dry-run]
	 * : Print what would change, and change nothing.
	 *
	 * [--yes]
	 * : Apply without asking.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified import qualified-settings.json --dry-run
	 *     token: "OldToken1" -> "NewToken2"
	 *     experiences.rules[0].label: "Pricing" -> "Pricing page"
	 *     Success: Dry run: 2 changes listed; nothing was changed.
	 *
	 *     $ wp qualified import qualified-settings.json --yes
	 *     Success: Imported the file: 2 changes applied.
	 *
	 * @param string[]              $args       Positional arguments: the file.
	 * @param array<string, string> $assoc_args Options.
	 */
	public function import( array $args, array $assoc_args ): void {
		$file    = (string) ( $args[0] ?? '' );
		$dry_run = isset( $assoc_args['dry-run'] );
		if ( InputFile::STDIN === $file && ! $dry_run && ! isset( $assoc_args['yes'] ) ) {
			Output::fail( new WP_Error( 'qualified_integration_file', __( 'The file comes from standard input, so there is no way to ask before applying it: add --yes to apply it, or --dry-run to see what it would change.', 'qualified-integration' ) ) );
		}
		$plan = $this->plan_file( $file, true );
		if ( is_wp_error( $plan ) ) {
			Output::fail( $plan );
		}
		if ( array() === $plan['diff'] ) {
			WP_CLI::success( __( 'Nothing to change: the settings already match the file.', 'qualified-integration' ) );
			return;
		}
		foreach ( $plan['diff'] as $line ) {
			WP_CLI::line( $line['path'] . ': ' . Output::inline( $line['before'] ) . ' -> ' . Output::inline( $line['after'] ) );
		}
		$count = count( $plan['diff'] );
		if ( $dry_run ) {
			/* translators: %d: number of values that would change. */
			WP_CLI::success( sprintf( _n( 'Dry run: %d change listed; nothing was changed.', 'Dry run: %d changes listed; nothing was changed.', $count, 'qualified-integration' ), $count ) );
			return;
		}
		/* translators: %d: number of values that would change. */
		WP_CLI::confirm( sprintf( _n( 'Apply this %d change?', 'Apply these %d changes?', $count, 'qualified-integration' ), $count ), $assoc_args );
		$saved = $this->repository->update( $plan['changes'] );
		if ( is_wp_error( $saved ) ) {
			Output::fail( $saved );
		}
		/* translators: %d: number of values changed. */
		WP_CLI::success( sprintf( _n( 'Imported the file: %d change applied.', 'Imported the file: %d changes applied.', $count, 'qualified-integration' ), $count ) );
	}

	/**
	 * Checks a settings file without importing it, and lists every problem.
	 *
	 * Exits 0 when the file would import on this site, 1 otherwise (the
	 * checks an import makes: size, JSON, version, unknown fields, every
	 * value, locked fields).
	 *
	 * ## OPTIONS
	 *
	 * <file>
	 * : The file, or - to read standard input.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified validate qualified-settings.json
	 *     Success: The file is valid: importing it here would change 2 values.
	 *
	 *     $ wp qualified validate broken.json
	 *     Error: Site token: use only letters and digits ...
	 *     Rule 2, Condition 1, Value: ...
	 *
	 * @param string[]              $args       Positional arguments: the file.
	 * @param array<string, string> $assoc_args Options (none).
	 */
	public function validate( array $args, array $assoc_args ): void {
		$plan = $this->plan_file( (string) ( $args[0] ?? '' ), false );
		if ( is_wp_error( $plan ) ) {
			Output::fail( $plan );
		}
		$count = count( $plan['diff'] );
		/* translators: %d: number of values that would change. */
		WP_CLI::success( sprintf( _n( 'The file is valid: importing it here would change %d value.', 'The file is valid: importing it here would change %d values.', $count, 'qualified-integration' ), $count ) );
	}

	/**
	 * Reads, migrates and plans a file. Unknown fields are reported with
	 * the bad values (validation names them all at once), so `validate`
	 * lists every problem in one go.
	 *
	 * @param string $file Path, or "-".
	 * @param bool   $tell Whether to say that an older file was migrated.
	 * @return array{changes: array<string, mixed>, diff: array<int, array{path: string, before: mixed, after: mixed}>}|WP_Error
	 */
	private function plan_file( string $file, bool $tell ) {
		$text = InputFile::read( $file );
		if ( is_wp_error( $text ) ) {
			return $text;
		}
		$raw = $this->transfer->decode( $text );
		if ( is_wp_error( $raw ) ) {
			return $raw;
		}
		$from = (int) $raw['schemaVersion'];
		if ( $tell && $from < Schema::VERSION ) {
			/* translators: 1: the file's settings version, 2: the current settings version. */
			WP_CLI::log( sprintf( __( 'The file is from settings version %1$d; it was brought up to version %2$d as an upgrade would.', 'qualified-integration' ), $from, Schema::VERSION ) );
		}
		return $this->transfer->plan( $this->transfer->migrate( $raw ) );
	}
}
