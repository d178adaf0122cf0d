<?php
/**
 * Site Health: the Qualified section of the Info tab.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Health\DebugInfo;
use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\Schema;
use QualifiedIntegration\Settings\SettingsRepository;
use WP_Debug_Data;

/**
 * The debug data as core builds and copies it.
 */
final class HealthDebugInfoTest extends TestCase {

	const SECRET = 'Wh00k-S3cret-Do-Not-Leak';
	const URL    = 'https://hooks.example.com/private-path-9f3a';

	/**
	 * Settings with everything a summary counts, and things it must not show.
	 */
	private function store_full_settings(): void {
		$result = Plugin::instance()->settings->update(
			array(
				'token'        => 'AbCd1234EfGh5678',
				'excludeRoles' => array( 'administrator', 'editor' ),
				'identity'     => array(
					'mappings' => array(
						array(
							'field'  => 'email',
							'source' => 'user.email',
						),
						array(
							'field'  => 'company',
							'source' => 'user.meta',
							'key'    => 'billing_company_internal',
						),
					),
				),
				'experiences'  => array(
					'spa'   => true,
					'rules' => array(
						array(
							'id'   => 'pricing',
							'when' => array(
								array(
									'type'  => 'path',
									'op'    => 'prefix',
									'value' => '/pricing-secret-campaign',
								),
							),
							'then' => array( 'action' => 'open' ),
						),
						array(
							'id'      => 'off',
							'enabled' => false,
							'when'    => array(),
							'then'    => array( 'action' => 'hide' ),
						),
					),
				),
				'events'       => array(
					'handlers'      => array(
						array(
							'kind'    => 'event',
							'name'    => 'Meeting Booked',
							'actions' => array( array( 'type' => 'wordpress' ) ),
						),
					),
					'webhooks'      => array(
						array(
							'id'     => 'crm',
							'label'  => 'CRM',
							'url'    => self::URL,
							'secret' => self::SECRET,
						),
					),
					'retentionDays' => 30,
				),
				'loading'      => array(
					'strategy'        => 'consent',
					'maxDelay'        => 0,
					'consentCategory' => 'marketing',
				),
			)
		);
		$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );
	}

	/**
	 * The section core gets through debug_information.
	 *
	 * @return array<string, mixed>
	 */
	private function section(): array {
		$info = apply_filters( 'debug_information', array() );
		$this->assertArrayHasKey( DebugInfo::SECTION, $info );
		return $info[ DebugInfo::SECTION ];
	}

	public function test_the_plugin_adds_the_section_when_core_asks(): void {
		$section = $this->section();
		$this->assertSame( 'Qualified', $section['label'] );
		$this->assertArrayHasKey( 'version', $section['fields'] );
		$this->assertSame( QUALIFIED_INTEGRATION_VERSION, $section['fields']['version']['value'] );
	}

	public function test_the_summary_counts_and_hides_secrets(): void {
		$this->store_full_settings();
		$fields = $this->section()['fields'];

		$this->assertSame( 'true', $fields['enabled']['debug'] );
		$this->assertSame( 'option', $fields['token_source']['debug'] );
		$this->assertSame( 'AbCd…', $fields['token']['value'] );
		$this->assertTrue( $fields['token']['private'], 'The masked token is not copied either.' );
		$this->assertSame( 'administrator, editor', $fields['excluded_roles']['debug'] );
		$this->assertSame( '2', $fields['identity_mappings']['value'] );
		$this->assertSame( '2 (1 enabled)', $fields['experience_rules']['debug'] );
		$this->assertSame( '1', $fields['event_handlers']['value'] );
		$this->assertSame( '1 (1 enabled)', $fields['webhooks']['debug'] );
		$this->assertSame( 'consent (marketing)', $fields['loading']['debug'] );
		$this->assertSame( 'Only after the visitor consents (category: marketing)', $fields['loading']['value'] );
		$this->assertSame( 'none', $fields['locked_fields']['debug'] );
		$this->assertSame( '0', $fields['problems']['debug'] );
		$this->assertSame( Schema::VERSION . ' (plugin ' . Schema::VERSION . ')', $fields['schema_version']['debug'] );

		$all = (string) wp_json_encode( $fields );
		foreach ( array( self::SECRET, 'hooks.example.com', 'private-path', 'billing_company_internal', 'pricing-secret-campaign', 'AbCd1234EfGh5678' ) as $leak ) {
			$this->assertStringNotContainsString( $leak, $all, $leak );
		}
	}

	public function test_the_copy_core_makes_leaves_the_token_out(): void {
		$this->store_full_settings();
		require_once ABSPATH . 'wp-admin/includes/class-wp-debug-data.php';
		$info = array( DebugInfo::SECTION => $this->section() );

		$copy = WP_Debug_Data::format( $info, 'debug' );
		$this->assertStringContainsString( '### qualified-integration ###', $copy );
		$this->assertStringContainsString( 'token_source: option', $copy );
		$this->assertStringContainsString( 'webhooks: 1 (1 enabled)', $copy );
		$this->assertStringNotContainsString( 'AbCd', $copy, 'Not even masked.' );
		$this->assertStringNotContainsString( self::SECRET, $copy );

		$shown = WP_Debug_Data::format( $info, 'info' );
		$this->assertStringContainsString( '### Qualified ###', $shown );
		$this->assertStringContainsString( 'When to load Qualified: Only after the visitor consents', $shown );
	}

	public function test_nothing_stored_and_refused_values_are_reported(): void {
		delete_option( SettingsRepository::OPTION );
		$fields = $this->section()['fields'];
		$this->assertSame( 'none (plugin ' . Schema::VERSION . ')', $fields['schema_version']['debug'] );
		$this->assertSame( 'none', $fields['token_source']['debug'] );
		$this->assertSame( 'None', $fields['token']['value'] );
		$this->assertSame( 'immediate', $fields['loading']['debug'] );

		$this->store_raw_settings(
			array(
				'schemaVersion' => 4,
				'enabled'       => 'yes',
				'token'         => 'bad token',
				'loading'       => array(
					'strategy'        => 'interaction',
					'maxDelay'        => 10,
					'consentCategory' => 'marketing',
				),
			)
		);
		$fields = $this->section()['fields'];
		$this->assertSame( '4 (plugin ' . Schema::VERSION . ')', $fields['schema_version']['debug'] );
		$this->assertSame( 'false', $fields['enabled']['debug'], 'An invalid off-switch fails closed.' );
		$this->assertSame( '2: enabled, token', $fields['problems']['debug'] );
		$this->assertSame( 'interaction (maxDelay 10 s)', $fields['loading']['debug'] );
		$this->assertStringNotContainsString( 'bad token', (string) wp_json_encode( $fields ) );
	}
}
