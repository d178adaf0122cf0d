/**
 * The Experiences section of the settings screen, end to end: a rule built
 * with the condition builder is saved and read back; the rule tester says
 * where it matches (page facts from the server, visitor facts through the
 * shared matcher); a bad regular expression is refused at its condition's
 * field; rules move, duplicate and go with the keyboard.
 */

/**
 * External dependencies
 */
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { expectNotice, logIn, saveSettings, SETTINGS_PATH } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

// Later spec files share this site: leave it without rules.
test.afterAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	expect(
		(
			await rest.post( { experiences: { spa: false, rules: [] } } )
		).status()
	).toBe( 200 );
	await context.close();
} );

const field = ( page: Page, label: string ) =>
	page.getByLabel( label, { exact: true } );

async function openExperiences( page: Page ) {
	await page.goto( `${ SETTINGS_PATH }#experiences` );
	await expect(
		page.getByRole( 'button', { name: 'Add rule' } )
	).toBeVisible();
}

/**
 * Adds a condition of a type to a rule with the rule's "Add condition" row.
 *
 * @param page The page.
 * @param rule Rule number (1-based).
 * @param type Option value of the condition type.
 */
async function addCondition( page: Page, rule: number, type: string ) {
	await field(
		page,
		`Rule ${ rule }, type of the condition to add`
	).selectOption( type );
	await page
		.locator( '.qi-rule' )
		.nth( rule - 1 )
		.getByRole( 'button', { name: 'Add condition' } )
		.click();
}

/**
 * The rules stored on the server, read with the settings screen's own
 * session and nonce (the page must be on the settings screen).
 *
 * @param page The page.
 */
async function storedRules( page: Page ): Promise< unknown[] > {
	const nonce = await page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware.nonce
	);
	const response = await page.request.get(
		'/wp-json/qualified-integration/v1/settings',
		{ headers: { 'X-WP-Nonce': nonce } }
	);
	const body = ( await response.json() ) as {
		settings: { experiences: { rules: unknown[] } };
	};
	return body.settings.experiences.rules;
}

async function testUrl( page: Page, url: string ) {
	await page.getByLabel( 'Page address', { exact: true } ).fill( url );
	await page.getByRole( 'button', { name: 'Test this page' } ).click();
	await expect(
		page.locator( '.qi-tester__result code' ).first()
	).toHaveText( new RegExp( url.replace( /[?.]/g, '\\$&' ) + '$' ) );
}

test( 'an admin builds a rule, saves it, and finds it after a reload', async ( {
	page,
} ) => {
	await logIn( page );
	await openExperiences( page );
	await expect(
		page
			.getByText(
				'Settings → Experiences → Manual → the Experience → API NAME'
			)
			.first()
	).toBeVisible();

	await page
		.getByLabel( 'New rule’s label' )
		.fill( 'Pricing visitors from LinkedIn' );
	await page.getByRole( 'button', { name: 'Add rule' } ).click();
	// The new rule's label takes focus; its id comes from the label and stays.
	await expect( field( page, 'Rule 1, Label' ) ).toBeFocused();
	await expect(
		page.getByText( 'Rule ID: pricing-visitors-from-linkedin' )
	).toBeVisible();

	await addCondition( page, 1, 'path' );
	// The new condition's type picker takes focus.
	await expect( field( page, 'Rule 1, Condition 1, Type' ) ).toBeFocused();
	await field( page, 'Rule 1, Condition 1, Match' ).selectOption( 'prefix' );
	await field( page, 'Rule 1, Condition 1, Value' ).fill( '/pricing' );
	// Only the fields a path condition needs.
	await expect( field( page, 'Rule 1, Condition 1, Parameter' ) ).toHaveCount(
		0
	);

	await addCondition( page, 1, 'query' );
	await field( page, 'Rule 1, Condition 2, Parameter' ).fill( 'utm_source' );
	await field( page, 'Rule 1, Condition 2, Match' ).selectOption( 'equals' );
	await field( page, 'Rule 1, Condition 2, Value' ).fill( 'linkedin' );

	await expect( field( page, 'Rule 1, Action' ) ).toHaveValue(
		'showExperience'
	);
	await field( page, 'Rule 1, Experience' ).fill( 'experience-1234' );

	await saveSettings( page );
	await expectNotice( page, 'warning', 'Settings saved' );

	await page.reload();
	await expect(
		page.getByRole( 'tab', { name: 'Experiences' } )
	).toHaveAttribute( 'aria-selected', 'true' );
	await expect( field( page, 'Rule 1, Label' ) ).toHaveValue(
		'Pricing visitors from LinkedIn'
	);
	await expect(
		page.getByText( 'Rule ID: pricing-visitors-from-linkedin' )
	).toBeVisible();
	await expect( field( page, 'Rule 1, Condition 1, Type' ) ).toHaveValue(
		'path'
	);
	await expect( field( page, 'Rule 1, Condition 1, Match' ) ).toHaveValue(
		'prefix'
	);
	await expect( field( page, 'Rule 1, Condition 1, Value' ) ).toHaveValue(
		'/pricing'
	);
	await expect( field( page, 'Rule 1, Condition 2, Type' ) ).toHaveValue(
		'query'
	);
	await expect( field( page, 'Rule 1, Condition 2, Parameter' ) ).toHaveValue(
		'utm_source'
	);
	await expect( field( page, 'Rule 1, Condition 2, Value' ) ).toHaveValue(
		'linkedin'
	);
	await expect( field( page, 'Rule 1, Experience' ) ).toHaveValue(
		'experience-1234'
	);

	// What the server stored is the contract's shape.
	expect( await storedRules( page ) ).toEqual( [
		expect.objectContaining( {
			id: 'pricing-visitors-from-linkedin',
			when: [
				{ type: 'path', op: 'prefix', value: '/pricing' },
				{
					type: 'query',
					key: 'utm_source',
					op: 'equals',
					value: 'linkedin',
				},
			],
			then: { action: 'showExperience', experience: 'experience-1234' },
		} ),
	] );
} );

