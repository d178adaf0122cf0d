/**
 * The Events section's handler editor, pure parts: list edits, the keys a
 * new action of each type starts with, type switches, suggested names, the
 * paths of server messages and which of them a handler shows at its top.
 */

/**
 * Internal dependencies
 */
import actionsCatalogue from '../../includes/Settings/event-actions.json';
import schema from '../../includes/Settings/settings-schema.json';
import {
	EVENT_ACTION_TYPES,
	defaultAction,
	isAnalyticsType,
	snakeEventName,
	suggestedEventName,
	withActionType,
} from '../../admin/events/actions';
import {
	FIRST_ACTION,
	addAction,
	addHandler,
	duplicateHandler,
	isHandlerEnabled,
	moveItem,
	removeItem,
	storesEvents,
	withEnabled,
} from '../../admin/events/handler-list';
import { LIMITS } from '../../admin/events/limits';
import type { EventHandler } from '../../admin/events/model';
import {
	nameSuggestions,
	standardNames,
	webhookNameChoices,
} from '../../admin/events/names';
import {
	eventActionPath,
	handlerLevelErrors,
	handlerPath,
	messagesAt,
	webhookLevelErrors,
	webhookPath,
	webhookTestPath,
} from '../../admin/events/paths';
import { pathAndParents, reindexErrors } from '../../admin/field-errors';

const handler = (
	name: string,
	extra: Partial< EventHandler > = {}
): EventHandler => ( {
	kind: 'event',
	name,
	actions: [ { type: 'dataLayer', event: 'qualified_x' } ],
	...extra,
} );

const events = schema.properties.events.properties;

describe( 'limits', () => {
	it( 'are the schema’s', () => {
		expect( LIMITS.handlers ).toBe( events.handlers.maxItems );
		expect( LIMITS.actions ).toBe(
			events.handlers.items.properties.actions.maxItems
		);
		expect( LIMITS.webhooks ).toBe( events.webhooks.maxItems );
		expect( LIMITS.storeFields ).toBe(
			events.handlers.items.properties.actions.items.properties
				.storeFields.maxItems
		);
		expect( LIMITS.webhookEvents ).toBe(
			events.webhooks.items.properties.events.maxItems
		);
		expect( LIMITS.nameLength ).toBe(
			events.handlers.items.properties.name.maxLength
		);
		expect( LIMITS.secretMin ).toBe(
			events.webhooks.items.properties.secret.minLength
		);
		expect( LIMITS.secretMax ).toBe(
			events.webhooks.items.properties.secret.maxLength
		);
		expect( [
			LIMITS.retentionMin,
			LIMITS.retentionMax,
			LIMITS.retentionDefault,
		] ).toEqual( [
			events.retentionDays.minimum,
			events.retentionDays.maximum,
			events.retentionDays.default,
		] );
	} );
} );

describe( 'handler list', () => {
	it( 'adds a visitor-event handler that stores its events, at the end', () => {
		const edit = addHandler( [ handler( 'A' ) ] );
		expect( edit.list ).toHaveLength( 2 );
		expect( edit.list[ 1 ] ).toEqual( {
			kind: 'event',
			name: '',
			actions: [ { type: 'wordpress' } ],
		} );
		expect( FIRST_ACTION ).toBe( 'wordpress' );
		expect( edit.order ).toEqual( [ 0, null ] );
	} );

	it( 'adds nothing at the limit', () => {
		const full = Array.from( { length: LIMITS.handlers }, ( _, i ) =>
			handler( `E${ i }` )
		);
		const edit = addHandler( full );
		expect( edit.list ).toBe( full );
		expect( edit.order ).toHaveLength( LIMITS.handlers );
		expect( duplicateHandler( full, 0 ).list ).toBe( full );
	} );

	it( 'duplicates a handler right after it, as a deep copy', () => {
		const list = [
			handler( 'A' ),
			handler( 'B', {
				actions: [ { type: 'wordpress', storeFields: [ 'email' ] } ],
			} ),
			handler( 'C' ),
		];
		const edit = duplicateHandler( list, 1 );
		expect( edit.list.map( ( item ) => item.name ) ).toEqual( [
			'A',
			'B',
			'B',
			'C',
		] );
		expect( edit.order ).toEqual( [ 0, 1, null, 2 ] );
		expect( edit.list[ 2 ] ).toEqual( list[ 1 ] );
		expect( edit.list[ 2 ] ).not.toBe( list[ 1 ] );
		const copyAction = edit.list[ 2 ]?.actions[ 0 ];
		if ( copyAction?.type === 'wordpress' ) {
			copyAction.storeFields?.push( 'phone' );
		}
		expect( list[ 1 ]?.actions[ 0 ] ).toEqual( {
			type: 'wordpress',
			storeFields: [ 'email' ],
		} );
	} );

	it( 'moves and removes, saying where each handler came from', () => {
		const list = [ handler( 'A' ), handler( 'B' ), handler( 'C' ) ];
		const down = moveItem( list, 0, 1 );
		expect( down.list.map( ( item ) => item.name ) ).toEqual( [
			'B',
			'A',
			'C',
		] );
		expect( down.order ).toEqual( [ 1, 0, 2 ] );
		expect( moveItem( list, 0, -1 ).list ).toBe( list );
		const removed = removeItem( list, 1 );
		expect( removed.list.map( ( item ) => item.name ) ).toEqual( [
			'A',
			'C',
		] );
		expect( removed.order ).toEqual( [ 0, 2 ] );
	} );

	it( 'stores enabled as the default and disabled as false', () => {
		const on = handler( 'A' );
		const off = withEnabled( on, false );
		expect( off.enabled ).toBe( false );
		expect( isHandlerEnabled( off ) ).toBe( false );
		const back = withEnabled( off, true );
		expect( 'enabled' in back ).toBe( false );
		expect( isHandlerEnabled( back ) ).toBe( true );
	} );

	it( 'adds actions up to the limit, with the handler’s name in analytics ones', () => {
		const meeting = handler( 'Meeting Booked' );
		expect( addAction( meeting, 'gtag' ).list[ 1 ] ).toEqual( {
			type: 'gtag',
			event: 'qualified_meeting_booked',
		} );
		const full = handler( 'X', {
			actions: Array.from( { length: LIMITS.actions }, () => ( {
				type: 'wordpress' as const,
			} ) ),
		} );
		expect( addAction( full, 'fbq' ).list ).toBe( full.actions );
	} );

	it( 'knows which handlers store events', () => {
		expect( storesEvents( handler( 'A' ) ) ).toBe( false );
		expect(
			storesEvents(
				handler( 'A', {
					actions: [
						{ type: 'gtag', event: 'a' },
						{ type: 'wordpress' },
					],
				} )
			)
		).toBe( true );
	} );
} );

