/**
 * Works out what the form changed, so a save sends only that.
 */

/**
 * Internal dependencies
 */
import type { EditableSettings, SettingsField } from '../src/shared/settings';

/**
 * The fields of `draft` that differ from `saved`, minus the locked ones
 * (the server refuses a locked field outright).
 *
 * @param saved  Values last saved.
 * @param draft  Values in the form.
 * @param locked Fields wp-config.php locks.
 * @return The changed fields with their new values.
 */
export function changedFields(
	saved: EditableSettings,
	draft: EditableSettings,
	locked: string[]
): Partial< EditableSettings > {
	const changes: Record< string, unknown > = {};
	for ( const field of Object.keys( draft ) as SettingsField[] ) {
		if (
			! locked.includes( field ) &&
			JSON.stringify( draft[ field ] ) !==
				JSON.stringify( saved[ field ] )
		) {
			changes[ field ] = draft[ field ];
		}
	}
	return changes as Partial< EditableSettings >;
}
