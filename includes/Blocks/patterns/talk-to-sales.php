<?php
/**
 * The "Talk to sales" pattern's content. Core includes this file only when
 * the pattern is read (the block editor's pattern list, a pattern block), so
 * a page view does not build it (TalkToSalesPattern registers its filePath).
 *
 * @package QualifiedIntegration
 */

defined( 'ABSPATH' ) || exit;

// Block markup whose every text is escaped by content().
echo \QualifiedIntegration\Blocks\TalkToSalesPattern::content(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
