/**
 * The sentence a locked field shows, by what locks it.
 */

/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { FieldLock } from '../src/shared/settings';

/**
 * Why a field is read-only: a wp-config.php constant (named, with why its
 * value was refused, when it was) or, on multisite, the network administrator.
 *
 * @param lock The field's lock, from the settings payload's `locked`.
 */
export function lockNote( lock: FieldLock ): string {
	if ( lock.source === 'network' ) {
		return __(
			'Locked by the network administrator: every site of the network uses the network value.',
			'qualified-integration'
		);
	}
	const note = sprintf(
		/* translators: %s: PHP constant name. */
		__( 'Locked: set by %s in wp-config.php.', 'qualified-integration' ),
		lock.constant ?? ''
	);
	return lock.error ? `${ note } ${ lock.error }` : note;
}
