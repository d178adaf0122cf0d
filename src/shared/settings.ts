/**
 * The settings object and the REST payloads around it, as TypeScript types.
 *
 * The JSON schema in includes/Settings/settings-schema.json is the source of
 * truth; the compile-time checks at the bottom fail `tsc` when a field is
 * added to or removed from one side only, at the top level, inside
 * `identity`, inside `experiences` (rules, conditions, actions) and inside
 * `events` (handlers, actions, webhooks).
 */
import type { IdentitySource } from './identity-sources';
import type {
	Action,
	Condition,
	ExperiencesSettings,
	Rule,
} from './experiences/types';
import type {
	EventAction,
	EventHandler,
	EventsSettings,
	Webhook,
} from './events/types';
import type { LoadingSettings } from './loading';

export type { IdentitySource } from './identity-sources';
export { MAX_VALUE_LENGTH } from './identity-value';
export type {
	Action,
	Condition,
	ExperiencesSettings,
	Rule,
} from './experiences/types';
export type {
	EventAction,
	EventHandler,
	EventKind,
	EventsSettings,
	Webhook,
} from './events/types';
export type { ConsentCategory, LoadingSettings, LoadStrategy } from './loading';

/** How a browser value is kept for the rest of the visit. */
export type PersistMode = 'first' | 'last';

/** One row of the identity table: a Qualified visitor field and where its value comes from. */
export interface IdentityMapping {
	/** Qualified visitor-field API name. */
	field: string;
	source: IdentitySource;
	/** Present exactly when the source needs a key (meta key, taxonomy, parameter, cookie...). */
	key?: string;
	/** Present exactly when the source needs a fixed value (`static`). */
	value?: string;
	/** Only for sources that allow it (browser sources). */
	persist?: PersistMode;
}

export interface IdentitySettings {
	mappings: IdentityMapping[];
}

export interface Settings {
	schemaVersion: number;
	enabled: boolean;
	token: string;
	excludeRoles: string[];
	identity: IdentitySettings;
	experiences: ExperiencesSettings;
	events: EventsSettings;
	loading: LoadingSettings;
}

/** Fields a user may change; schemaVersion belongs to the plugin. */
export type EditableSettings = Omit< Settings, 'schemaVersion' >;

export type SettingsField = keyof EditableSettings;

/** A field fixed by a constant in wp-config.php, or on multisite by the network administrator. */
export interface FieldLock {
	/** What locks it (older payloads leave it out: a constant). */
	source?: 'constant' | 'network';
	/** The constant's name; null for a network lock. */
	constant: string | null;
	/** Why the constant's value was refused, when it was. */
	error: string | null;
}

/** Why the messenger does not load, as PHP reports it. */
export type StatusCode =
	| 'disabled'
	| 'no_token'
	| 'locked_off'
	| 'invalid_enabled'
	| 'role_excluded';

export interface StatusReason {
	code: StatusCode;
	/** Plain-language sentence to show as is. */
	message: string;
}

/** Whether public pages load Qualified with the settings in force. */
export interface SettingsStatus {
	live: boolean;
	/** Empty when live. */
	reasons: StatusReason[];
	/** Where "view the site" points. */
	homeUrl: string;
}

/** A stored or constant value that was refused and replaced (failing closed). */
export interface SettingsProblem {
	field: string;
	message: string;
}

/** Body of GET and POST /qualified-integration/v1/settings. */
export interface SettingsPayload {
	settings: Settings;
	locked: Partial< Record< SettingsField, FieldLock > >;
	/** Opaque; send it back as `If-Match: "<revision>"` (also the ETag header). */
	revision: string;
	status: SettingsStatus;
	problems: SettingsProblem[];
	/**
	 * Multisite only: the fields this site set itself (`own`), those the
	 * network has a default for (`defaults`), and on the network route those
	 * it locks (`locked`). Send `reset: [field]` to go back to the default.
	 */
	network?: {
		own?: SettingsField[];
		defaults: SettingsField[];
		locked?: SettingsField[];
	};
}

