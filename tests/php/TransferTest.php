<?php
/**
 * The settings file: export document, reading, migration and import plan.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SecretFields;
use QualifiedIntegration\Settings\Transfer;
use WP_Error;

/**
 * Transfer tests, against the real settings option.
 */
final class TransferTest extends TestCase {

	use TransferFixtures;

	/**
	 * The service under test, built as Plugin builds it.
	 *
	 * @return Transfer
	 */
	private static function transfer(): Transfer {
		return new Transfer( Plugin::instance()->settings, Plugin::instance()->migrations );
	}

	/**
	 * Reads and plans a file's text, as an import does.
	 *
	 * @param string $json File text.
	 * @return array<string, mixed>|WP_Error
	 */
	private static function plan_of( string $json ) {
		$document = self::transfer()->read( $json );
		return is_wp_error( $document ) ? $document : self::transfer()->plan( $document );
	}

	/**
	 * Asserts an error's code, and that the stored option did not change.
	 *
	 * @param mixed  $result Result.
	 * @param string $code   Expected code.
	 * @param mixed  $before The raw option before.
	 * @return WP_Error
	 */
	private function assertRefused( $result, string $code, $before ): WP_Error {
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( $code, $result->get_error_code(), $result->get_error_message() );
		$this->assertNotSame( '', $result->get_error_message() );
		$this->assertSame( $before, self::raw_option(), 'Nothing changed.' );
		return $result;
	}

	public function test_the_export_is_the_settings_object_in_schema_order_without_secrets(): void {
		$this->store_sample();
		$document = self::transfer()->export( Plugin::instance()->settings->get(), false );

		$this->assertSame( array_merge( array( 'schemaVersion' ), array_keys( Schema::editable_properties() ) ), array_keys( $document ) );
		$this->assertSame( Schema::VERSION, $document['schemaVersion'] );
		$this->assertSame( 'AbCd1234EfGh5678', $document['token'] );
		$this->assertSame( self::sample_settings()['experiences'], $document['experiences'] );
		$this->assertSame(
			array(
				'id'    => 'crm',
				'label' => 'CRM',
				'url'   => 'https://crm.example.org/hook',
			),
			$document['events']['webhooks'][0],
			'The webhook secret is left out.'
		);
		$this->assertStringNotContainsString( self::$secret, Transfer::to_json( $document ) );
		$this->assertArrayNotHasKey( '_checked', $document );
	}

	public function test_the_export_keeps_secrets_when_asked(): void {
		$this->store_sample();
		$document = self::transfer()->export( Plugin::instance()->settings->get(), true );
		$this->assertSame( self::$secret, $document['events']['webhooks'][0]['secret'] );
		$this->assertSame( array( 'events.webhooks[].secret' ), SecretFields::paths() );
	}

	public function test_the_file_is_indented_json_with_slashes_as_they_are(): void {
		$this->store_sample();
		$json = self::exported_file();
		$this->assertStringStartsWith( "{\n    \"schemaVersion\": " . Schema::VERSION . ",\n", $json );
		$this->assertStringContainsString( '"url": "https://crm.example.org/hook"', $json );
		$this->assertStringEndsWith( "}\n", $json );
	}

	public function test_a_file_exported_here_imports_back_with_nothing_to_change_and_secrets_kept(): void {
		$this->store_sample();
		$before = self::raw_option();

		$plan = self::plan_of( self::exported_file() );

		$this->assertSame(
			array(
				'changes' => array(),
				'diff'    => array(),
			),
			$plan
		);
		$this->assertSame( $before, self::raw_option() );
	}

