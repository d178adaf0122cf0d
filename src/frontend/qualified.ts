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
 * Installs the vendor's queueing stub, as Qualified's snippet does:
 * `window.QualifiedObject` names the global, and until qualified.js replaces
 * it, `qualified(...)` pushes its arguments onto `qualified.q`. The queue is
 * there from the start (the snippet makes it on the first call), so a
 * `qualified` without one is the vendor's (vendor.ts). An existing function
 * (the real one, or a stub printed earlier) is kept.
 *
 * @param win The window to install into.
 * @return The `qualified` function now in place.
 */
export function installQueue( win: QualifiedWindow ): QualifiedFunction {
	win.QualifiedObject = 'qualified';
	const q: ArrayLike< unknown >[] = [];
	const stub: QualifiedFunction = ( ...args ) => {
		q.push( args );
	};
	stub.q = q;
	return ( win.qualified ||= stub );
}
