<?php
/**
 * Suggested privacy-policy text.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Privacy\PolicyText;
use QualifiedIntegration\Settings\Schema;

/**
 * The privacy text follows the settings.
 */
final class PolicyTextTest extends TestCase {

	/**
	 * The text for the stored settings, as core gets it.
	 *
	 * @param array<string, mixed> $settings Field values stored first.
	 * @return string
	 */
	private function text_for( array $settings ): string {
		$this->store_settings( $settings );
		$text = ( new PolicyText( Plugin::instance()->settings ) )->text();
		$this->assertSame( wp_kses_post( $text ), $text, 'Only post-safe HTML.' );
		return html_entity_decode( $text, ENT_QUOTES );
	}

	public function test_text_names_the_third_party_page_addresses_and_each_cookie(): void {
		$raw = ( new PolicyText( Plugin::instance()->settings ) )->text();
		$this->assertStringContainsString( '__q_state_&lt;token&gt;', $raw, 'The placeholder is escaped, not a tag.' );

		$text = $this->text_for( array() );
		foreach ( array( 'third-party', 'qualified.com', 'address of each of them', '__q_state_<token>: Set by Qualified', '__q_domainTest: Set by Qualified', 'qualified_session: Set by Qualified', 'Qualified decides how long it lasts' ) as $needle ) {
			$this->assertStringContainsString( $needle, $text );
		}
		$this->assertStringContainsString( 'This site sends Qualified no other details about you.', $text );
		$this->assertStringNotContainsString( 'consent', $text, 'No consent sentence while Qualified loads at once.' );
		$this->assertStringNotContainsString( 'its own database', $text, 'No stored events without a handler that stores them.' );
	}

