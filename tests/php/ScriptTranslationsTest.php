<?php
/**
 * Tests for the translations of the plugin's scripts.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Tests;

use QualifiedIntegration\Admin\SettingsPage;
use QualifiedIntegration\Assets;
use QualifiedIntegration\Blocks\ButtonBlock;
use WP_Block_Type_Registry;

/**
 * Every script with strings gets its translations from JSON files named as
 * translators' tools name them (the md5 of the script's path inside the
 * plugin, the path the .pot's `.js` references give), the settings screen's
 * lazily loaded chunks included; a script without strings gets none.
 */
final class ScriptTranslationsTest extends TestCase {

	/** A locale no site has, so only this test's files translate. */
	const LOCALE = 'eo';

	/**
	 * JSON files this test wrote.
	 *
	 * @var string[]
	 */
	private $files = array();

	/**
	 * Removes the JSON files and the block (registered by one test).
	 */
	protected function tear_down() {
		foreach ( $this->files as $file ) {
			wp_delete_file( $file );
		}
		$this->files = array();
		if ( WP_Block_Type_Registry::get_instance()->is_registered( ButtonBlock::NAME ) ) {
			unregister_block_type( ButtonBlock::NAME );
		}
		parent::tear_down();
	}

	/**
	 * Writes a Jed JSON translation file for a built script, where WordPress looks for it.
	 *
	 * @param string $script   Path inside the plugin, e.g. build/admin.js.
	 * @param string $original A string of that script.
	 * @param string $translation Its translation.
	 */
	private function write_translation( string $script, string $original, string $translation ): void {
		$dir = WP_LANG_DIR . '/plugins';
		wp_mkdir_p( $dir );
		$file = $dir . '/' . Assets::TEXT_DOMAIN . '-' . self::LOCALE . '-' . md5( $script ) . '.json';
		$json = array(
			'domain'      => 'messages',
			'locale_data' => array(
				'messages' => array(
					''        => array(
						'domain' => 'messages',
						'lang'   => self::LOCALE,
					),
					$original => array( $translation ),
				),
			),
		);
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_read_file_put_contents -- A test fixture in the test site.
		file_put_contents( $file, (string) wp_json_encode( $json ) );
		$this->files[] = $file;
	}

	/**
	 * Switches the request's locale, as a user's language setting does.
	 */
	private function use_locale(): void {
		add_filter(
			'pre_determine_locale',
			static function () {
				return self::LOCALE;
			}
		);
	}

	/**
	 * The inline scripts printed before a handle.
	 *
	 * @param string $handle Script handle.
	 * @return string
	 */
	private function before( string $handle ): string {
		$before = wp_scripts()->get_data( $handle, 'before' );
		return is_array( $before ) ? implode( "\n", array_filter( $before, 'is_string' ) ) : '';
	}

	public function test_the_settings_screen_script_is_translated_from_the_json_of_build_admin_js(): void {
		$this->use_locale();
		$this->write_translation( 'build/admin.js', 'Save settings', 'Konservi agordojn' );

		SettingsPage::enqueue_app( '/qualified-integration/v1/settings' );

		$script = wp_scripts()->registered[ SettingsPage::SCRIPT_HANDLE ];
		$this->assertSame( Assets::TEXT_DOMAIN, $script->textdomain );
		$printed = (string) wp_scripts()->print_translations( SettingsPage::SCRIPT_HANDLE, false );
		$this->assertStringContainsString( 'Konservi agordojn', $printed );
		$this->assertStringContainsString( '"qualified-integration"', $printed );
	}

	public function test_the_chunks_the_settings_screen_loads_later_bring_their_translations_along(): void {
		$this->use_locale();
		$this->write_translation( 'build/events.js', 'Add handler', 'Aldoni traktilon' );
		$this->write_translation( 'build/events-log.js', 'Event log', 'Eventa protokolo' );

		SettingsPage::enqueue_app( '/qualified-integration/v1/settings' );

		$before = $this->before( SettingsPage::SCRIPT_HANDLE );
		$this->assertStringContainsString( 'Aldoni traktilon', $before );
		$this->assertStringContainsString( 'Eventa protokolo', $before );
		$this->assertSame( 2, substr_count( $before, 'wp.i18n.setLocaleData( localeData, domain )' ) );
		// The chunks' own handles only serve the look-up: never printed as scripts.
		foreach ( Assets::LAZY_CHUNKS['admin'] as $chunk ) {
			$this->assertFalse( wp_script_is( SettingsPage::SCRIPT_HANDLE . '-chunk-' . $chunk, 'enqueued' ) );
		}
	}

	public function test_in_english_nothing_is_added_before_the_script(): void {
		SettingsPage::enqueue_app( '/qualified-integration/v1/settings' );

		$this->assertStringNotContainsString( 'setLocaleData', $this->before( SettingsPage::SCRIPT_HANDLE ) );
	}

	public function test_the_block_editor_panel_and_the_button_block_get_translations(): void {
		Assets::register_script( 'qualified-integration-test-editor', 'editor', array() );
		( new ButtonBlock() )->register_block();

		$this->assertSame( Assets::TEXT_DOMAIN, wp_scripts()->registered['qualified-integration-test-editor']->textdomain );
		$block = WP_Block_Type_Registry::get_instance()->get_registered( ButtonBlock::NAME );
		$this->assertNotNull( $block );
		$this->assertNotEmpty( $block->editor_script_handles );
		foreach ( $block->editor_script_handles as $handle ) {
			// Core sets them from block.json's "textdomain".
			$this->assertSame( Assets::TEXT_DOMAIN, wp_scripts()->registered[ $handle ]->textdomain );
		}
	}

	public function test_the_page_view_runtime_has_no_strings_so_no_translations(): void {
		Assets::register_script( 'qualified-integration-test-frontend', 'frontend', array() );

		$this->assertNotContains( 'wp-i18n', wp_scripts()->registered['qualified-integration-test-frontend']->deps );
		$this->assertEmpty( wp_scripts()->registered['qualified-integration-test-frontend']->textdomain );
	}

	public function test_every_built_chunk_with_strings_is_listed_under_the_entry_that_loads_it(): void {
		$listed = array();
		foreach ( Assets::LAZY_CHUNKS as $entry => $chunks ) {
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- A built file of the plugin.
			$entry_code = (string) file_get_contents( Assets::path( $entry . '.js' ) );
			foreach ( $chunks as $chunk ) {
				$this->assertFileExists( Assets::path( $chunk . '.js' ) );
				// webpack's runtime in the entry maps chunk ids to these names.
				$this->assertStringContainsString( '"' . $chunk . '"', $entry_code, "build/$entry.js loads the chunk $chunk" );
				$listed[] = $chunk;
			}
		}

		$chunks_with_strings = array();
		foreach ( (array) glob( Assets::path( '*.js' ) ) as $file ) {
			$name = basename( (string) $file, '.js' );
			// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- A built file of the plugin.
			if ( ! is_readable( Assets::path( $name . '.asset.php' ) ) && false !== strpos( (string) file_get_contents( (string) $file ), '"' . Assets::TEXT_DOMAIN . '"' ) ) {
				$chunks_with_strings[] = $name;
			}
		}
		sort( $listed );
		sort( $chunks_with_strings );
		$this->assertSame( $chunks_with_strings, $listed, 'Assets::LAZY_CHUNKS lists the chunks in build/ that have strings' );
	}
}
