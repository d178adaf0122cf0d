/**
 * A webhook's secret: hidden by default, with Show/Hide and a button that
 * puts a new random one in its place (the receiver must get the same one).
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
import type { FieldErrors } from '../field-errors';
import { EventText } from './controls';
import { LIMITS } from './limits';
import { generateSecret } from './webhook-list';

export interface SecretFieldProps {
	errors: FieldErrors;
	path: string;
	context: string;
	label: string;
	value: string;
	onChange: ( value: string ) => void;
	/** Id of the Generate button (focus stays there after a click). */
	generateId: string;
}

export function SecretField( {
	value,
	onChange,
	generateId,
	...common
}: SecretFieldProps ) {
	const [ shown, setShown ] = useState( false );
	const [ note, setNote ] = useState( '' );
	return (
		<div className="qi-secret">
			<EventText
				{ ...common }
				className="qi-input--value"
				type={ shown ? 'text' : 'password' }
				help={ `${ __(
					'Each request is signed with it: the X-Qualified-Integration-Signature header is t=<time>,v1=<HMAC-SHA256 of "<time>.<body>" with this secret>. Give your receiver the same secret and have it check the signature and that the time is recent.',
					'qualified-integration'
				) } ${ sprintf(
					/* translators: 1: fewest characters, 2: most characters. */
					__(
						'%1$d to %2$d characters, no spaces.',
						'qualified-integration'
					),
					LIMITS.secretMin,
					LIMITS.secretMax
				) }` }
				value={ value }
				onChange={ onChange }
			/>
			<div className="qi-secret__buttons">
				<Button
					variant="secondary"
					size="compact"
					onClick={ () => setShown( ! shown ) }
				>
					{ shown
						? __( 'Hide secret', 'qualified-integration' )
						: __( 'Show secret', 'qualified-integration' ) }
				</Button>
				<Button
					id={ generateId }
					variant="secondary"
					size="compact"
					onClick={ () => {
						onChange( generateSecret() );
						setNote(
							__(
								'A new random secret is in place. Save, then give it to your receiver.',
								'qualified-integration'
							)
						);
					} }
				>
					{ __( 'Generate a new secret', 'qualified-integration' ) }
				</Button>
			</div>
			<p className="qi-field-note" aria-live="polite">
				{ value.length > 0 && value.length < LIMITS.secretMin
					? sprintf(
							/* translators: 1: fewest characters, 2: characters typed. */
							__(
								'Too short: at least %1$d characters (this one has %2$d).',
								'qualified-integration'
							),
							LIMITS.secretMin,
							value.length
						)
					: note }
			</p>
		</div>
	);
}
