/**
 * Event handlers end to end: events fired through the fake qualified.js
 * reach dataLayer, gtag, fbq and the DOM in the visitor's browser, redirect
 * the visitor, are stored by the site's public route, and are delivered,
 * signed, to a webhook receiver this test runs, by a real WP-Cron run.
 */

/**
 * External dependencies
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { fakeQualifiedState } from './helpers';
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

const SECRET = 'e2e-webhook-secret-0123';

interface Received {
	headers: Record< string, string | string[] | undefined >;
	body: string;
}

const received: Received[] = [];
let receiver: Server;
let receiverUrl = '';

/** The events handlers the admin would set up (the admin spec clicks the same through the screen). */
export const HANDLERS = [
	{
		kind: 'event',
		name: 'Meeting Booked',
		actions: [
			{ type: 'dataLayer', event: 'qualified_meeting_booked' },
			{ type: 'gtag', event: 'generate_lead' },
			{ type: 'fbq', event: 'Schedule' },
			{ type: 'wordpress', storeFields: [ 'email' ] },
			{ type: 'redirect', url: '/thank-you/' },
		],
	},
	{
		kind: 'messenger',
		name: '*',
		actions: [ { type: 'dataLayer', event: 'qualified_messenger' } ],
	},
];

/**
 * Records what the page's analytics globals receive in sessionStorage, so
 * it survives the redirect: a dataLayer whose push is kept, gtag and fbq
 * stand-ins, and every qualified-integration:event DOM event.
 *
 * @param page The visitor's page.
 */
async function recordAnalytics( page: Page ) {
	await page.addInitScript( () => {
		const keep = ( key: string, value: unknown ) => {
			const list = JSON.parse( sessionStorage.getItem( key ) ?? '[]' );
			list.push( value );
			sessionStorage.setItem( key, JSON.stringify( list ) );
		};
		const win = window as unknown as Record< string, unknown >;
		const dataLayer: unknown[] = [];
		dataLayer.push = ( ...items: unknown[] ) => {
			items.forEach( ( item ) => keep( 'e2e:dataLayer', item ) );
			return Array.prototype.push.apply( dataLayer, items );
		};
		win.dataLayer = dataLayer;
		win.gtag = ( ...args: unknown[] ) => keep( 'e2e:gtag', args );
		win.fbq = ( ...args: unknown[] ) => keep( 'e2e:fbq', args );
		document.addEventListener( 'qualified-integration:event', ( event ) =>
			keep( 'e2e:dom', ( event as CustomEvent ).detail )
		);
	} );
}

async function recorded( page: Page, key: string ): Promise< unknown[] > {
	return page.evaluate(
		( name ) => JSON.parse( sessionStorage.getItem( name ) ?? '[]' ),
		key
	);
}

test.beforeAll( async ( { browser } ) => {
	receiver = createServer( ( request, response ) => {
		let body = '';
		request.on( 'data', ( chunk ) => ( body += chunk ) );
		request.on( 'end', () => {
			received.push( { headers: request.headers, body } );
			response.writeHead( 200, { 'Content-Type': 'text/plain' } );
			response.end( 'ok' );
		} );
	} );
	await new Promise< void >( ( done ) =>
		receiver.listen( 0, '127.0.0.1', done )
	);
	receiverUrl = `http://127.0.0.1:${
		( receiver.address() as AddressInfo ).port
	}/qualified`;

	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	for ( const slug of [ 'pricing', 'thank-you' ] ) {
		const response = await rest.create( '/wp/v2/pages', {
			title: slug,
			slug,
			status: 'publish',
		} );
		expect( response.status(), await response.text() ).toBe( 201 );
	}
	const saved = await rest.post( {
		token: 'E2eEvents1',
		events: {
			handlers: HANDLERS,
			webhooks: [ { id: 'receiver', url: receiverUrl, secret: SECRET } ],
			retentionDays: 90,
		},
	} );
	expect( saved.status(), await saved.text() ).toBe( 200 );
	await context.close();
} );

// Later spec files share this site: leave it without handlers.
test.afterAll( async ( { browser } ) => {
	receiver?.close();
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	const reset = await rest.post( {
		token: '',
		events: { handlers: [], webhooks: [], retentionDays: 90 },
	} );
	expect( reset.status() ).toBe( 200 );
	await context.close();
} );

