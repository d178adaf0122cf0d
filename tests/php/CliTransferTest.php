<?php
/**
 * `wp qualified export|import|validate`, run through the real WP-CLI.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

// phpcs:disable WordPress.WP.AlternativeFunctions -- Test files in the temporary folder.

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\Transfer;

/**
 * Settings file command tests.
 */
final class CliTransferTest extends CliTestCase {

	use TransferFixtures;

	/**
	 * Files written by the test.
	 *
	 * @var string[]
	 */
	private $files = array();

	/**
	 * Deletes the test's files.
	 */
	protected function tear_down() {
		foreach ( $this->files as $file ) {
			if ( is_file( $file ) ) {
				unlink( $file );
			}
		}
		parent::tear_down();
	}

	/**
	 * Writes a file in the temporary folder and returns its path.
	 *
	 * @param string $text Content.
	 * @return string
	 */
	private function file( string $text ): string {
		$file          = (string) tempnam( sys_get_temp_dir(), 'qi-cli-' );
		$this->files[] = $file;
		file_put_contents( $file, $text );
		return $file;
	}

	public function test_export_prints_the_document_without_secrets_and_says_so(): void {
		$this->store_sample();
		$result = $this->wp( array( 'qualified', 'export' ) );

		$this->assertExit( 0, $result );
		$this->assertSame( self::exported_file(), $result['stdout'] );
		$this->assertStringNotContainsString( self::$secret, $result['stdout'] );
		$this->assertSame( "Warning: Webhook secrets were left out; add --secrets to include them.\n", $result['stderr'] );
	}

	public function test_export_to_a_file_with_secrets(): void {
		$this->store_sample();
		$file   = $this->file( 'old content' );
		$result = $this->wp( array( 'qualified', 'export', '--file=' . $file, '--secrets' ) );

		$this->assertExit( 0, $result );
		$this->assertSame( 'Success: Exported the settings to ' . $file . ".\n", $result['stdout'] );
		$this->assertSame( '', $result['stderr'] );
		$this->assertSame( self::exported_file( array(), true ), file_get_contents( $file ) );
		$this->assertStringContainsString( self::$secret, (string) file_get_contents( $file ) );
	}

	public function test_export_to_a_folder_that_does_not_exist_exits_1(): void {
		$result = $this->wp( array( 'qualified', 'export', '--file=/nonexistent-folder/q.json' ) );
		$this->assertExit( 1, $result );
		$this->assertStringContainsString( 'Error: Cannot write /nonexistent-folder/q.json', $result['stderr'] );
	}

	public function test_a_dry_run_prints_the_diff_and_changes_nothing(): void {
		$this->store_sample();
		$before                                       = self::raw_option();
		$settings                                     = self::sample_settings();
		$settings['token']                            = 'NewToken2';
		$settings['experiences']['rules'][0]['label'] = 'Pricing page';
		$file = $this->file( self::exported_file( $settings ) );

		$result = $this->wp( array( 'qualified', 'import', $file, '--dry-run' ) );

		$this->assertExit( 0, $result );
		$this->assertSame(
			"token: \"AbCd1234EfGh5678\" -> \"NewToken2\"\n"
			. "experiences.rules[0].label: \"Pricing visitors\" -> \"Pricing page\"\n"
			. "Success: Dry run: 2 changes listed; nothing was changed.\n",
			$result['stdout']
		);
		$this->assertSame( $before, self::raw_option() );
	}

	public function test_import_with_yes_applies_the_file_and_keeps_the_secret(): void {
		$this->store_sample();
		$file = $this->file( self::exported_file( array( 'token' => 'NewToken2' ) ) );

		$result = $this->wp( array( 'qualified', 'import', $file, '--yes' ) );

		$this->assertExit( 0, $result );
		$this->assertSame( "token: \"AbCd1234EfGh5678\" -> \"NewToken2\"\nSuccess: Imported the file: 1 change applied.\n", $result['stdout'] );
		$this->assertSame( 'NewToken2', Plugin::instance()->settings->get()['token'] );
		$this->assertSame( self::$secret, Plugin::instance()->settings->get()['events']['webhooks'][0]['secret'] );
	}

