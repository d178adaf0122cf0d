<?php
/**
 * Schema, validation, storage and the read side of the settings.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\SettingsHealth;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Validator;

/**
 * Settings tests.
 */
final class SettingsTest extends TestCase {

	public function test_schema_is_the_source_of_defaults_and_version(): void {
		$this->assertSame(
			array(
				'schemaVersion' => 5,
				'enabled'       => true,
				'token'         => '',
				'excludeRoles'  => array(),
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
			Schema::defaults()
		);
		$this->assertSame( 5, Schema::VERSION );
		$this->assertSame( Schema::VERSION, Schema::properties()['schemaVersion']['default'] );
		$this->assertFalse( Schema::get()['additionalProperties'] );
		$this->assertArrayNotHasKey( 'schemaVersion', Schema::editable_properties() );
	}

	public function test_a_missing_option_reads_as_the_schema_defaults(): void {
		delete_option( SettingsRepository::OPTION );
		$this->assertSame( Schema::defaults(), get_option( SettingsRepository::OPTION ) );
		$this->assertSame( 'mine', get_option( SettingsRepository::OPTION, 'mine' ), "A caller's own default wins." );
		$this->assertArrayHasKey( SettingsRepository::OPTION, get_registered_settings(), 'Registered, so every writer goes through the sanitizer.' );
	}

	/**
	 * Valid values for each field.
	 *
	 * @return array<string, array{string, mixed}>
	 */
	public function data_valid_values(): array {
		return array(
			'token letters and digits' => array( 'token', 'aB3dE5fG7h' ),
			'token empty'              => array( 'token', '' ),
			'enabled false'            => array( 'enabled', false ),
			'roles known'              => array( 'excludeRoles', array( 'administrator', 'editor' ) ),
			'roles empty'              => array( 'excludeRoles', array() ),
			'identity empty'           => array( 'identity', array( 'mappings' => array() ) ),
			'experiences empty'        => array(
				'experiences',
				array(
					'spa'   => true,
					'rules' => array(),
				),
			),
			'loading on interaction'   => array(
				'loading',
				array(
					'strategy'        => 'interaction',
					'maxDelay'        => 600,
					'consentCategory' => 'statistics',
				),
			),
		);
	}

	/**
	 * Valid input passes.
	 *
	 * @dataProvider data_valid_values
	 *
	 * @param string $field Field.
	 * @param mixed  $value Value.
	 */
	public function test_valid_values_pass( string $field, $value ): void {
		$this->assertTrue( Validator::validate_field( $value, $field ) );
	}

	/**
	 * Invalid values, with the error path and a fragment the message must contain.
	 *
	 * @return array<string, array{string, mixed, string, string}>
	 */
	public function data_invalid_values(): array {
		$payload = '</script><script>alert(1)</script>';
		return array(
			'token with a dash'          => array( 'token', 'abc-123', 'token', 'Site token: use only letters and digits (A-Z, a-z, 0-9).' ),
			'token with a script'        => array( 'token', $payload, 'token', 'Site token:' ),
			'token with a final newline' => array( 'token', "Abc\n", 'token', 'Site token: use only letters' ),
			'token only a newline'       => array( 'token', "\n", 'token', 'Site token: use only letters' ),
			'token too long'             => array( 'token', str_repeat( 'a', 101 ), 'token', 'Site token: use at most 100 characters.' ),
			'token not a string'         => array( 'token', array( 'a' ), 'token', 'Site token: must be text.' ),
			'token a number'             => array( 'token', 42, 'token', 'Site token: must be text.' ),
			'token null'                 => array( 'token', null, 'token', 'Site token: must be text, not null.' ),
			'enabled a string'           => array( 'enabled', 'maybe', 'enabled', 'Load Qualified: must be true or false.' ),
			'enabled "true"'             => array( 'enabled', 'true', 'enabled', 'Load Qualified: must be true or false.' ),
			'enabled 1'                  => array( 'enabled', 1, 'enabled', 'Load Qualified: must be true or false.' ),
			'enabled null'               => array( 'enabled', null, 'enabled', 'Load Qualified: must be true or false, not null.' ),
			'role with a script'         => array( 'excludeRoles', array( $payload ), 'excludeRoles[0]', 'Never load for these roles: use a role slug' ),
			'role with a final newline'  => array( 'excludeRoles', array( "editor\n" ), 'excludeRoles[0]', 'Never load for these roles: use a role slug' ),
			'role unknown'               => array( 'excludeRoles', array( 'editor', 'nosuchrole' ), 'excludeRoles[1]', 'Never load for these roles: nosuchrole is not a role on this site.' ),
			'role null'                  => array( 'excludeRoles', array( 'editor', null ), 'excludeRoles[1]', 'Never load for these roles: must be text, not null.' ),
			'roles repeated'             => array( 'excludeRoles', array( 'editor', 'editor' ), 'excludeRoles[1]', 'editor is listed twice' ),
			'roles not a list'           => array( 'excludeRoles', array( 'first' => 'editor' ), 'excludeRoles', 'Never load for these roles: must be a list.' ),
			'roles null'                 => array( 'excludeRoles', null, 'excludeRoles', 'Never load for these roles: must be a list, not null.' ),
			'identity null'              => array( 'identity', null, 'identity', 'Identity: must be an object, not null.' ),
			'identity a list'            => array( 'identity', array( 1, 2 ), 'identity', 'Identity: must be an object.' ),
			'identity without mappings'  => array( 'identity', array( 'x' => 1 ), 'identity.mappings', 'required' ),
			'mappings null'              => array( 'identity', array( 'mappings' => null ), 'identity.mappings', 'Identity mappings: must be a list, not null.' ),
			'experiences null'           => array( 'experiences', null, 'experiences', 'Experiences: must be an object, not null.' ),
			'rules null'                 => array( 'experiences', array( 'spa' => false, 'rules' => null ), 'experiences.rules', 'Experience rules: must be a list, not null.' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'strategy unknown'           => array( 'loading', self::loading( array( 'strategy' => 'lazy' ) ), 'loading.strategy', 'When to load Qualified:' ),
			'strategy null'              => array( 'loading', self::loading( array( 'strategy' => null ) ), 'loading.strategy', 'When to load Qualified: must be text, not null.' ),
			'max delay negative'         => array( 'loading', self::loading( array( 'maxDelay' => -1 ) ), 'loading.maxDelay', 'Load anyway after (seconds):' ),
			'max delay a string'         => array( 'loading', self::loading( array( 'maxDelay' => '5' ) ), 'loading.maxDelay', 'Load anyway after (seconds):' ),
			'max delay too long'         => array( 'loading', self::loading( array( 'maxDelay' => 601 ) ), 'loading.maxDelay', 'Load anyway after (seconds):' ),
			'category unknown'           => array( 'loading', self::loading( array( 'consentCategory' => 'ads' ) ), 'loading.consentCategory', 'Consent category:' ),
			'loading without a strategy' => array( 'loading', array( 'maxDelay' => 0, 'consentCategory' => 'marketing' ), 'loading.strategy', 'required' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
			'loading null'               => array( 'loading', null, 'loading', 'Loading: must be an object, not null.' ),
			'unknown field'              => array( 'colour', 'red', 'colour', 'colour is not a setting you can change.' ),
			'read-only field'            => array( 'schemaVersion', 2, 'schemaVersion', 'schemaVersion' ),
		);
	}

	/**
	 * Invalid input is refused under its path, with a message starting with the field's label.
	 *
	 * @dataProvider data_invalid_values
	 *
	 * @param string $field    Field.
	 * @param mixed  $value    Value.
	 * @param string $path     Expected error path.
	 * @param string $fragment Expected in the message.
	 */
	public function test_invalid_values_are_refused_under_their_path( string $field, $value, string $path, string $fragment ): void {
		$result = Validator::validate_changes( array( $field => $value ) );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'rest_invalid_param', $result->get_error_code() );
		$params = $result->get_error_data()['params'];
		$this->assertArrayHasKey( $path, $params, (string) wp_json_encode( $params ) );
		$this->assertStringContainsString( $fragment, $params[ $path ] );
		$this->assertArrayHasKey( $path, $result->get_error_data()['details'] );
	}

	public function test_patterns_are_anchored_to_the_whole_string(): void {
		foreach ( array( "Abc\n", "\n", "Abc\r\n", "\nAbc", "Abc\0" ) as $token ) {
			$this->assertNotTrue( Validator::validate_field( $token, 'token' ), wp_json_encode( $token ) );
		}
		$this->assertTrue( Validator::matches( '^[A-Za-z0-9]*$', 'Abc' ) );
		$this->assertFalse( Validator::matches( '^[A-Za-z0-9]*$', "Abc\n" ) );
		$this->assertFalse( Validator::matches( '[a-z]+', 'abc1' ), 'An unanchored pattern still has to match the whole string.' );
	}

	public function test_every_bad_field_is_reported_not_only_the_first(): void {
		$result = Validator::validate_changes(
			array(
				'token'        => 'bad token',
				'enabled'      => null,
				'excludeRoles' => array( 'administrator', 'ghost', 'BAD' ),
				'identity'     => array(
					'mappings' => array(
						array(
							'field'  => 'email',
							'source' => 'user.email',
						),
						array(
							'field'  => '1st',
							'source' => 'nope',
						),
					),
				),
				'colour'       => 'red',
			)
		);
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertEqualsCanonicalizing(
			array( 'token', 'enabled', 'excludeRoles[1]', 'excludeRoles[2]', 'identity.mappings[1].field', 'identity.mappings[1].source', 'colour' ),
			array_keys( $result->get_error_data()['params'] )
		);
	}

	public function test_update_is_all_or_nothing(): void {
		$repository = Plugin::instance()->settings;
		$repository->update( array( 'token' => 'First1' ) );

		$result = $repository->update(
			array(
				'token'   => 'Second2',
				'enabled' => 'not-a-boolean',
			)
		);

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'rest_invalid_param', $result->get_error_code() );
		$this->assertSame( array( 'enabled' ), array_keys( $result->get_error_data()['params'] ) );
		$this->assertSame( 'First1', $repository->get()['token'] );
	}

	public function test_null_never_wipes_a_field(): void {
		$repository = Plugin::instance()->settings;
		$repository->update(
			array(
				'token'        => 'Keep1',
				'excludeRoles' => array( 'administrator' ),
			)
		);
		foreach ( array( 'token', 'excludeRoles', 'enabled', 'identity', 'experiences' ) as $field ) {
			$this->assertInstanceOf( \WP_Error::class, $repository->update( array( $field => null ) ), $field );
		}
		$this->assertSame( 'Keep1', $repository->get()['token'] );
		$this->assertSame( array( 'administrator' ), $repository->get()['excludeRoles'] );
		$this->assertTrue( $repository->get()['enabled'] );
	}

	public function test_update_keeps_fields_not_sent(): void {
		$repository = Plugin::instance()->settings;
		$repository->update(
			array(
				'token'        => 'Keep1',
				'excludeRoles' => array( 'editor' ),
			)
		);
		$repository->update( array( 'enabled' => false ) );

		$this->assertSame(
			array(
				'schemaVersion' => 5,
				'enabled'       => false,
				'token'         => 'Keep1',
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
			$repository->get()
		);
	}

	public function test_direct_option_writes_are_sanitised(): void {
		update_option(
			SettingsRepository::OPTION,
			array(
				'token'   => 'bad token!',
				'enabled' => false,
				'junk'    => 'x',
			)
		);

		$stored = get_option( SettingsRepository::OPTION );
		$this->assertSame( '', $stored['token'], 'An invalid token falls back to the default.' );
		$this->assertFalse( $stored['enabled'] );
		$this->assertArrayNotHasKey( 'junk', $stored );
	}

	public function test_option_is_autoloaded(): void {
		global $wpdb;
		$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", SettingsRepository::OPTION ) );
		$this->assertContains( $autoload, array( 'yes', 'on' ) );
	}

	public function test_a_removed_role_is_dropped_alone_and_the_next_save_keeps_the_others(): void {
		add_role( 'qi_temporary', 'Temporary' );
		$repository = Plugin::instance()->settings;
		$this->assertIsArray( $repository->update( array( 'excludeRoles' => array( 'administrator', 'qi_temporary', 'editor' ) ) ) );

		remove_role( 'qi_temporary' );

		$this->assertSame( array( 'administrator', 'editor' ), $repository->get()['excludeRoles'] );
		$problems = $repository->problems();
		$this->assertArrayHasKey( 'excludeRoles[1]', $problems );
		$this->assertStringContainsString( 'qi_temporary is not a role on this site', $problems['excludeRoles[1]'] );

		// An unrelated save.
		$this->assertIsArray( $repository->update( array( 'token' => 'Unrelated1' ) ) );
		$this->assertSame( array( 'administrator', 'editor' ), get_option( SettingsRepository::OPTION )['excludeRoles'] );
	}

	public function test_stale_and_invalid_items_in_a_stored_option_are_dropped_one_by_one(): void {
		$this->store_raw_settings(
			array(
				'schemaVersion' => 2,
				'enabled'       => true,
				'token'         => 'Tok1',
				'excludeRoles'  => array( 'administrator', 'ghost', 7, 'administrator', 'editor' ),
				'identity'      => array(
					'mappings' => array(
						array(
							'field'  => 'email',
							'source' => 'user.email',
						),
						array(
							'field'  => 'secret',
							'source' => 'user.meta',
							'key'    => 'session_tokens',
						),
						array(
							'field'  => 'gone',
							'source' => 'a.source.that.was.removed',
						),
						array(
							'field'  => 'email',
							'source' => 'user.login',
						),
						array(
							'field'  => 'plan',
							'source' => 'static',
							'value'  => 'Pro',
						),
					),
				),
			)
		);

		$settings = Plugin::instance()->settings->get();
		$this->assertSame( array( 'administrator', 'editor' ), $settings['excludeRoles'] );
		$this->assertSame(
			array(
				array(
					'field'  => 'email',
					'source' => 'user.email',
				),
				array(
					'field'  => 'plan',
					'source' => 'static',
					'value'  => 'Pro',
				),
			),
			$settings['identity']['mappings']
		);
		$this->assertSame( 'Tok1', $settings['token'] );
		$this->assertEqualsCanonicalizing(
			array( 'excludeRoles[1]', 'excludeRoles[2]', 'excludeRoles[3]', 'identity.mappings[1].key', 'identity.mappings[2].source', 'identity.mappings[3].field' ),
			array_keys( Plugin::instance()->settings->problems() )
		);
	}

	public function test_more_than_100_stored_mappings_keep_the_first_100(): void {
		$mappings = array();
		for ( $i = 0; $i < 105; $i++ ) {
			$mappings[] = array(
				'field'  => 'f' . $i,
				'source' => 'site.name',
			);
		}
		$this->store_raw_settings( array( 'identity' => array( 'mappings' => $mappings ) ) );

		$kept = Plugin::instance()->settings->get()['identity']['mappings'];
		$this->assertCount( 100, $kept );
		$this->assertSame( 'f99', $kept[99]['field'] );
		$this->assertArrayHasKey( 'identity.mappings', Plugin::instance()->settings->problems() );
	}

	/**
	 * Stored values of the off-switch that are not real booleans.
	 *
	 * @return array<string, array{mixed}>
	 */
	public function data_invalid_stored_enabled(): array {
		return array(
			'"yes"'  => array( 'yes' ),
			'"true"' => array( 'true' ),
			'1'      => array( 1 ),
			'null'   => array( null ),
			'list'   => array( array( true ) ),
		);
	}

	/**
	 * A corrupt stored off-switch fails closed and is reported.
	 *
	 * @dataProvider data_invalid_stored_enabled
	 *
	 * @param mixed $enabled Stored value.
	 */
	public function test_an_invalid_stored_off_switch_fails_closed( $enabled ): void {
		$this->store_raw_settings(
			array(
				'schemaVersion' => 2,
				'enabled'       => $enabled,
				'token'         => 'Tok3n',
			)
		);

		$this->assertFalse( Plugin::instance()->settings->get()['enabled'] );
		$this->assertStringContainsString( 'Load Qualified', Plugin::instance()->settings->problems()['enabled'] );
		$this->assertStringNotContainsString( 'qualified.js', $this->render_head() );

		$health = ( new SettingsHealth( Plugin::instance()->settings ) )->run();
		$this->assertSame( 'critical', $health['status'] );
		$this->assertSame( SettingsHealth::TEST, $health['test'] );
	}

	public function test_site_health_lists_the_test_and_reports_good_for_valid_settings(): void {
		Plugin::instance()->settings->update( array( 'enabled' => false ) );

		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( SettingsHealth::TEST, $tests['direct'] );
		$this->assertIsCallable( $tests['direct'][ SettingsHealth::TEST ]['test'] );

		$result = call_user_func( $tests['direct'][ SettingsHealth::TEST ]['test'] );
		$this->assertSame( 'good', $result['status'] );
		foreach ( array( 'label', 'status', 'badge', 'description', 'actions', 'test' ) as $key ) {
			$this->assertArrayHasKey( $key, $result );
		}
	}

	/**
	 * A valid loading section with some keys replaced.
	 *
	 * @param array<string, mixed> $change Keys to replace.
	 * @return array<string, mixed>
	 */
	private static function loading( array $change ): array {
		return array_merge(
			array(
				'strategy'        => 'idle',
				'maxDelay'        => 0,
				'consentCategory' => 'marketing',
			),
			$change
		);
	}
}
