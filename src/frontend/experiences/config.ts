/**
 * The `experiences` part of the page config (Frontend\Experiences\PagePlan).
 *
 * PHP hands it over clean, also after the `qualified_integration_page_config`
 * filter (PageConfig cleans what a filter returns: each rule as
 * RuleReducer::split() reads it, the override, spa, timezone, vendorSrc), so
 * the runtime only checks that it is an object; decide() skips any rule that
 * still throws, and a rule set that throws as a whole leaves the page as it
 * was (runtime.ts). Checks made once in PHP are bytes every visitor's
 * browser does not download.
 */
import type { ExperiencesConfig } from '../../shared/experiences/types';
import { isObject } from '../read';

/**
 * Reads `experiences`.
 *
 * @param raw The config's `experiences` value.
 * @return The config, or undefined when it is not an object.
 */
export const parseExperiences = ( raw: unknown ) =>
	isObject( raw ) ? ( raw as unknown as ExperiencesConfig ) : undefined;
