<?php
/**
 * The identity part of the settings: sources, mapping rows, the meta deny-list.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\MetaKeyPolicy;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\Validator;
use WP_REST_Request;

/**
 * Identity schema tests.
 */
final class IdentitySchemaTest extends TestCase {

	const PAYLOAD = '</script><script>alert(1)</script>';

	/**
	 * The contract's example mappings.
	 *
	 * @return array<int, array<string, string>>
	 */
	private static function contract_mappings(): array {
		return array(
			array(
				'field'  => 'email',
				'source' => 'user.email',
			),
			array(
				'field'  => 'company',
				'source' => 'user.meta',
				'key'    => 'billing_company',
			),
			array(
				'field'  => 'lead_source',
				'source' => 'static',
				'value'  => 'Website',
			),
			array(
				'field'   => 'utm_campaign',
				'source'  => 'query',
				'key'     => 'utm_campaign',
				'persist' => 'first',
			),
			array(
				'field'  => 'topic',
				'source' => 'post.terms',
				'key'    => 'category',
			),
		);
	}

	/**
	 * Errors of a list of mappings, as validate_changes() reports them.
	 *
	 * @param mixed $mappings Mappings.
	 * @return array<string, string>
	 */
	private static function errors( $mappings ): array {
		$result = Validator::validate_changes( array( 'identity' => array( 'mappings' => $mappings ) ) );
		return true === $result ? array() : $result->get_error_data()['params'];
	}

	public function test_sources_file_is_the_one_list_and_the_schema_enum_comes_from_it(): void {
		$sources = Schema::sources();
		$this->assertSame(
			array( 'static', 'user.email', 'user.first_name', 'user.last_name', 'user.display_name', 'user.login', 'user.id', 'user.roles', 'user.meta', 'post.id', 'post.title', 'post.type', 'post.author', 'post.terms', 'post.meta', 'site.name', 'site.language', 'query', 'cookie', 'referrer', 'landing_page', 'dataLayer', 'meta_tag' ),
			array_keys( $sources )
		);
		$source_schema = Schema::properties()['identity']['properties']['mappings']['items']['properties']['source'];
		$this->assertSame( array_keys( $sources ), $source_schema['enum'] );

		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		$raw = json_decode( (string) file_get_contents( QUALIFIED_INTEGRATION_DIR . 'includes/Settings/settings-schema.json' ), true );
		$this->assertArrayNotHasKey( 'enum', $raw['properties']['identity']['properties']['mappings']['items']['properties']['source'], 'The schema file holds no second copy of the sources.' );

		foreach ( $sources as $name => $source ) {
			$this->assertContains( $source['group'], array( 'static', 'user', 'post', 'site', 'visit' ), $name );
			$this->assertContains( $source['where'], array( 'server', 'browser' ), $name );
			$this->assertSame( 'visit' === $source['group'], 'browser' === $source['where'], $name );
			if ( isset( $source['needs'] ) ) {
				$this->assertContains( $source['needs'], array( 'key', 'value' ), $name );
			}
			$this->assertSame( 'browser' === $source['where'], ! empty( $source['persist'] ), $name . ': persist exactly for browser sources' );
		}
	}

	public function test_the_contract_example_is_valid_and_stored_as_sent(): void {
		$this->assertSame( array(), self::errors( self::contract_mappings() ) );
		$settings = Plugin::instance()->settings->update( array( 'identity' => array( 'mappings' => self::contract_mappings() ) ) );
		$this->assertIsArray( $settings );
		$this->assertSame( self::contract_mappings(), $settings['identity']['mappings'] );
		$this->assertSame( self::contract_mappings(), Plugin::instance()->settings->stored()['identity']['mappings'] );
	}

	public function test_a_bad_field_name_is_reported_with_its_row_and_column_label(): void {
		$mappings             = self::contract_mappings();
		$mappings[2]['field'] = 'lead source';
		$this->assertSame(
			array( 'identity.mappings[2].field' => 'Mapping 3, Qualified field: use letters, digits and underscores, starting with a letter.' ),
			self::errors( $mappings )
		);
	}

