/**
 * The webhooks: add and remove; each webhook's card. Focus stays with
 * what the user acted on; messages follow their webhook when one is removed.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	fieldId,
	reindexErrors,
	withoutError,
	type FieldErrors,
} from '../field-errors';
import { removeItem, type ListEdit } from '../experiences/rule-list';
import { useFocusAfterRender } from '../use-focus-after-render';
import type { EventRoutes } from './api';
import { LIMITS } from './limits';
import type { EventHandler, Webhook } from './model';
import { webhookNameChoices } from './names';
import { WEBHOOKS_PATH, webhookPath } from './paths';
import { WebhookCard } from './WebhookCard';
import { addWebhook, isSaved } from './webhook-list';

export interface WebhooksListProps {
	webhooks: Webhook[];
	saved: Webhook[];
	handlers: EventHandler[];
	logNames: string[];
	errors: FieldErrors;
	routes: EventRoutes;
	onChange: ( webhooks: Webhook[], path?: string ) => void;
	setErrors: ( change: ( errors: FieldErrors ) => FieldErrors ) => void;
}

const ADD_ID = 'qi-add-webhook';
/**
 * Ids of a webhook's remove button, by its id (stable while the list changes).
 *
 * @param id Webhook id.
 */
const removeId = ( id: string ) => `qi-webhook-${ id }-remove`;

export function WebhooksList( {
	webhooks,
	saved,
	handlers,
	logNames,
	errors,
	routes,
	onChange,
	setErrors,
}: WebhooksListProps ) {
	const setFocusId = useFocusAfterRender();

	const apply = ( edit: ListEdit< Webhook >, focus: string ) => {
		setErrors( ( current ) =>
			reindexErrors(
				withoutError( current, WEBHOOKS_PATH ),
				WEBHOOKS_PATH,
				edit.order
			)
		);
		onChange( edit.list );
		setFocusId( focus );
	};

	const seen = new Set< string >();
	return (
		<div className="qi-webhooks">
			{ webhooks.length === 0 ? (
				<p className="qi-empty">
					{ __(
						'No webhooks yet. Add one to send each stored event to another system (a CRM, Zapier, your own code).',
						'qualified-integration'
					) }
				</p>
			) : (
				<ol className="qi-rule-list">
					{ webhooks.map( ( webhook, index ) => {
						const key = seen.has( webhook.id )
							? `${ webhook.id }#${ index }`
							: webhook.id;
						seen.add( webhook.id );
						return (
							<WebhookCard
								key={ key }
								index={ index }
								webhook={ webhook }
								saved={ isSaved( webhook, saved ) }
								errors={ errors }
								choices={ webhookNameChoices(
									handlers,
									logNames,
									webhook.events ?? []
								) }
								routes={ routes }
								removeId={ removeId( key ) }
								onChange={ ( next, path ) =>
									onChange(
										webhooks.map( ( item, i ) =>
											i === index ? next : item
										),
										path
									)
								}
								onRemove={ () => {
									const neighbour =
										webhooks[ index + 1 ] ??
										webhooks[ index - 1 ];
									apply(
										removeItem( webhooks, index ),
										neighbour
											? removeId( neighbour.id )
											: ADD_ID
									);
								} }
								onTestInvalid={ ( fields ) =>
									setErrors( ( current ) => ( {
										...withoutError(
											withoutError(
												current,
												webhookPath( index, 'url' )
											),
											webhookPath( index, 'secret' )
										),
										...fields,
									} ) )
								}
							/>
						);
					} ) }
				</ol>
			) }
			<div className="qi-mappings-footer">
				<Button
					id={ ADD_ID }
					variant="secondary"
					__next40pxDefaultSize
					disabled={ webhooks.length >= LIMITS.webhooks }
					onClick={ () =>
						apply(
							addWebhook( webhooks ),
							fieldId( webhookPath( webhooks.length, 'label' ) )
						)
					}
				>
					{ __( 'Add webhook', 'qualified-integration' ) }
				</Button>
				{ webhooks.length >= LIMITS.webhooks && (
					<span className="qi-help">
						{ sprintf(
							/* translators: %d: maximum number of webhooks. */
							__(
								'You have reached the limit of %d webhooks.',
								'qualified-integration'
							),
							LIMITS.webhooks
						) }
					</span>
				) }
			</div>
		</div>
	);
}
