/**
 * Runs the Experience rules of a page: one decision per page view with the
 * shared precedence (shared/experiences/decide), qualified.js allowed when
 * nothing hides Qualified (and loaded at once by a load or open), timed
 * rules armed, and with `spa` a new page view after each navigation.
 */
import { decide } from '../../shared/experiences/decide';
import type {
	DecideResult,
	ExperiencesConfig,
} from '../../shared/experiences/types';
import { emit } from '../emit';
import type { Identifier } from '../identify';
import type { StorageWindow } from '../identity/persist';
import type { VendorLoader } from '../loading';
import type { QualifiedFunction } from '../qualified';
import { visitorFacts, type FactsWindow } from './facts';
import { addFired, readFired } from './fired';
import { followNavigation, type NavigationWindow } from './spa';

export const EXPERIENCE_EVENT = 'qualified-integration:experience';
export const RULES_MEASURE = 'qualified-integration:rules';
/** Scroll is read at most this often while a scroll rule waits. */
export const SCROLL_THROTTLE_MS = 100;

/** A real window: history, listeners and location are used as they are. */
export type ExperienceWindow = FactsWindow &
	StorageWindow &
	NavigationWindow &
	Pick< Window, 'removeEventListener' >;

/**
 * Starts the first page view (and, with `spa`, follows navigation).
 *
 * Per page view: the rules are decided once (inside the
 * `qualified-integration:rules` performance measure); unless a hide applies,
 * qualified.js is allowed (loading.ts: at the strategy's moment; at once
 * after a load rule or an open) and the calls made:
 * identify (the identity mappings' payload over the identify rules' fields),
 * showExperience, open, each decision announced as
 * `qualified-integration:experience`. Timed rules wait on a timer or a
 * passive, throttled scroll listener and are decided again, with the page
 * view's decision and open kept, when their moment comes. Rules with `once`
 * that fired are added to the visit's record. The per-post override belongs
 * to the page PHP rendered: after an SPA navigation only rules apply.
 *
 * @param win            The page's window.
 * @param doc            The page's document.
 * @param config         The parsed `experiences` config.
 * @param qualified      The queue or the vendor's function.
 * @param identity       The page's identify sender.
 * @param identityFields The identity mappings' payload for the current URL.
 * @param vendor         The page view's qualified.js loader.
 * @return Whether the first page view is hidden (no calls at all).
 */
export function startExperiences(
	win: ExperienceWindow,
	doc: Document,
	config: ExperiencesConfig,
	qualified: QualifiedFunction,
	identity: Identifier,
	identityFields: () => Record< string, unknown >,
	vendor: VendorLoader
): boolean {
	const { rules } = config;
	// Rules limited to once per visit: without any, the visit's record (sessionStorage, slow to open) is never read.
	const onceIds = rules
		.filter( ( rule ) => rule.once )
		.map( ( rule ) => rule.id );
	let { override } = config;
	let start = 0;
	// performance.now() when the page view's evaluation began.
	let measureStart = 0;
	let taken = false;
	let opened = false;
	let pending: string[] = [];
	let scrollWait: ReturnType< typeof setTimeout > | undefined;

	// Decides `pending` rules (a timed moment) or all (a new page view), and makes the calls.
	const evaluate = ( fresh?: boolean ): boolean => {
		const result: DecideResult = decide(
			fresh
				? rules
				: rules.filter( ( rule ) => pending.includes( rule.id ) ),
			visitorFacts( win, doc, config.timezone, start ),
			{
				override,
				fired: onceIds[ 0 ] ? readFired( win ) : [],
				taken,
				opened,
			}
		);
		if ( fresh ) {
			performance.measure( RULES_MEASURE, { start: measureStart } );
		}
		const { decision } = result;
		const hidden = decision?.action === 'hide';
		if ( ! hidden ) {
			vendor.allow();
		}
		if ( result.load || result.open ) {
			vendor.now();
		}
		// Earlier values win: what this page view sent, or the identity mappings.
		identity.send(
			hidden
				? {}
				: {
						...result.identify,
						...( fresh ? identityFields() : identity.sent ),
					}
		);
		if ( decision ) {
			taken = true;
			if ( decision.experience ) {
				qualified(
					'showExperience',
					decision.experience,
					decision.startCollapsed
				);
			}
			emit( doc, EXPERIENCE_EVENT, decision );
		}
		if ( result.open ) {
			opened = true;
			qualified( 'open' );
			emit( doc, EXPERIENCE_EVENT, {
				rule: result.openRule,
				action: 'open',
			} );
		}
		addFired(
			win,
			result.fired.filter( ( id ) => onceIds.includes( id ) )
		);
		pending = result.pending;
		if ( ! pending.length ) {
			win.removeEventListener( 'scroll', onScroll );
		}
		return hidden;
	};

	const tick = () => {
		try {
			evaluate();
		} catch {
			// Nothing reaches the page.
		}
	};

	function onScroll() {
		scrollWait ??= setTimeout( () => {
			scrollWait = undefined;
			tick();
		}, SCROLL_THROTTLE_MS );
	}

	const pageView = (): boolean => {
		// Timers of an earlier page view are left to run: a moment only
		// decides the rules pending now, against this page view's facts.
		start = Date.now();
		taken = opened = false;
		measureStart = performance.now();
		const hidden = evaluate( true );
		for ( const rule of rules ) {
			for ( const condition of pending.includes( rule.id )
				? rule.when
				: [] ) {
				if ( condition.type === 'time_on_page' ) {
					setTimeout( tick, condition.seconds * 1000 );
				}
				if ( condition.type === 'scroll' ) {
					win.addEventListener( 'scroll', onScroll, {
						passive: true,
					} );
				}
			}
		}
		return hidden;
	};

	if ( config.spa ) {
		followNavigation( win as NavigationWindow, () => {
			override = undefined;
			qualified( 'page' );
			pageView();
		} );
	}
	return pageView();
}
