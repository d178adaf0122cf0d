/**
 * Block editor entry point of the Qualified button (build/blocks/button/index.js,
 * the block's editorScript in block.json): registers its edit and save.
 * PHP registers the block from build/blocks/button/block.json
 * (includes/Blocks/ButtonBlock.php), which loads this script in the editor
 * and style-index.css with the block on the front end.
 */

/**
 * WordPress dependencies
 */
import { registerBlockType } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import metadata from './block.json';
import { Edit } from './edit';
import type { ButtonAttributes } from './markup';
import { save } from './save';
import './style.scss';
import './editor.scss';

registerBlockType< ButtonAttributes >( metadata, { edit: Edit, save } );