	/**
	 * Bad rows: a change to the contract's third row, the path and the message expected.
	 *
	 * @return array<string, array{array<string, mixed>, string, string}>
	 */
	public function data_bad_rows(): array {
		$row = array(
			'field'  => 'lead_source',
			'source' => 'static',
			'value'  => 'Website',
		);
		return array(
			'field starts with a digit'     => array( array( 'field' => '1lead' ) + $row, 'identity.mappings[2].field', 'Mapping 3, Qualified field: use letters' ),
			'field with a newline'          => array( array( 'field' => "lead\n" ) + $row, 'identity.mappings[2].field', 'Mapping 3, Qualified field: use letters' ),
			'field too long'                => array( array( 'field' => 'a' . str_repeat( 'b', 100 ) ) + $row, 'identity.mappings[2].field', 'Mapping 3, Qualified field: use at most 100 characters.' ),
			'field null'                    => array( array( 'field' => null ) + $row, 'identity.mappings[2].field', 'Mapping 3, Qualified field: must be text, not null.' ),
			'field missing'                 => array( array_diff_key( $row, array( 'field' => 1 ) ), 'identity.mappings[2].field', 'Mapping 3, Qualified field: required.' ),
			'duplicate field'               => array( array( 'field' => 'email' ) + $row, 'identity.mappings[2].field', 'Mapping 3, Qualified field: email is already mapped in mapping 1.' ),
			'unknown source'                => array( array( 'source' => 'user.password' ) + $row, 'identity.mappings[2].source', 'Mapping 3, Source: choose one of the listed options.' ),
			'source null'                   => array( array( 'source' => null ) + $row, 'identity.mappings[2].source', 'Mapping 3, Source: must be text, not null.' ),
			'value missing for static'      => array( array_diff_key( $row, array( 'value' => 1 ) ), 'identity.mappings[2].value', 'Mapping 3, Value: required for this source.' ),
			'value empty'                   => array( array( 'value' => '' ) + $row, 'identity.mappings[2].value', 'Mapping 3, Value: must not be empty.' ),
			'value null'                    => array( array( 'value' => null ) + $row, 'identity.mappings[2].value', 'Mapping 3, Value: must be text, not null.' ),
			'value with a newline'          => array( array( 'value' => "Web\nsite" ) + $row, 'identity.mappings[2].value', 'Mapping 3, Value: must not contain line breaks' ),
			'value of 100 KB'               => array( array( 'value' => str_repeat( 'x', 102400 ) ) + $row, 'identity.mappings[2].value', 'Mapping 3, Value: use at most 500 characters.' ),
			'key on static'                 => array( array( 'key' => 'k' ) + $row, 'identity.mappings[2].key', 'Mapping 3, Key: this source takes none; leave it out.' ),
			'persist on a server source'    => array( array( 'persist' => 'first' ) + $row, 'identity.mappings[2].persist', 'Mapping 3, Keep for the visit: only sources read in the browser' ),
			'unknown column'                => array( array( 'colour' => 'red' ) + $row, 'identity.mappings[2].colour', 'Mapping 3: colour is not allowed here.' ),
			'row not an object'             => array( array( 'lead_source', 'static' ), 'identity.mappings[2]', 'Mapping 3: must be an object.' ),
			'key missing for user.meta'     => array(
				array(
					'field'  => 'company',
					'source' => 'user.meta',
				),
				'identity.mappings[2].key',
				'Mapping 3, Key: required for this source.',
			),
			'value on a query'              => array(
				array(
					'field'  => 'q',
					'source' => 'query',
					'key'    => 'q',
					'value'  => 'x',
				),
				'identity.mappings[2].value',
				'Mapping 3, Value: this source takes none; leave it out.',
			),
			'persist other than first/last' => array(
				array(
					'field'   => 'q',
					'source'  => 'query',
					'key'     => 'q',
					'persist' => 'always',
				),
				'identity.mappings[2].persist',
				'Mapping 3, Keep for the visit: use one of: first, last.',
			),
			'key of 100 KB'                 => array(
				array(
					'field'  => 'q',
					'source' => 'cookie',
					'key'    => str_repeat( 'k', 102400 ),
				),
				'identity.mappings[2].key',
				'Mapping 3, Key: use at most 200 characters.',
			),
			'key with a final newline'      => array(
				array(
					'field'  => 'q',
					'source' => 'cookie',
					'key'    => "k\n",
				),
				'identity.mappings[2].key',
				'Mapping 3, Key: must not contain line breaks',
			),
		);
	}