	public function test_a_file_with_changes_plans_them_as_leaf_paths_and_applying_writes_them(): void {
		$this->store_sample();
		$settings                                     = self::sample_settings();
		$settings['experiences']['rules'][0]['label'] = 'Pricing page';
		$settings['excludeRoles']                     = array( 'administrator', 'editor' );
		$settings['events']['webhooks'][0]['secret']  = 'another-secret-0123456';
		unset( $settings['events']['webhooks'][0]['label'] );

		$plan = self::plan_of( self::exported_file( $settings, true ) );

		$this->assertIsArray( $plan );
		$this->assertSame( array( 'excludeRoles', 'experiences', 'events' ), array_keys( $plan['changes'] ) );
		$this->assertSame(
			array(
				array(
					'path'   => 'excludeRoles[1]',
					'before' => null,
					'after'  => 'editor',
				),
				array(
					'path'   => 'experiences.rules[0].label',
					'before' => 'Pricing visitors',
					'after'  => 'Pricing page',
				),
				array(
					'path'   => 'events.webhooks[0].label',
					'before' => 'CRM',
					'after'  => null,
				),
				array(
					'path'   => 'events.webhooks[0].secret',
					'before' => '(secret)',
					'after'  => '(secret)',
				),
			),
			$plan['diff']
		);
		$this->assertStringNotContainsString( 'another-secret', (string) wp_json_encode( $plan['diff'] ) );

		$this->assertIsArray( Plugin::instance()->settings->update( $plan['changes'] ) );
		$stored = Plugin::instance()->settings->get();
		$this->assertSame( 'Pricing page', $stored['experiences']['rules'][0]['label'] );
		$this->assertSame( 'another-secret-0123456', $stored['events']['webhooks'][0]['secret'] );
		$this->assertSame( 'AbCd1234EfGh5678', $stored['token'], 'A field the file holds unchanged stays.' );
	}

	public function test_a_new_item_is_one_line_with_its_secret_masked(): void {
		$this->store_sample();
		$webhooks               = self::sample_settings()['events'];
		$webhooks['webhooks'][] = array(
			'id'     => 'sheet',
			'url'    => 'https://sheet.example.org/in',
			'secret' => 'sheet-secret-0123456789',
		);

		$plan = self::plan_of( self::exported_file( array( 'events' => $webhooks ), true ) );

		$this->assertIsArray( $plan );
		$this->assertSame(
			array(
				array(
					'path'   => 'events.webhooks[1]',
					'before' => null,
					'after'  => array(
						'id'     => 'sheet',
						'url'    => 'https://sheet.example.org/in',
						'secret' => '(secret)',
					),
				),
			),
			$plan['diff']
		);
		$this->assertSame( 'sheet-secret-0123456789', $plan['changes']['events']['webhooks'][1]['secret'], 'The change itself holds the secret.' );
	}

	public function test_fields_the_file_leaves_out_are_not_touched_and_key_order_does_not_matter(): void {
		$this->store_sample();
		$rule = array_reverse( self::sample_settings()['experiences']['rules'][0], true );
		$file = (string) wp_json_encode(
			array(
				'schemaVersion' => Schema::VERSION,
				'experiences'   => array(
					'rules' => array( $rule, self::sample_settings()['experiences']['rules'][1] ),
					'spa'   => false,
				),
			)
		);

		$this->assertSame(
			array(
				'changes' => array(),
				'diff'    => array(),
			),
			self::plan_of( $file )
		);
	}

	public function test_a_webhook_without_its_secret_keeps_the_stored_one_and_a_new_one_needs_one(): void {
		$this->store_sample();
		$events                       = self::sample_settings()['events'];
		$events['webhooks'][0]['url'] = 'https://crm.example.org/hook2';
		unset( $events['webhooks'][0]['secret'] );

		$plan = self::plan_of( self::exported_file( array( 'events' => $events ) ) );
		$this->assertIsArray( $plan );
		$this->assertSame( self::$secret, $plan['changes']['events']['webhooks'][0]['secret'] );
		$this->assertSame( array( 'events.webhooks[0].url' ), array_column( $plan['diff'], 'path' ) );

		$before                      = self::raw_option();
		$events['webhooks'][0]['id'] = 'other';
		$refused                     = $this->assertRefused( self::plan_of( self::exported_file( array( 'events' => $events ) ) ), 'rest_invalid_param', $before );
		$this->assertSame( array( 'events.webhooks[0].secret' ), array_keys( $refused->get_error_data()['params'] ) );
	}

	/**
	 * Texts that are not JSON.
	 *
	 * @return array<string, array{string}>
	 */
	public function data_malformed(): array {
		return array(
			'empty'          => array( '' ),
			'truncated'      => array( '{"schemaVersion": 5, "token": "Abc' ),
			'trailing comma' => array( '{"schemaVersion": 5,}' ),
			'single quotes'  => array( "{'schemaVersion': 5}" ),
			'not UTF-8'      => array( "{\"schemaVersion\": 5, \"token\": \"\xff\xfe\"}" ),
			'too deep'       => array( str_repeat( '[', 100 ) . str_repeat( ']', 100 ) ),
		);
	}

