<?php
/**
 * The `wp qualified` command namespace.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Cli;

use WP_CLI\Dispatcher\CommandNamespace;

defined( 'ABSPATH' ) || exit;

/**
 * Manages Qualified Integration: whether Qualified is live, its settings, their export and import, and the stored events.
 *
 * ## EXAMPLES
 *
 *     # Is the messenger on, and if not, why?
 *     $ wp qualified status
 *
 *     # Copy the settings from one site to another.
 *     $ wp qualified export --file=qualified.json
 *     $ wp qualified import qualified.json --dry-run
 */
final class QualifiedNamespace extends CommandNamespace {
}
