/**
 * Visitor facts for the matcher tests: a desktop visitor on /pricing/ from
 * LinkedIn, Monday 10:00 UTC, just arrived and not scrolled; override what a
 * test needs.
 */
import type { VisitorFacts } from '../../src/shared/experiences/types';

export function facts( overrides: Partial< VisitorFacts > = {} ): VisitorFacts {
	return {
		url: new URL(
			'https://example.org/pricing/?utm_source=linkedin&empty='
		),
		referrer: 'https://www.linkedin.com/feed/',
		device: 'desktop',
		now: new Date( Date.UTC( 2024, 6, 1, 10, 0 ) ),
		timezone: 'UTC',
		timeOnPage: 0,
		scrollPercent: 0,
		...overrides,
	};
}
