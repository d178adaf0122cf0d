/**
 * Entry for the inline stub PHP prints first in <head>; built to build/stub.js.
 */
import { installQueue, type QualifiedWindow } from './qualified';

installQueue( window as unknown as QualifiedWindow );
