/**
 * A logged-in visit of a local site over HTTP, as a browser without
 * JavaScript makes it: a cookie jar, wp-login.php, and redirects followed
 * by hand so that a test sees where WordPress sends it.
 */

export class HttpSession {
	/**
	 * @param {string} url The site's address.
	 */
	constructor( url ) {
		this.url = url;
		/** @type {Map<string, string>} */
		this.cookies = new Map();
	}

	/**
	 * One request; stores the cookies it sets.
	 *
	 * @param {string} path   Path from the site root, or an absolute URL of the site.
	 * @param {Object} [init] fetch() options.
	 * @return {Promise<{status: number, location: string|null, text: string, headers: Headers}>} The answer.
	 */
	async request( path, init = {} ) {
		const response = await fetch( new URL( path, this.url ), {
			...init,
			redirect: 'manual',
			headers: {
				...( init.headers ?? {} ),
				cookie: [ ...this.cookies ]
					.map( ( [ name, value ] ) => `${ name }=${ value }` )
					.join( '; ' ),
			},
		} );
		for ( const cookie of response.headers.getSetCookie() ) {
			const [ pair ] = cookie.split( ';' );
			const at = pair.indexOf( '=' );
			const value = pair.slice( at + 1 );
			if (
				value === 'deleted' ||
				/expires=Thu, 01[- ]Jan[- ]1970/i.test( cookie )
			) {
				this.cookies.delete( pair.slice( 0, at ) );
			} else {
				this.cookies.set( pair.slice( 0, at ), value );
			}
		}
		return {
			status: response.status,
			location: response.headers.get( 'location' ),
			text: await response.text(),
			headers: response.headers,
		};
	}

	/**
	 * Logs in through wp-login.php.
	 *
	 * @param {string} user     User name.
	 * @param {string} password Password.
	 */
	async logIn( user, password ) {
		// wp-login.php sets its test cookie on the form, and refuses a login without it.
		await this.request( '/wp-login.php' );
		const answer = await this.request( '/wp-login.php', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams( {
				log: user,
				pwd: password,
				testcookie: '1',
				'wp-submit': 'Log In',
				redirect_to: `${ this.url }/wp-admin/`,
			} ).toString(),
		} );
		if (
			answer.status !== 302 ||
			! [ ...this.cookies.keys() ].some( ( name ) =>
				name.startsWith( 'wordpress_logged_in_' )
			)
		) {
			throw new Error(
				`Logging in as ${ user } failed (HTTP ${ answer.status }).`
			);
		}
	}
}
