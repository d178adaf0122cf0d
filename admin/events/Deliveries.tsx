/**
 * A webhook's "Recent deliveries": a disclosure that, when opened, reads
 * GET /webhooks/deliveries for the webhook (saved webhooks only) and lists
 * each delivery's event, status, tries and last answer.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { describeFailure } from '../api';
import { fetchDeliveries, type Delivery, type EventRoutes } from './api';
import { formatDateTime } from './dates';

export interface DeliveriesProps {
	routes: EventRoutes;
	webhookId: string;
	context: string;
	/** Deliveries exist only for a saved webhook. */
	saved: boolean;
}

type State =
	| { kind: 'idle' }
	| { kind: 'loading' }
	| { kind: 'loaded'; items: Delivery[] }
	| { kind: 'failed'; message: string };

export function statusLabel( delivery: Delivery ): string {
	switch ( delivery.status ) {
		case 'delivered':
			return __( 'Delivered', 'qualified-integration' );
		case 'failed':
			return __( 'Failed (no more tries)', 'qualified-integration' );
		default:
			return delivery.nextAttemptAt
				? sprintf(
						/* translators: %s: date and time of the next try. */
						__( 'Waiting: next try %s', 'qualified-integration' ),
						formatDateTime( delivery.nextAttemptAt )
					)
				: __( 'Waiting', 'qualified-integration' );
	}
}

export function Deliveries( {
	routes,
	webhookId,
	context,
	saved,
}: DeliveriesProps ) {
	const [ open, setOpen ] = useState( false );
	const [ state, setState ] = useState< State >( { kind: 'idle' } );
	const [ generation, setGeneration ] = useState( 0 );
	const panelId = `qi-deliveries-${ webhookId }`;

	useEffect( () => {
		if ( ! open || ! saved ) {
			return undefined;
		}
		let live = true;
		setState( { kind: 'loading' } );
		fetchDeliveries( routes, webhookId )
			.then( ( answer ) => {
				if ( live ) {
					setState( { kind: 'loaded', items: answer.items ?? [] } );
				}
			} )
			.catch( ( error: unknown ) => {
				if ( live ) {
					setState( {
						kind: 'failed',
						message: describeFailure( error ).message,
					} );
				}
			} );
		return () => {
			live = false;
		};
	}, [ open, saved, routes, webhookId, generation ] );

	return (
		<div className="qi-deliveries">
			<Button
				variant="tertiary"
				icon={ open ? 'arrow-down-alt2' : 'arrow-right-alt2' }
				aria-expanded={ open }
				aria-controls={ panelId }
				onClick={ () => setOpen( ! open ) }
			>
				{ __( 'Recent deliveries', 'qualified-integration' ) }
				<span className="screen-reader-text">{ `, ${ context }` }</span>
			</Button>
			{ open && (
				<div id={ panelId } className="qi-deliveries__panel">
					{ ! saved && (
						<p className="qi-help">
							{ __(
								'Save this webhook first: deliveries are recorded only for saved webhooks.',
								'qualified-integration'
							) }
						</p>
					) }
					{ saved && state.kind === 'loading' && <Spinner /> }
					{ saved && state.kind === 'failed' && (
						<Notice status="error" isDismissible={ false }>
							{ state.message }
						</Notice>
					) }
					{ saved && state.kind === 'loaded' && (
						<DeliveryTable
							items={ state.items }
							context={ context }
						/>
					) }
					{ saved && state.kind !== 'loading' && (
						<Button
							variant="link"
							onClick={ () => setGeneration( generation + 1 ) }
						>
							{ __( 'Refresh', 'qualified-integration' ) }
						</Button>
					) }
				</div>
			) }
		</div>
	);
}

function DeliveryTable( {
	items,
	context,
}: {
	items: Delivery[];
	context: string;
} ) {
	if ( items.length === 0 ) {
		return (
			<p className="qi-empty">
				{ __(
					'No deliveries yet. Each stored event this webhook receives is listed here once it is queued.',
					'qualified-integration'
				) }
			</p>
		);
	}
	return (
		<div className="qi-table-scroll">
			<table className="qi-table qi-deliveries__table">
				<caption className="screen-reader-text">
					{ sprintf(
						/* translators: %s: "Webhook 1". */
						__(
							'Recent deliveries of %s',
							'qualified-integration'
						),
						context
					) }
				</caption>
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Event', 'qualified-integration' ) }
						</th>
						<th scope="col">
							{ __( 'Status', 'qualified-integration' ) }
						</th>
						<th scope="col">
							{ __( 'Tries', 'qualified-integration' ) }
						</th>
						<th scope="col">
							{ __( 'Last HTTP code', 'qualified-integration' ) }
						</th>
						<th scope="col">
							{ __( 'Last error', 'qualified-integration' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ items.map( ( delivery ) => (
						<tr
							key={ delivery.id }
							className={ `is-${ delivery.status }` }
						>
							<td>
								{ delivery.eventName }
								<span className="qi-help">
									{ ' ' }
									{ sprintf(
										/* translators: %d: stored event id. */
										__( '#%d', 'qualified-integration' ),
										delivery.eventId
									) }
								</span>
							</td>
							<td className="qi-delivery-status">
								{ statusLabel( delivery ) }
							</td>
							<td>{ delivery.attempts }</td>
							<td>{ delivery.lastCode ?? '—' }</td>
							<td className="qi-value">
								{ delivery.lastError || '—' }
							</td>
						</tr>
					) ) }
				</tbody>
			</table>
		</div>
	);
}