	/**
	 * Malformed JSON is refused with its own code and nothing changes.
	 *
	 * @dataProvider data_malformed
	 *
	 * @param string $json Text.
	 */
	public function test_malformed_json_is_refused( string $json ): void {
		$this->store_sample();
		$before = self::raw_option();
		$error  = $this->assertRefused( self::transfer()->read( $json ), 'qualified_integration_import_json', $before );
		$this->assertStringContainsString( 'not valid JSON', $error->get_error_message() );
		$this->assertSame( 400, $error->get_error_data()['status'] );
	}

	/**
	 * Valid JSON that is not one object.
	 *
	 * @return array<string, array{string, string}>
	 */
	public function data_wrong_top_level(): array {
		return array(
			'a list'        => array( '[{"schemaVersion": 5}]', 'a list' ),
			'an empty list' => array( '[]', 'a list' ),
			'a string'      => array( '"AbCd1234"', 'a text' ),
			'a number'      => array( '5', 'a number' ),
			'true'          => array( 'true', 'true or false' ),
			'null'          => array( 'null', 'null' ),
		);
	}

	/**
	 * A top level that is not an object is refused, saying what it is.
	 *
	 * @dataProvider data_wrong_top_level
	 *
	 * @param string $json Text.
	 * @param string $what How the message names it.
	 */
	public function test_a_top_level_that_is_not_an_object_is_refused( string $json, string $what ): void {
		$before = self::raw_option();
		$error  = $this->assertRefused( self::transfer()->read( $json ), 'qualified_integration_import_type', $before );
		$this->assertStringEndsWith( 'this one holds ' . $what . '.', $error->get_error_message() );
	}

	public function test_an_empty_object_and_a_byte_order_mark_are_read(): void {
		$this->assertSame( 'qualified_integration_import_version', self::transfer()->read( '{}' )->get_error_code() );
		$this->assertSame( array( 'schemaVersion' => Schema::VERSION ), self::transfer()->read( "\xEF\xBB\xBF{\"schemaVersion\": " . Schema::VERSION . '}' ) );
	}

	public function test_a_ten_megabyte_file_is_refused_before_decoding(): void {
		$this->store_sample();
		$before = self::raw_option();
		$file   = '{"schemaVersion": 5, "token": "' . str_repeat( 'A', 10 * 1024 * 1024 ) . '"}';

		$start = microtime( true );
		$error = $this->assertRefused( self::transfer()->read( $file ), 'qualified_integration_import_size', $before );
		$this->assertLessThan( 0.5, microtime( true ) - $start, 'Refused without decoding 10 MB.' );
		$this->assertStringContainsString( '10.0 MB', $error->get_error_message() );
		$this->assertStringContainsString( '1 MB', $error->get_error_message() );
		$this->assertSame( 413, $error->get_error_data()['status'] );

		$this->assertIsArray( self::transfer()->decode( '{"schemaVersion": 5}' . str_repeat( ' ', Transfer::MAX_BYTES - 20 ) ), 'A file of exactly 1 MB is read.' );
		$this->assertSame( 'qualified_integration_import_size', self::transfer()->decode( '{"schemaVersion": 5}' . str_repeat( ' ', Transfer::MAX_BYTES - 19 ) )->get_error_code() );
	}

	/**
	 * Values of schemaVersion this plugin cannot read.
	 *
	 * @return array<string, array{string}>
	 */
	public function data_bad_version(): array {
		return array(
			'missing' => array( '{"token": "AbCd1234"}' ),
			'text'    => array( '{"schemaVersion": "5"}' ),
			'float'   => array( '{"schemaVersion": 4.5}' ),
			'zero'    => array( '{"schemaVersion": 0}' ),
			'null'    => array( '{"schemaVersion": null}' ),
		);
	}

	/**
	 * A missing or malformed schemaVersion is refused.
	 *
	 * @dataProvider data_bad_version
	 *
	 * @param string $json Text.
	 */
	public function test_a_bad_schema_version_is_refused( string $json ): void {
		$before = self::raw_option();
		$this->assertRefused( self::transfer()->read( $json ), 'qualified_integration_import_version', $before );
	}