	public function test_mapped_fields_are_listed_with_their_sources(): void {
		$text = $this->text_for(
			array(
				'identity' => array(
					'mappings' => array(
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
							'field'   => 'utm_campaign',
							'source'  => 'query',
							'key'     => 'utm_campaign',
							'persist' => 'first',
						),
						array(
							'field'  => 'lead_source',
							'source' => 'static',
							'value'  => 'Website',
						),
					),
				),
			)
		);
		$this->assertStringContainsString( 'email: your email address, when you are logged in', $text );
		$this->assertStringContainsString( 'company: the "billing_company" detail of your account on this site, when you are logged in', $text );
		$this->assertStringContainsString( 'utm_campaign: the "utm_campaign" parameter of the page address', $text );
		$this->assertStringContainsString( '(kept in your browser for the rest of the visit)', $text );
		$this->assertStringContainsString( 'lead_source: a fixed value this site sets', $text );
		$this->assertStringNotContainsString( 'Website', $text, 'A fixed value is described, not quoted.' );
		$this->assertStringNotContainsString( 'no other details', $text );
		$this->assertSame( 1, substr_count( $text, 'kept in your browser' ), 'Only the persisted mapping.' );
	}

	public function test_every_identity_source_has_its_own_description(): void {
		foreach ( array_keys( Schema::sources() ) as $source ) {
			$this->assertStringNotContainsString( 'a value from', PolicyText::source_text( $source, 'some_key' ), "$source needs a description in PolicyText::source_text()." );
		}
	}

	/**
	 * Consent categories and the sentence they give.
	 *
	 * @return array<string, array{string}>
	 */
	public function data_categories(): array {
		return array(
			'marketing'   => array( 'marketing' ),
			'statistics'  => array( 'statistics' ),
			'preferences' => array( 'preferences' ),
			'functional'  => array( 'functional' ),
		);
	}

	/**
	 * With the consent strategy, the text says Qualified waits for consent in that category.
	 *
	 * @dataProvider data_categories
	 *
	 * @param string $category Consent category.
	 */
	public function test_consent_loading_is_stated_with_its_category( string $category ): void {
		$text = $this->text_for(
			array(
				'loading' => array(
					'strategy'        => 'consent',
					'maxDelay'        => 0,
					'consentCategory' => $category,
				),
			)
		);
		$this->assertStringContainsString( "Qualified loads only after you consent to $category cookies", $text );
		$this->assertStringContainsString( 'it sets no cookies and nothing is sent to it', $text );
	}

	public function test_other_strategies_say_nothing_of_consent(): void {
		foreach ( array( 'immediate', 'idle', 'interaction' ) as $strategy ) {
			$text = $this->text_for(
				array(
					'loading' => array(
						'strategy'        => $strategy,
						'maxDelay'        => 0,
						'consentCategory' => 'statistics',
					),
				)
			);
			$this->assertStringNotContainsString( 'consent', $text, $strategy );
		}
	}

	public function test_events_that_are_stored_forwarded_or_sent_to_analytics_are_described(): void {
		$text = $this->text_for(
			array(
				'events' => array(
					'handlers'      => array(
						array(
							'kind'    => 'event',
							'name'    => 'Meeting Booked',
							'actions' => array(
								array(
									'type'          => 'gtag',
									'event'         => 'meeting_booked',
									'includeFields' => true,
								),
								array(
									'type'        => 'wordpress',
									'storeFields' => array( 'email' ),
								),
							),
						),
					),
					'webhooks'      => array(
						array(
							'id'     => 'crm',
							'url'    => 'https://hooks.example.com/x',
							'secret' => 'a-secret-of-sixteen-chars',
							'events' => array( 'Meeting Booked' ),
						),
					),
					'retentionDays' => 30,
				),
			)
		);
		$this->assertStringContainsString( 'passes it to its analytics tools: Google Analytics.', $text );
		$this->assertStringContainsString( 'include details you gave in the chat', $text );
		$this->assertStringContainsString( 'may store it in its own database', $text );
		$this->assertStringContainsString( 'keeps the details the site chose to keep', $text );
		$this->assertStringContainsString( 'by webhook', $text );
		$this->assertStringContainsString( 'after 30 days', $text );
	}

	public function test_identify_rules_are_mentioned(): void {
		$text = $this->text_for(
			array(
				'experiences' => array(
					'spa'   => false,
					'rules' => array(
						array(
							'id'   => 'linkedin',
							'when' => array(
								array(
									'type'  => 'query',
									'key'   => 'utm_source',
									'op'    => 'equals',
									'value' => 'linkedin',
								),
							),
							'then' => array(
								'action' => 'identify',
								'fields' => array( 'lead_source' => 'LinkedIn' ),
							),
						),
					),
				),
			)
		);
		$this->assertStringContainsString( 'fixed values that describe them', $text );
	}

	public function test_plugin_offers_the_current_text_on_admin_init(): void {
		global $wp_filter;
		$found = null;
		foreach ( $wp_filter['admin_init']->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof PolicyText ) {
					$found = $callback['function'];
				}
			}
		}
		$this->assertNotNull( $found, 'A PolicyText hooked on admin_init.' );

		$this->store_settings(
			array(
				'loading' => array(
					'strategy'        => 'consent',
					'maxDelay'        => 0,
					'consentCategory' => 'preferences',
				),
			)
		);
		$texts = $this->offer_as_core_asks( $found );
		$this->assertArrayHasKey( 'Qualified Integration', $texts );
		$this->assertSame( PolicyText::for_settings( Plugin::instance()->settings->get() ), $texts['Qualified Integration'] );
		$this->assertStringContainsString( 'consent to preferences cookies', $texts['Qualified Integration'], 'The text of the settings in force.' );
	}

	/**
	 * Calls the hooked callback as core would (in wp-admin, during admin_init)
	 * and returns what core's policy guide then holds, by plugin name.
	 *
	 * @param callable $callback The hooked PolicyText::add.
	 * @return array<string, string>
	 */
	private function offer_as_core_asks( callable $callback ): array {
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-privacy-policy-content.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		set_current_screen( 'dashboard' );
		$GLOBALS['wp_current_filter'][] = 'admin_init';
		try {
			call_user_func( $callback );
		} finally {
			array_pop( $GLOBALS['wp_current_filter'] );
		}
		$content = ( new \ReflectionClass( \WP_Privacy_Policy_Content::class ) )->getStaticPropertyValue( 'policy_content' );
		return wp_list_pluck( (array) $content, 'policy_text', 'plugin_name' );
	}
}
