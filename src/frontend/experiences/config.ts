/**
 * The `experiences` part of the page config (Frontend\Experiences\PagePlan),
 * read defensively but cheaply: it passes the
 * `qualified_integration_page_config` filter, so each part falls back when
 * it has the wrong type, and decide() skips any rule whose conditions or
 * action are malformed (it catches what they throw); identify values are
 * normalised when sent.
 */
import type {
	ExperiencesConfig,
	Override,
	PageRule,
} from '../../shared/experiences/types';
import { isObject } from '../read';

/**
 * Reads `experiences`.
 *
 * @param raw The config's `experiences` value.
 * @return The usable part, or undefined when it is not an object.
 */
export function parseExperiences(
	raw: unknown
): ExperiencesConfig | undefined {
	return isObject( raw )
		? {
				spa: raw.spa === true,
				// Not a string: no zone of that name, so no schedule holds.
				timezone: String( raw.timezone ),
				rules: Array.isArray( raw.rules )
					? ( raw.rules.filter( isObject ) as unknown as PageRule[] )
					: [],
				...( isObject( raw.override ) && {
					override: raw.override as Override,
				} ),
				...( typeof raw.vendorSrc === 'string' && {
					vendorSrc: raw.vendorSrc,
				} ),
			}
		: undefined;
}
