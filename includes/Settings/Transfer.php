<?php
/**
 * Settings export and import files.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Settings;

use WP_Error;

defined( 'ABSPATH' ) || exit;

/**
 * The settings as a file an agency keeps for years and loads into other
 * sites: the export document, the reading of a file (its size, its JSON,
 * its version, migrated when older), and the plan of an import (validated
 * whole, with the list of what would change). REST (Rest\TransferController)
 * and WP-CLI (Cli\TransferCommand) both go through here, so a file is
 * judged the same wherever it is imported.
 *
 * The file is the settings object itself (DESIGN.md's contract):
 * `schemaVersion` and the editable fields, as in force. Secrets are left
 * out unless asked; on import a keyed item without its secret keeps the
 * site's (SecretFields). A field the file leaves out is not touched.
 *
 * Writing is not done here: applying a plan is
 * `SettingsRepository::update( $plan['changes'] )`, the one writer, which
 * validates again under its lock.
 */
final class Transfer {

	/**
	 * The largest file read (1 MB): far above any real settings file (200
	 * rules are about 60 KB), and refused before decoding, so a huge upload
	 * costs no memory for JSON.
	 */
	const MAX_BYTES = 1048576;

	/**
	 * Deepest nesting decoded: the settings are 7 levels deep; a file
	 * nested deeper is not a settings file, and decoding it would cost.
	 */
	const MAX_DEPTH = 32;

	/**
	 * Settings repository.
	 *
	 * @var SettingsRepository
	 */
	private $repository;

	/**
	 * The migrations, whose steps bring an older file up to date.
	 *
	 * @var Migrations
	 */
	private $migrations;

	/**
	 * Constructor.
	 *
	 * @param SettingsRepository $repository Settings repository.
	 * @param Migrations         $migrations Settings migrations.
	 */
	public function __construct( SettingsRepository $repository, Migrations $migrations ) {
		$this->repository = $repository;
		$this->migrations = $migrations;
	}

	/**
	 * The export document of some settings: schemaVersion first, then the
	 * editable fields in the schema's order, secrets left out unless asked.
	 *
	 * @param array<string, mixed> $settings Settings (in force: SettingsRepository::get()).
	 * @param bool                 $secrets  Whether secrets stay in.
	 * @return array<string, mixed>
	 */
	public function export( array $settings, bool $secrets ): array {
		$document = array( 'schemaVersion' => Schema::VERSION );
		foreach ( array_keys( Schema::editable_properties() ) as $field ) {
			if ( array_key_exists( $field, $settings ) ) {
				$document[ $field ] = $secrets ? $settings[ $field ] : SecretFields::strip( $settings[ $field ], $field );
			}
		}
		return $document;
	}

