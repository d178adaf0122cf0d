/**
 * Internal dependencies
 */
import { parseConfig } from '../../src/frontend/config';
import {
	installQueue,
	type QualifiedWindow,
} from '../../src/frontend/qualified';
import {
	READY_EVENT,
	run,
	type RuntimeWindow,
} from '../../src/frontend/runtime';

describe( 'installQueue', () => {
	it( 'queues calls like the vendor snippet until qualified.js arrives', () => {
		const win: QualifiedWindow = {};
		const qualified = installQueue( win );

		qualified( 'identify', { email: 'a@example.org' } );
		qualified( 'open' );

		expect( win.QualifiedObject ).toBe( 'qualified' );
		expect( win.qualified ).toBe( qualified );
		expect( qualified.q?.map( ( args ) => Array.from( args ) ) ).toEqual( [
			[ 'identify', { email: 'a@example.org' } ],
			[ 'open' ],
		] );
	} );

	it( 'keeps a qualified function that is already there', () => {
		const existing = jest.fn();
		const win: QualifiedWindow = { qualified: existing };

		expect( installQueue( win ) ).toBe( existing );
		expect( win.qualified ).toBe( existing );
	} );
} );

describe( 'parseConfig', () => {
	it( 'keeps well-formed calls of data-only methods, in order', () => {
		expect(
			parseConfig( {
				calls: [
					[ 'identify', { company: 'Acme' } ],
					[ 'showExperience', 'experience-123', true ],
					[ 'open' ],
					[ 'page' ],
				],
			} )
		).toEqual( {
			calls: [
				[ 'identify', { company: 'Acme' } ],
				[ 'showExperience', 'experience-123', true ],
				[ 'open' ],
				[ 'page' ],
			],
		} );
	} );

	it.each( [
		[ 'undefined', undefined ],
		[ 'a string', 'calls' ],
		[ 'calls not a list', { calls: 'open' } ],
		[ 'null', null ],
	] )( 'reads %s as no calls', ( _label, raw ) => {
		expect( parseConfig( raw ) ).toEqual( { calls: [] } );
	} );

	it( 'drops callback methods, unknown methods and malformed entries', () => {
		expect(
			parseConfig( {
				calls: [
					[ 'handleEvents', 'function(){}' ],
					[ 'eval', 'alert(1)' ],
					'open',
					[],
					[ 42 ],
					[ 'open' ],
				],
			} )
		).toEqual( { calls: [ [ 'open' ] ] } );
	} );
} );

describe( 'run', () => {
	it( 'replays the configured calls through window.qualified and announces it', () => {
		const received: unknown[][] = [];
		const win: RuntimeWindow = {
			qualified: ( ...args: unknown[] ) => received.push( args ),
			qualifiedIntegrationConfig: {
				calls: [ [ 'identify', { plan: 'pro' } ], [ 'open' ] ],
			},
		};
		const onReady = jest.fn();
		document.addEventListener( READY_EVENT, onReady );

		run( win, document );

		expect( received ).toEqual( [
			[ 'identify', { plan: 'pro' } ],
			[ 'open' ],
		] );
		expect( onReady ).toHaveBeenCalledTimes( 1 );
		expect( onReady.mock.calls[ 0 ]?.[ 0 ].detail ).toEqual( {
			config: { calls: [ [ 'identify', { plan: 'pro' } ], [ 'open' ] ] },
		} );
		document.removeEventListener( READY_EVENT, onReady );
	} );

	it( 'queues the calls when the stub was stripped from the page', () => {
		const win: RuntimeWindow = {
			qualifiedIntegrationConfig: { calls: [ [ 'page' ] ] },
		};

		run( win, document );

		expect( win.QualifiedObject ).toBe( 'qualified' );
		expect(
			win.qualified?.q?.map( ( args ) => Array.from( args ) )
		).toEqual( [ [ 'page' ] ] );
	} );
} );
