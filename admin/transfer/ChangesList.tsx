/**
 * The changes an import would make, one line each: the setting in words
 * with its path, then its value now and its value from the file.
 */

/**
 * WordPress dependencies
 */
import { __, isRTL } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ImportChange } from './api';
import { changeRows, moreRowsText, type ShownValue } from './diff';

function Value( { value }: { value: ShownValue } ) {
	return value.kind === 'json' ? (
		<code className="qi-change__value" dir="ltr">
			{ value.text }
		</code>
	) : (
		<em className="qi-change__value">{ value.text }</em>
	);
}

export function ChangesList( {
	changes,
}: {
	changes: readonly ImportChange[];
} ) {
	const more = moreRowsText( changes.length );
	return (
		<>
			{ /* A scroll box: focusable, so it scrolls from the keyboard too. */ }
			<ul
				className="qi-changes"
				tabIndex={ 0 }
				aria-label={ __( 'Changes', 'qualified-integration' ) }
			>
				{ changeRows( changes ).map( ( row ) => (
					<li key={ row.path } className="qi-change">
						<span className="qi-change__where">
							{ row.label && (
								<span className="qi-change__label">
									{ row.label }
								</span>
							) }
							<code className="qi-change__path" dir="ltr">
								{ row.path }
							</code>
						</span>
						<span className="qi-change__values">
							<Value value={ row.before } />
							<span
								className="qi-change__arrow"
								aria-hidden="true"
							>
								{ isRTL() ? '←' : '→' }
							</span>
							<span className="screen-reader-text">
								{ __( 'becomes', 'qualified-integration' ) }
							</span>
							<Value value={ row.after } />
						</span>
					</li>
				) ) }
			</ul>
			{ more && <p className="qi-help">{ more }</p> }
		</>
	);
}