	/**
	 * A document as the file's text: indented JSON, slashes and non-ASCII
	 * letters as they are (readable in an editor, and diffable in a repo).
	 *
	 * @param array<string, mixed> $document Export document.
	 * @return string
	 */
	public static function to_json( array $document ): string {
		return (string) wp_json_encode( $document, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
	}

	/**
	 * Reads a file: decode(), then migrate(), then unknown fields refused.
	 *
	 * @param string $json The file's text.
	 * @return array<string, mixed>|WP_Error The document at Schema::VERSION, or why the file is refused.
	 */
	public function read( string $json ) {
		$raw = $this->decode( $json );
		if ( is_wp_error( $raw ) ) {
			return $raw;
		}
		$document = $this->migrate( $raw );
		$unknown  = self::unknown_fields( $document );
		return array() === $unknown ? $document : Validator::to_rest_error( $unknown );
	}

	/**
	 * Decodes a file and checks what must hold before anything else can be
	 * said of it: its size (checked first, before decoding), valid JSON,
	 * one object at the top, and a schemaVersion this plugin reads.
	 *
	 * @param string $json The file's text.
	 * @return array<string, mixed>|WP_Error The decoded object, as in the file.
	 */
	public function decode( string $json ) {
		if ( strlen( $json ) > self::MAX_BYTES ) {
			return self::too_big( strlen( $json ) );
		}
		// Editors on Windows may start a UTF-8 file with a byte order mark; JSON has none.
		if ( 0 === strpos( $json, "\xEF\xBB\xBF" ) ) {
			$json = (string) substr( $json, 3 );
		}
		$decoded = json_decode( $json, true, self::MAX_DEPTH );
		if ( JSON_ERROR_NONE !== json_last_error() ) {
			return new WP_Error(
				'qualified_integration_import_json',
				sprintf(
					/* translators: %s: the JSON parser's description of the problem, in English. */
					__( 'The file is not valid JSON (%s). Use a file the plugin exported, unchanged or edited with a JSON-aware editor.', 'qualified-integration' ),
					json_last_error_msg()
				),
				array( 'status' => 400 )
			);
		}
		// json_decode() makes {} and [] the same empty array: only a text that opens with { is an object.
		if ( ! is_array( $decoded ) || '{' !== substr( ltrim( $json, " \t\n\r" ), 0, 1 ) ) {
			return new WP_Error(
				'qualified_integration_import_type',
				sprintf(
					/* translators: %s: what the file holds instead, e.g. "a list". */
					__( 'The file must hold one JSON object, the settings as Export writes them ({"schemaVersion": …}); this one holds %s.', 'qualified-integration' ),
					self::kind_of( $decoded )
				),
				array( 'status' => 400 )
			);
		}
		$version = self::version_error( $decoded );
		return null === $version ? $decoded : $version;
	}

	/**
	 * Brings a decoded file up to Schema::VERSION with the migration steps
	 * the stored settings take (Migrations::upgrade()), so that an older
	 * file means on import what it meant on the site that wrote it: a
	 * section its version did not have is added with the value the upgrade
	 * gives it (a version 4 file loads Qualified `immediate`, as every
	 * version before 5 did).
	 *
	 * @param array<string, mixed> $raw A decoded file (decode()).
	 * @return array<string, mixed>
	 */
	public function migrate( array $raw ): array {
		$from = is_int( $raw['schemaVersion'] ?? null ) ? $raw['schemaVersion'] : Schema::VERSION;
		if ( $from >= Schema::VERSION ) {
			return $raw;
		}
		$document                  = $this->migrations->upgrade( $raw, $from );
		$document['schemaVersion'] = Schema::VERSION;
		return $document;
	}

	/**
	 * The top-level fields of a document that are not settings, each with
	 * the message the settings route gives for it.
	 *
	 * @param array<string, mixed> $document Document.
	 * @return array<string, string> Path to message.
	 */
	public static function unknown_fields( array $document ): array {
		$known  = Schema::editable_properties();
		$errors = array();
		foreach ( array_keys( $document ) as $field ) {
			$field = (string) $field;
			if ( 'schemaVersion' !== $field && ! isset( $known[ $field ] ) ) {
				$errors += Validator::field_errors( null, $field );
			}
		}
		return $errors;
	}

	/**
	 * What importing a document would do, or why it cannot be imported.
	 *
	 * Every field is validated as a save of it would be (every bad field
	 * named at once: rest_invalid_param, 400, data.params). A locked field
	 * (a wp-config.php constant, a network lock) whose value in the file is
	 * the one in force is skipped silently, so a file exported on the same
	 * site imports back; a different value is an error naming the field and
	 * its lock. `changes` holds only the fields that differ from the
	 * settings in force; `diff` lists each leaf path that would change.
	 *
	 * @param array<string, mixed> $document Document at Schema::VERSION (read()).
	 * @return array{changes: array<string, mixed>, diff: array<int, array{path: string, before: mixed, after: mixed}>}|WP_Error
	 */
	public function plan( array $document ) {
		unset( $document['schemaVersion'] );
		$current = $this->repository->get();
		$fields  = SecretFields::keep( $document, $current );
		$locked  = $this->repository->locked_fields();
		$checked = array();
		$changes = array();
		$diff    = array();
		foreach ( $fields as $field => $value ) {
			$field = (string) $field;
			$lines = array_key_exists( $field, $current ) ? SettingsDiff::between( $current[ $field ], $value, $field ) : array();
			if ( array() === $lines && in_array( $field, $locked, true ) ) {
				continue;
			}
			$checked[ $field ] = $value;
			if ( array() !== $lines ) {
				$changes[ $field ] = $value;
				$diff              = array_merge( $diff, $lines );
			}
		}
		$valid = Validator::validate_changes( $checked, $locked );
		if ( is_wp_error( $valid ) ) {
			return $valid;
		}
		return array(
			'changes' => $changes,
			'diff'    => $diff,
		);
	}

	/**
	 * The refusal of a file or body over MAX_BYTES.
	 *
	 * @param int $bytes Its size.
	 * @return WP_Error
	 */
	public static function too_big( int $bytes ): WP_Error {
		return new WP_Error(
			'qualified_integration_import_size',
			sprintf(
				/* translators: 1: size of the file, e.g. "10 MB", 2: largest size allowed, e.g. "1 MB". */
				__( 'The file is %1$s; the largest settings file this plugin imports is %2$s. A settings export is far smaller: check that this is the right file.', 'qualified-integration' ),
				size_format( $bytes, 1 ),
				size_format( self::MAX_BYTES )
			),
			array( 'status' => 413 )
		);
	}

	/**
	 * Why a decoded object's schemaVersion cannot be read here, or null.
	 *
	 * @param array<mixed> $decoded Decoded object.
	 * @return WP_Error|null
	 */
	private static function version_error( array $decoded ): ?WP_Error {
		if ( ! array_key_exists( 'schemaVersion', $decoded ) ) {
			return new WP_Error(
				'qualified_integration_import_version',
				__( 'The file has no schemaVersion, so it is not a settings export of this plugin. Export the settings again and import that file.', 'qualified-integration' ),
				array( 'status' => 400 )
			);
		}
		$version = $decoded['schemaVersion'];
		if ( ! is_int( $version ) || $version < 1 ) {
			return new WP_Error(
				'qualified_integration_import_version',
				__( 'The file\'s schemaVersion must be a whole number, 1 or more, as Export writes it.', 'qualified-integration' ),
				array( 'status' => 400 )
			);
		}
		if ( $version > Schema::VERSION ) {
			return new WP_Error(
				'qualified_integration_import_newer',
				sprintf(
					/* translators: 1: the file's settings version, 2: the newest version this plugin reads. */
					__( 'This file is from a newer version of the plugin (settings version %1$d); this plugin reads settings versions up to %2$d. Update the Qualified Integration plugin on this site, then import the file again.', 'qualified-integration' ),
					$version,
					Schema::VERSION
				),
				array(
					'status'      => 400,
					'fileVersion' => $version,
					'maxVersion'  => Schema::VERSION,
				)
			);
		}
		return null;
	}

	/**
	 * What a decoded JSON value is, in words.
	 *
	 * @param mixed $value Decoded value.
	 * @return string
	 */
	private static function kind_of( $value ): string {
		if ( is_array( $value ) ) {
			return __( 'a list', 'qualified-integration' );
		}
		if ( is_string( $value ) ) {
			return __( 'a text', 'qualified-integration' );
		}
		if ( is_bool( $value ) ) {
			return __( 'true or false', 'qualified-integration' );
		}
		if ( null === $value ) {
			return __( 'null', 'qualified-integration' );
		}
		return __( 'a number', 'qualified-integration' );
	}
}