describe( 'actions', () => {
	it( 'start with exactly the keys their type requires', () => {
		for ( const type of EVENT_ACTION_TYPES ) {
			const action = defaultAction( type, 'Meeting Booked' );
			const entry = (
				actionsCatalogue as Record< string, { keys: string[] } >
			 )[ type ];
			expect( Object.keys( action ).sort() ).toEqual(
				[ 'type', ...( entry?.keys ?? [] ) ].sort()
			);
		}
		expect( EVENT_ACTION_TYPES ).toEqual( Object.keys( actionsCatalogue ) );
	} );

	it( 'suggest analytics names the destinations accept', () => {
		expect( suggestedEventName( 'fbq', 'Meeting Booked' ) ).toBe(
			'Schedule'
		);
		expect( suggestedEventName( 'fbq', 'Email Captured' ) ).toBe( 'Lead' );
		expect( suggestedEventName( 'fbq', 'Conversation Started' ) ).toBe(
			'Contact'
		);
		expect( suggestedEventName( 'fbq', 'Custom thing' ) ).toBe( 'Lead' );
		expect( suggestedEventName( 'dataLayer', 'Email Captured' ) ).toBe(
			'qualified_email_captured'
		);
		expect( snakeEventName( '*' ) ).toBe( 'qualified_event' );
		expect( snakeEventName( '' ) ).toBe( 'qualified_event' );
		expect( snakeEventName( 'Démo demandée !' ) ).toBe(
			'qualified_demo_demandee'
		);
		const long = snakeEventName(
			'a very long custom event name '.repeat( 4 )
		);
		const gtag = new RegExp(
			actionsCatalogue.gtag.keySchemas.event.pattern
		);
		expect( long.length ).toBeLessThanOrEqual( 40 );
		expect( long ).toMatch( gtag );
		expect( long.endsWith( '_' ) ).toBe( false );
	} );

	it( 'keep the event name and field choice between analytics types when allowed', () => {
		const dataLayer = {
			type: 'dataLayer' as const,
			event: 'qualified_meeting',
			includeFields: true,
		};
		expect( withActionType( dataLayer, 'gtag', 'Meeting Booked' ) ).toEqual(
			{ type: 'gtag', event: 'qualified_meeting', includeFields: true }
		);
		// A dataLayer name with a space is not a GA4 name: a fresh one.
		expect(
			withActionType(
				{ type: 'dataLayer', event: 'meeting booked' },
				'gtag',
				'Meeting Booked'
			)
		).toEqual( { type: 'gtag', event: 'qualified_meeting_booked' } );
		expect( withActionType( dataLayer, 'redirect', 'X' ) ).toEqual( {
			type: 'redirect',
			url: '',
		} );
		expect(
			withActionType( { type: 'redirect', url: '/x' }, 'wordpress', 'X' )
		).toEqual( { type: 'wordpress' } );
		expect( withActionType( dataLayer, 'dataLayer', 'X' ) ).toBe(
			dataLayer
		);
		expect( isAnalyticsType( 'fbq' ) ).toBe( true );
		expect( isAnalyticsType( 'wordpress' ) ).toBe( false );
	} );
} );

