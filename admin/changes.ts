/**
 * Works out what the form changed, so a save sends only that.
 */

/**
 * Internal dependencies
 */
import type { EditableSettings, SettingsField } from '../src/shared/settings';

/**
 * JSON with object keys sorted, so `{ a, b }` and `{ b, a }` compare equal
 * (a mapping's keys move around as its source changes).
 *
 * @param value Any JSON value.
 */
export function canonicalJson( value: unknown ): string {
	return JSON.stringify( value, ( _key, item: unknown ) =>
		item && typeof item === 'object' && ! Array.isArray( item )
			? Object.fromEntries(
					Object.entries( item as Record< string, unknown > ).sort(
						( [ a ], [ b ] ) => ( a < b ? -1 : Number( a > b ) )
					)
				)
			: item
	);
}

/**
 * The top-level fields of `draft` that differ from `saved`, minus the locked
 * ones (the server refuses a locked field outright).
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
			canonicalJson( draft[ field ] ) !== canonicalJson( saved[ field ] )
		) {
			changes[ field ] = draft[ field ];
		}
	}
	return changes as Partial< EditableSettings >;
}