test( 'the tester says where the rule matches and which calls the page makes', async ( {
	page,
} ) => {
	await logIn( page );
	await openExperiences( page );
	const row = page.locator( '.qi-tester__table tbody tr' ).first();
	const calls = page.locator( '.qi-tester__calls' );

	await testUrl( page, '/pricing/?utm_source=linkedin' );
	await expect( row ).toContainText(
		'Rule 1: Pricing visitors from LinkedIn'
	);
	await expect( row ).toContainText( 'Matches.' );
	await expect( calls.locator( 'li' ) ).toHaveText( [
		'qualified("showExperience", "experience-1234", false)',
	] );

	await testUrl( page, '/about/' );
	await expect( row ).toContainText(
		'Not matched: condition 1, Page address (path), does not hold'
	);
	await expect( calls ).toContainText( 'no rule applies' );

	// The right page, the wrong visitor: the query condition is named.
	await testUrl( page, '/pricing/?utm_source=twitter' );
	await expect( row ).toContainText( 'condition 2, URL query parameter' );

	// Unsaved changes are tested too: a timed open rule waits for its moment.
	await page.getByLabel( 'New rule’s label' ).fill( 'Open after 30 s' );
	await page.getByRole( 'button', { name: 'Add rule' } ).click();
	await field( page, 'Rule 2, Action' ).selectOption( 'open' );
	await addCondition( page, 2, 'time_on_page' );
	await expect( field( page, 'Rule 2, Condition 1, Seconds' ) ).toHaveValue(
		'30'
	);
	await testUrl( page, '/pricing/?utm_source=linkedin' );
	await expect(
		page.locator( '.qi-tester__table tbody tr' ).nth( 1 )
	).toContainText( 'Waits: fires after 30 s.' );
	await expect( calls.locator( 'li' ) ).toHaveText( [
		'qualified("showExperience", "experience-1234", false)',
		'after 30 s: qualified("open")',
	] );
	// A URL of another site is refused at the address field.
	await page
		.getByLabel( 'Page address', { exact: true } )
		.fill( 'https://example.com/pricing/' );
	await page.getByRole( 'button', { name: 'Test this page' } ).click();
	await expect(
		page.getByLabel( 'Page address', { exact: true } )
	).toHaveAttribute( 'aria-invalid', 'true' );
} );

