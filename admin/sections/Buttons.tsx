/**
 * Buttons & forms: how editors add chat buttons (the block, the shortcode,
 * the `qualified-open` class for menus and HTML) and how the site's own
 * forms are filled from what visitors told Qualified (getIdentity). There
 * is nothing to set here: buttons and fields are added where content is
 * edited, so the section edits no settings field.
 */

/**
 * WordPress dependencies
 */
import { Card, CardBody, Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { Snippet } from '../Snippet';
import type { SectionDefinition } from './types';

const SHORTCODE =
	'[qualified_button label="Talk to sales" experience="experience-1234" fallback="/contact/"]';

function ButtonsSection() {
	return (
		<Card className="qi-card">
			<CardBody>
				<div className="qi-intro">
					<p>
						{ __(
							'Chat buttons open the messenger, or start one of your Experiences, from inside your pages and menus. There is nothing to set on this screen: you add buttons where you edit content.',
							'qualified-integration'
						) }
					</p>
				</div>
				<div className="qi-intro">
					<h3 className="qi-section-title">
						{ __( 'In the block editor', 'qualified-integration' ) }
					</h3>
					<p>
						{ __(
							'Add the Qualified button block (search for “chat” or “Qualified”), or the Talk to sales pattern. In the block’s settings choose Open the messenger or Start an Experience. An Experience’s API name is in Qualified under Settings → Experiences → Manual → the Experience → API NAME (for example experience-1234).',
							'qualified-integration'
						) }
					</p>
					<p>
						{ __(
							'Give the button a fallback link for visitors who cannot get the messenger (Qualified hidden on that page, or blocked by an ad blocker): the button then takes them there. Without one, the button is hidden for them.',
							'qualified-integration'
						) }
					</p>
				</div>
				<div className="qi-intro">
					<h3 className="qi-section-title">
						{ __(
							'In the classic editor and page builders',
							'qualified-integration'
						) }
					</h3>
					<p>
						{ __(
							'Use the shortcode. Every attribute is optional: label (default “Chat with us”), experience, fallback, class and width (25, 50, 75 or 100 percent).',
							'qualified-integration'
						) }
					</p>
					<Snippet
						label={ __( 'Shortcode', 'qualified-integration' ) }
						value={ SHORTCODE }
					/>
				</div>
				<div className="qi-intro">
					<h3 className="qi-section-title">
						{ __(
							'In menus and your own HTML',
							'qualified-integration'
						) }
					</h3>
					<p>
						{ __(
							'Give a menu item or any element the CSS class qualified-open: a click then opens the messenger. For menu items, turn on CSS Classes under Screen Options in Appearance → Menus, and use the item’s link as the fallback. In your own HTML, add data-qualified-experience="experience-1234" to start that Experience instead.',
							'qualified-integration'
						) }
					</p>
				</div>
				<div className="qi-intro">
					<h3 className="qi-section-title">
						{ __(
							'Forms filled from Qualified',
							'qualified-integration'
						) }
					</h3>
					<p>
						{ __(
							'Your own forms can be filled with what a visitor told Qualified, such as the email address they gave in the chat. Add data-qualified-field="API_NAME" to a form field, or the CSS class qualified-field-API_NAME to the field or its container (for form builders that only allow classes). Empty fields are filled; what the visitor typed is left alone.',
							'qualified-integration'
						) }
					</p>
					<p>
						{ __(
							'API names are in Qualified under Settings → App Settings → Visitor Fields → Show API Details. Only the fields ticked in the Send via API column are available.',
							'qualified-integration'
						) }
					</p>
					<Snippet
						label={ __( 'Example field', 'qualified-integration' ) }
						value={
							'<input type="email" name="email" data-qualified-field="email">'
						}
					/>
				</div>
				<Notice status="info" isDismissible={ false }>
					{ __(
						'Qualified turns this on per account (it is their getIdentity call): ask your Qualified Success Architect to enable it. Until then, forms are simply not filled.',
						'qualified-integration'
					) }
				</Notice>
			</CardBody>
		</Card>
	);
}

export const buttonsSection: SectionDefinition = {
	name: 'buttons',
	title: __( 'Buttons & forms', 'qualified-integration' ),
	fields: [],
	Component: ButtonsSection,
};
