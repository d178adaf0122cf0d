/**
 * Whether qualified.js has arrived. The inline stub's queue is an array from
 * the start (installQueue), and qualified.js replaces the stub with its own
 * function when it runs: a `qualified` without a queue is the vendor's.
 */
import type { QualifiedWindow } from './qualified';

/**
 * @param win The page's window.
 * @return True once qualified.js replaced the stub.
 */
export const vendorArrived = ( win: QualifiedWindow ) => ! win.qualified?.q;
