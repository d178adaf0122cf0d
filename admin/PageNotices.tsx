/**
 * Notices under the page heading, as WordPress screens show them: the
 * result of the last save (with links to the fields that need fixing) and
 * stored values the server had to refuse.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SettingsProblem } from '../src/shared/settings';
import type { FieldErrors } from './field-errors';
import type { PageNotice } from './notices';

export interface PageNoticesProps {
	notice: PageNotice | null;
	/** Field messages still standing: fixed fields drop out of the list. */
	errors: FieldErrors;
	problems: SettingsProblem[];
	onDismiss: () => void;
	/** Opens the field a message is about. */
	onJump: ( path: string ) => void;
}

export function PageNotices( {
	notice,
	errors,
	problems,
	onDismiss,
	onJump,
}: PageNoticesProps ) {
	const ref = useRef< HTMLDivElement >( null );
	// After a failed save, the list of fields to fix is where keyboard and
	// screen reader users need to be.
	useEffect( () => {
		if ( notice?.fields ) {
			ref.current?.focus();
		}
	}, [ notice ] );

	const listed = notice?.fields ? Object.entries( errors ) : [];
	const heading =
		notice?.fields && listed.length === 0
			? __(
					'The settings are not saved yet. Save them again when you are ready.',
					'qualified-integration'
				)
			: ( notice?.message ?? '' );

	// Each Notice gets its spoken message as a string: given elements, Notice
	// renders them to a string itself, running the link buttons' hooks as its
	// own, which breaks React's hook order when the list changes.
	return (
		<div className="qi-notices">
			{ problems.length > 0 && (
				<Notice
					status="warning"
					isDismissible={ false }
					spokenMessage={ problems
						.map( ( problem ) => problem.message )
						.join( ' ' ) }
				>
					<p>
						{ __(
							'Some stored settings were refused and replaced by safe values:',
							'qualified-integration'
						) }
					</p>
					<ul>
						{ problems.map( ( problem ) => (
							<li key={ problem.field + problem.message }>
								{ problem.message }
							</li>
						) ) }
					</ul>
				</Notice>
			) }
			{ notice && (
				<div ref={ ref } tabIndex={ -1 } className="qi-notice-focus">
					<Notice
						status={ notice.status }
						onRemove={ onDismiss }
						actions={ notice.action ? [ notice.action ] : [] }
						spokenMessage={ [
							heading,
							...listed.map( ( [ , message ] ) => message ),
						].join( ' ' ) }
					>
						<p>{ heading }</p>
						{ listed.length > 0 && (
							<ul>
								{ listed.map( ( [ path, message ] ) => (
									<li key={ path }>
										<Button
											variant="link"
											onClick={ () => onJump( path ) }
										>
											{ message }
										</Button>
									</li>
								) ) }
							</ul>
						) }
					</Notice>
				</div>
			) }
		</div>
	);
}
