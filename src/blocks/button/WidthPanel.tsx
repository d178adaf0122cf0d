/**
 * The button block's width settings, as core/button offers them: 25, 50, 75
 * or 100 percent of the container, or the label's own width (press the
 * chosen width again to clear it). Plain buttons in a group: ButtonGroup is
 * deprecated from WordPress 6.8 and ToggleGroupControl still experimental.
 */

/**
 * WordPress dependencies
 */
import { Button, PanelBody } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { WIDTHS, type ButtonWidth } from './markup';

export interface WidthPanelProps {
	width: ButtonWidth | undefined;
	onChange: ( width: ButtonWidth | undefined ) => void;
}

export function WidthPanel( { width, onChange }: WidthPanelProps ) {
	return (
		<PanelBody
			title={ __( 'Width settings', 'qualified-integration' ) }
			initialOpen={ false }
		>
			<div
				role="group"
				aria-label={ __( 'Button width', 'qualified-integration' ) }
				className="qualified-integration-button-widths"
			>
				{ WIDTHS.map( ( percent ) => (
					<Button
						key={ percent }
						size="small"
						variant={ percent === width ? 'primary' : 'secondary' }
						aria-pressed={ percent === width }
						onClick={ () =>
							onChange( percent === width ? undefined : percent )
						}
					>
						{ sprintf(
							/* translators: %d: a width in percent. */
							__( '%d%%', 'qualified-integration' ),
							percent
						) }
					</Button>
				) ) }
			</div>
		</PanelBody>
	);
}
