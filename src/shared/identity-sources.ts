/**
 * The identity sources, read from includes/Settings/identity-sources.json,
 * the one list PHP validates and resolves against. Nothing here names a
 * source: names, groups, what each needs and where it is resolved all come
 * from that file, so adding a source there reaches the admin and the types.
 */
import sources from '../../includes/Settings/identity-sources.json';

/** A source name, as a key of the JSON file (tsc keeps JSON keys literal). */
export type IdentitySource = keyof typeof sources;

/** Group id of a source (`static`, `user`, `post`, `site`, `visit`); labels are the admin's. */
export type SourceGroup = string;

/** Where a source is resolved: by PHP at render, or by the runtime in the visitor's browser. */
export type SourceWhere = 'server' | 'browser';

/** The extra input a mapping needs: a `key` (meta key, taxonomy, parameter...) or a fixed `value`. */
export type SourceNeeds = 'key' | 'value';

export interface SourceInfo {
	group: SourceGroup;
	where: SourceWhere;
	needs?: SourceNeeds;
	/** Whether `persist` (keep the value for the visit) is allowed. */
	persist?: boolean;
}

/** Every source with its facts, keyed by name, in the file's order. */
export const IDENTITY_SOURCES = sources as Readonly<
	Record< IdentitySource, SourceInfo >
>;

/** Source names, in the file's order. */
export const SOURCE_NAMES = Object.keys( sources ) as IdentitySource[];

/** Group ids in the order their first source appears in the file. */
export const SOURCE_GROUPS: readonly SourceGroup[] = [
	...new Set(
		SOURCE_NAMES.map( ( name ) => IDENTITY_SOURCES[ name ].group )
	),
];

/**
 * Whether a string names a known source (own keys only, so `toString` is not one).
 *
 * @param name Any string, e.g. from a select or a stored mapping.
 */
export function isIdentitySource( name: string ): name is IdentitySource {
	return Object.prototype.hasOwnProperty.call( sources, name );
}

/**
 * Sources of one group, in the file's order.
 *
 * @param group A group id.
 */
export function sourcesInGroup( group: SourceGroup ): IdentitySource[] {
	return SOURCE_NAMES.filter(
		( name ) => IDENTITY_SOURCES[ name ].group === group
	);
}

/**
 * What a source needs besides its name, if anything.
 *
 * @param source A source name.
 */
export function sourceNeeds( source: IdentitySource ): SourceNeeds | undefined {
	return IDENTITY_SOURCES[ source ].needs;
}

/**
 * Whether the runtime resolves this source in the browser (so the admin
 * preview shows it as "from the visit").
 *
 * @param source A source name.
 */
export function isBrowserSource( source: IdentitySource ): boolean {
	return IDENTITY_SOURCES[ source ].where === 'browser';
}

/**
 * Whether a mapping with this source may set `persist`.
 *
 * @param source A source name.
 */
export function canPersist( source: IdentitySource ): boolean {
	return IDENTITY_SOURCES[ source ].persist === true;
}
