/**
 * The webhook editor's pure parts: ids, random secrets, the events filter,
 * text edits, and the test result in words.
 */

/**
 * Internal dependencies
 */
import schema from '../../includes/Settings/settings-schema.json';
import {
	WEBHOOK_ID_PATTERN,
	addWebhook,
	generateSecret,
	isSaved,
	newWebhookId,
	withEvents,
	withText,
	type RandomBytes,
} from '../../admin/events/webhook-list';
import { resultText } from '../../admin/events/test-result';
import { LIMITS } from '../../admin/events/limits';
import type { Webhook } from '../../admin/events/model';

/**
 * Predictable "random" bytes: the given values, over and over.
 *
 * @param values Bytes.
 */
const bytes = ( ...values: number[] ): RandomBytes => {
	let at = 0;
	return ( array ) => {
		for ( let i = 0; i < array.length; i++ ) {
			array[ i ] = values[ at++ % values.length ] ?? 0;
		}
		return array;
	};
};

const webhookSchema = schema.properties.events.properties.webhooks.items;

describe( 'secrets', () => {
	it( 'are 40 letters and digits the schema accepts', () => {
		// 0 is A, 61 is 9, and 62 and 123 wrap around to A and 9.
		const secret = generateSecret( bytes( 0, 61, 62, 123 ) );
		expect( secret ).toHaveLength( 40 );
		expect( secret.startsWith( 'A9A9' ) ).toBe( true );
		expect( secret ).toMatch(
			new RegExp( webhookSchema.properties.secret.pattern )
		);
	} );

	it( 'drop bytes that would make some characters likelier', () => {
		// 248..255 are skipped; 1 is "B".
		expect( generateSecret( bytes( 250, 1 ), 4 ) ).toBe( 'BBBB' );
	} );

	it( 'differ from one call to the next with real randomness', () => {
		const random: RandomBytes = ( array ) => {
			for ( let i = 0; i < array.length; i++ ) {
				array[ i ] = Math.floor( Math.random() * 256 );
			}
			return array;
		};
		expect( generateSecret( random ) ).not.toBe( generateSecret( random ) );
	} );
} );

describe( 'webhook list', () => {
	it( 'gives a new webhook a free id, a secret and no address yet', () => {
		const taken = newWebhookId( [], bytes( 0 ) );
		expect( taken ).toBe( 'webhook-000000' );
		expect( taken ).toMatch( WEBHOOK_ID_PATTERN );
		expect( newWebhookId( [ taken ], bytes( 0, 0, 0, 0, 0, 0, 1 ) ) ).toBe(
			'webhook-100000'
		);
		expect( WEBHOOK_ID_PATTERN.source ).toBe(
			webhookSchema.properties.id.pattern
		);

		const existing: Webhook = {
			id: 'webhook-000000',
			url: 'https://a.example/',
			secret: 'x'.repeat( 16 ),
		};
		const edit = addWebhook( [ existing ], bytes( 0, 0, 0, 0, 0, 0, 5 ) );
		expect( edit.order ).toEqual( [ 0, null ] );
		const added = edit.list[ 1 ];
		expect( added?.id ).not.toBe( existing.id );
		expect( added?.url ).toBe( '' );
		expect( added?.secret ).toHaveLength( 40 );
		expect( Object.keys( added ?? {} ).sort() ).toEqual( [
			'id',
			'secret',
			'url',
		] );
	} );

	it( 'adds nothing at the limit', () => {
		const full = Array.from( { length: LIMITS.webhooks }, ( _, i ) => ( {
			id: `w${ i }`,
			url: '',
			secret: '',
		} ) );
		expect( addWebhook( full ).list ).toBe( full );
	} );

	it( 'sends every event without a list, and keeps an empty choice as one', () => {
		const webhook: Webhook = {
			id: 'a',
			url: '',
			secret: '',
			events: [ 'A' ],
		};
		expect( 'events' in withEvents( webhook, null ) ).toBe( false );
		expect( withEvents( webhook, [] ).events ).toEqual( [] );
		expect( withEvents( webhook, [ 'B' ] ).events ).toEqual( [ 'B' ] );
	} );

	it( 'trims addresses and secrets, and drops an empty label', () => {
		const webhook: Webhook = {
			id: 'a',
			label: 'CRM',
			url: '',
			secret: '',
		};
		expect( withText( webhook, 'url', ' https://x.example/ ' ).url ).toBe(
			'https://x.example/'
		);
		expect( withText( webhook, 'secret', ' s ' ).secret ).toBe( 's' );
		expect( 'label' in withText( webhook, 'label', '' ) ).toBe( false );
		expect( withText( webhook, 'label', ' Zap ' ).label ).toBe( ' Zap ' );
	} );

	it( 'knows a saved webhook by its id', () => {
		const webhook = { id: 'a', url: 'x', secret: 'y' };
		expect( isSaved( webhook, [ { ...webhook, url: 'changed' } ] ) ).toBe(
			true
		);
		expect( isSaved( webhook, [] ) ).toBe( false );
	} );
} );

describe( 'test result', () => {
	it( 'says the status and the time', () => {
		expect(
			resultText( {
				ok: true,
				status: 200,
				message: 'OK',
				durationMs: 83.6,
			} )
		).toBe( 'HTTP 200, 84 ms' );
		expect(
			resultText( {
				ok: false,
				status: null,
				message: 'cURL error 7',
				durationMs: 5003,
			} )
		).toBe( 'No HTTP answer, 5003 ms' );
	} );
} );