describe( 'names', () => {
	it( 'suggests standard names, then names seen, then any', () => {
		expect(
			nameSuggestions( 'event', [ 'Meeting Booked', 'Demo' ] )
		).toEqual( [
			'Conversation Started',
			'Meeting Booked',
			'Email Captured',
			'Demo',
			'*',
		] );
		expect( standardNames( 'messenger' ) ).toEqual( [] );
		expect( nameSuggestions( 'messenger', [] ) ).toEqual( [ '*' ] );
	} );

	it( 'offers webhooks the names that can be stored', () => {
		const handlers = [
			handler( 'Only analytics' ),
			handler( 'Meeting Booked', { actions: [ { type: 'wordpress' } ] } ),
			handler( '*', {
				kind: 'messenger',
				actions: [ { type: 'wordpress' } ],
			} ),
			handler( '*', { actions: [ { type: 'wordpress' } ] } ),
		];
		expect(
			webhookNameChoices(
				handlers,
				[ 'Seen', 'Meeting Booked' ],
				[ 'Gone' ]
			)
		).toEqual( [
			'Meeting Booked',
			'Conversation Started',
			'Email Captured',
			'Seen',
			'Gone',
		] );
	} );
} );

describe( 'paths and messages', () => {
	it( 'name handlers, actions and webhooks as the server does', () => {
		expect( handlerPath( 0, 'name' ) ).toBe( 'events.handlers[0].name' );
		expect( eventActionPath( 0, 4, 'url' ) ).toBe(
			'events.handlers[0].actions[4].url'
		);
		expect( webhookPath( 1, 'secret' ) ).toBe(
			'events.webhooks[1].secret'
		);
		expect( webhookTestPath( 2, 'url' ) ).toBe( 'events.webhooks[2].url' );
		expect( webhookTestPath( 2, 'body' ) ).toBe( 'events.webhooks[2]' );
	} );

	it( 'gathers a list input’s own message and its items’', () => {
		const path = eventActionPath( 0, 1, 'storeFields' );
		const errors = {
			[ `${ path }[2]` ]: 'Handler 1, Action 2, Fields to store: bad.',
			[ path ]: 'Handler 1, Action 2, Fields to store: too many.',
			[ `${ path }Extra` ]: 'not this one',
			[ `${ path }[2].x` ]: 'nor this one',
		};
		expect( messagesAt( errors, path ).map( ( [ at ] ) => at ) ).toEqual( [
			path,
			`${ path }[2]`,
		] );
	} );

	it( 'keeps at a handler’s top only the messages no input shows', () => {
		const item = handler( 'A', {
			actions: [
				{ type: 'gtag', event: 'x' },
				{ type: 'redirect', url: 'https://elsewhere.example/' },
			],
		} );
		const errors = {
			'events.handlers[0]': 'Handler 1: bad.',
			'events.handlers[0].name': 'shown by the name input',
			'events.handlers[0].actions': 'shown under the actions',
			'events.handlers[0].actions[1]': 'shown by the action',
			'events.handlers[0].actions[1].url': 'shown by the address input',
			'events.handlers[0].actions[0].url': 'gtag has no url: top',
			'events.handlers[0].actions[0].includeFields': 'shown',
			'events.handlers[0].extra': 'unknown key: top',
			'events.handlers[10].name': 'another handler',
		};
		expect(
			handlerLevelErrors( errors, item, 0 ).map( ( [ at ] ) => at )
		).toEqual( [
			'events.handlers[0]',
			'events.handlers[0].actions[0].url',
			'events.handlers[0].extra',
		] );
	} );

	it( 'keeps at a webhook’s top only the messages no input shows', () => {
		const errors = {
			'events.webhooks[0].id': 'Webhook 1, ID: taken.',
			'events.webhooks[0].url': 'shown',
			'events.webhooks[0].events[3]': 'shown by the filter',
			'events.webhooks[0].secret': 'shown',
		};
		expect(
			webhookLevelErrors( errors, 0 ).map( ( [ at ] ) => at )
		).toEqual( [ 'events.webhooks[0].id' ] );
	} );

	it( 'lets messages follow moved actions and handlers', () => {
		const errors = {
			'events.handlers[0].actions[0].event': 'first',
			'events.handlers[0].actions[1].url': 'second',
			'events.handlers[1].name': 'other handler',
		};
		expect(
			reindexErrors( errors, 'events.handlers[0].actions', [ 1, 0 ] )
		).toEqual( {
			'events.handlers[0].actions[1].event': 'first',
			'events.handlers[0].actions[0].url': 'second',
			'events.handlers[1].name': 'other handler',
		} );
		expect( reindexErrors( errors, 'events.handlers', [ 1 ] ) ).toEqual( {
			'events.handlers[0].name': 'other handler',
		} );
	} );

	it( 'finds where a jump lands when no input has the exact path', () => {
		expect(
			pathAndParents( 'events.handlers[0].actions[1].storeFields[2]' )
		).toEqual( [
			'events.handlers[0].actions[1].storeFields[2]',
			'events.handlers[0].actions[1].storeFields',
			'events.handlers[0].actions[1]',
			'events.handlers[0].actions',
			'events.handlers[0]',
			'events.handlers',
			'events',
		] );
		expect( pathAndParents( 'token' ) ).toEqual( [ 'token' ] );
	} );
} );
