/**
 * One webhook: label, address, secret, which events it receives, on/off
 * and remove; a test send and its recent deliveries.
 */

/**
 * WordPress dependencies
 */
import { Button, FormToggle } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorId, fieldId, type FieldErrors } from '../field-errors';
import type { EventRoutes } from './api';
import { EventText } from './controls';
import { Deliveries } from './Deliveries';
import { isHandlerEnabled, withEnabled } from './handler-list';
import type { Webhook } from './model';
import { webhookLevelErrors, webhookPath, webhookTestPath } from './paths';
import { SecretField } from './SecretField';
import { fieldWords, webhookContext } from './texts';
import { WebhookEvents } from './WebhookEvents';
import { withEvents, withText } from './webhook-list';
import { WebhookTest } from './WebhookTest';

export interface WebhookCardProps {
	index: number;
	webhook: Webhook;
	/** Whether it is in the saved settings (deliveries exist only then). */
	saved: boolean;
	errors: FieldErrors;
	choices: string[];
	routes: EventRoutes;
	removeId: string;
	onChange: ( webhook: Webhook, path: string ) => void;
	onRemove: () => void;
	/** Shows the test route's messages at this webhook's fields. */
	onTestInvalid: ( fields: FieldErrors ) => void;
}

export function WebhookCard( {
	index,
	webhook,
	saved,
	errors,
	choices,
	routes,
	removeId,
	onChange,
	onRemove,
	onTestInvalid,
}: WebhookCardProps ) {
	const words = fieldWords();
	const context = webhookContext( index );
	const enabled = isHandlerEnabled( webhook );
	const path = ( key?: string ) => webhookPath( index, key );
	const topMessages = webhookLevelErrors( errors, index );
	const title = webhook.label
		? sprintf(
				/* translators: 1: "Webhook 1", 2: its label. */
				__( '%1$s: %2$s', 'qualified-integration' ),
				context,
				webhook.label
			)
		: context;
	const common = ( key: string, label: string ) => ( {
		errors,
		path: path( key ),
		context,
		label,
	} );

	return (
		<li
			className={ `qi-rule qi-webhook${ enabled ? '' : ' is-disabled' }${
				topMessages.length ? ' has-error' : ''
			}` }
			aria-labelledby={ fieldId( path() ) }
		>
			<div className="qi-rule__head">
				<h4
					id={ fieldId( path() ) }
					className="qi-rule__title"
					tabIndex={ -1 }
				>
					{ title }
				</h4>
				<div className="qi-rule__toggle">
					<FormToggle
						id={ fieldId( path( 'enabled' ) ) }
						checked={ enabled }
						onChange={ () =>
							onChange(
								withEnabled( webhook, ! enabled ),
								path( 'enabled' )
							)
						}
					/>
					<label htmlFor={ fieldId( path( 'enabled' ) ) }>
						<span className="screen-reader-text">{ `${ context }, ` }</span>
						{ words.enabled }
					</label>
				</div>
				<div className="qi-rule__commands">
					<Button
						id={ removeId }
						size="compact"
						icon="trash"
						isDestructive
						label={ sprintf(
							/* translators: %d: webhook number. */
							__( 'Remove webhook %d', 'qualified-integration' ),
							index + 1
						) }
						onClick={ onRemove }
					/>
				</div>
			</div>
			{ topMessages.map( ( [ at, message ] ) => (
				<p
					key={ at }
					id={ at === path() ? errorId( at ) : undefined }
					className="qi-field-error"
				>
					{ message }
				</p>
			) ) }
			<p className="qi-help qi-rule__id">
				{ sprintf(
					/* translators: %s: webhook id such as "webhook-x1y2z3". */
					__( 'Webhook ID: %s', 'qualified-integration' ),
					webhook.id
				) }
			</p>
			<div className="qi-webhook__fields">
				<EventText
					{ ...common( 'label', words.label ) }
					className="qi-input--value"
					placeholder={ __( 'e.g. CRM', 'qualified-integration' ) }
					value={ webhook.label ?? '' }
					onChange={ ( value ) =>
						onChange(
							withText( webhook, 'label', value ),
							path( 'label' )
						)
					}
				/>
				<EventText
					{ ...common( 'url', words.url ) }
					className="qi-input--value qi-input--url"
					type="url"
					placeholder="https://example.com/hooks/qualified"
					help={ __(
						'An http or https address. Requests go out from WordPress’s scheduled tasks (WP-Cron), never during a page view; a redirect (3xx) counts as a failure.',
						'qualified-integration'
					) }
					value={ webhook.url }
					onChange={ ( value ) =>
						onChange(
							withText( webhook, 'url', value ),
							path( 'url' )
						)
					}
				/>
				<SecretField
					{ ...common( 'secret', words.secret ) }
					generateId={ `${ removeId }-generate` }
					value={ webhook.secret }
					onChange={ ( value ) =>
						onChange(
							withText( webhook, 'secret', value ),
							path( 'secret' )
						)
					}
				/>
				<WebhookEvents
					{ ...common( 'events', words.events ) }
					value={ webhook.events }
					choices={ choices }
					onChange={ ( events ) =>
						onChange(
							withEvents( webhook, events ),
							path( 'events' )
						)
					}
				/>
			</div>
			<WebhookTest
				routes={ routes }
				context={ context }
				url={ webhook.url }
				secret={ webhook.secret }
				onInvalid={ ( fields ) =>
					onTestInvalid(
						Object.fromEntries(
							Object.entries( fields ).map(
								( [ at, message ] ) => [
									webhookTestPath( index, at ),
									message,
								]
							)
						)
					)
				}
			/>
			<Deliveries
				routes={ routes }
				webhookId={ webhook.id }
				context={ context }
				saved={ saved }
			/>
		</li>
	);
}
