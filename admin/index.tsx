/**
 * Mounts the settings screen.
 */

/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { App } from './App';
import { readBootData } from './boot-data';
import './settings.scss';

const container = document.getElementById( 'qualified-integration-settings' );
if ( container ) {
	createRoot( container ).render( <App boot={ readBootData() } /> );
}
