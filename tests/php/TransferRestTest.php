<?php
/**
 * The export and import REST routes, dispatched through core's REST server.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\Transfer;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Export and import route tests.
 */
final class TransferRestTest extends TestCase {

	use TransferFixtures;

	const EXPORT = '/qualified-integration/v1/settings/export';
	const IMPORT = '/qualified-integration/v1/settings/import';

	/**
	 * A fresh REST server and an administrator for each test.
	 */
	protected function set_up() {
		parent::set_up();
		$GLOBALS['wp_rest_server'] = null;
		rest_get_server();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * POSTs a raw body to the import route.
	 *
	 * @param string                $body    Body.
	 * @param array<string, string> $headers Headers.
	 * @return WP_REST_Response
	 */
	private function post_import( string $body, array $headers = array() ): WP_REST_Response {
		$request = new WP_REST_Request( 'POST', self::IMPORT );
		$request->set_header( 'Content-Type', 'application/json' );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$request->set_body( $body );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * POSTs a file to the import route.
	 *
	 * @param string $file  The file's text.
	 * @param bool   $apply Whether to apply.
	 * @return WP_REST_Response
	 */
	private function import( string $file, bool $apply = false ): WP_REST_Response {
		return $this->post_import(
			(string) wp_json_encode(
				array(
					'file'  => $file,
					'apply' => $apply,
				)
			)
		);
	}

	/**
	 * Asserts an error answer, and that nothing changed.
	 *
	 * @param WP_REST_Response $response Response.
	 * @param int              $status   Status.
	 * @param string           $code     Error code.
	 * @param mixed            $before   The raw option before.
	 * @return array<string, mixed> The error body.
	 */
	private function assertRefused( WP_REST_Response $response, int $status, string $code, $before ): array {
		$this->assertSame( $status, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = rest_get_server()->response_to_data( $response, false );
		$this->assertSame( $code, $data['code'] );
		$this->assertIsString( $data['message'] );
		$this->assertNotSame( '', $data['message'] );
		$this->assertSame( $before, self::raw_option(), 'Nothing changed.' );
		return $data;
	}

	public function test_routes_are_registered_with_permission_callbacks(): void {
		$routes = rest_get_server()->get_routes();
		foreach ( array( self::EXPORT, self::IMPORT ) as $route ) {
			$this->assertArrayHasKey( $route, $routes );
			foreach ( $routes[ $route ] as $endpoint ) {
				$this->assertIsCallable( $endpoint['permission_callback'] );
			}
		}
	}

	/**
	 * Users who must be refused, with the status they get.
	 *
	 * @return array<string, array{string|null, int}>
	 */
	public function data_refused_users(): array {
		return array(
			'anonymous' => array( null, 401 ),
			'editor'    => array( 'editor', 403 ),
		);
	}

	/**
	 * Non-administrators can neither export nor import.
	 *
	 * @dataProvider data_refused_users
	 *
	 * @param string|null $role   Role, or null for a visitor.
	 * @param int         $status Expected status.
	 */
	public function test_non_administrators_are_refused( ?string $role, int $status ): void {
		$this->store_sample();
		$before = self::raw_option();
		$file   = self::exported_file( array( 'token' => 'Changed1' ) );
		wp_set_current_user( null === $role ? 0 : $this->create_user( $role ) );

		$export = rest_get_server()->dispatch( new WP_REST_Request( 'GET', self::EXPORT ) );
		$this->assertSame( $status, $export->get_status() );
		$this->assertStringNotContainsString( 'AbCd1234EfGh5678', (string) wp_json_encode( $export->get_data() ) );
		$this->assertRefused( $this->import( $file, true ), $status, 'rest_forbidden', $before );
	}

	public function test_export_answers_the_document_as_a_download_without_secrets(): void {
		$this->store_sample();
		$response = rest_get_server()->dispatch( new WP_REST_Request( 'GET', self::EXPORT ) );

		$this->assertSame( 200, $response->get_status() );
		$transfer = new Transfer( Plugin::instance()->settings, Plugin::instance()->migrations );
		$this->assertSame( $transfer->export( Plugin::instance()->settings->get(), false ), $response->get_data() );
		$this->assertArrayNotHasKey( 'secret', $response->get_data()['events']['webhooks'][0] );
		$this->assertSame(
			'attachment; filename="qualified-settings-127.0.0.1-' . wp_date( 'Y-m-d' ) . '.json"',
			$response->get_headers()['Content-Disposition']
		);
	}

	public function test_export_keeps_secrets_with_secrets_1(): void {
		$this->store_sample();
		$request = new WP_REST_Request( 'GET', self::EXPORT );
		$request->set_query_params( array( 'secrets' => '1' ) );
		$response = rest_get_server()->dispatch( $request );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::$secret, $response->get_data()['events']['webhooks'][0]['secret'] );
	}

	public function test_a_preview_lists_the_changes_and_writes_nothing(): void {
		$this->store_sample();
		$before = self::raw_option();

		$response = $this->import( self::exported_file( array( 'token' => 'NewToken2' ) ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'fromVersion' => Schema::VERSION,
				'changes'     => array(
					array(
						'path'   => 'token',
						'before' => 'AbCd1234EfGh5678',
						'after'  => 'NewToken2',
					),
				),
				'applied'     => false,
			),
			$response->get_data()
		);
		$this->assertSame( $before, self::raw_option() );
	}

	public function test_apply_writes_the_changes_and_answers_the_settings_payload(): void {
		$this->store_sample();
		$response = $this->import( self::exported_file( array( 'token' => 'NewToken2' ) ), true );

		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertTrue( $data['applied'] );
		$this->assertSame( 'token', $data['changes'][0]['path'] );
		$this->assertSame( 'NewToken2', $data['settings']['settings']['token'] );
		$this->assertSame( Plugin::instance()->settings->revision(), $data['settings']['revision'] );
		$this->assertArrayHasKey( 'status', $data['settings'] );
		$this->assertSame( 'NewToken2', Plugin::instance()->settings->get()['token'] );
		$this->assertSame( self::$secret, Plugin::instance()->settings->get()['events']['webhooks'][0]['secret'], 'The secret left out of the file is kept.' );
	}

	public function test_apply_with_nothing_to_change_writes_nothing(): void {
		$this->store_sample();
		$before   = self::raw_option();
		$response = $this->import( self::exported_file(), true );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array(), $response->get_data()['changes'] );
		$this->assertTrue( $response->get_data()['applied'] );
		$this->assertSame( $before, self::raw_option() );
	}

	public function test_apply_on_a_stale_revision_is_a_conflict(): void {
		$this->store_sample();
		$before   = self::raw_option();
		$response = $this->post_import(
			(string) wp_json_encode(
				array(
					'file'  => self::exported_file( array( 'token' => 'NewToken2' ) ),
					'apply' => true,
				)
			),
			array( 'If-Match' => '"0000000000000000"' )
		);
		$this->assertRefused( $response, 409, 'qualified_integration_conflict', $before );
	}

	public function test_an_older_file_is_migrated_and_says_its_version(): void {
		$this->store_sample();
		$response = $this->import( '{"schemaVersion": 1, "token": "Legacy9Tok", "enabled": true, "excludeRoles": ["administrator"]}' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 1, $response->get_data()['fromVersion'] );
		$paths = array_column( $response->get_data()['changes'], 'path' );
		$this->assertContains( 'token', $paths );
		$this->assertContains( 'experiences.rules[0]', $paths, 'Version 1 had no rules: the migrated file has none.' );
	}

	/**
	 * Bodies the route refuses, and the param named.
	 *
	 * @return array<string, array{string, string|null}>
	 */
	public function data_bad_bodies(): array {
		return array(
			'not JSON'            => array( 'file=abc', null ),
			'a list'              => array( '[{"file": "{}"}]', null ),
			'a string'            => array( '"{}"', null ),
			'null'                => array( 'null', null ),
			'no file'             => array( '{"apply": false}', 'file' ),
			'file an object'      => array( '{"file": {"schemaVersion": 5}}', 'file' ),
			'file null'           => array( '{"file": null}', 'file' ),
			'apply a string'      => array( '{"file": "{}", "apply": "yes"}', 'apply' ),
			'apply a number'      => array( '{"file": "{}", "apply": 1}', 'apply' ),
			'an extra key'        => array( '{"file": "{}", "secrets": true}', 'secrets' ),
			'a hostile extra key' => array( '{"file": "{}", "<script>": true}', 'body' ),
		);
	}

	/**
	 * A body that is not {file, apply} is refused, naming what is wrong.
	 *
	 * @dataProvider data_bad_bodies
	 *
	 * @param string      $body  Body.
	 * @param string|null $param Param named, or null for the whole body.
	 */
	public function test_bad_bodies_are_refused( string $body, ?string $param ): void {
		$this->store_sample();
		$before = self::raw_option();
		$data   = $this->assertRefused( $this->post_import( $body ), 400, 'not JSON' === $this->dataName() ? 'rest_invalid_json' : 'rest_invalid_param', $before );
		if ( null !== $param ) {
			$this->assertArrayHasKey( $param, $data['data']['params'] );
		}
		$this->assertStringNotContainsString( '<script>', (string) wp_json_encode( $data ) );
	}

	public function test_a_body_too_big_for_a_settings_file_is_refused_before_it_is_decoded(): void {
		$this->store_sample();
		$before  = self::raw_option();
		$decoded = false;
		add_filter(
			'rest_request_before_callbacks',
			static function ( $response ) use ( &$decoded ) {
				$decoded = true;
				return $response;
			}
		);
		$file = '{"schemaVersion": 5, "token": "' . str_repeat( 'A', 10 * 1024 * 1024 ) . '"}';
		$data = $this->assertRefused( $this->import( $file ), 413, 'qualified_integration_import_size', $before );
		$this->assertFalse( $decoded, 'Refused before core matched the route and decoded the body.' );
		$this->assertStringContainsString( '1 MB', $data['message'] );

		$header = $this->post_import( '{}', array( 'Content-Length' => (string) ( 3 * 1024 * 1024 ) ) );
		$this->assertSame( 413, $header->get_status(), 'A Content-Length too big is refused too (PHP drops a body over post_max_size).' );
	}

	public function test_a_file_just_under_the_body_limit_is_judged_as_a_file(): void {
		$file     = '{"schemaVersion": 5}' . str_repeat( ' ', Transfer::MAX_BYTES + 10 - 20 );
		$response = $this->import( $file );
		$this->assertSame( 413, $response->get_status() );
		$this->assertSame( 'qualified_integration_import_size', $response->get_data()['code'] ?? rest_get_server()->response_to_data( $response, false )['code'] );
	}

	/**
	 * Files the route refuses, with the code it answers.
	 *
	 * @return array<string, array{string, string}>
	 */
	public function data_bad_files(): array {
		return array(
			'malformed JSON'  => array( '{"schemaVersion": 5, "token": ', 'qualified_integration_import_json' ),
			'a list'          => array( '[1, 2]', 'qualified_integration_import_type' ),
			'no version'      => array( '{"token": "AbCd1234"}', 'qualified_integration_import_version' ),
			'a newer version' => array( '{"schemaVersion": 99, "token": "AbCd1234"}', 'qualified_integration_import_newer' ),
			'unknown fields'  => array( '{"schemaVersion": 5, "colour": "red"}', 'rest_invalid_param' ),
			'a bad value'     => array( '{"schemaVersion": 5, "token": "<script>alert(1)</script>"}', 'rest_invalid_param' ),
		);
	}

	/**
	 * A bad file is refused, with or without apply, and nothing changes.
	 *
	 * @dataProvider data_bad_files
	 *
	 * @param string $file File text.
	 * @param string $code Code.
	 */
	public function test_bad_files_are_refused( string $file, string $code ): void {
		$this->store_sample();
		$before = self::raw_option();
		$this->assertRefused( $this->import( $file ), 400, $code, $before );
		$data = $this->assertRefused( $this->import( $file, true ), 400, $code, $before );
		if ( 'rest_invalid_param' === $code ) {
			$this->assertNotEmpty( $data['data']['params'] );
		}
	}

	public function test_a_newer_file_says_which_versions(): void {
		$data = rest_get_server()->response_to_data( $this->import( '{"schemaVersion": 99}' ), false );
		$this->assertStringContainsString( 'settings version 99', $data['message'] );
		$this->assertStringContainsString( 'up to ' . Schema::VERSION, $data['message'] );
		$this->assertStringContainsString( 'Update the Qualified Integration plugin', $data['message'] );
	}
}