test( 'Meeting Booked reaches dataLayer, gtag, fbq and the DOM, is stored, then redirects', async ( {
	browser,
} ) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await recordAnalytics( page );
	await page.goto( '/pricing/' );
	await fakeQualifiedState( page );
	const registered = await page.evaluate( () => {
		const fake = (
			window as unknown as {
				__fakeQualified: {
					eventHandlers: unknown[];
					messengerHandlers: unknown[];
				};
			}
		 ).__fakeQualified;
		return [ fake.eventHandlers.length, fake.messengerHandlers.length ];
	} );
	expect( registered, 'one handler of each kind registered' ).toEqual( [
		1, 1,
	] );

	const stored = page.waitForRequest(
		( request ) =>
			request.url().includes( '/qualified-integration/v1/events' ) &&
			request.method() === 'POST'
	);
	await page.evaluate( () =>
		(
			window as unknown as {
				__fakeQualified: {
					fire: ( name: string, data: unknown ) => number;
				};
			}
		 ).__fakeQualified.fire( 'Meeting Booked', {
			bot: { id: 1234, name: 'Pricing bot' },
			bot_conversation_id: 'conv-e2e-1',
			sender: { type: 'bot' },
			field_values: {
				email: 'ada@example.org',
				phone: '+1 555 0100',
			},
		} )
	);
	const beacon = await stored;
	expect( JSON.parse( beacon.postData() ?? '{}' ) ).toMatchObject( {
		kind: 'event',
		name: 'Meeting Booked',
		conversationId: 'conv-e2e-1',
		fields: { email: 'ada@example.org' },
	} );
	expect( beacon.postData() ).not.toContain( '555' );

	await page.waitForURL( /\/thank-you\/$/ );

	const dataLayer = await recorded( page, 'e2e:dataLayer' );
	expect( dataLayer ).toContainEqual( {
		event: 'qualified_meeting_booked',
		qualified: expect.objectContaining( {
			name: 'Meeting Booked',
			experience: 'Pricing bot',
			conversationId: 'conv-e2e-1',
			senderType: 'bot',
		} ),
	} );
	// No field values in analytics unless the action asks for them.
	expect( JSON.stringify( dataLayer ) ).not.toContain( 'ada@example.org' );
	const gtag = ( await recorded( page, 'e2e:gtag' ) ) as unknown[][];
	expect( gtag.find( ( call ) => call[ 0 ] === 'event' ) ).toEqual( [
		'event',
		'generate_lead',
		expect.objectContaining( { conversation_id: 'conv-e2e-1' } ),
	] );
	const fbq = ( await recorded( page, 'e2e:fbq' ) ) as unknown[][];
	expect( fbq[ 0 ]?.slice( 0, 2 ) ).toEqual( [ 'track', 'Schedule' ] );
	const dom = ( await recorded( page, 'e2e:dom' ) ) as Array<
		Record< string, unknown >
	>;
	expect( dom[ 0 ] ).toMatchObject( {
		kind: 'event',
		name: 'Meeting Booked',
		conversationId: 'conv-e2e-1',
	} );
	await context.close();
} );

test( 'a messenger event goes to dataLayer and the DOM, and is not stored', async ( {
	browser,
} ) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await recordAnalytics( page );
	const posts: string[] = [];
	page.on( 'request', ( request ) => {
		if ( request.url().includes( '/qualified-integration/v1/events' ) ) {
			posts.push( request.url() );
		}
	} );
	await page.goto( '/pricing/' );
	await fakeQualifiedState( page );
	await page.evaluate( () =>
		(
			window as unknown as {
				__fakeQualified: { fireMessenger: ( name: string ) => number };
			}
		 ).__fakeQualified.fireMessenger( 'Messenger Opened' )
	);
	expect( await recorded( page, 'e2e:dataLayer' ) ).toContainEqual(
		expect.objectContaining( {
			event: 'qualified_messenger',
			qualified: expect.objectContaining( { name: 'Messenger Opened' } ),
		} )
	);
	expect( await recorded( page, 'e2e:dom' ) ).toContainEqual(
		expect.objectContaining( {
			kind: 'messenger',
			name: 'Messenger Opened',
		} )
	);
	expect( posts ).toEqual( [] );
	await context.close();
} );

test( 'the stored event reaches the webhook receiver, signed, through WP-Cron', async ( {
	request,
} ) => {
	// A real cron run, as a visitor's page load or a system cron would start it.
	await expect
		.poll(
			async () => {
				await request.get( '/wp-cron.php' );
				return received.length;
			},
			{ timeout: 30_000, intervals: [ 500, 1000, 2000 ] }
		)
		.toBeGreaterThan( 0 );

	const delivery = received[ 0 ] as Received;
	const header = String(
		delivery.headers[ 'x-qualified-integration-signature' ]
	);
	const parts = Object.fromEntries(
		header.split( ',' ).map( ( part ) => part.trim().split( '=' ) )
	);
	const expected = createHmac( 'sha256', SECRET )
		.update( `${ parts.t }.${ delivery.body }` )
		.digest( 'hex' );
	expect( parts.v1 ).toBe( expected );
	expect( delivery.headers[ 'x-qualified-integration-event' ] ).toBe(
		'Meeting Booked'
	);
	expect( JSON.parse( delivery.body ) ).toMatchObject( {
		event: {
			name: 'Meeting Booked',
			conversationId: 'conv-e2e-1',
			fields: { email: 'ada@example.org' },
		},
	} );
} );
