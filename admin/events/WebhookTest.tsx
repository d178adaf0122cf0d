/**
 * "Send test event": the webhook's address and secret as typed (saved or
 * not) go to POST /webhooks/test, which sends a signed test event now; the
 * HTTP result (status, message, time) is announced in a live region.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { describeFailure } from '../api';
import type { FieldErrors } from '../field-errors';
import { testWebhook, type EventRoutes, type WebhookTestResult } from './api';
import { resultText } from './test-result';

export interface WebhookTestProps {
	routes: EventRoutes;
	context: string;
	url: string;
	secret: string;
	/** Shows the route's 400 messages (`url`, `secret`) at the webhook's fields. */
	onInvalid: ( fields: FieldErrors ) => void;
}

type State =
	| { kind: 'idle' }
	| { kind: 'busy' }
	| { kind: 'done'; result: WebhookTestResult }
	| { kind: 'failed'; message: string };

export function WebhookTest( {
	routes,
	context,
	url,
	secret,
	onInvalid,
}: WebhookTestProps ) {
	const [ state, setState ] = useState< State >( { kind: 'idle' } );
	const run = () => {
		setState( { kind: 'busy' } );
		testWebhook( routes, url, secret )
			.then( ( result ) => setState( { kind: 'done', result } ) )
			.catch( ( error: unknown ) => {
				const failure = describeFailure( error );
				if ( failure.kind === 'invalid' ) {
					onInvalid( failure.fields );
				}
				setState( {
					kind: 'failed',
					message:
						failure.kind === 'invalid'
							? __(
									'Not sent: fix the address or the secret first.',
									'qualified-integration'
								)
							: failure.message,
				} );
			} );
	};
	return (
		<div className="qi-webhook-test">
			<Button
				variant="secondary"
				__next40pxDefaultSize
				isBusy={ state.kind === 'busy' }
				disabled={ state.kind === 'busy' || url === '' }
				aria-label={ sprintf(
					/* translators: %s: "Webhook 1". */
					__( 'Send test event, %s', 'qualified-integration' ),
					context
				) }
				onClick={ run }
			>
				{ __( 'Send test event', 'qualified-integration' ) }
			</Button>
			<div className="qi-webhook-test__result" role="status">
				{ state.kind === 'busy' &&
					__( 'Sending a test event…', 'qualified-integration' ) }
				{ state.kind === 'done' && (
					<>
						<span
							className={
								state.result.ok ? 'is-ok' : 'is-failed'
							}
						>
							<strong>
								{ state.result.ok
									? __( 'Delivered', 'qualified-integration' )
									: __(
											'Not delivered',
											'qualified-integration'
										) }
							</strong>
							{ ` (${ resultText( state.result ) })` }
						</span>
						<span className="qi-help">
							{ state.result.message }
						</span>
					</>
				) }
				{ state.kind === 'failed' && (
					<span className="is-failed">{ state.message }</span>
				) }
			</div>
		</div>
	);
}
