/**
 * What a Qualified Experience API name looks like (in Qualified: Settings →
 * Experiences → Manual → the Experience → API NAME), as the settings schema
 * says for a rule's `then.experience` (settings-schema.json, tested to agree).
 * The block editor checks a button's name with it, and the runtime turns a
 * button whose name fails it into a plain "open the messenger" button.
 */
export const EXPERIENCE_NAME = /^experience-[0-9]{1,20}$/;

/**
 * Whether a value is a well-formed Experience API name.
 *
 * @param value Anything (an attribute read from the page, a block attribute).
 * @return True for `experience-` and 1 to 20 digits.
 */
export function isExperienceName( value: unknown ): value is string {
	return typeof value === 'string' && EXPERIENCE_NAME.test( value );
}
