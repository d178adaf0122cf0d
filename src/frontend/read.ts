/**
 * Helpers for reading the page config defensively (it passes PHP filters
 * other plugins use): shared by the identity and experiences readers.
 */
export type Loose = Record< string, unknown >;

/**
 * Whether a value is a plain object (not null, not a list).
 *
 * @param value Anything.
 */
export const isObject = ( value: unknown ): value is Loose =>
	typeof value === 'object' && value !== null && ! Array.isArray( value );

/**
 * Whether an object has its own property (so `toString` is no source name).
 *
 * @param object The object.
 * @param name   Property name.
 */
export const has = ( object: object, name: string ) =>
	Object.prototype.hasOwnProperty.call( object, name );