	public function test_a_file_from_a_newer_version_is_refused_with_both_versions_and_what_to_do(): void {
		$this->store_sample();
		$before = self::raw_option();
		$newer  = Schema::VERSION + 1;
		$error  = $this->assertRefused( self::transfer()->read( '{"schemaVersion": ' . $newer . ', "token": "AbCd1234", "futureField": true}' ), 'qualified_integration_import_newer', $before );

		$this->assertSame(
			'This file is from a newer version of the plugin (settings version ' . $newer . '); this plugin reads settings versions up to ' . Schema::VERSION . '. Update the Qualified Integration plugin on this site, then import the file again.',
			$error->get_error_message()
		);
		$this->assertSame( $newer, $error->get_error_data()['fileVersion'] );
	}

	public function test_a_version_1_file_is_migrated_with_the_upgrade_steps(): void {
		$document = self::transfer()->read( '{"schemaVersion": 1, "enabled": false, "token": "Legacy9Tok", "excludeRoles": ["editor"]}' );

		$this->assertSame(
			array(
				'schemaVersion' => Schema::VERSION,
				'enabled'       => false,
				'token'         => 'Legacy9Tok',
				'excludeRoles'  => array( 'editor' ),
				'identity'      => array( 'mappings' => array() ),
				'experiences'   => array(
					'spa'   => false,
					'rules' => array(),
				),
				'events'        => array(
					'handlers'      => array(),
					'webhooks'      => array(),
					'retentionDays' => 90,
				),
				'loading'       => array(
					'strategy'        => 'immediate',
					'maxDelay'        => 0,
					'consentCategory' => 'marketing',
				),
			),
			$document
		);
	}

	public function test_a_version_4_file_loads_immediately_as_version_4_did_and_the_preview_says_so(): void {
		$this->store_sample();
		$this->assertIsArray(
			Plugin::instance()->settings->update(
				array(
					'loading' => array(
						'strategy'        => 'idle',
						'maxDelay'        => 0,
						'consentCategory' => 'marketing',
					),
				)
			)
		);
		$v4 = json_decode( self::exported_file(), true );
		unset( $v4['loading'] );
		$v4['schemaVersion'] = 4;

		$plan = self::plan_of( (string) wp_json_encode( $v4 ) );

		$this->assertIsArray( $plan );
		$this->assertSame(
			array(
				array(
					'path'   => 'loading.strategy',
					'before' => 'idle',
					'after'  => 'immediate',
				),
			),
			$plan['diff']
		);
	}

	public function test_migration_steps_added_by_a_filter_run_on_files_too(): void {
		add_filter(
			'qualified_integration_migrations',
			static function ( array $steps ): array {
				$inner    = $steps[3];
				$steps[3] = static function ( array $settings ) use ( $inner ): array {
					$settings          = $inner( $settings );
					$settings['token'] = strtoupper( (string) ( $settings['token'] ?? '' ) );
					return $settings;
				};
				return $steps;
			}
		);
		$this->assertSame( 'LEGACY9TOK', self::transfer()->read( '{"schemaVersion": 2, "token": "legacy9tok"}' )['token'] );
		$this->assertSame( 'legacy9tok', self::transfer()->read( '{"schemaVersion": 3, "token": "legacy9tok"}' )['token'], 'Only steps after the file\'s version run.' );
	}

	public function test_unknown_fields_are_refused_each_by_name(): void {
		$this->store_sample();
		$before = self::raw_option();
		$error  = $this->assertRefused(
			self::transfer()->read( '{"schemaVersion": 5, "token": "AbCd1234", "colour": "red", "_checked": {}, "<img src=x onerror=alert(1)>": 1}' ),
			'rest_invalid_param',
			$before
		);
		$params = $error->get_error_data()['params'];
		$this->assertSame( 'colour is not a setting you can change.', $params['colour'] );
		$this->assertSame( '_checked is not a setting you can change.', $params['_checked'] );
		$this->assertStringNotContainsString( '<img', (string) wp_json_encode( $error->get_error_data() ), 'A hostile name is not echoed.' );
		$this->assertSame( 400, $error->get_error_data()['status'] );
	}

	public function test_every_bad_value_is_named_at_once_and_nothing_changes(): void {
		$this->store_sample();
		$before = self::raw_option();
		$file   = self::exported_file(
			array(
				'enabled'      => 'yes',
				'token'        => 'not a token!',
				'excludeRoles' => array( 'administrator', 'no-such-role' ),
				'loading'      => null,
			)
		);

		$error = $this->assertRefused( self::plan_of( $file ), 'rest_invalid_param', $before );

		$this->assertSame( array( 'enabled', 'token', 'excludeRoles[1]', 'loading' ), array_keys( $error->get_error_data()['params'] ) );
		$this->assertSame( $error->get_error_data()['params']['enabled'], $error->get_error_message() );
		$this->assertSame( array( 'enabled', 'token', 'excludeRoles[1]', 'loading' ), array_keys( $error->get_error_data()['details'] ) );
	}

