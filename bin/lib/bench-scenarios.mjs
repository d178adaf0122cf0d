/**
 * The settings `npm run bench` measures the plugin with: what a busy site
 * might configure, feature by feature.
 */

/** 30 identity mappings of every kind of source. */
export const MAPPINGS = [
	{ field: 'lead_source', source: 'static', value: 'Website' },
	{ field: 'site_region', source: 'static', value: 'EMEA' },
	{ field: 'wp_email', source: 'user.email' },
	{ field: 'wp_first_name', source: 'user.first_name' },
	{ field: 'wp_last_name', source: 'user.last_name' },
	{ field: 'wp_roles', source: 'user.roles' },
	{ field: 'wp_company', source: 'user.meta', key: 'billing_company' },
	{ field: 'page_id', source: 'post.id' },
	{ field: 'page_title', source: 'post.title' },
	{ field: 'page_type', source: 'post.type' },
	{ field: 'page_author', source: 'post.author' },
	{ field: 'page_topics', source: 'post.terms', key: 'category' },
	{ field: 'page_tags', source: 'post.terms', key: 'post_tag' },
	{ field: 'page_product', source: 'post.meta', key: 'product_line' },
	{ field: 'site_name', source: 'site.name' },
	{ field: 'site_language', source: 'site.language' },
	...[ 'source', 'medium', 'campaign', 'term', 'content' ].map(
		( name ) => ( {
			field: `utm_${ name }`,
			source: 'query',
			key: `utm_${ name }`,
			persist: 'first',
		} )
	),
	{ field: 'gclid', source: 'query', key: 'gclid', persist: 'first' },
	{ field: 'hubspot_id', source: 'cookie', key: 'hubspotutk' },
	{ field: 'ga_client', source: 'cookie', key: '_ga' },
	{ field: 'referrer', source: 'referrer', persist: 'first' },
	{ field: 'landing_page', source: 'landing_page' },
	{ field: 'plan', source: 'dataLayer', key: 'user.plan' },
	{ field: 'segment', source: 'dataLayer', key: 'segment' },
	{ field: 'page_section', source: 'meta_tag', key: 'section' },
	{ field: 'page_keywords', source: 'meta_tag', key: 'keywords' },
];

/**
 * 200 Experience rules, every kind of condition, most of them able to match
 * the measured page (a post) so that the browser evaluates them all.
 *
 * @return {Object[]} Rules.
 */
export function rules() {
	const list = [];
	for ( let i = 0; i < 200; i++ ) {
		const when = [];
		switch ( i % 10 ) {
			case 0:
				when.push( {
					type: 'path',
					op: 'prefix',
					value: `/section-${ i }`,
				} );
				break;
			case 1:
				when.push( {
					type: 'query',
					key: 'utm_source',
					op: 'equals',
					value: `partner-${ i }`,
				} );
				break;
			case 2:
				when.push( {
					type: 'path',
					op: 'regex',
					value: `^/blog/[a-z0-9-]+-${ i }/?$`,
				} );
				break;
			case 3:
				when.push( {
					type: 'path',
					op: 'glob',
					value: `/docs/*/v${ i }/*`,
				} );
				break;
			case 4:
				when.push( {
					type: 'referrer',
					op: 'contains',
					value: `example-${ i }.com`,
				} );
				break;
			case 5:
				when.push(
					{ type: 'device', value: 'mobile' },
					{ type: 'path', op: 'contains', value: `offer-${ i }` }
				);
				break;
			case 6:
				when.push( {
					type: 'schedule',
					days: [ 'mon', 'tue', 'wed', 'thu', 'fri' ],
					from: '09:00',
					to: '17:00',
				} );
				when.push( {
					type: 'path',
					op: 'equals',
					value: `/hours-${ i }/`,
				} );
				break;
			case 7:
				when.push(
					{ type: 'post_type', values: [ 'post' ] },
					{
						type: 'query',
						key: 'ref',
						op: 'prefix',
						value: `r${ i }`,
					}
				);
				break;
			case 8:
				when.push(
					{ type: 'path', op: 'prefix', value: `/demo-${ i }` },
					{ type: 'time_on_page', seconds: 30 }
				);
				break;
			default:
				when.push(
					{ type: 'logged_in', value: false },
					{ type: 'path', op: 'prefix', value: `/landing-${ i }` }
				);
		}
		let then = {
			action: 'showExperience',
			experience: `experience-${ 100000 + i }`,
		};
		if ( i % 10 === 8 ) {
			then = { action: 'open' };
		} else if ( i % 25 === 0 ) {
			then = { action: 'hide' };
		}
		list.push( { id: `rule-${ i }`, label: `Rule ${ i }`, when, then } );
	}
	return list;
}

