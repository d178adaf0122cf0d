/**
 * The loading strategies and consent categories in words, for the admin's
 * "Loading & privacy" section, the rule tester and the editor panel, and
 * the strategy a page ends up with (PHP's Frontend\Loading::strategy()
 * decides the same). The runtime does not import this file.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ConsentCategory, LoadStrategy } from './loading';
import { LOAD_STRATEGIES } from './loading-options';

/**
 * Short names of the strategies ("Immediately", "After consent"), as the
 * editor's select and the admin's radio buttons show them.
 */
export function strategyLabels(): Record< LoadStrategy, string > {
	return {
		immediate: __( 'Immediately', 'qualified-integration' ),
		idle: __( 'When the browser is idle', 'qualified-integration' ),
		interaction: __( 'At the first interaction', 'qualified-integration' ),
		consent: __( 'After consent', 'qualified-integration' ),
	};
}

/** The WP Consent API's categories in words. */
export function categoryLabels(): Record< ConsentCategory, string > {
	return {
		functional: __( 'Functional', 'qualified-integration' ),
		statistics: __( 'Statistics', 'qualified-integration' ),
		preferences: __( 'Preferences', 'qualified-integration' ),
		marketing: __( 'Marketing', 'qualified-integration' ),
	};
}

/**
 * Whether a value is one of the strategies.
 *
 * @param value Anything.
 */
export function isLoadStrategy( value: unknown ): value is LoadStrategy {
	return (
		typeof value === 'string' &&
		( LOAD_STRATEGIES as readonly string[] ).includes( value )
	);
}

/**
 * The strategy in force on a page: the page's own choice (the override's
 * `load`) replaces the site's, except that a site waiting for consent
 * keeps waiting: an override never lifts the consent requirement.
 *
 * @param site The site's strategy.
 * @param page The page's choice, if any.
 */
export function pageStrategy(
	site: LoadStrategy,
	page?: LoadStrategy | undefined
): LoadStrategy {
	return site === 'consent' || ! page ? site : page;
}