test( 'a bad regular expression is refused at its condition, and nothing is saved', async ( {
	page,
} ) => {
	await logIn( page );
	await openExperiences( page );

	const value = field( page, 'Rule 1, Condition 1, Value' );
	await field( page, 'Rule 1, Condition 1, Match' ).selectOption( 'regex' );
	await value.fill( '^/(a+)+$' );
	await saveSettings( page );

	await expect( value ).toHaveAttribute( 'aria-invalid', 'true' );
	const describedBy =
		( await value.getAttribute( 'aria-describedby' ) ) ?? '';
	await expect(
		page.locator( `[id="${ describedBy.split( ' ' )[ 0 ] }"]` )
	).toHaveText( /^Rule 1, Condition 1, Value: / );
	// The other fields are not marked.
	await expect(
		field( page, 'Rule 1, Condition 2, Value' )
	).not.toHaveAttribute( 'aria-invalid', 'true' );
	await expect( page.locator( '.qi-rule' ).first() ).not.toHaveClass(
		/has-error/
	);
	// The page-level notice lists it and leads to the field.
	await expectNotice( page, 'error', 'Rule 1, Condition 1, Value' );
	await page.getByLabel( 'New rule’s label' ).focus();
	await page
		.locator( '.components-notice.is-error' )
		.getByRole( 'button', { name: /^Rule 1, Condition 1, Value/ } )
		.click();
	await expect( value ).toBeFocused();

	// Fixing the value clears its mark; nothing was stored.
	await value.fill( '^/pricing' );
	await expect( value ).not.toHaveAttribute( 'aria-invalid', 'true' );
	const [ stored ] = ( await storedRules( page ) ) as Array< {
		when: unknown[];
	} >;
	expect( stored?.when[ 0 ] ).toEqual( {
		type: 'path',
		op: 'prefix',
		value: '/pricing',
	} );
} );

test( 'rules move, duplicate, switch off and go with the keyboard', async ( {
	page,
} ) => {
	await logIn( page );
	await openExperiences( page );

	await page.getByRole( 'button', { name: 'Duplicate rule 1' } ).focus();
	await page.keyboard.press( 'Enter' );
	await expect( field( page, 'Rule 2, Label' ) ).toBeFocused();
	await expect( field( page, 'Rule 2, Label' ) ).toHaveValue(
		'Pricing visitors from LinkedIn (copy)'
	);
	await expect(
		page.getByText( 'Rule ID: pricing-visitors-from-linkedin-copy' )
	).toBeVisible();
	await expect( field( page, 'Rule 2, Condition 2, Parameter' ) ).toHaveValue(
		'utm_source'
	);

	await field( page, 'Rule 2, Experience' ).fill( 'experience-99' );
	await page.getByRole( 'button', { name: 'Move rule 2 up' } ).focus();
	await page.keyboard.press( 'Enter' );
	await expect( field( page, 'Rule 1, Experience' ) ).toHaveValue(
		'experience-99'
	);
	// The moved rule is first now, so its "up" is disabled: focus went to its "down".
	await expect(
		page.getByRole( 'button', { name: 'Move rule 1 down' } )
	).toBeFocused();

	await page.getByRole( 'checkbox', { name: 'Rule 2, Enabled' } ).uncheck();
	await saveSettings( page );
	await expectNotice( page, 'warning', 'Settings saved' );
	await page.reload();
	await expect( field( page, 'Rule 1, Experience' ) ).toHaveValue(
		'experience-99'
	);
	await expect(
		page.getByRole( 'checkbox', { name: 'Rule 2, Enabled' } )
	).not.toBeChecked();

	// The tester skips the rule that is off, and the copy now decides.
	await testUrl( page, '/pricing/?utm_source=linkedin' );
	await expect( page.locator( '.qi-tester__calls li' ) ).toHaveText( [
		'qualified("showExperience", "experience-99", false)',
	] );
	await expect(
		page.locator( '.qi-tester__table tbody tr' ).nth( 1 )
	).toContainText( 'Off: skipped.' );

	await page.getByRole( 'button', { name: 'Delete rule 1' } ).click();
	await expect( field( page, 'Rule 1, Experience' ) ).toHaveValue(
		'experience-1234'
	);
	await expect(
		page.getByRole( 'button', { name: 'Delete rule 1' } )
	).toBeFocused();
	await expect( page.getByText( 'You have unsaved changes.' ) ).toBeVisible();
} );
