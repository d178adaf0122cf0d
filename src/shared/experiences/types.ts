/**
 * The shapes of Experience rules (settings `experiences`, schema v3) and of
 * what the one matcher works on. Admin, runtime and the rule tester share
 * these; settings.ts checks them against the JSON schema at compile time.
 */
import type { LoadStrategy } from '../loading';

/** How a text condition compares: whole string, start, part, `*`/`?` pattern, or RegExp. */
export type MatchOp = 'equals' | 'prefix' | 'contains' | 'glob' | 'regex';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export type Device = 'mobile' | 'desktop';

export type Condition =
	| { type: 'path'; op: MatchOp; value: string }
	| { type: 'query'; key: string; op: MatchOp; value: string }
	| { type: 'referrer'; op: MatchOp; value: string }
	| { type: 'device'; value: Device }
	| { type: 'time_on_page'; seconds: number }
	| { type: 'scroll'; percent: number }
	| { type: 'schedule'; days: Weekday[]; from: string; to: string }
	| { type: 'post_type'; values: string[] }
	| { type: 'post'; ids: number[] }
	| { type: 'term'; taxonomy: string; slugs: string[] }
	| { type: 'logged_in'; value: boolean }
	| { type: 'role'; roles: string[] };

/**
 * A condition type. catalog.ts checks at compile time that these are exactly
 * the keys of includes/Settings/experience-conditions.json (the one list).
 */
export type ConditionType = Condition[ 'type' ];

/** Conditions the runtime decides (the others are page facts PHP resolves). */
export type BrowserCondition = Extract<
	Condition,
	{
		type:
			| 'path'
			| 'query'
			| 'referrer'
			| 'device'
			| 'time_on_page'
			| 'scroll'
			| 'schedule';
	}
>;

/** Conditions that wait for a moment of the page view. */
export type TimedCondition = Extract<
	Condition,
	{ type: 'time_on_page' | 'scroll' }
>;

export type Action =
	| { action: 'showExperience'; experience: string; startCollapsed?: boolean }
	| { action: 'open' }
	| { action: 'hide' }
	| { action: 'identify'; fields: Record< string, string > }
	/** Loads qualified.js at once, whatever the loading strategy's moment (never before consent). */
	| { action: 'load' };

export type ActionName = Action[ 'action' ];

/** A rule as stored in the settings. */
export interface Rule {
	/** Stable id, `\A[a-z0-9][a-z0-9_-]{0,63}\z`. */
	id: string;
	label?: string;
	/** Default true; disabled rules never reach a page. */
	enabled?: boolean;
	/** Default false: fire at most once per visit. */
	oncePerVisit?: boolean;
	/** All must hold; empty = always. */
	when: Condition[];
	then: Action;
}

export interface ExperiencesSettings {
	spa: boolean;
	rules: Rule[];
}

/** A rule as the page config carries it: only browser conditions left. */
export interface PageRule {
	id: string;
	when: BrowserCondition[];
	then: Action;
	/** Set when the rule fires at most once per visit. */
	once?: true;
}

/** The per-post override (post meta `qualified_integration_page`). */
export interface Override {
	/** PHP's alone: such a page loads nothing (never in a page config); decide() ignores it. */
	hide?: boolean;
	experience?: string;
	startCollapsed?: boolean;
	open?: boolean;
	/** When qualified.js loads on this page instead of the site's strategy (PHP's: never lifts consent). */
	load?: LoadStrategy;
}

/** `window.qualifiedIntegrationConfig.experiences`. */
export interface ExperiencesConfig {
	spa: boolean;
	/** IANA name ("Europe/Paris") or offset ("+02:00"), as wp_timezone_string() gives it. */
	timezone: string;
	rules: PageRule[];
	override?: Override;
	/** Present only when the vendor script is held: the full qualified.js URL. */
	vendorSrc?: string;
}

/** What the visitor's browser knows at one moment; the matcher reads only this. */
export interface VisitorFacts {
	/** The page URL: a URL, `location`, or `{ pathname, search }`. */
	url: { pathname: string; search: string };
	/** document.referrer ('' when none). */
	referrer: string;
	device: Device;
	now: Date;
	/** The site's timezone: IANA name or "+HH:MM"/"-HH:MM" offset. */
	timezone: string;
	/** Seconds since the page view started. */
	timeOnPage: number;
	/** How much of the page has been seen, 0..100 (bottom of the viewport / page height). */
	scrollPercent: number;
	/**
	 * The site's time as weekMinute(now, timezone) gives it: left out by
	 * whoever gathers the facts, filled by the first schedule condition, so
	 * a page view with many schedule rules works it out once.
	 */
	minute?: number;
	/** `url.search` parsed, filled by the first query condition in the same way. */
	params?: URLSearchParams;
}

/** The showExperience or hide a page view settled on. */
export interface Decision {
	/** Rule id, or null when the per-post override decided. */
	rule: string | null;
	action: 'showExperience' | 'hide';
	experience?: string;
	startCollapsed?: boolean;
}

export interface DecideOptions {
	override?: Override | undefined;
	/** Rule ids that already fired in this visit (oncePerVisit); they are skipped. */
	fired?: readonly string[];
	/** The decision slot is already taken in this page view (timed re-evaluation). */
	taken?: boolean;
	/** open was already called in this page view. */
	opened?: boolean;
}

export interface DecideResult {
	/** showExperience or hide, or null when none applies. */
	decision: Decision | null;
	/** Whether to call open (once). */
	open: boolean;
	/** The rule that caused open: id, or null for the override / no open. */
	openRule: string | null;
	/** Fields of the matching identify rules, earlier rules winning on a key. */
	identify: Record< string, string >;
	/** Ids of the rules whose conditions all hold now (in rule order). */
	matched: string[];
	/** Ids of the rules whose action took effect now (record these for oncePerVisit). */
	fired: string[];
	/** Ids of timed rules whose other conditions hold: they wait for their moment. */
	pending: string[];
	/** A load rule matched: qualified.js loads now, whatever the strategy's moment. */
	load: boolean;
}
