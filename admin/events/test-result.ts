/**
 * A webhook test's HTTP result in words, for the live region under the
 * "Send test event" button.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { WebhookTestResult } from './api';

/**
 * The HTTP result in words: "HTTP 200, 84 ms" (or "No HTTP answer, 5003 ms").
 *
 * @param result The route's answer.
 */
export function resultText( result: WebhookTestResult ): string {
	const status =
		result.status === null
			? __( 'No HTTP answer', 'qualified-integration' )
			: sprintf(
					/* translators: %d: HTTP status code. */
					__( 'HTTP %d', 'qualified-integration' ),
					result.status
				);
	return sprintf(
		/* translators: 1: "HTTP 200" or "No HTTP answer", 2: milliseconds. */
		__( '%1$s, %2$d ms', 'qualified-integration' ),
		status,
		Math.round( result.durationMs )
	);
}