	/**
	 * Each bad row is refused at its path with its label.
	 *
	 * @dataProvider data_bad_rows
	 *
	 * @param array<string, mixed> $row      Third row.
	 * @param string               $path     Expected path.
	 * @param string               $fragment Expected start of the message.
	 */
	public function test_bad_rows_are_refused_at_their_path( array $row, string $path, string $fragment ): void {
		$mappings    = self::contract_mappings();
		$mappings[2] = $row;
		$errors      = self::errors( $mappings );
		$this->assertArrayHasKey( $path, $errors, (string) wp_json_encode( array_keys( $errors ) ) );
		$this->assertStringStartsWith( $fragment, $errors[ $path ] );
	}

	public function test_at_most_100_mappings(): void {
		$mappings = array();
		for ( $i = 0; $i < 100; $i++ ) {
			$mappings[] = array(
				'field'  => 'f' . $i,
				'source' => 'site.name',
			);
		}
		$this->assertSame( array(), self::errors( $mappings ) );
		$mappings[] = array(
			'field'  => 'f100',
			'source' => 'site.name',
		);
		$this->assertSame( array( 'identity.mappings' => 'Identity mappings: at most 100 entries.' ), self::errors( $mappings ) );
	}

	public function test_every_bad_row_and_column_is_reported(): void {
		$errors = self::errors(
			array(
				array(
					'field'  => 'ok',
					'source' => 'site.name',
				),
				array(
					'field'  => 'bad name',
					'source' => 'nope',
				),
				array(
					'field'  => 'ok',
					'source' => 'user.meta',
					'key'    => '_secret',
				),
				array(
					'field'   => 'p',
					'source'  => 'post.id',
					'persist' => 'last',
					'value'   => 'x',
				),
			)
		);
		$this->assertEqualsCanonicalizing(
			array( 'identity.mappings[1].field', 'identity.mappings[1].source', 'identity.mappings[2].field', 'identity.mappings[2].key', 'identity.mappings[3].persist', 'identity.mappings[3].value' ),
			array_keys( $errors )
		);
	}

	/**
	 * User meta keys that may hold secrets or are private.
	 *
	 * @return array<string, array{string}>
	 */
	public function data_denied_user_meta_keys(): array {
		$keys = array( '_private_thing', '_application_passwords', 'session_tokens', 'wp_capabilities', 'wp_user_level', 'wp_2_capabilities', 'wp_3_user_level', 'user_pass', 'user_activation_key', 'my_password', 'PASSWORD', 'smtp_pass', 'pass', 'api-pass-word', 'access_token', 'client_secret', 'stripe_api_key', 'mailchimp_apikey', 'oauth_state', 'auth_code', 'reset_nonce', 'password_salt', 'pw_hash', 'private_notes' );
		$data = array();
		foreach ( $keys as $key ) {
			$data[ $key ] = array( $key );
		}
		return $data;
	}

	/**
	 * The deny-list refuses these user meta keys.
	 *
	 * @dataProvider data_denied_user_meta_keys
	 *
	 * @param string $key Meta key.
	 */
	public function test_user_meta_deny_list( string $key ): void {
		$this->assertFalse( MetaKeyPolicy::allows( 'user.meta', $key ) );
		$errors = self::errors(
			array(
				array(
					'field'  => 'x',
					'source' => 'user.meta',
					'key'    => $key,
				),
			)
		);
		$this->assertArrayHasKey( 'identity.mappings[0].key', $errors );
		$this->assertStringStartsWith( 'Mapping 1, Key:', $errors['identity.mappings[0].key'] );
	}

