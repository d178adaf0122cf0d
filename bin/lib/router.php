<?php
/**
 * Router for PHP's built-in server: real files are served as they are,
 * everything else goes to WordPress (pretty permalinks, REST API).
 *
 * @package QualifiedIntegration
 */

$qi_path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ); // phpcs:ignore
if ( file_exists( $_SERVER['DOCUMENT_ROOT'] . urldecode( $qi_path ) ) ) { // phpcs:ignore
	return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF']    = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php'; // phpcs:ignore
