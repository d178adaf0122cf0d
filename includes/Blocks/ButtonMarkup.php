<?php
/**
 * The Qualified button's markup, built in PHP.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Blocks;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the markup the button block's save() writes (src/blocks/button/save.tsx),
 * for the shortcode and the "Talk to sales" pattern, from the block's own
 * attributes. Both sides render the cases of tests/fixtures/button-markup.json,
 * so they cannot drift: the same classes in the same order, the same
 * attributes, and the same fallback-link rule as src/shared/safe-url.ts.
 *
 * Everything from the author is escaped here: the label through wp_kses()
 * with the inline tags the block's label may hold, class names through
 * sanitize_html_class(), the link checked and escaped for its attribute.
 */
final class ButtonMarkup {

	/** The block's own class name, the wrapper's first class. */
	const BLOCK_CLASS = 'wp-block-qualified-integration-button';

	/** Classes of the inner link or button: the theme's button classes, then the runtime's. */
	const BUTTON_CLASSES = 'wp-block-button__link wp-element-button qualified-open';

	/** Widths offered, in percent. */
	const WIDTHS = array( 25, 50, 75, 100 );

	/** Schemes a fallback link may use. */
	const PROTOCOLS = array( 'http', 'https', 'mailto', 'tel' );

	/** What a Qualified Experience API name looks like (the settings schema's pattern). */
	const EXPERIENCE_NAME = '/\Aexperience-[0-9]{1,20}\z/';

	/**
	 * The markup of one button.
	 *
	 * @param array<string, mixed> $attributes The block's attributes: label (HTML), action
	 *                                         ('open' or 'showExperience'), experience, fallback,
	 *                                         width (25, 50, 75 or 100) and className.
	 * @return string HTML; '' without a label.
	 */
	public static function render( array $attributes ): string {
		$label = wp_kses( self::text( $attributes, 'label' ), self::label_tags() );
		if ( '' === $label ) {
			return '';
		}

		$fallback   = self::safe_fallback_url( self::text( $attributes, 'fallback' ) );
		$experience = self::text( $attributes, 'experience' );
		$experience = 'showExperience' === self::text( $attributes, 'action' ) && self::is_experience_name( $experience ) ? $experience : '';

		$wrapper = array( self::BLOCK_CLASS );
		$width   = isset( $attributes['width'] ) && is_numeric( $attributes['width'] ) ? (int) $attributes['width'] : 0;
		if ( in_array( $width, self::WIDTHS, true ) ) {
			$wrapper[] = 'has-custom-width';
			$wrapper[] = self::BLOCK_CLASS . '__width-' . $width;
		}
		$wrapper = array_merge( $wrapper, self::class_names( self::text( $attributes, 'className' ) ) );
		// As the editor's generated-class-name hook does: each class once, the block's first.
		$wrapper = implode( ' ', array_unique( $wrapper ) );

		$data = '' === $experience ? '' : ' data-qualified-experience="' . esc_attr( $experience ) . '"';
		if ( '' === $fallback ) {
			$inner = '<button type="button" class="' . self::BUTTON_CLASSES . '"' . $data . '>' . $label . '</button>';
			return '<div class="' . esc_attr( $wrapper ) . '" hidden>' . $inner . '</div>';
		}
		$inner = '<a class="' . self::BUTTON_CLASSES . '" href="' . esc_attr( $fallback ) . '"' . $data . '>' . $label . '</a>';
		return '<div class="' . esc_attr( $wrapper ) . '">' . $inner . '</div>';
	}

	/**
	 * Whether a value is a well-formed Experience API name.
	 *
	 * @param string $name Candidate name.
	 * @return bool
	 */
	public static function is_experience_name( string $name ): bool {
		return 1 === preg_match( self::EXPERIENCE_NAME, $name );
	}

	/**
	 * The fallback link a button may use, as src/shared/safe-url.ts decides it:
	 * http(s), mailto: and tel: links, protocol-relative and relative ones.
	 * Anything else (another scheme, whitespace or control characters inside,
	 * characters esc_url() removes, character references such as `&#58;` that a
	 * browser would decode) is dropped.
	 *
	 * The result is printed with esc_attr(), not esc_url(): esc_url() would
	 * write `&` as `&#038;` and turn a relative path into `http://path`, where
	 * the block's saved markup has `&amp;` and the path, so the two would no
	 * longer be the same markup. esc_url_raw() still has to accept a link with
	 * a scheme, with the allowed protocols.
	 *
	 * @param string $url The author's text.
	 * @return string The link, trimmed; '' when it is empty or not safe.
	 */
	public static function safe_fallback_url( string $url ): string {
		$url = trim( $url );
		if (
			'' === $url
			|| 1 !== preg_match( '~\A[a-z0-9\-\~+_.?#=!&;,/:%@$|*\'()\[\]\x{80}-\x{10FFFF}]+\z~iu', $url )
			|| 1 === preg_match( '/&(?:#|[a-z][a-z0-9]*;)/i', $url )
		) {
			return '';
		}
		if ( 1 === preg_match( '~\A([^/?#:]*):~', $url, $scheme ) ) {
			if ( ! in_array( strtolower( $scheme[1] ), self::PROTOCOLS, true ) || '' === esc_url_raw( $url, self::PROTOCOLS ) ) {
				return '';
			}
		}
		return $url;
	}

	/**
	 * Inline tags a label may hold: the formats the block's label allows
	 * (bold, italic, strikethrough, subscript, superscript), their older
	 * spellings, and line breaks. No attributes.
	 *
	 * @return array<string, array<string, bool>>
	 */
	public static function label_tags(): array {
		$tags = array();
		foreach ( array( 'strong', 'em', 'b', 'i', 's', 'sub', 'sup', 'br' ) as $tag ) {
			$tags[ $tag ] = array();
		}
		return $tags;
	}

	/**
	 * Class names from a space-separated list, each one sanitised, empty ones left out.
	 *
	 * @param string $classes Class attribute text.
	 * @return string[]
	 */
	private static function class_names( string $classes ): array {
		$names  = array();
		$tokens = preg_split( '/\s+/', $classes, -1, PREG_SPLIT_NO_EMPTY );
		foreach ( is_array( $tokens ) ? $tokens : array() as $name ) {
			$name = sanitize_html_class( $name );
			if ( '' !== $name ) {
				$names[] = $name;
			}
		}
		return $names;
	}

	/**
	 * A string attribute, '' when it is missing or not a string.
	 *
	 * @param array<string, mixed> $attributes Attributes.
	 * @param string               $key        Attribute name.
	 * @return string
	 */
	private static function text( array $attributes, string $key ): string {
		return isset( $attributes[ $key ] ) && is_string( $attributes[ $key ] ) ? $attributes[ $key ] : '';
	}
}
