<?php
/**
 * Settings and files shared by the export and import tests.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Plugin;
use QualifiedIntegration\Settings\SettingsRepository;
use QualifiedIntegration\Settings\Transfer;

/**
 * A realistic settings object (rules, a webhook with its secret), stored
 * through the one writer, and the raw option to compare before and after a
 * refused import ("nothing changed" means the option row is the same).
 */
trait TransferFixtures {

	/**
	 * The webhook secret of the sample settings.
	 *
	 * @var string
	 */
	protected static $secret = 's3cret-0123456789abcdef';

	/**
	 * Settings with a rule list and a webhook.
	 *
	 * @return array<string, mixed>
	 */
	protected static function sample_settings(): array {
		return array(
			'enabled'      => true,
			'token'        => 'AbCd1234EfGh5678',
			'excludeRoles' => array( 'administrator' ),
			'experiences'  => array(
				'spa'   => false,
				'rules' => array(
					array(
						'id'    => 'pricing',
						'label' => 'Pricing visitors',
						'when'  => array(
							array(
								'type'  => 'path',
								'op'    => 'prefix',
								'value' => '/pricing',
							),
						),
						'then'  => array(
							'action'         => 'showExperience',
							'experience'     => 'experience-1234',
							'startCollapsed' => false,
						),
					),
					array(
						'id'   => 'careers',
						'when' => array(
							array(
								'type'  => 'path',
								'op'    => 'prefix',
								'value' => '/careers',
							),
						),
						'then' => array( 'action' => 'hide' ),
					),
				),
			),
			'events'       => array(
				'handlers'      => array(),
				'webhooks'      => array(
					array(
						'id'     => 'crm',
						'label'  => 'CRM',
						'url'    => 'https://crm.example.org/hook',
						'secret' => self::$secret,
					),
				),
				'retentionDays' => 90,
			),
		);
	}

	/**
	 * Stores the sample settings through SettingsRepository::update().
	 */
	protected function store_sample(): void {
		$saved = Plugin::instance()->settings->update( self::sample_settings() );
		$this->assertIsArray( $saved, 'The sample settings are valid.' );
	}

	/**
	 * The stored option as it is in the database (the row, not a cache).
	 *
	 * @return mixed
	 */
	protected static function raw_option() {
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( SettingsRepository::OPTION, 'options' );
		return get_option( SettingsRepository::OPTION );
	}

	/**
	 * The export file of the settings in force, as text.
	 *
	 * @param array<string, mixed> $changes Top-level fields to replace in the document.
	 * @param bool                 $secrets Whether secrets stay in.
	 * @return string
	 */
	protected static function exported_file( array $changes = array(), bool $secrets = false ): string {
		$plugin   = Plugin::instance();
		$transfer = new Transfer( $plugin->settings, $plugin->migrations );
		return Transfer::to_json( array_merge( $transfer->export( $plugin->settings->get(), $secrets ), $changes ) );
	}
}