	public function test_ordinary_meta_keys_are_allowed(): void {
		foreach ( array( 'billing_company', 'first_name', 'nickname', 'description', 'passport_country', 'company_size', 'compass' ) as $key ) {
			$this->assertTrue( MetaKeyPolicy::allows( 'user.meta', $key ), $key );
		}
		$this->assertFalse( MetaKeyPolicy::allows( 'post.meta', '_thumbnail_id' ) );
		$this->assertTrue( MetaKeyPolicy::allows( 'post.meta', 'product_line' ) );
		$this->assertTrue( MetaKeyPolicy::allows( 'post.meta', 'password_hint' ), 'Only "_" is refused for post meta.' );
		$this->assertTrue( MetaKeyPolicy::allows( 'cookie', '_ga' ), 'Other sources are not meta.' );
		$this->assertSame( array(), self::errors( array( array( 'field' => 'ga', 'source' => 'cookie', 'key' => '_ga' ) ) ) ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound
	}

	public function test_hostile_field_names_are_refused_with_a_400_and_nothing_changes(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$before = get_option( 'qualified_integration_settings' );
		foreach ( array( self::PAYLOAD, "it's \"quoted\"", "a\u{2028}b", str_repeat( 'a', 102400 ) ) as $field ) {
			$response = $this->post(
				array(
					'identity' => array(
						'mappings' => array(
							array(
								'field'  => $field,
								'source' => 'site.name',
							),
						),
					),
				)
			);
			$this->assertSame( 400, $response->get_status() );
			$this->assertArrayHasKey( 'identity.mappings[0].field', $response->get_data()['data']['params'] );
			$this->assertStringNotContainsString( '<script>', (string) wp_json_encode( $response->get_data() ), 'The message does not echo the name.' );
		}
		$this->assertSame( $before, get_option( 'qualified_integration_settings' ) );
	}

	public function test_hostile_keys_and_values_are_stored_verbatim_and_encoded_inertly(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$mappings = array(
			array(
				'field'  => 'a',
				'source' => 'static',
				'value'  => self::PAYLOAD,
			),
			array(
				'field'  => 'b',
				'source' => 'static',
				'value'  => "it's \"quoted\" & <b>\u{2028}\u{2029}",
			),
			array(
				'field'  => 'c',
				'source' => 'query',
				'key'    => self::PAYLOAD,
			),
			array(
				'field'  => 'd',
				'source' => 'post.meta',
				'key'    => "quote'\"\u{2028}",
			),
		);

		$response = $this->post( array( 'identity' => array( 'mappings' => $mappings ) ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $mappings, Plugin::instance()->settings->get()['identity']['mappings'], 'Stored as sent, not mangled.' );
		$this->assertSame( $mappings, $response->get_data()['settings']['identity']['mappings'] );

		// What a script context gets (the frontend engineer owns printing; this is the flags' contract).
		$json = (string) wp_json_encode( $mappings, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT );
		$this->assertStringNotContainsString( '<', $json );
		$this->assertStringNotContainsString( "\u{2028}", $json );
		$this->assertSame( $mappings, json_decode( $json, true ) );
	}

	public function test_hostile_mapping_paths_in_a_rest_400(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$mappings    = self::contract_mappings();
		$mappings[2] = array(
			'field'  => 'lead source',
			'source' => 'static',
			'value'  => 'Website',
		);
		$response    = $this->post(
			array(
				'token'    => "Abc\n",
				'identity' => array( 'mappings' => $mappings ),
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( 'rest_invalid_param', $data['code'] );
		$this->assertSame(
			array(
				'token'                      => 'Site token: use only letters and digits (A-Z, a-z, 0-9).',
				'identity.mappings[2].field' => 'Mapping 3, Qualified field: use letters, digits and underscores, starting with a letter.',
			),
			$data['data']['params']
		);
		$this->assertSame( array( 'token', 'identity.mappings[2].field' ), array_keys( $data['data']['details'] ) );
	}

	/**
	 * Posts a JSON body to the settings route.
	 *
	 * @param mixed $body Body.
	 * @return \WP_REST_Response
	 */
	private function post( $body ): \WP_REST_Response {
		$request = new WP_REST_Request( 'POST', '/qualified-integration/v1/settings' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( $body ) );
		return rest_get_server()->dispatch( $request );
	}
}
