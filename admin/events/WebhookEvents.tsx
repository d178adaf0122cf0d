/**
 * Which stored events a webhook receives: all of them, or the names
 * chosen (from the handlers that store events and the event log, or typed).
 */

/**
 * WordPress dependencies
 */
import { Button, CheckboxControl, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { FieldErrors } from '../field-errors';
import { ContextLabel, Messages, describe } from './controls';
import { LIMITS } from './limits';

export interface WebhookEventsProps {
	errors: FieldErrors;
	path: string;
	context: string;
	label: string;
	/** The webhook's names, or undefined for every stored event. */
	value: string[] | undefined;
	choices: string[];
	onChange: ( events: string[] | null ) => void;
}

export function WebhookEvents( {
	errors,
	path,
	context,
	label,
	value,
	choices,
	onChange,
}: WebhookEventsProps ) {
	const [ other, setOther ] = useState( '' );
	const { id, messages, invalid, describedBy } = describe(
		errors,
		path,
		false
	);
	const all = value === undefined;
	const selected = value ?? [];
	const addOther = () => {
		const name = other.trim();
		if ( name !== '' && ! selected.includes( name ) ) {
			onChange( [ ...selected, name ] );
		}
		setOther( '' );
	};
	return (
		<fieldset
			className="qi-input qi-webhook-events"
			aria-describedby={ describedBy }
		>
			<legend>
				<ContextLabel context={ context } label={ label } />
			</legend>
			<CheckboxControl
				__nextHasNoMarginBottom
				id={ id }
				aria-invalid={ invalid || undefined }
				label={ __( 'Every stored event', 'qualified-integration' ) }
				checked={ all }
				onChange={ ( checked: boolean ) =>
					onChange( checked ? null : [] )
				}
			/>
			{ ! all && (
				<div className="qi-webhook-events__names">
					<p className="qi-help">
						{ __(
							'Only events with these names are sent. Pick at least one.',
							'qualified-integration'
						) }
					</p>
					<div className="qi-checkboxes__list">
						{ choices.map( ( name, index ) => (
							<CheckboxControl
								__nextHasNoMarginBottom
								key={ name }
								id={ `${ id }-${ index }` }
								label={ name }
								checked={ selected.includes( name ) }
								onChange={ ( checked: boolean ) =>
									onChange(
										checked
											? [ ...selected, name ]
											: selected.filter(
													( item ) => item !== name
												)
									)
								}
							/>
						) ) }
					</div>
					<div className="qi-webhook-events__other">
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							id={ `${ id }-other` }
							label={ sprintf(
								/* translators: %s: "Webhook 1". */
								__(
									'%s, another event name',
									'qualified-integration'
								),
								context
							) }
							hideLabelFromVision
							placeholder={ __(
								'Another event name',
								'qualified-integration'
							) }
							value={ other }
							autoComplete="off"
							onChange={ setOther }
							onKeyDown={ ( event: {
								key: string;
								preventDefault: () => void;
							} ) => {
								if ( event.key === 'Enter' ) {
									event.preventDefault();
									addOther();
								}
							} }
						/>
						<Button
							variant="secondary"
							__next40pxDefaultSize
							disabled={
								other.trim() === '' ||
								selected.length >= LIMITS.webhookEvents
							}
							onClick={ addOther }
						>
							{ __( 'Add name', 'qualified-integration' ) }
						</Button>
					</div>
				</div>
			) }
			<Messages messages={ messages } />
		</fieldset>
	);
}
