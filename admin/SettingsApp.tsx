/**
 * The settings form: loads the settings, edits a draft, saves the changes.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardFooter,
	CheckboxControl,
	Notice,
	Spinner,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessages, fetchSettings, saveSettings } from './api';
import type { AdminBootData } from './boot-data';
import { changedFields } from './changes';
import type {
	EditableSettings,
	SettingsField,
	SettingsPayload,
} from '../src/shared/settings';

interface Feedback {
	status: 'success' | 'error';
	messages: string[];
}

function editable( payload: SettingsPayload ): EditableSettings {
	const { enabled, token, excludeRoles } = payload.settings;
	return { enabled, token, excludeRoles };
}

export function SettingsApp( { boot }: { boot: AdminBootData } ) {
	const [ saved, setSaved ] = useState< SettingsPayload | null >( null );
	const [ draft, setDraft ] = useState< EditableSettings | null >( null );
	const [ saving, setSaving ] = useState( false );
	const [ feedback, setFeedback ] = useState< Feedback | null >( null );

	const showError = ( error: unknown ) =>
		setFeedback( { status: 'error', messages: errorMessages( error ) } );

	useEffect( () => {
		fetchSettings( boot.restPath )
			.then( ( payload ) => {
				setSaved( payload );
				setDraft( editable( payload ) );
			} )
			.catch( showError );
	}, [ boot.restPath ] );

	if ( ! saved || ! draft ) {
		return feedback ? (
			<Notice status="error" isDismissible={ false }>
				{ feedback.messages.join( ' ' ) }
			</Notice>
		) : (
			<Spinner />
		);
	}

	const lockNote = ( field: SettingsField ): string | undefined => {
		const lock = saved.locked[ field ];
		if ( ! lock ) {
			return undefined;
		}
		const note = sprintf(
			/* translators: %s: PHP constant name. */
			__(
				'Locked: set by %s in wp-config.php.',
				'qualified-integration'
			),
			lock.constant
		);
		return lock.error ? `${ note } ${ lock.error }` : note;
	};

	const update = < K extends SettingsField >(
		field: K,
		value: EditableSettings[ K ]
	) => setDraft( { ...draft, [ field ]: value } );

	const toggleRole = ( slug: string, excluded: boolean ) =>
		update(
			'excludeRoles',
			excluded
				? [ ...draft.excludeRoles, slug ]
				: draft.excludeRoles.filter( ( role ) => role !== slug )
		);

	const changes = changedFields(
		editable( saved ),
		draft,
		Object.keys( saved.locked )
	);

	const onSave = () => {
		setSaving( true );
		setFeedback( null );
		saveSettings( boot.restPath, changes )
			.then( ( payload ) => {
				setSaved( payload );
				setDraft( editable( payload ) );
				setFeedback( {
					status: 'success',
					messages: [
						__( 'Settings saved.', 'qualified-integration' ),
					],
				} );
			} )
			.catch( showError )
			.finally( () => setSaving( false ) );
	};

	const tokenHelp =
		lockNote( 'token' ) ??
		__(
			'Find it in Qualified under Settings, Install. Letters and digits only. Without a token nothing loads.',
			'qualified-integration'
		);

	return (
		<Card className="qualified-integration-settings">
			<CardBody>
				{ feedback && (
					<Notice
						status={ feedback.status }
						onRemove={ () => setFeedback( null ) }
					>
						{ feedback.messages.map( ( message ) => (
							<p key={ message }>{ message }</p>
						) ) }
					</Notice>
				) }
				<ToggleControl
					__nextHasNoMarginBottom
					label={ __(
						'Load Qualified on public pages',
						'qualified-integration'
					) }
					help={ lockNote( 'enabled' ) }
					checked={ draft.enabled }
					disabled={ !! saved.locked.enabled }
					onChange={ ( value: boolean ) =>
						update( 'enabled', value )
					}
				/>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __( 'Site token', 'qualified-integration' ) }
					help={ tokenHelp }
					value={ draft.token }
					disabled={ !! saved.locked.token }
					autoComplete="off"
					spellCheck={ false }
					onChange={ ( value: string ) =>
						update( 'token', value.trim() )
					}
				/>
				<fieldset>
					<legend>
						<strong>
							{ __(
								'Never load for logged-in users with these roles',
								'qualified-integration'
							) }
						</strong>
					</legend>
					{ lockNote( 'excludeRoles' ) && (
						<p>{ lockNote( 'excludeRoles' ) }</p>
					) }
					{ boot.roles.map( ( role ) => (
						<CheckboxControl
							__nextHasNoMarginBottom
							key={ role.slug }
							label={ role.name }
							checked={ draft.excludeRoles.includes( role.slug ) }
							disabled={ !! saved.locked.excludeRoles }
							onChange={ ( value: boolean ) =>
								toggleRole( role.slug, value )
							}
						/>
					) ) }
				</fieldset>
			</CardBody>
			<CardFooter>
				<Button
					__next40pxDefaultSize
					variant="primary"
					isBusy={ saving }
					disabled={ saving || Object.keys( changes ).length === 0 }
					onClick={ onSave }
				>
					{ __( 'Save settings', 'qualified-integration' ) }
				</Button>
			</CardFooter>
		</Card>
	);
}
