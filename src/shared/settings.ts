/**
 * The settings object and its REST payload, as TypeScript types.
 *
 * The JSON schema in includes/Settings/settings-schema.json is the source of
 * truth; the compile-time check at the bottom fails `tsc` when a field is
 * added to or removed from one side only.
 */

export interface Settings {
	schemaVersion: number;
	enabled: boolean;
	token: string;
	excludeRoles: string[];
}

/** Fields a user may change; schemaVersion belongs to the plugin. */
export type EditableSettings = Omit< Settings, 'schemaVersion' >;

export type SettingsField = keyof EditableSettings;

/** A field fixed by a constant in wp-config.php. */
export interface FieldLock {
	constant: string;
	/** Why the constant's value was refused, when it was. */
	error: string | null;
}

/** Body of GET and POST /qualified-integration/v1/settings. */
export interface SettingsPayload {
	settings: Settings;
	locked: Partial< Record< SettingsField, FieldLock > >;
}

/** Body of a 400 answer: core's rest_invalid_param shape. */
export interface RestInvalidParamError {
	code: string;
	message: string;
	data?: {
		status: number;
		params?: Record< string, string >;
	};
}

type SchemaFields =
	keyof ( typeof import( '../../includes/Settings/settings-schema.json' ) )[ 'properties' ];
type SameKeys< A, B > = [ A ] extends [ B ]
	? [ B ] extends [ A ]
		? true
		: false
	: false;

/**
 * Compile-time only: `tsc` rejects `true` here when Settings and the schema
 * list different fields.
 */
export const SETTINGS_MATCH_SCHEMA: SameKeys< keyof Settings, SchemaFields > =
	true;