	/**
	 * Hostile strings that the schema refuses where they are.
	 *
	 * @return array<string, array{array<string, mixed>, string}>
	 */
	public function data_refused_hostile(): array {
		$rules                                    = self::sample_settings()['experiences'];
		$script                                   = $rules;
		$script['rules'][0]['then']['experience'] = '"><script>alert(1)</script>';
		$regex                                    = $rules;
		$regex['rules'][0]['when'][0]             = array(
			'type'  => 'path',
			'op'    => 'regex',
			'value' => '^(a+)+$',
		);
		$extra                                    = $rules;
		$extra['rules'][0]['then']['onclick']     = 'alert(1)';
		$handler                                  = array(
			'handlers'      => array(
				array(
					'kind'    => 'event',
					'name'    => "Meeting\x1b[31mBooked",
					'actions' => array(
						array(
							'type' => 'redirect',
							'url'  => 'javascript:alert(1)',
						),
					),
				),
			),
			'webhooks'      => array(),
			'retentionDays' => 90,
		);
		return array(
			'a script tag as a token'        => array( array( 'token' => '<script>alert(1)</script>' ), 'token' ),
			'a token with a newline'         => array( array( 'token' => "AbCd1234\n" ), 'token' ),
			'markup as an experience name'   => array( array( 'experiences' => $script ), 'experiences.rules[0].then.experience' ),
			'a catastrophic regex'           => array( array( 'experiences' => $regex ), 'experiences.rules[0].when[0].value' ),
			'a key the schema does not have' => array( array( 'experiences' => $extra ), 'experiences.rules[0].then.onclick' ),
			'an escape sequence in an event' => array( array( 'events' => $handler ), 'events.handlers[0].name' ),
			'a javascript: redirect'         => array( array( 'events' => $handler ), 'events.handlers[0].actions[0].url' ),
			'a role made of markup'          => array( array( 'excludeRoles' => array( '<b>admin</b>' ) ), 'excludeRoles[0]' ),
		);
	}

	/**
	 * Hostile strings are refused where the schema refuses them.
	 *
	 * @dataProvider data_refused_hostile
	 *
	 * @param array<string, mixed> $fields Fields of the file.
	 * @param string               $path   Path that must be named.
	 */
	public function test_hostile_strings_are_refused_where_the_schema_refuses_them( array $fields, string $path ): void {
		$this->store_sample();
		$before = self::raw_option();
		$error  = $this->assertRefused( self::plan_of( self::exported_file( $fields ) ), 'rest_invalid_param', $before );
		$this->assertArrayHasKey( $path, $error->get_error_data()['params'] );
	}

	public function test_hostile_strings_the_schema_allows_are_stored_as_they_are_and_printed_inert(): void {
		$this->store_sample();
		$hostile                                     = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
		$experiences                                 = self::sample_settings()['experiences'];
		$experiences['rules'][0]['label']            = $hostile;
		$experiences['rules'][0]['when'][0]['value'] = '/pricing"><script>alert(3)</script>';
		$events                                      = self::sample_settings()['events'];
		$events['webhooks'][0]['label']              = $hostile;

		$plan = self::plan_of(
			self::exported_file(
				array(
					'experiences' => $experiences,
					'events'      => $events,
				)
			)
		);
		$this->assertIsArray( $plan );
		$this->assertIsArray( Plugin::instance()->settings->update( $plan['changes'] ) );

		$stored = Plugin::instance()->settings->get();
		$this->assertSame( $hostile, $stored['experiences']['rules'][0]['label'], 'Stored exactly: escaping is the printer\'s job.' );
		$this->assertSame( $hostile, $stored['events']['webhooks'][0]['label'] );

		$head = $this->printed_config_json( '/' );
		$this->assertStringNotContainsString( '<script>alert', $this->render_head() );
		$this->assertStringNotContainsString( 'alert(1)', $head, 'Labels never reach a page.' );
		$this->assertStringContainsString( '\u003Cscript\u003Ealert(3)', $head, 'A condition value reaches the page as inert JSON.' );
	}
}
