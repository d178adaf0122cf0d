/**
 * Errors the server reported per field, keyed by the path it names
 * (`token`, `excludeRoles[1]`, `identity.mappings[2].key`), and the ids that
 * tie each message to its input (`aria-describedby`) and let the error
 * summary jump to it.
 */

/** Path -> message, as in a 400 answer's `data.params`. */
export type FieldErrors = Readonly< Record< string, string > >;

/**
 * The top-level settings field a path belongs to.
 *
 * @param path e.g. `identity.mappings[2].key`.
 * @return e.g. `identity`.
 */
export function topField( path: string ): string {
	return path.split( /[.[]/ )[ 0 ] ?? path;
}

/**
 * The DOM id of the input a path points at.
 *
 * @param path e.g. `identity.mappings[2].key`.
 * @return e.g. `qi-field-identity-mappings-2-key`.
 */
export function fieldId( path: string ): string {
	return (
		'qi-field-' +
		path.replace( /[^A-Za-z0-9_]+/g, '-' ).replace( /^-+|-+$/g, '' )
	);
}

/**
 * The DOM id of the message shown at that input.
 *
 * @param path A field path.
 */
export function errorId( path: string ): string {
	return fieldId( path ) + '-error';
}

/**
 * The path of a mapping's column.
 *
 * @param index  Row index (0-based).
 * @param column Mapping property.
 */
export function mappingPath( index: number, column: string ): string {
	return `identity.mappings[${ index }].${ column }`;
}

/**
 * A copy without the message for one path (the user is fixing that field).
 *
 * @param errors Current errors.
 * @param path   Path to clear.
 */
export function withoutError( errors: FieldErrors, path: string ): FieldErrors {
	if ( ! ( path in errors ) ) {
		return errors;
	}
	const rest = { ...errors };
	delete rest[ path ];
	return rest;
}

/**
 * A copy without any message for the given top-level fields.
 *
 * @param errors Current errors.
 * @param fields Top-level field names.
 */
export function withoutFields(
	errors: FieldErrors,
	fields: readonly string[]
): FieldErrors {
	return Object.fromEntries(
		Object.entries( errors ).filter(
			( [ path ] ) => ! fields.includes( topField( path ) )
		)
	);
}

/**
 * A field's errors replaced by the ones a preview route answered for it:
 * the section's earlier messages go, the new ones under that field come in,
 * other fields' messages stay.
 *
 * @param current Errors shown now.
 * @param field   Top-level settings field, e.g. `identity`.
 * @param answer  Path to message, from the preview's 400.
 * @return The errors to show.
 */
export function withFieldErrors(
	current: FieldErrors,
	field: string,
	answer: FieldErrors
): FieldErrors {
	return {
		...withoutFields( current, [ field ] ),
		...Object.fromEntries(
			Object.entries( answer ).filter(
				( [ path ] ) => topField( path ) === field
			)
		),
	};
}

/**
 * Moves the messages of list items after the list was reordered, so each
 * message stays with its row. Messages of removed rows are dropped; those
 * naming the list itself (`identity.mappings`) stay.
 *
 * @param errors   Current errors.
 * @param listPath e.g. `identity.mappings`.
 * @param order    For each new position, the old index it came from (null: a new row).
 * @return The errors with indexes rewritten.
 */
export function reindexErrors(
	errors: FieldErrors,
	listPath: string,
	order: ReadonlyArray< number | null >
): FieldErrors {
	const newIndex = new Map< number, number >();
	order.forEach( ( oldIndex, index ) => {
		if ( oldIndex !== null ) {
			newIndex.set( oldIndex, index );
		}
	} );
	const prefix = listPath + '[';
	const result: Record< string, string > = {};
	for ( const [ path, message ] of Object.entries( errors ) ) {
		if ( ! path.startsWith( prefix ) ) {
			result[ path ] = message;
			continue;
		}
		const match = /^(\d+)\](.*)$/.exec( path.slice( prefix.length ) );
		const moved = match ? newIndex.get( Number( match[ 1 ] ) ) : undefined;
		if ( match && moved !== undefined ) {
			result[ `${ prefix }${ moved }]${ match[ 2 ] ?? '' }` ] = message;
		}
	}
	return result;
}

/**
 * Messages about a list row or any of its columns, e.g. for `[2]`.
 *
 * @param errors Current errors.
 * @param index  Row index.
 * @return The row-level message (`identity.mappings[2]`), if any.
 */
export function rowError(
	errors: FieldErrors,
	index: number
): string | undefined {
	return errors[ `identity.mappings[${ index }]` ];
}

/**
 * A path, then each path that contains it, nearest first: where to move
 * focus for a message when no input has the path's own id (a list item
 * such as `storeFields[2]` is edited by the list's one input).
 *
 * @param path e.g. `events.handlers[0].actions[1].storeFields[2]`.
 * @return e.g. [ that, `…storeFields`, `…actions[1]`, `…actions`, `events.handlers[0]`, `events.handlers`, `events` ].
 */
export function pathAndParents( path: string ): string[] {
	const paths = [ path ];
	let current = path;
	for (;;) {
		const parent = /^(.+?)(?:\[\d+\]|\.[^.[\]]+)$/.exec( current )?.[ 1 ];
		if ( ! parent ) {
			return paths;
		}
		paths.push( parent );
		current = parent;
	}
}
