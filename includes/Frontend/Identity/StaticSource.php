<?php
/**
 * The fixed-value source.
 *
 * @package QualifiedIntegration
 */

namespace QualifiedIntegration\Frontend\Identity;

defined( 'ABSPATH' ) || exit;

/**
 * "static": the value the admin typed, the same for every visitor.
 */
final class StaticSource implements SourceGroup {

	/**
	 * The mapping's value.
	 *
	 * @param string               $source  Source name.
	 * @param array<string, mixed> $mapping The mapping.
	 * @param Context              $context Unused: a fixed value depends on nothing.
	 * @return mixed
	 */
	public function resolve( string $source, array $mapping, Context $context ) {
		return 'static' === $source && is_string( $mapping['value'] ?? null ) ? $mapping['value'] : null;
	}
}
