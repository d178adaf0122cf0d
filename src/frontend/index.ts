/**
 * Entry of the runtime loaded (deferred) on every page that carries Qualified.
 */
import { run, type RuntimeWindow } from './runtime';

run( window as unknown as RuntimeWindow, document );