/** Body of a POST: a partial change, optionally with the revision it was made on. */
export type SettingsChange = Partial< EditableSettings > & {
	revision?: string;
};

/**
 * Body of a 400 answer: core's rest_invalid_param shape. `params` maps a
 * path (`token`, `excludeRoles[1]`, `identity.mappings[2].field`) to a
 * message that already names the field's label.
 */
export interface RestInvalidParamError {
	code: string;
	message: string;
	data?: {
		status: number;
		params?: Record< string, string >;
	};
}

/** Body of a 409 answer: the save was made on a stale revision. */
export interface SettingsConflictError {
	code: 'qualified_integration_conflict';
	message: string;
	data: {
		status: 409;
		/** What is stored now, to merge with or show. */
		current: SettingsPayload;
	};
}

/** Body of POST /qualified-integration/v1/identity/preview. */
export interface IdentityPreviewRequest {
	mappings: IdentityMapping[];
}

/** A browser mapping as PHP hands it on: the page config and the preview list it so. */
export type BrowserMapping = Pick<
	IdentityMapping,
	'field' | 'source' | 'key' | 'persist'
>;

/** Answer of the identity preview: server sources resolved for the current admin on the home page. */
export interface IdentityPreviewPayload {
	url: string;
	fields: Record< string, string >;
	/** Browser sources, listed unresolved ("from the visit"). */
	browser: BrowserMapping[];
}

type Schema = typeof import( '../../includes/Settings/settings-schema.json' );
type SchemaProperties = Schema[ 'properties' ];
type SameKeys< A, B > = [ A ] extends [ B ]
	? [ B ] extends [ A ]
		? true
		: false
	: false;

/** Every key any member of a union has (a condition's keys depend on its type). */
type AnyKey< T > = T extends unknown ? keyof T : never;

type RuleSchema =
	SchemaProperties[ 'experiences' ][ 'properties' ][ 'rules' ][ 'items' ];

type EventsSchema = SchemaProperties[ 'events' ][ 'properties' ];

type LoadingSchema = SchemaProperties[ 'loading' ][ 'properties' ];

/**
 * Compile-time only: `tsc` rejects `true` here when Settings, its `identity`
 * object, a mapping, `experiences`, a rule, a condition (all types together)
 * or an action list different fields than the schema.
 */
export const SETTINGS_MATCH_SCHEMA: [
	SameKeys< keyof Settings, keyof SchemaProperties >,
	SameKeys<
		keyof IdentitySettings,
		keyof SchemaProperties[ 'identity' ][ 'properties' ]
	>,
	SameKeys<
		keyof IdentityMapping,
		keyof SchemaProperties[ 'identity' ][ 'properties' ][ 'mappings' ][ 'items' ][ 'properties' ]
	>,
	SameKeys<
		keyof ExperiencesSettings,
		keyof SchemaProperties[ 'experiences' ][ 'properties' ]
	>,
	SameKeys< keyof Rule, keyof RuleSchema[ 'properties' ] >,
	SameKeys<
		AnyKey< Condition >,
		keyof RuleSchema[ 'properties' ][ 'when' ][ 'items' ][ 'properties' ]
	>,
	SameKeys<
		AnyKey< Action >,
		keyof RuleSchema[ 'properties' ][ 'then' ][ 'properties' ]
	>,
	SameKeys< keyof EventsSettings, keyof EventsSchema >,
	SameKeys<
		keyof EventHandler,
		keyof EventsSchema[ 'handlers' ][ 'items' ][ 'properties' ]
	>,
	SameKeys<
		AnyKey< EventAction >,
		keyof EventsSchema[ 'handlers' ][ 'items' ][ 'properties' ][ 'actions' ][ 'items' ][ 'properties' ]
	>,
	SameKeys<
		keyof Webhook,
		keyof EventsSchema[ 'webhooks' ][ 'items' ][ 'properties' ]
	>,
	SameKeys< keyof LoadingSettings, keyof LoadingSchema >,
] = [ true, true, true, true, true, true, true, true, true, true, true, true ];
