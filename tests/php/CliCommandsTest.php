<?php
/**
 * `wp qualified status|get|set`, run through the real WP-CLI.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use WP_REST_Request;

/**
 * Status and settings command tests.
 */
final class CliCommandsTest extends CliTestCase {

	use TransferFixtures;

	/**
	 * The message REST answers for a change (and whether it was refused).
	 *
	 * @param array<string, mixed> $changes Change.
	 * @return string
	 */
	private function rest_message( array $changes ): string {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$request = new WP_REST_Request( 'POST', '/qualified-integration/v1/settings' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $changes ) );
		$response = rest_get_server()->dispatch( $request );
		wp_set_current_user( 0 );
		$this->assertSame( 400, $response->get_status() );
		return (string) $response->get_data()['message'];
	}

	public function test_wp_cli_runs_on_the_php_that_runs_phpunit_against_this_site(): void {
		$result = $this->wp( array( 'cli', 'info' ) );
		$this->assertExit( 0, $result );
		$this->assertStringContainsString( "PHP version:\t" . PHP_VERSION . "\n", $result['stdout'] );

		// What this process commits, the command reads: the same site and database.
		$this->store_settings( array( 'token' => 'Seen1By2Cli' ) );
		$this->assertSame( "Seen1By2Cli\n", $this->wp( array( 'qualified', 'get', 'token' ) )['stdout'] );
	}

	public function test_the_commands_are_listed_under_wp_qualified(): void {
		$result = $this->wp( array( 'help', 'qualified' ) );
		$this->assertExit( 0, $result );
		foreach ( array( 'events', 'export', 'get', 'import', 'set', 'status', 'validate' ) as $command ) {
			$this->assertMatchesRegularExpression( '/^  ' . $command . ' /m', $result['stdout'] );
		}
		$this->assertSame( '', $result['stderr'] );
	}

	public function test_status_says_why_qualified_is_not_live(): void {
		$this->store_settings(
			array(
				'enabled' => false,
				'token'   => '',
			)
		);
		$result = $this->wp( array( 'qualified', 'status' ) );

		$this->assertExit( 0, $result );
		$this->assertSame(
			"Qualified is not live on http://127.0.0.1:9/:\n- Load Qualified is off.\n- No site token is set.\nToken: not set.\n",
			$result['stdout']
		);
		$this->assertSame( '', $result['stderr'] );
	}

	public function test_status_when_live_names_the_token_source_as_the_settings(): void {
		$this->store_sample();
		$text = $this->wp( array( 'qualified', 'status' ) );
		$this->assertExit( 0, $text );
		$this->assertSame( "Qualified is live: http://127.0.0.1:9/ loads it.\nToken: from the settings.\n", $text['stdout'] );

		$json = $this->wp( array( 'qualified', 'status', '--format=json' ) );
		$this->assertExit( 0, $json );
		$this->assertSame(
			array(
				'live'     => true,
				'reasons'  => array(),
				'homeUrl'  => 'http://127.0.0.1:9/',
				'token'    => array(
					'source'   => 'option',
					'constant' => null,
				),
				'problems' => array(),
			),
			json_decode( $json['stdout'], true )
		);
	}

	public function test_status_names_the_token_constant_and_refused_values(): void {
		$this->store_sample();
		$this->store_raw_settings( array_merge( Plugin::instance()->settings->stored(), array( 'excludeRoles' => array( 'administrator', 'gone-role' ) ) ) );

		$result = $this->wp( array( self::lock_token_fixture(), 'qualified', 'status' ) );

		$this->assertExit( 0, $result );
		$this->assertStringContainsString( "Token: from the QUALIFIED_INTEGRATION_TOKEN constant in wp-config.php.\n", $result['stdout'] );
		$this->assertStringContainsString( "- excludeRoles[1]: Never load for these roles: gone-role is not a role on this site.\n", $result['stdout'] );
		$json = json_decode( $this->wp( array( self::lock_token_fixture(), 'qualified', 'status', '--format=json' ) )['stdout'], true );
		$this->assertSame( 'constant', $json['token']['source'] );
		$this->assertSame( 'QUALIFIED_INTEGRATION_TOKEN', $json['token']['constant'] );
	}

	public function test_get_prints_the_settings_in_force_as_json(): void {
		$this->store_sample();
		$result = $this->wp( array( 'qualified', 'get' ) );

		$this->assertExit( 0, $result );
		$this->assertSame( Plugin::instance()->settings->get(), json_decode( $result['stdout'], true ) );
		$this->assertStringContainsString( '"url": "https://crm.example.org/hook"', $result['stdout'], 'Indented, slashes as they are.' );
	}

	/**
	 * Paths and what `get` prints for them.
	 *
	 * @return array<string, array{string[], string}>
	 */
	public function data_get(): array {
		return array(
			'text, plain'       => array( array( 'token' ), "AbCd1234EfGh5678\n" ),
			'text as JSON'      => array( array( 'token', '--format=json' ), "\"AbCd1234EfGh5678\"\n" ),
			'a boolean'         => array( array( 'enabled' ), "true\n" ),
			'a number'          => array( array( 'events.retentionDays' ), "90\n" ),
			'a list item'       => array( array( 'excludeRoles[0]' ), "administrator\n" ),
			'a nested leaf'     => array( array( 'experiences.rules[0].then.experience' ), "experience-1234\n" ),
			'dots for an index' => array( array( 'experiences.rules.1.then.action' ), "hide\n" ),
			'an object'         => array( array( 'experiences.rules[1].then' ), "{\n    \"action\": \"hide\"\n}\n" ),
			'a list'            => array( array( 'excludeRoles' ), "[\n    \"administrator\"\n]\n" ),
		);
	}

	/**
	 * `get <path>` prints text as it is and objects as JSON.
	 *
	 * @dataProvider data_get
	 *
	 * @param string[] $args   Arguments after `get`.
	 * @param string   $stdout What it prints.
	 */
	public function test_get_a_path( array $args, string $stdout ): void {
		$this->store_sample();
		$result = $this->wp( array_merge( array( 'qualified', 'get' ), $args ) );
		$this->assertExit( 0, $result );
		$this->assertSame( $stdout, $result['stdout'] );
	}

	/**
	 * Paths `get` cannot answer.
	 *
	 * @return array<string, array{string, string}>
	 */
	public function data_get_missing(): array {
		return array(
			'no such field' => array( 'colour', "Error: There is no setting at colour.\n" ),
			'past a list'   => array( 'excludeRoles[3]', "Error: There is no setting at excludeRoles[3].\n" ),
			'into text'     => array( 'token.length', "Error: There is no setting at token.length.\n" ),
			'not a path'    => array( 'rules[', "Error: \"rules[\" is not a settings path. Write names joined by dots and list items by number in brackets, e.g. experiences.rules[0].label.\n" ),
		);
	}

	/**
	 * `get` of a path that holds nothing exits 1.
	 *
	 * @dataProvider data_get_missing
	 *
	 * @param string $path   Path.
	 * @param string $stderr Message.
	 */
	public function test_get_a_missing_path_exits_1( string $path, string $stderr ): void {
		$this->store_sample();
		$result = $this->wp( array( 'qualified', 'get', $path ) );
		$this->assertExit( 1, $result );
		$this->assertSame( '', $result['stdout'] );
		$this->assertSame( $stderr, $result['stderr'] );
	}

	public function test_set_changes_a_field_through_the_repository(): void {
		$this->store_sample();
		$result = $this->wp( array( 'qualified', 'set', 'token', 'NewToken2' ) );

		$this->assertExit( 0, $result );
		$this->assertSame( "Success: Set token.\n", $result['stdout'] );
		$this->assertSame( 'NewToken2', Plugin::instance()->settings->get()['token'] );
		$this->assertSame( self::sample_settings()['experiences'], Plugin::instance()->settings->get()['experiences'], 'Nothing else moved.' );
	}

	/**
	 * Paths and values `set` takes, and what they change.
	 *
	 * @return array<string, array{string[], string, mixed}>
	 */
	public function data_set(): array {
		return array(
			'a JSON boolean'   => array( array( 'enabled', 'false' ), 'enabled', false ),
			'a JSON list'      => array( array( 'excludeRoles', '["administrator","editor"]' ), 'excludeRoles', array( 'administrator', 'editor' ) ),
			'an item appended' => array( array( 'excludeRoles[1]', 'editor' ), 'excludeRoles', array( 'administrator', 'editor' ) ),
			'a nested leaf'    => array( array( 'experiences.rules[0].label', 'Pricing page' ), 'experiences.rules[0].label', 'Pricing page' ),
			'a key added'      => array( array( 'experiences.rules[1].oncePerVisit', 'true' ), 'experiences.rules[1].oncePerVisit', true ),
			'a JSON object'    => array( array( 'experiences.rules[1].then', '{"action":"open"}' ), 'experiences.rules[1].then', array( 'action' => 'open' ) ),
			'a number'         => array( array( 'events.retentionDays', '30' ), 'events.retentionDays', 30 ),
			'digits as text'   => array( array( 'token', '12345678', '--string' ), 'token', '12345678' ),
		);
	}

	/**
	 * `set` reads JSON when it is JSON, else text, and applies the path.
	 *
	 * @dataProvider data_set
	 *
	 * @param string[] $args  Arguments after `set`.
	 * @param string   $path  Path to read back.
	 * @param mixed    $value Value it holds after.
	 */
	public function test_set_a_path( array $args, string $path, $value ): void {
		$this->store_sample();
		$result = $this->wp( array_merge( array( 'qualified', 'set' ), $args ) );
		$this->assertExit( 0, $result );
		$read = $this->wp( array( 'qualified', 'get', $path, '--format=json' ) );
		$this->assertSame( $value, json_decode( $read['stdout'], true ) );
	}

	/**
	 * Bad values, as `set` arguments and as the same change through REST.
	 *
	 * @return array<string, array{string[], array<string, mixed>}>
	 */
	public function data_set_refused(): array {
		$rules                                 = self::sample_settings()['experiences'];
		$regex                                 = $rules;
		$regex['rules'][0]['when'][0]['op']    = 'regex';
		$regex['rules'][0]['when'][0]['value'] = '(a+)+$';
		return array(
			'a token with spaces'        => array( array( 'token', 'not a token!' ), array( 'token' => 'not a token!' ) ),
			'a token of digits as JSON'  => array( array( 'token', '12345678' ), array( 'token' => 12345678 ) ),
			'a markup token'             => array( array( 'token', '<script>alert(1)</script>' ), array( 'token' => '<script>alert(1)</script>' ) ),
			'enabled as text'            => array( array( 'enabled', 'yes' ), array( 'enabled' => 'yes' ) ),
			'null'                       => array( array( 'loading', 'null' ), array( 'loading' => null ) ),
			'a role that does not exist' => array( array( 'excludeRoles[0]', 'ghost' ), array( 'excludeRoles' => array( 'ghost' ) ) ),
			'a catastrophic regex'       => array( array( 'experiences.rules[0].when[0]', '{"type":"path","op":"regex","value":"(a+)+$"}' ), array( 'experiences' => $regex ) ),
			'not a setting'              => array( array( 'colour', 'red' ), array( 'colour' => 'red' ) ),
			'a read-only field'          => array( array( 'schemaVersion', '9' ), array( 'schemaVersion' => 9 ) ),
		);
	}

	/**
	 * A bad value exits 1 with the message REST gives, and changes nothing.
	 *
	 * @dataProvider data_set_refused
	 *
	 * @param string[]             $args    Arguments after `set`.
	 * @param array<string, mixed> $changes The same change, for REST.
	 */
	public function test_set_refuses_a_bad_value_with_the_rest_message( array $args, array $changes ): void {
		$this->store_sample();
		$before = self::raw_option();

		$result = $this->wp( array_merge( array( 'qualified', 'set' ), $args ) );

		$this->assertExit( 1, $result );
		$this->assertSame( '', $result['stdout'] );
		$this->assertStringStartsWith( 'Error: ' . $this->rest_message( $changes ) . "\n", $result['stderr'] );
		$this->assertSame( $before, self::raw_option(), 'Nothing changed.' );
	}

	/**
	 * Paths `set` cannot apply.
	 *
	 * @return array<string, array{string, string}>
	 */
	public function data_set_bad_path(): array {
		return array(
			'past the end'     => array( 'excludeRoles[3]', 'Error: excludeRoles[3]: the list has 1 items (numbered from 0); a new item goes at the end.' ),
			'a name in a list' => array( 'excludeRoles.first', 'Error: excludeRoles.first: this value is a list; give an item number in brackets, e.g. [0].' ),
			'into text'        => array( 'token.x', 'Error: token.x: there is nothing to go into here (the value above it is not an object or a list).' ),
			'not a path'       => array( '..', 'Error: ".." is not a settings path. Write names joined by dots and list items by number in brackets, e.g. experiences.rules[0].label.' ),
		);
	}

	/**
	 * A path that cannot be applied exits 1 and changes nothing.
	 *
	 * @dataProvider data_set_bad_path
	 *
	 * @param string $path   Path.
	 * @param string $stderr First line of the message.
	 */
	public function test_set_refuses_a_path_it_cannot_apply( string $path, string $stderr ): void {
		$this->store_sample();
		$before = self::raw_option();
		$result = $this->wp( array( 'qualified', 'set', $path, '"x"' ) );
		$this->assertExit( 1, $result );
		$this->assertSame( $stderr . "\n", $result['stderr'] );
		$this->assertSame( $before, self::raw_option() );
	}

	public function test_set_lists_every_problem_of_the_field(): void {
		$this->store_sample();
		$result = $this->wp( array( 'qualified', 'set', 'excludeRoles', '["ghost", 7]' ) );
		$this->assertExit( 1, $result );
		$lines = explode( "\n", trim( $result['stderr'] ) );
		$this->assertCount( 2, $lines );
		$this->assertStringStartsWith( 'Error: Never load for these roles: ghost', $lines[0] );
		$this->assertStringStartsWith( 'Never load for these roles', $lines[1] );
	}

	public function test_set_refuses_a_field_a_constant_locks_and_changes_nothing(): void {
		$this->store_sample();
		$before = self::raw_option();

		$result = $this->wp( array( self::lock_token_fixture(), 'qualified', 'set', 'token', 'Changed1' ) );

		$this->assertExit( 1, $result );
		$this->assertSame( "Error: Site token: locked by the QUALIFIED_INTEGRATION_TOKEN constant in wp-config.php.\n", $result['stderr'] );
		$this->assertSame( $before, self::raw_option() );

		$same = $this->wp( array( self::lock_token_fixture(), 'qualified', 'set', 'token', 'Locked9Token' ) );
		$this->assertExit( 1, $same );
		$this->assertStringContainsString( 'locked by the QUALIFIED_INTEGRATION_TOKEN constant', $same['stderr'], 'Even the value in force: the field is not the settings\' to set.' );

		$other = $this->wp( array( self::lock_token_fixture(), 'qualified', 'set', 'enabled', 'false' ) );
		$this->assertExit( 0, $other );
		$this->assertSame( 'Locked9Token', json_decode( $this->wp( array( self::lock_token_fixture(), 'qualified', 'get', 'token', '--format=json' ) )['stdout'] ), 'Read back in force.' );
	}
}
