/**
 * The settings screen: status, notices, one tab per section, and one Save
 * button for all of them.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner, TabPanel } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminBootData } from './boot-data';
import { fieldId, pathAndParents, topField } from './field-errors';
import { PageNotices } from './PageNotices';
import { SECTIONS, sectionOfField } from './sections';
import { StatusBanner } from './StatusBanner';
import { useSectionHash } from './use-section-hash';
import { useSettingsForm } from './use-settings-form';
import { useUnsavedWarning } from './use-unsaved-warning';

const SECTION_NAMES = SECTIONS.map( ( section ) => section.name );

/**
 * Moves focus to the input of a path (or of the nearest path containing it),
 * or else to the first input of its field.
 *
 * @param path A field path from the server.
 * @return Whether something took focus.
 */
function focusField( path: string ): boolean {
	const target =
		pathAndParents( path )
			.map( ( candidate ) =>
				document.getElementById( fieldId( candidate ) )
			)
			.find( Boolean ) ??
		document.querySelector< HTMLElement >(
			[ 'input', 'select', 'textarea', 'button' ]
				.map(
					( tag ) =>
						`[data-qi-field="${ topField( path ) }"] ${ tag }`
				)
				.join( ', ' )
		);
	target?.focus();
	return !! target;
}

export function App( { boot }: { boot: AdminBootData } ) {
	const form = useSettingsForm( boot );
	const { section, generation, select, open } =
		useSectionHash( SECTION_NAMES );
	const [ focusPath, setFocusPath ] = useState< string | null >( null );
	useUnsavedWarning( form.dirty );

	// The section opened by a jump renders on the next frame or two.
	useEffect( () => {
		if ( focusPath === null ) {
			return undefined;
		}
		let tries = 0;
		let frame = 0;
		const attempt = () => {
			if ( focusField( focusPath ) || ++tries > 10 ) {
				setFocusPath( null );
			} else {
				frame = window.requestAnimationFrame( attempt );
			}
		};
		frame = window.requestAnimationFrame( attempt );
		return () => window.cancelAnimationFrame( frame );
	}, [ focusPath, generation ] );

	const { payload, draft } = form;
	if ( ! payload || ! draft ) {
		return form.notice ? (
			<Notice status="error" isDismissible={ false }>
				{ form.notice.message }
			</Notice>
		) : (
			<Spinner />
		);
	}

	const jump = ( path: string ) => {
		const target = sectionOfField( topField( path ) );
		if ( target && target.name !== section ) {
			open( target.name );
		}
		setFocusPath( path );
	};

	return (
		<div className="qi-app">
			<StatusBanner status={ payload.status } />
			<PageNotices
				notice={ form.notice }
				errors={ form.errors }
				problems={ payload.problems }
				onDismiss={ form.dismissNotice }
				onJump={ jump }
			/>
			<form
				className="qi-form"
				noValidate
				onSubmit={ ( event ) => {
					event.preventDefault();
					form.save();
				} }
			>
				<TabPanel
					key={ generation }
					className="qi-sections"
					initialTabName={ section }
					onSelect={ select }
					tabs={ SECTIONS.map( ( { name, title } ) => ( {
						name,
						title,
					} ) ) }
				>
					{ ( tab ) => {
						const current = SECTIONS.find(
							( { name } ) => name === tab.name
						);
						return current ? (
							<current.Component
								boot={ boot }
								payload={ payload }
								draft={ draft }
								errors={ form.errors }
								update={ form.update }
								setErrors={ form.setErrors }
								replaceSettings={ form.replaceSettings }
							/>
						) : null;
					} }
				</TabPanel>
				<div className="qi-save-bar">
					<Button
						__next40pxDefaultSize
						type="submit"
						variant="primary"
						isBusy={ form.saving }
						disabled={ form.saving || ! form.dirty }
					>
						{ __( 'Save settings', 'qualified-integration' ) }
					</Button>
					<span className="qi-save-state" aria-live="polite">
						{ form.dirty
							? __(
									'You have unsaved changes.',
									'qualified-integration'
								)
							: '' }
					</span>
				</div>
			</form>
		</div>
	);
}