	public function test_import_asks_first_and_n_changes_nothing(): void {
		$this->store_sample();
		$before = self::raw_option();
		$file   = $this->file( self::exported_file( array( 'token' => 'NewToken2' ) ) );

		$no = $this->wp( array( 'qualified', 'import', $file ), "n\n" );
		$this->assertExit( 0, $no );
		$this->assertStringEndsWith( 'Apply this 1 change? [y/n] ', $no['stdout'] );
		$this->assertSame( $before, self::raw_option() );

		$yes = $this->wp( array( 'qualified', 'import', $file ), "y\n" );
		$this->assertExit( 0, $yes );
		$this->assertStringEndsWith( "Success: Imported the file: 1 change applied.\n", $yes['stdout'] );
		$this->assertSame( 'NewToken2', Plugin::instance()->settings->get()['token'] );
	}

	public function test_import_from_standard_input(): void {
		$this->store_sample();
		$before = self::raw_option();
		$file   = self::exported_file( array( 'token' => 'NewToken2' ) );

		$ask = $this->wp( array( 'qualified', 'import', '-' ), $file );
		$this->assertExit( 1, $ask );
		$this->assertStringStartsWith( 'Error: The file comes from standard input, so there is no way to ask', $ask['stderr'] );
		$this->assertSame( $before, self::raw_option() );

		$dry = $this->wp( array( 'qualified', 'import', '-', '--dry-run' ), $file );
		$this->assertExit( 0, $dry );
		$this->assertSame( $before, self::raw_option() );

		$yes = $this->wp( array( 'qualified', 'import', '-', '--yes' ), $file );
		$this->assertExit( 0, $yes );
		$this->assertSame( 'NewToken2', Plugin::instance()->settings->get()['token'] );
	}

	public function test_a_file_that_matches_has_nothing_to_change(): void {
		$this->store_sample();
		$before = self::raw_option();
		$result = $this->wp( array( 'qualified', 'import', $this->file( self::exported_file() ), '--yes' ) );
		$this->assertExit( 0, $result );
		$this->assertSame( "Success: Nothing to change: the settings already match the file.\n", $result['stdout'] );
		$this->assertSame( $before, self::raw_option() );
	}

	/**
	 * Files every command refuses, and the start of the error.
	 *
	 * @return array<string, array{string, string}>
	 */
	public function data_refused_files(): array {
		$newer = Schema::VERSION + 1;
		return array(
			'malformed JSON'      => array( '{"schemaVersion": 5, "token": "Abc', 'Error: The file is not valid JSON (' ),
			'a list'              => array( '[{"schemaVersion": 5}]', 'Error: The file must hold one JSON object' ),
			'a string'            => array( '"AbCd1234"', 'Error: The file must hold one JSON object' ),
			'no version'          => array( '{"token": "AbCd1234"}', 'Error: The file has no schemaVersion' ),
			'a newer version'     => array( '{"schemaVersion": ' . $newer . ', "token": "AbCd1234"}', 'Error: This file is from a newer version of the plugin (settings version ' . $newer . '); this plugin reads settings versions up to ' . Schema::VERSION . '. Update the Qualified Integration plugin' ),
			'unknown fields'      => array( '{"schemaVersion": 5, "colour": "red", "size": 3}', "Error: colour is not a setting you can change.\nsize is not a setting you can change." ),
			'a markup token'      => array( '{"schemaVersion": 5, "token": "<script>alert(1)</script>"}', 'Error: Site token: use only letters and digits' ),
			'an escape in a name' => array( '{"schemaVersion": 5, "events": {"handlers": [{"kind": "event", "name": "x\u001b[2J", "actions": [{"type": "dataLayer", "event": "e"}]}], "webhooks": [], "retentionDays": 90}}', 'Error: Handler 1, Event name' ),
		);
	}

	/**
	 * A bad file: import (dry run or not) and validate exit 1, nothing changes.
	 *
	 * @dataProvider data_refused_files
	 *
	 * @param string $text   File content.
	 * @param string $stderr Start of the error.
	 */
	public function test_bad_files_are_refused_by_import_and_validate( string $text, string $stderr ): void {
		$this->store_sample();
		$before = self::raw_option();
		$file   = $this->file( $text );

		foreach ( array( array( 'import', $file, '--yes' ), array( 'import', $file, '--dry-run' ), array( 'validate', $file ) ) as $args ) {
			$result = $this->wp( array_merge( array( 'qualified' ), $args ) );
			$this->assertExit( 1, $result );
			$this->assertStringStartsWith( $stderr, $result['stderr'] );
			$this->assertStringNotContainsString( "\x1b", $result['stderr'], 'No escape sequence reaches the terminal.' );
			$this->assertSame( $before, self::raw_option(), 'Nothing changed.' );
		}
	}

