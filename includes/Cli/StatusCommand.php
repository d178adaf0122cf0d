<?php
/**
 * `wp qualified status`.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use QualifiedIntegration\Network\NetworkSettings;
use QualifiedIntegration\Settings\Constants;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Status;
use WP_CLI;

defined( 'ABSPATH' ) || exit;

/**
 * Answers "is Qualified on, and if not, why?" from a shell, with the same
 * reasons the settings screen shows (Settings\Status), where the token
 * comes from, and the stored or constant values that were refused.
 */
final class StatusCommand {

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 */
	public function __construct( SettingsRepository $repository ) {
		$this->repository = $repository;
	}

	/**
	 * Says whether Qualified is live on the site, and why not.
	 *
	 * Live means the home page loads Qualified for visitors (or, with --user,
	 * for that user). Exits 0 either way; read `live` from --format=json in
	 * scripts.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : How to print the status.
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp qualified status
	 *     Qualified is live: http://example.com/ loads it.
	 *     Token: from the settings.
	 *
	 *     $ wp qualified status --format=json
	 *     {"live":false,"reasons":[{"code":"no_token","message":"No site token is set."}],...}
	 *
	 * @param string[]              $args       Positional arguments (none).
	 * @param array<string, string> $assoc_args Options.
	 */
	public function __invoke( array $args, array $assoc_args ): void {
		$settings = $this->repository->get();
		$problems = $this->repository->problems();
		$locks    = Constants::locks();
		$status   = Status::of( $settings, $problems, $locks, wp_get_current_user() );
		$token    = $this->token_source( $settings, $locks );

		if ( 'json' === ( $assoc_args['format'] ?? 'text' ) ) {
			WP_CLI::line(
				(string) wp_json_encode(
					array(
						'live'     => $status['live'],
						'reasons'  => $status['reasons'],
						'homeUrl'  => $status['homeUrl'],
						'token'    => $token,
						'problems' => (object) $problems,
					),
					JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
				)
			);
			return;
		}

		if ( $status['live'] ) {
			/* translators: %s: home page URL. */
			WP_CLI::line( sprintf( __( 'Qualified is live: %s loads it.', 'qualified-integration' ), $status['homeUrl'] ) );
		} else {
			/* translators: %s: home page URL. */
			WP_CLI::line( sprintf( __( 'Qualified is not live on %s:', 'qualified-integration' ), $status['homeUrl'] ) );
		}
		foreach ( $status['reasons'] as $reason ) {
			WP_CLI::line( '- ' . $reason['message'] );
		}
		if ( 'constant' === $token['source'] ) {
			/* translators: %s: PHP constant name. */
			WP_CLI::line( sprintf( __( 'Token: from the %s constant in wp-config.php.', 'qualified-integration' ), (string) $token['constant'] ) );
		} elseif ( 'network' === $token['source'] ) {
			WP_CLI::line( __( 'Token: from the network settings (Network Admin -> Settings -> Qualified).', 'qualified-integration' ) );
		} elseif ( 'option' === $token['source'] ) {
			WP_CLI::line( __( 'Token: from the settings.', 'qualified-integration' ) );
		} else {
			WP_CLI::line( __( 'Token: not set.', 'qualified-integration' ) );
		}
		if ( array() !== $problems ) {
			WP_CLI::line( __( 'Values refused and replaced (fix them in the settings or in wp-config.php):', 'qualified-integration' ) );
			foreach ( $problems as $path => $message ) {
				WP_CLI::line( '- ' . $path . ': ' . Output::inert( $message ) );
			}
		}
	}

	/**
	 * Where the token in force comes from: a wp-config.php constant, the
	 * network (it locks the token, or the site inherits the network's
	 * default), the site's settings, or nowhere (none set).
	 *
	 * @param array<string, mixed>                $settings Settings in force.
	 * @param array<string, array<string, mixed>> $locks    Constants::locks().
	 * @return array{source: string, constant: string|null}
	 */
	private function token_source( array $settings, array $locks ): array {
		if ( isset( $locks['token'] ) ) {
			return array(
				'source'   => 'constant',
				'constant' => (string) $locks['token']['constant'],
			);
		}
		$source = 'option';
		if ( '' === (string) ( $settings['token'] ?? '' ) ) {
			$source = 'none';
		} elseif ( is_multisite() && ( in_array( 'token', NetworkSettings::locked(), true ) || ! in_array( 'token', $this->repository->own_fields(), true ) ) ) {
			$source = 'network';
		}
		return array(
			'source'   => $source,
			'constant' => null,
		);
	}
}
