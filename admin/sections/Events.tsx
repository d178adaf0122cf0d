/**
 * Events: handlers for Qualified's visitor and messenger events, webhooks,
 * retention and the event log. The section's content is a script chunk of
 * its own, fetched in the background once the screen has loaded (webpack
 * prefetch), so the other sections do not wait for it.
 */

/**
 * WordPress dependencies
 */
import { Spinner } from '@wordpress/components';
import { Suspense, lazy } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { LoadBoundary } from '../events/LoadBoundary';
import type { SectionDefinition, SectionProps } from './types';

const EventsSection = lazy(
	() =>
		import(
			/* webpackChunkName: "events", webpackPrefetch: true */ '../events/EventsSection'
		)
);

function EventsTab( props: SectionProps ) {
	return (
		<LoadBoundary
			message={ __(
				'This section could not be loaded. Reload the page to try again.',
				'qualified-integration'
			) }
		>
			<Suspense fallback={ <Spinner /> }>
				<EventsSection { ...props } />
			</Suspense>
		</LoadBoundary>
	);
}

export const eventsSection: SectionDefinition = {
	name: 'events',
	title: __( 'Events', 'qualified-integration' ),
	fields: [ 'events' ],
	Component: EventsTab,
};
