/**
 * The paths the server names in its 400 answers for rules
 * (`experiences.rules[2].when[1].value`), built and sorted here so every
 * input, message and jump link agrees on them.
 */

/**
 * Internal dependencies
 */
import type { FieldErrors } from '../field-errors';
import { conditionKeys } from './conditions';
import type { Rule } from './model';

export const RULES_PATH = 'experiences.rules';

/**
 * @param index Rule index (0-based).
 * @param key   A rule property (`label`, `then`, `when`...), or none for the rule itself.
 * @return e.g. `experiences.rules[2].label`.
 */
export function rulePath( index: number, key?: string ): string {
	return `${ RULES_PATH }[${ index }]` + ( key ? `.${ key }` : '' );
}

/**
 * @param index     Rule index.
 * @param condition Condition index.
 * @param key       A condition property, or none for the condition itself.
 * @return e.g. `experiences.rules[2].when[1].value`.
 */
export function conditionPath(
	index: number,
	condition: number,
	key?: string
): string {
	return (
		rulePath( index, `when[${ condition }]` ) + ( key ? `.${ key }` : '' )
	);
}

/**
 * @param index Rule index.
 * @param key   An action property (`action`, `experience`, `fields`...), or none.
 * @return e.g. `experiences.rules[2].then.experience`.
 */
export function actionPath( index: number, key?: string ): string {
	return rulePath( index, 'then' ) + ( key ? `.${ key }` : '' );
}

/**
 * Whether `path` is `base` or lies under it (`base.x`, `base[3]`), so rule 1
 * does not claim the messages of rule 10.
 *
 * @param path A message's path.
 * @param base A path prefix.
 */
export function isUnder( path: string, base: string ): boolean {
	if ( ! path.startsWith( base ) ) {
		return false;
	}
	const next = path.charAt( base.length );
	return next === '' || next === '.' || next === '[';
}

/**
 * The paths a rule's inputs show messages for, given the fields its
 * conditions and action render.
 *
 * @param rule  The rule.
 * @param index Its index.
 */
export function shownPaths( rule: Rule, index: number ): Set< string > {
	const paths = new Set( [
		rulePath( index, 'label' ),
		rulePath( index, 'enabled' ),
		rulePath( index, 'oncePerVisit' ),
		actionPath( index, 'action' ),
	] );
	rule.when.forEach( ( condition, at ) => {
		paths.add( conditionPath( index, at, 'type' ) );
		for ( const key of conditionKeys( condition.type ) ) {
			paths.add( conditionPath( index, at, key ) );
		}
	} );
	if ( rule.then.action === 'showExperience' ) {
		paths.add( actionPath( index, 'experience' ) );
		paths.add( actionPath( index, 'startCollapsed' ) );
	}
	return paths;
}

/**
 * Messages about a rule that no input of it shows: the rule as a whole, its
 * id, its condition list, a condition as a whole, an unknown key, and (for
 * identify) the field list. The rule shows them at its top, so none is lost.
 *
 * @param errors Current messages.
 * @param rule   The rule.
 * @param index  Its index.
 * @param except Paths shown elsewhere in the rule (e.g. the identify fields editor).
 */
export function ruleLevelErrors(
	errors: FieldErrors,
	rule: Rule,
	index: number,
	except: ( path: string ) => boolean = () => false
): Array< [ string, string ] > {
	const base = rulePath( index );
	const shown = shownPaths( rule, index );
	return Object.entries( errors ).filter(
		( [ path ] ) =>
			isUnder( path, base ) && ! shown.has( path ) && ! except( path )
	);
}

/**
 * The screen's path for a path of the tester's request body: its `rules`
 * are the section's rules (`rules[2].when[1].value` is
 * `experiences.rules[2].when[1].value`); `url` and the visitor fields are
 * the tester's own (`experiences.test.url`).
 *
 * @param path A path from the preview route's 400 answer.
 */
export function testerPath( path: string ): string {
	if ( isUnder( path, 'rules' ) ) {
		return `experiences.${ path }`;
	}
	if ( path.startsWith( 'experiences.' ) ) {
		return path;
	}
	return `experiences.test.${ path }`;
}
