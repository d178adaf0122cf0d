/**
 * The editor panel's pure logic: reading the override from the post's REST
 * meta, checking an Experience API name, and what is stored after an edit.
 */

/**
 * Internal dependencies
 */
import {
	couldBecomeExperience,
	experienceError,
	hasOverrideMeta,
	META_KEY,
	normalizeOverride,
	readOverride,
	sameOverride,
	siteStrategy,
	withExperience,
	withFlag,
	withLoad,
} from '../../src/editor/override';

describe( 'hasOverrideMeta', () => {
	it( 'is true when the post type has the meta, whatever its value', () => {
		expect( hasOverrideMeta( { [ META_KEY ]: [] } ) ).toBe( true );
		expect( hasOverrideMeta( { [ META_KEY ]: {}, other: 'x' } ) ).toBe(
			true
		);
	} );

	it( 'is false without the key or without a meta object', () => {
		expect( hasOverrideMeta( { footnotes: '' } ) ).toBe( false );
		expect( hasOverrideMeta( {} ) ).toBe( false );
		expect( hasOverrideMeta( [] ) ).toBe( false );
		expect( hasOverrideMeta( undefined ) ).toBe( false );
		expect( hasOverrideMeta( null ) ).toBe( false );
	} );
} );

describe( 'readOverride', () => {
	it( 'reads an empty override as REST gives it: [] or {}', () => {
		expect( readOverride( { [ META_KEY ]: [] } ) ).toEqual( {} );
		expect( readOverride( { [ META_KEY ]: {} } ) ).toEqual( {} );
		expect( readOverride( {} ) ).toEqual( {} );
		expect( readOverride( undefined ) ).toEqual( {} );
	} );

	it( 'keeps the known fields', () => {
		expect(
			readOverride( {
				[ META_KEY ]: {
					hide: true,
					experience: 'experience-5678',
					startCollapsed: true,
					open: true,
				},
			} )
		).toEqual( {
			hide: true,
			experience: 'experience-5678',
			startCollapsed: true,
			open: true,
		} );
	} );

	it( 'drops false flags, unknown keys and wrong types', () => {
		expect(
			readOverride( {
				[ META_KEY ]: {
					hide: 'yes',
					experience: 42,
					startCollapsed: 1,
					open: false,
					extra: true,
				},
			} )
		).toEqual( {} );
		// What PHP stores with an experience: startCollapsed false.
		expect(
			readOverride( {
				[ META_KEY ]: {
					experience: 'experience-1',
					startCollapsed: false,
				},
			} )
		).toEqual( { experience: 'experience-1' } );
	} );

	it( 'keeps a stored experience that is not a valid name, so the panel can flag it', () => {
		expect(
			readOverride( { [ META_KEY ]: { experience: ' pricing ' } } )
		).toEqual( { experience: 'pricing' } );
	} );
} );

describe( 'experienceError', () => {
	it.each( [
		'',
		'   ',
		'experience-0',
		'experience-5678',
		' experience-5678 ',
		`experience-${ '9'.repeat( 20 ) }`,
	] )( 'accepts %p', ( value ) => {
		expect( experienceError( value ) ).toBeNull();
	} );

	it.each( [
		'experience-',
		'experience-12a',
		'Experience-12',
		'experience_12',
		'experience-12\nexperience-13',
		'experience-1 2',
		'exp-12',
		'<script>',
	] )( 'refuses %p with the expected form', ( value ) => {
		expect( experienceError( value ) ).toContain( 'experience-1234' );
	} );

	it( 'suggests the full name when only the digits were typed', () => {
		expect( experienceError( '5678' ) ).toContain( 'experience-5678' );
	} );

	it( 'says when there are too many digits', () => {
		expect(
			experienceError( `experience-${ '1'.repeat( 21 ) }` )
		).toContain( '20 digits' );
	} );
} );

describe( 'couldBecomeExperience', () => {
	it.each( [ '', 'e', 'exp', 'experience', 'experience-', 'experience-12' ] )(
		'lets %p wait for more typing',
		( value ) => {
			expect( couldBecomeExperience( value ) ).toBe( true );
		}
	);

	it.each( [ '5678', 'pricing', 'experience-1a', 'experience_1', 'Exp' ] )(
		'flags %p at once',
		( value ) => {
			expect( couldBecomeExperience( value ) ).toBe( false );
		}
	);
} );

