/**
 * Internal dependencies
 */
import {
	consentGap,
	cookieName,
	cspLines,
	parseSeconds,
	shownFields,
	type ConsentPlugin,
} from '../../admin/loading/model';
import { isLoadStrategy } from '../../src/shared/loading-choices';

const API: ConsentPlugin = {
	slug: 'wp-consent-api',
	name: 'WP Consent API',
	consentApi: true,
};
const COMPLIANZ: ConsentPlugin = {
	slug: 'complianz-gdpr',
	name: 'Complianz',
	consentApi: true,
};
const OTHER: ConsentPlugin = {
	slug: 'cookie-law-info',
	name: 'CookieYes',
	consentApi: null,
};

describe( 'the Loading & privacy section', () => {
	it( 'shows the delay only for interaction and the category only for consent', () => {
		expect( shownFields( 'immediate' ) ).toEqual( {
			maxDelay: false,
			consentCategory: false,
		} );
		expect( shownFields( 'idle' ) ).toEqual( {
			maxDelay: false,
			consentCategory: false,
		} );
		expect( shownFields( 'interaction' ) ).toEqual( {
			maxDelay: true,
			consentCategory: false,
		} );
		expect( shownFields( 'consent' ) ).toEqual( {
			maxDelay: false,
			consentCategory: true,
		} );
	} );

	it( 'warns about consent only under the consent strategy, by what is missing', () => {
		expect( consentGap( 'idle', [] ) ).toBeNull();
		expect( consentGap( 'consent', [] ) ).toBe( 'none' );
		expect( consentGap( 'consent', [ OTHER ] ) ).toBe( 'no-api' );
		expect( consentGap( 'consent', [ API ] ) ).toBe( 'no-banner' );
		expect( consentGap( 'consent', [ API, OTHER ] ) ).toBe( 'unknown' );
		expect( consentGap( 'consent', [ API, COMPLIANZ ] ) ).toBeNull();
	} );

	it( 'writes the CSP sources one directive per line, leaving out empty ones', () => {
		expect(
			cspLines( {
				'script-src': [ 'https://js.qualified.com' ],
				'connect-src': [
					'https://*.qualified.com',
					'wss://*.qualified.com',
				],
				'style-src': [],
			} )
		).toBe(
			'script-src https://js.qualified.com;\nconnect-src https://*.qualified.com wss://*.qualified.com;'
		);
	} );

	it( 'names the state cookie with the token when there is one', () => {
		expect( cookieName( '__q_state_<token>', 'Abc123' ) ).toBe(
			'__q_state_Abc123'
		);
		expect( cookieName( '__q_state_<token>', '' ) ).toBe(
			'__q_state_<token>'
		);
	} );

	it( 'reads an empty delay as 0 and leaves other text to the schema', () => {
		expect( parseSeconds( ' ' ) ).toBe( 0 );
		expect( parseSeconds( '5' ) ).toBe( 5 );
		expect( parseSeconds( 'soon' ) ).toBeNaN();
	} );

	it( 'knows the strategies and nothing else', () => {
		expect( isLoadStrategy( 'idle' ) ).toBe( true );
		expect( isLoadStrategy( 'lazy' ) ).toBe( false );
		expect( isLoadStrategy( undefined ) ).toBe( false );
	} );
} );
