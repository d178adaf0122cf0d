/**
 * Turns gettext calls (from php-calls.php and js-calls.mjs) into POT
 * entries: which argument is the text, the plural, the context and the text
 * domain for each function, one entry per context and text, with every
 * reference and translators comment; and the calls that cannot be
 * translated (no text domain, another one, or a text that is not a literal),
 * reported as problems.
 */

/**
 * Where each function takes its arguments (0-based): s = text, p = plural,
 * c = context, d = text domain.
 */
const SPECS = {
	__: { s: 0, d: 1 },
	_e: { s: 0, d: 1 },
	esc_html__: { s: 0, d: 1 },
	esc_html_e: { s: 0, d: 1 },
	esc_attr__: { s: 0, d: 1 },
	esc_attr_e: { s: 0, d: 1 },
	_x: { s: 0, c: 1, d: 2 },
	_ex: { s: 0, c: 1, d: 2 },
	esc_html_x: { s: 0, c: 1, d: 2 },
	esc_attr_x: { s: 0, c: 1, d: 2 },
	_n: { s: 0, p: 1, d: 3 },
	_nx: { s: 0, p: 1, c: 3, d: 4 },
	_n_noop: { s: 0, p: 1, d: 2 },
	_nx_noop: { s: 0, p: 1, c: 2, d: 3 },
};

// printf placeholders (%s, %d, %1$s, %.2f), not "%%".
const PRINTF =
	/(?:^|[^%])(?:%%)*%(?:\d+\$)?[-+ 0#']*\d*(?:\.\d+)?[bcdeEfFgGosuxX]/;

/**
 * Collects POT entries.
 */
export class Catalog {
	/**
	 * @param {string} domain The plugin's text domain.
	 */
	constructor( domain ) {
		this.domain = domain;
		/** @type {Map<string, Object>} */
		this.entries = new Map();
		/** @type {string[]} */
		this.problems = [];
	}

	/**
	 * Adds a string.
	 *
	 * @param {Object}      entry
	 * @param {string}      entry.msgid     The text.
	 * @param {string|null} [entry.context] msgctxt.
	 * @param {string|null} [entry.plural]  msgid_plural.
	 * @param {string}      entry.reference `file:line`.
	 * @param {string|null} [entry.comment] Extracted comment (translators: or a header's note).
	 * @param {string|null} [entry.format]  `php-format` or `js-format`, when the text has placeholders.
	 */
	add( {
		msgid,
		context = null,
		plural = null,
		reference,
		comment = null,
		format = null,
	} ) {
		const key = `${ context ?? '' }\u0004${ msgid }`;
		const entry = this.entries.get( key ) ?? {
			msgid,
			context,
			plural: null,
			references: [],
			comments: [],
			flags: [],
		};
		entry.plural = entry.plural ?? plural;
		if ( ! entry.references.includes( reference ) ) {
			entry.references.push( reference );
		}
		if ( comment && ! entry.comments.includes( comment ) ) {
			entry.comments.push( comment );
		}
		const placeholders =
			PRINTF.test( msgid ) || ( plural && PRINTF.test( plural ) );
		if ( format && placeholders && ! entry.flags.includes( format ) ) {
			entry.flags.push( format );
		}
		this.entries.set( key, entry );
	}

	/**
	 * Adds the strings of gettext calls in this catalog's domain; reports the others.
	 *
	 * @param {Array<{file: string, line: number, name: string, args: Array<string|null>, comment: string|null}>} calls
	 * @param {string}                                                                                            format `php-format` or `js-format`.
	 */
	addCalls( calls, format ) {
		for ( const { file, line, name, args, comment } of calls ) {
			const spec = SPECS[ name ];
			const where = `${ file }:${ line }`;
			const at = ( index ) =>
				index === undefined ? null : ( args[ index ] ?? null );
			const domain = at( spec.d );
			if ( domain !== this.domain ) {
				this.problems.push(
					args.length <= spec.d
						? `${ where }: ${ name }() has no text domain, so its text is never translated.`
						: `${ where }: ${ name }() uses the text domain ${ JSON.stringify( domain ) }, not "${ this.domain }".`
				);
				continue;
			}
			const msgid = at( spec.s );
			const missing = [ 's', 'p', 'c' ].filter(
				( part ) =>
					spec[ part ] !== undefined && at( spec[ part ] ) === null
			);
			if ( missing.length > 0 || msgid === '' ) {
				this.problems.push(
					`${ where }: ${ name }() needs string literals for its text${ spec.p === undefined ? '' : ', plural' }${ spec.c === undefined ? '' : ' and context' } (a translation is looked up by the literal).`
				);
				continue;
			}
			this.add( {
				msgid,
				context: at( spec.c ),
				plural: at( spec.p ),
				reference: where,
				comment,
				format,
			} );
		}
	}

	/**
	 * Adds a reference to a string already in the catalog (a built file that
	 * holds it); a string the catalog does not have is left out.
	 *
	 * @param {Object}      string
	 * @param {string}      string.msgid     The text.
	 * @param {string|null} [string.context] msgctxt.
	 * @param {string}      string.reference `file:line`.
	 */
	addReference( { msgid, context = null, reference } ) {
		const entry = this.entries.get( `${ context ?? '' }\u0004${ msgid }` );
		if ( entry && ! entry.references.includes( reference ) ) {
			entry.references.push( reference );
		}
	}

	/**
	 * Adds the references of a built file's gettext calls in this catalog's domain.
	 *
	 * @param {Array<{file: string, line: number, name: string, args: Array<string|null>}>} calls
	 */
	addReferences( calls ) {
		for ( const { file, line, name, args } of calls ) {
			const spec = SPECS[ name ];
			const at = ( index ) =>
				index === undefined ? null : ( args[ index ] ?? null );
			if ( at( spec.d ) === this.domain && at( spec.s ) !== null ) {
				this.addReference( {
					msgid: at( spec.s ),
					context: at( spec.c ),
					reference: `${ file }:${ line }`,
				} );
			}
		}
	}
}