describe( 'normalizeOverride', () => {
	it( 'removes an empty experience and the flags that are off', () => {
		expect(
			normalizeOverride( {
				hide: false,
				experience: '  ',
				startCollapsed: false,
				open: false,
			} )
		).toEqual( {} );
	} );

	it( 'trims the experience', () => {
		expect( normalizeOverride( { experience: ' experience-7 ' } ) ).toEqual(
			{ experience: 'experience-7' }
		);
	} );

	it( 'keeps startCollapsed only with an experience', () => {
		expect( normalizeOverride( { startCollapsed: true } ) ).toEqual( {} );
		expect(
			normalizeOverride( {
				experience: 'experience-7',
				startCollapsed: true,
			} )
		).toEqual( { experience: 'experience-7', startCollapsed: true } );
	} );

	it( 'keeps the other fields under hide, so turning it off brings them back', () => {
		const hidden = normalizeOverride( {
			hide: true,
			experience: 'experience-7',
			open: true,
		} );
		expect( hidden ).toEqual( {
			hide: true,
			experience: 'experience-7',
			open: true,
		} );
		expect( withFlag( hidden, 'hide', false ) ).toEqual( {
			experience: 'experience-7',
			open: true,
		} );
	} );
} );

describe( 'withExperience', () => {
	it( 'stores a valid name, trimmed', () => {
		expect( withExperience( { open: true }, ' experience-5678' ) ).toEqual(
			{ experience: 'experience-5678', open: true }
		);
	} );

	it( 'removes the key (and startCollapsed) when the field is emptied', () => {
		expect(
			withExperience(
				{ experience: 'experience-5678', startCollapsed: true },
				''
			)
		).toEqual( {} );
	} );

	it( 'returns null for a name that would be refused, leaving the stored value alone', () => {
		expect(
			withExperience( { experience: 'experience-1' }, 'experience-1x' )
		).toBeNull();
	} );
} );

describe( 'withFlag', () => {
	it( 'sets and clears each toggle', () => {
		expect( withFlag( {}, 'hide', true ) ).toEqual( { hide: true } );
		expect( withFlag( { hide: true }, 'hide', false ) ).toEqual( {} );
		expect( withFlag( {}, 'open', true ) ).toEqual( { open: true } );
		expect(
			withFlag( { experience: 'experience-2' }, 'startCollapsed', true )
		).toEqual( { experience: 'experience-2', startCollapsed: true } );
	} );
} );

describe( 'sameOverride', () => {
	it( 'compares what would be stored', () => {
		expect( sameOverride( {}, { hide: false, experience: '' } ) ).toBe(
			true
		);
		expect(
			sameOverride(
				{ experience: 'experience-1', open: true },
				{ open: true, experience: 'experience-1' }
			)
		).toBe( true );
		expect(
			sameOverride(
				{ experience: 'experience-1' },
				{ experience: 'experience-2' }
			)
		).toBe( false );
		expect( sameOverride( {}, { open: true } ) ).toBe( false );
	} );
} );

describe( 'the Load Qualified choice', () => {
	it( 'reads a stored strategy and drops anything else', () => {
		expect( readOverride( { [ META_KEY ]: { load: 'idle' } } ) ).toEqual( {
			load: 'idle',
		} );
		expect( readOverride( { [ META_KEY ]: { load: 'later' } } ) ).toEqual(
			{}
		);
		expect( readOverride( { [ META_KEY ]: { load: 1 } } ) ).toEqual( {} );
	} );

	it( 'stores a strategy, and no key for the site setting', () => {
		expect( withLoad( { open: true }, 'interaction' ) ).toEqual( {
			open: true,
			load: 'interaction',
		} );
		expect( withLoad( { open: true, load: 'idle' }, '' ) ).toEqual( {
			open: true,
		} );
		expect( withLoad( { load: 'idle' }, 'soon' ) ).toEqual( {} );
		expect( normalizeOverride( { hide: true, load: 'consent' } ) ).toEqual(
			{ hide: true, load: 'consent' }
		);
	} );

	it( 'counts as a change', () => {
		expect( sameOverride( {}, { load: 'idle' } ) ).toBe( false );
		expect( sameOverride( { load: 'idle' }, { load: 'idle' } ) ).toBe(
			true
		);
	} );

	it( 'reads the site strategy PHP hands to the editor', () => {
		expect(
			siteStrategy( { qualifiedIntegrationEditor: { siteLoad: 'idle' } } )
		).toBe( 'idle' );
		expect(
			siteStrategy( { qualifiedIntegrationEditor: { siteLoad: 'x' } } )
		).toBeNull();
		expect( siteStrategy( {} ) ).toBeNull();
		expect( siteStrategy( undefined ) ).toBeNull();
	} );
} );
