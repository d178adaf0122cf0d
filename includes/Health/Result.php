<?php
/**
 * A Site Health test result.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Health;

use QualifiedIntegration\Admin\SettingsPage;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the array core's Site Health expects from a test, the same way for
 * every Qualified test: the "Qualified" badge (red when critical), and links
 * to the section of Settings -> Qualified where the fix is made.
 *
 * Descriptions and actions are HTML the tests build with every dynamic part
 * escaped; core prints them as they are.
 */
final class Result {

	/**
	 * A result.
	 *
	 * @param string $test        Test name (the key in site_status_tests).
	 * @param string $status      good, recommended or critical.
	 * @param string $label       Result heading (plain text; core escapes it).
	 * @param string $description HTML.
	 * @param string $actions     HTML.
	 * @return array{label: string, status: string, badge: array{label: string, color: string}, description: string, actions: string, test: string}
	 */
	public static function make( string $test, string $status, string $label, string $description, string $actions = '' ): array {
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Qualified', 'qualified-integration' ),
				'color' => 'critical' === $status ? 'red' : 'blue',
			),
			'description' => $description,
			'actions'     => $actions,
			'test'        => $test,
		);
	}

	/**
	 * A paragraph of plain text.
	 *
	 * @param string $text Text.
	 * @return string
	 */
	public static function paragraph( string $text ): string {
		return '' === $text ? '' : '<p>' . esc_html( $text ) . '</p>';
	}

	/**
	 * A list of plain-text items ('' when empty).
	 *
	 * @param string[] $items Items.
	 * @return string
	 */
	public static function items( array $items ): string {
		if ( array() === $items ) {
			return '';
		}
		$html = '';
		foreach ( $items as $item ) {
			$html .= '<li>' . esc_html( $item ) . '</li>';
		}
		return '<ul>' . $html . '</ul>';
	}

	/**
	 * A link to a section of Settings -> Qualified, as an action.
	 *
	 * @param string $section Section of the screen (general, loading, experiences...).
	 * @param string $text    Link text.
	 * @return string
	 */
	public static function settings_link( string $section, string $text ): string {
		return sprintf(
			'<p><a href="%s">%s</a></p>',
			esc_url( admin_url( 'options-general.php?page=' . SettingsPage::SLUG . '#' . $section ) ),
			esc_html( $text )
		);
	}
}