	public function test_a_ten_megabyte_file_is_refused_without_reading_it(): void {
		$this->store_sample();
		$before = self::raw_option();
		$file   = $this->file( '{"schemaVersion": 5, "token": "' . str_repeat( 'A', 10 * 1024 * 1024 ) . '"}' );

		$result = $this->wp( array( 'qualified', 'import', $file, '--yes' ) );

		$this->assertExit( 1, $result );
		$this->assertStringStartsWith( 'Error: The file is 10.0 MB; the largest settings file this plugin imports is 1 MB.', $result['stderr'] );
		$this->assertSame( $before, self::raw_option() );
	}

	public function test_files_that_are_not_files(): void {
		foreach ( array( '/nonexistent/q.json', sys_get_temp_dir(), 'https://example.org/q.json', 'php://stdin' ) as $file ) {
			$result = $this->wp( array( 'qualified', 'validate', $file ) );
			$this->assertExit( 1, $result );
			$this->assertStringStartsWith( 'Error: ', $result['stderr'] );
		}
	}

	public function test_an_older_file_is_migrated_and_says_so(): void {
		$this->store_sample();
		$file   = $this->file( '{"schemaVersion": 1, "enabled": false, "token": "AbCd1234EfGh5678", "excludeRoles": ["administrator"]}' );
		$result = $this->wp( array( 'qualified', 'import', $file, '--dry-run' ) );

		$this->assertExit( 0, $result );
		$this->assertStringStartsWith( 'The file is from settings version 1; it was brought up to version ' . Schema::VERSION . " as an upgrade would.\nenabled: true -> false\n", $result['stdout'] );
	}

	public function test_validate_lists_every_problem_and_exits_1(): void {
		$this->store_sample();
		$file = $this->file(
			self::exported_file(
				array(
					'enabled'      => 'yes',
					'token'        => 'not a token!',
					'excludeRoles' => array( 'ghost' ),
					'colour'       => 'red',
				)
			)
		);

		$result = $this->wp( array( 'qualified', 'validate', $file ) );

		$this->assertExit( 1, $result );
		$lines = explode( "\n", trim( $result['stderr'] ) );
		$this->assertCount( 4, $lines, $result['stderr'] );
		$this->assertStringStartsWith( 'Error: Load Qualified: ', $lines[0] );
		$this->assertStringStartsWith( 'Site token: ', $lines[1] );
		$this->assertStringStartsWith( 'Never load for these roles: ghost', $lines[2] );
		$this->assertSame( 'colour is not a setting you can change.', $lines[3] );
	}

	public function test_validate_a_good_file_exits_0_and_counts_the_changes(): void {
		$this->store_sample();
		$before = self::raw_option();
		$result = $this->wp( array( 'qualified', 'validate', $this->file( self::exported_file( array( 'token' => 'NewToken2' ) ) ) ) );
		$this->assertExit( 0, $result );
		$this->assertSame( "Success: The file is valid: importing it here would change 1 value.\n", $result['stdout'] );
		$this->assertSame( $before, self::raw_option() );
	}

	public function test_import_of_a_locked_field(): void {
		$this->store_sample();
		$before = self::raw_option();

		$same = $this->wp( array( self::lock_token_fixture(), 'qualified', 'import', $this->file( self::exported_file( array( 'token' => 'Locked9Token' ) ) ), '--yes' ) );
		$this->assertExit( 0, $same );
		$this->assertSame( "Success: Nothing to change: the settings already match the file.\n", $same['stdout'], 'The value in force is skipped silently.' );

		$other = $this->wp( array( self::lock_token_fixture(), 'qualified', 'import', $this->file( self::exported_file( array( 'token' => 'Other1' ) ) ), '--yes' ) );
		$this->assertExit( 1, $other );
		$this->assertSame( "Error: Site token: locked by the QUALIFIED_INTEGRATION_TOKEN constant in wp-config.php.\n", $other['stderr'] );
		$this->assertSame( $before, self::raw_option() );
	}

	public function test_a_site_exported_with_wp_cli_imports_into_rest_the_same(): void {
		$this->store_sample();
		$export   = $this->wp( array( 'qualified', 'export', '--secrets' ) )['stdout'];
		$transfer = new Transfer( Plugin::instance()->settings, Plugin::instance()->migrations );
		$this->assertSame( $transfer->export( Plugin::instance()->settings->get(), true ), json_decode( $export, true ) );
	}
}
