/**
 * Saves that overlap, sent to the real server (PHP's built-in server with
 * several workers, so the two requests really run at the same time).
 */

/**
 * External dependencies
 */
import { expect, test } from '@playwright/test';

/**
 * Internal dependencies
 */
import { expectNoPluginPhpErrors } from './php-log';
import { adminRest } from './rest-client';

test.describe.configure( { mode: 'serial' } );

test.afterAll( expectNoPluginPhpErrors );

// Later spec files share this site: exclude no role again.
test.afterAll( async ( { browser } ) => {
	const context = await browser.newContext();
	const rest = await adminRest( await context.newPage() );
	expect( ( await rest.post( { excludeRoles: [] } ) ).status() ).toBe( 200 );
	await context.close();
} );

test( 'two overlapping partial saves of different fields both land', async ( {
	page,
} ) => {
	const rest = await adminRest( page );
	await rest.post( { token: 'Before1', excludeRoles: [] } );

	const [ first, second ] = await Promise.all( [
		rest.post( { token: 'Concurrent1' } ),
		rest.post( { excludeRoles: [ 'editor' ] } ),
	] );
	expect( first.status(), await first.text() ).toBe( 200 );
	expect( second.status(), await second.text() ).toBe( 200 );

	const { settings } = await ( await rest.get() ).json();
	expect( settings.token ).toBe( 'Concurrent1' );
	expect( settings.excludeRoles ).toEqual( [ 'editor' ] );
} );

test( 'of two saves made from the same revision, the second gets a 409 and changes nothing', async ( {
	page,
} ) => {
	const rest = await adminRest( page );
	const { revision } = await ( await rest.get() ).json();
	expect( typeof revision ).toBe( 'string' );

	const responses = await Promise.all( [
		rest.post( { token: 'RaceA1' }, revision ),
		rest.post( { token: 'RaceB2' }, revision ),
	] );
	const statuses = responses.map( ( response ) => response.status() ).sort();
	expect( statuses ).toEqual( [ 200, 409 ] );

	const winner = responses.find( ( response ) => response.status() === 200 );
	const loser = responses.find( ( response ) => response.status() === 409 );
	const saved = ( await winner?.json() ).settings.token;
	const conflict = await loser?.json();
	expect( conflict.code ).toBe( 'qualified_integration_conflict' );
	// The 409 carries the settings as they now are, so the admin can reload them.
	expect( conflict.data.current.settings.token ).toBe( saved );

	const { settings } = await ( await rest.get() ).json();
	expect( settings.token ).toBe( saved );
} );