/**
 * 20 event handlers: the contract's Meeting Booked handler (every action
 * type), the other standard events, custom Track Event names and messenger
 * events; five of them store the event on the site.
 *
 * @return {Object[]} Handlers.
 */
export function handlers() {
	const list = [
		{
			kind: 'event',
			name: 'Meeting Booked',
			actions: [
				{ type: 'dataLayer', event: 'qualified_meeting_booked' },
				{ type: 'gtag', event: 'generate_lead' },
				{ type: 'fbq', event: 'Schedule' },
				{ type: 'wordpress', storeFields: [ 'email', 'company' ] },
				{ type: 'redirect', url: '/thank-you/' },
			],
		},
		{
			kind: 'event',
			name: 'Email Captured',
			actions: [
				{ type: 'dataLayer', event: 'qualified_email_captured' },
				{ type: 'wordpress', storeFields: [ 'email' ] },
			],
		},
		{
			kind: 'event',
			name: 'Conversation Started',
			actions: [
				{ type: 'gtag', event: 'qualified_conversation' },
				{ type: 'wordpress' },
			],
		},
		{
			kind: 'messenger',
			name: '*',
			actions: [ { type: 'dataLayer', event: 'qualified_messenger' } ],
		},
	];
	for ( let i = list.length; i < 20; i++ ) {
		list.push( {
			kind: i % 4 ? 'event' : 'messenger',
			name: `Custom Step ${ i }`,
			actions: [
				{ type: 'dataLayer', event: `qualified_custom_${ i }` },
				{ type: 'fbq', event: `CustomStep${ i }` },
				...( i % 8 ? [] : [ { type: 'wordpress' } ] ),
			],
		} );
	}
	return list;
}

/**
 * A post with chat buttons: 5 blocks (with and without a fallback link),
 * 5 shortcodes, a `qualified-open` link and a form with 3 fields filled from
 * getIdentity. The block markup is what the block saves.
 *
 * @return {string} Post content.
 */
export function buttonsContent() {
	const block = ( i ) => {
		const fallback = i % 2 ? `/contact/${ i }/` : '';
		const attributes = JSON.stringify( {
			action: 'showExperience',
			experience: `experience-${ 100 + i }`,
			...( fallback && { fallback } ),
		} );
		const inner = fallback
			? `<a class="wp-block-button__link wp-element-button qualified-open" href="${ fallback }" data-qualified-experience="experience-${ 100 + i }">Talk to sales ${ i }</a>`
			: `<button type="button" class="wp-block-button__link wp-element-button qualified-open" data-qualified-experience="experience-${ 100 + i }">Talk to sales ${ i }</button>`;
		return `<!-- wp:qualified-integration/button ${ attributes } -->\n<div class="wp-block-qualified-integration-button"${ fallback ? '' : ' hidden' }>${ inner }</div>\n<!-- /wp:qualified-integration/button -->`;
	};
	return [
		'<!-- wp:paragraph --><p>Welcome to WordPress. This is your first post.</p><!-- /wp:paragraph -->',
		...Array.from( { length: 5 }, ( _, i ) => block( i ) ),
		...Array.from(
			{ length: 5 },
			( _, i ) =>
				`<!-- wp:shortcode -->[qualified_button label="Chat ${ i }" experience="experience-${ 200 + i }" fallback="/contact/"]<!-- /wp:shortcode -->`
		),
		'<!-- wp:html --><p><a class="qualified-open" href="/contact/">Chat with us</a></p><!-- /wp:html -->',
		'<!-- wp:html --><form><input type="email" data-qualified-field="email"><input class="qualified-field-company"><p class="qualified-field-phone"><input type="tel"></p></form><!-- /wp:html -->',
	].join( '\n\n' );
}

/**
 * An ordinary article for the browser benchmark: a heading, an image-free
 * text of about 1,500 words, taller than the window so a visitor can scroll.
 *
 * @return {string} Post content (block markup).
 */
export function articleContent() {
	const sentence =
		'A chat widget that starts while the page is still loading competes with the page for the main thread, and every millisecond it takes is a millisecond the visitor cannot scroll, type or tap.';
	const blocks = [];
	for ( let i = 1; i <= 24; i++ ) {
		if ( i % 6 === 1 ) {
			blocks.push(
				`<!-- wp:heading -->\n<h2 class="wp-block-heading">Section ${ Math.ceil( i / 6 ) }</h2>\n<!-- /wp:heading -->`
			);
		}
		blocks.push(
			`<!-- wp:paragraph -->\n<p>${ Array( 3 ).fill( sentence ).join( ' ' ) }</p>\n<!-- /wp:paragraph -->`
		);
	}
	return blocks.join( '\n\n' );
}
