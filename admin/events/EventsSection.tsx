/**
 * The Events section's content: what happens when Qualified reports a
 * visitor or messenger event (handlers and their actions), where stored
 * events are sent (webhooks), how long they are kept, and the log of
 * stored events with its chart. This file is a script chunk of its own
 * (see sections/Events.tsx); the log is another one, loaded only when it
 * comes near the viewport, as it carries DataViews.
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody, Spinner } from '@wordpress/components';
import { Suspense, lazy, useMemo, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { DroppedItems } from '../DroppedItems';
import { ParsedText } from '../experiences/controls';
import { parseWhole } from '../experiences/text-lists';
import { fieldId } from '../field-errors';
import type { SectionProps } from '../sections/types';
import { eventRoutes } from './api';
import { Messages } from './controls';
import { HandlersList } from './HandlersList';
import { LIMITS } from './limits';
import { LoadBoundary } from './LoadBoundary';
import { HANDLERS_PATH, RETENTION_PATH, WEBHOOKS_PATH } from './paths';
import { useLogNames } from './use-log-names';
import { useNearViewport } from './use-near-viewport';
import { WebhooksList } from './WebhooksList';

const EventLog = lazy(
	() => import( /* webpackChunkName: "events-log" */ './log/EventLog' )
);

/**
 * This site's host name, for the redirect help.
 *
 * @param homeUrl The site's home URL.
 */
function hostOf( homeUrl: string ): string {
	try {
		return new URL( homeUrl ).hostname;
	} catch {
		return homeUrl;
	}
}

export default function EventsSection( {
	boot,
	payload,
	draft,
	errors,
	update,
	setErrors,
}: SectionProps ) {
	const { events } = draft;
	const routes = useMemo(
		() => eventRoutes( boot.restPath ),
		[ boot.restPath ]
	);
	const [ logNames, setLogNames ] = useLogNames( routes );
	const logRef = useRef< HTMLDivElement >( null );
	const showLog = useNearViewport( logRef );
	const listMessages = ( path: string ) =>
		errors[ path ]
			? ( [ [ path, errors[ path ] ] ] as Array< [ string, string ] > )
			: [];

	return (
		<Card className="qi-card qi-card--wide qi-events">
			<CardBody>
				<div className="qi-intro">
					<p>
						{ __(
							'Qualified reports what visitors do in the messenger to the page they are on. Handlers decide what happens next: push the event to Google Tag Manager, Google Analytics or the Meta Pixel, store it in WordPress (for the log below and your webhooks), or send the visitor to another page.',
							'qualified-integration'
						) }
					</p>
					<p>
						{ __(
							'Visitor events (handleEvents) are Qualified’s standard events, Conversation Started, Meeting Booked and Email Captured, and the custom events of Track Event steps in your Experiences. Messenger events (handleMessengerEvents) are the messenger’s own; Qualified does not document their names.',
							'qualified-integration'
						) }
					</p>
				</div>
				<DroppedItems
					problems={ payload.problems }
					field="events"
					intro={ __(
						'Some stored handlers or webhooks are malformed, so they are left out and not listed below. Add them again if you still need them:',
						'qualified-integration'
					) }
				/>
				<div className="qi-events__part" data-qi-field="events">
					<Messages messages={ listMessages( 'events' ) } />
					<h3
						className="qi-section-title"
						id={ fieldId( HANDLERS_PATH ) }
						tabIndex={ -1 }
					>
						{ __( 'Event handlers', 'qualified-integration' ) }
					</h3>
					<p className="qi-help qi-events__lead">
						{ __(
							'Every enabled handler whose kind and name match an event runs its actions, in order.',
							'qualified-integration'
						) }
					</p>
					<Messages messages={ listMessages( HANDLERS_PATH ) } />
					<HandlersList
						handlers={ events.handlers }
						errors={ errors }
						logNames={ logNames }
						siteHost={ hostOf( payload.status.homeUrl ) }
						setErrors={ setErrors }
						onChange={ ( handlers, path ) =>
							update( 'events', { ...events, handlers }, path )
						}
					/>
				</div>

				<div className="qi-events__part">
					<h3
						className="qi-section-title"
						id={ fieldId( WEBHOOKS_PATH ) }
						tabIndex={ -1 }
					>
						{ __( 'Webhooks', 'qualified-integration' ) }
					</h3>
					<div className="qi-intro">
						<p>
							{ __(
								'Each event a “Store in WordPress” action keeps is also sent to these addresses as signed JSON (a POST request), in the background, with up to three retries (after 1, 5 and 30 minutes).',
								'qualified-integration'
							) }
						</p>
						<p className="qi-privacy qi-untrusted">
							<strong>
								{ __(
									'Untrusted input:',
									'qualified-integration'
								) }
							</strong>{ ' ' }
							{ __(
								'stored events are sent by anonymous visitors’ browsers. Nothing can prove who sent one, so anyone can send an event with any name and any values (a fake meeting, someone else’s email address). The signature only proves the request came from this site, not that the event is true. Check anything that matters before acting on it.',
								'qualified-integration'
							) }
						</p>
					</div>
					<Messages messages={ listMessages( WEBHOOKS_PATH ) } />
					<WebhooksList
						webhooks={ events.webhooks }
						saved={ payload.settings.events.webhooks }
						handlers={ events.handlers }
						logNames={ logNames }
						errors={ errors }
						routes={ routes }
						setErrors={ setErrors }
						onChange={ ( webhooks, path ) =>
							update( 'events', { ...events, webhooks }, path )
						}
					/>
				</div>

				<div className="qi-events__part qi-field">
					<h3 className="qi-section-title">
						{ __( 'Keep events', 'qualified-integration' ) }
					</h3>
					<ParsedText
						errors={ errors }
						path={ RETENTION_PATH }
						label={ __(
							'Keep events for (days)',
							'qualified-integration'
						) }
						showLabel
						className="qi-input--number"
						type="number"
						min={ LIMITS.retentionMin }
						max={ LIMITS.retentionMax }
						help={ sprintf(
							/* translators: 1: fewest days, 2: most days, 3: default number of days. */
							__(
								'Stored events older than this, and their webhook deliveries, are deleted once a day. %1$d to %2$d days; %3$d by default.',
								'qualified-integration'
							),
							LIMITS.retentionMin,
							LIMITS.retentionMax,
							LIMITS.retentionDefault
						) }
						value={ events.retentionDays }
						parse={ parseWhole }
						format={ ( value ) => ( value ? String( value ) : '' ) }
						onChange={ ( value ) =>
							update(
								'events',
								{ ...events, retentionDays: value },
								RETENTION_PATH
							)
						}
					/>
				</div>

				<div className="qi-events__part">
					<h3 className="qi-section-title">
						{ __( 'Event log', 'qualified-integration' ) }
					</h3>
					<p className="qi-help qi-events__lead">
						{ __(
							'Events stored by “Store in WordPress” actions, newest first. Every value comes from a visitor’s browser and is shown as plain text.',
							'qualified-integration'
						) }
					</p>
					<div ref={ logRef } className="qi-log-slot">
						<LoadBoundary
							message={ __(
								'The event log could not be loaded. Reload the page to try again.',
								'qualified-integration'
							) }
						>
							{ showLog ? (
								<Suspense fallback={ <Spinner /> }>
									<EventLog
										routes={ routes }
										onNames={ setLogNames }
									/>
								</Suspense>
							) : (
								<Spinner />
							) }
						</LoadBoundary>
					</div>
				</div>
			</CardBody>
		</Card>
	);
}
