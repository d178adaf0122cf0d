/**
 * Keeps a long-running script (local site, e2e site) up until Ctrl-C or
 * SIGTERM, then runs its clean-up and exits.
 */

/**
 * @param {() => void} cleanup Stops what the script started.
 */
export function runUntilSignal( cleanup ) {
	const shutdown = () => {
		cleanup();
		process.exit( 0 );
	};
	process.on( 'SIGINT', shutdown );
	process.on( 'SIGTERM', shutdown );
	// Stay up until a signal arrives.
	setInterval( () => {}, 60_000 );
}
