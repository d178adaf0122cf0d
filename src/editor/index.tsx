/**
 * Block editor entry point (build/editor.js): registers the "Qualified"
 * document panel. Enqueued by includes/Admin/EditorPanel.php only in the
 * post editor, for post types that have the override meta.
 */

/**
 * WordPress dependencies
 */
import { registerPlugin } from '@wordpress/plugins';

/**
 * Internal dependencies
 */
import { QualifiedPanel } from './QualifiedPanel';
import './editor.scss';

registerPlugin( 'qualified-integration', { render: QualifiedPanel } );
