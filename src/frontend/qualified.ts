/**
 * The vendor's `window.qualified` global and its pre-load queue.
 */

/** Methods of Qualified's client-side API that take data only (no callback). */
export const DATA_METHODS = [
	'identify',
	'showExperience',
	'open',
	'page',
] as const;

export type DataMethod = ( typeof DATA_METHODS )[ number ];

export interface QualifiedFunction {
	( method: string, ...args: unknown[] ): void;
	/** Calls queued before qualified.js loaded; the vendor script drains it. */
	q?: ArrayLike< unknown >[];
}

export interface QualifiedWindow {
	QualifiedObject?: string;
	qualified?: QualifiedFunction;
}

/**
 * Installs the vendor's queueing stub, exactly as Qualified's snippet does:
 * `window.QualifiedObject` names the global, and until qualified.js replaces
 * it, `qualified(...)` pushes its arguments onto `qualified.q`. An existing
 * function (the real one, or a stub printed earlier) is kept.
 *
 * @param win The window to install into.
 * @return The `qualified` function now in place.
 */
export function installQueue( win: QualifiedWindow ): QualifiedFunction {
	win.QualifiedObject = 'qualified';
	const stub: QualifiedFunction = ( ...args ) => {
		( stub.q ||= [] ).push( args );
	};
	return ( win.qualified ||= stub );
}
