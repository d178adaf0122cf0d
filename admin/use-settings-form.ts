/**
 * The one save model of the screen: the settings as last loaded, the draft
 * every section edits, the field errors, and a save that sends only the
 * changed top-level fields, made on the loaded revision.
 */

/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	EditableSettings,
	Settings,
	SettingsField,
	SettingsPayload,
} from '../src/shared/settings';
import { describeFailure, fetchSettings, saveSettings } from './api';
import type { AdminBootData } from './boot-data';
import { changedFields } from './changes';
import { withoutError, type FieldErrors } from './field-errors';
import { savedNotice, type PageNotice } from './notices';

/**
 * The user-editable part of the settings.
 *
 * @param settings Settings in force.
 */
export function editable( settings: Settings ): EditableSettings {
	const copy: Partial< Settings > = { ...settings };
	delete copy.schemaVersion;
	return copy as EditableSettings;
}

export function useSettingsForm( boot: AdminBootData ) {
	const [ payload, setPayload ] = useState< SettingsPayload | null >( null );
	const [ draft, setDraft ] = useState< EditableSettings | null >( null );
	const [ errors, setErrorsState ] = useState< FieldErrors >( {} );
	const [ notice, setNotice ] = useState< PageNotice | null >( null );
	const [ saving, setSaving ] = useState( false );

	const adopt = useCallback( ( next: SettingsPayload ) => {
		setPayload( next );
		setDraft( editable( next.settings ) );
		setErrorsState( {} );
	}, [] );

	const failedToLoad = ( error: unknown ) =>
		setNotice( {
			status: 'error',
			message: describeFailure( error ).message,
		} );

	useEffect( () => {
		fetchSettings( boot.restPath ).then( adopt ).catch( failedToLoad );
	}, [ boot.restPath, adopt ] );

	const loadLatest = useCallback(
		( current: SettingsPayload | null ) => {
			const loaded = current
				? Promise.resolve( current )
				: fetchSettings( boot.restPath );
			loaded
				.then( ( next ) => {
					adopt( next );
					setNotice( {
						status: 'info',
						message: __(
							'Loaded the latest settings. Make your changes again and save.',
							'qualified-integration'
						),
					} );
				} )
				.catch( failedToLoad );
		},
		[ boot.restPath, adopt ]
	);

	const changes =
		payload && draft
			? changedFields(
					editable( payload.settings ),
					draft,
					Object.keys( payload.locked )
				)
			: {};
	const dirty = Object.keys( changes ).length > 0;

	const update = < K extends SettingsField >(
		field: K,
		value: EditableSettings[ K ],
		path?: string
	) => {
		setDraft( ( current ) =>
			current ? { ...current, [ field ]: value } : current
		);
		if ( path ) {
			setErrorsState( ( current ) => withoutError( current, path ) );
		}
	};

	const setErrors = ( change: ( current: FieldErrors ) => FieldErrors ) =>
		setErrorsState( change );

	// Settings written elsewhere (an import): shown as after a save.
	const replaceSettings = useCallback(
		( next: SettingsPayload, message: PageNotice ) => {
			adopt( next );
			setNotice( message );
		},
		[ adopt ]
	);

	const save = () => {
		if ( ! payload || ! dirty || saving ) {
			return;
		}
		setSaving( true );
		setNotice( null );
		saveSettings( boot.restPath, changes, payload.revision )
			.then( ( next ) => {
				adopt( next );
				setNotice( savedNotice( next ) );
			} )
			.catch( ( error: unknown ) => {
				const failure = describeFailure( error );
				if ( failure.kind === 'invalid' ) {
					setErrorsState( failure.fields );
					setNotice( {
						status: 'error',
						message: __(
							'The settings were not saved. Fix these fields:',
							'qualified-integration'
						),
						fields: failure.fields,
					} );
				} else if ( failure.kind === 'conflict' ) {
					setNotice( {
						status: 'error',
						message: __(
							'The settings were not saved: someone else saved them after you opened this screen.',
							'qualified-integration'
						),
						action: {
							label: __(
								'Load the latest settings (drops your changes)',
								'qualified-integration'
							),
							onClick: () => loadLatest( failure.current ),
						},
					} );
				} else {
					setNotice( {
						status: 'error',
						message: failure.message,
					} );
				}
			} )
			.finally( () => setSaving( false ) );
	};

	return {
		payload,
		draft,
		errors,
		notice,
		saving,
		dirty,
		update,
		setErrors,
		replaceSettings,
		save,
		dismissNotice: () => setNotice( null ),
	};
}
