/**
 * Words the admin shows for sources and their groups. Which sources exist,
 * their group and what they need come from src/shared/identity-sources
 * (the JSON list PHP uses); `Record< IdentitySource, ... >` makes tsc fail
 * when a source is added there without a label here.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { IdentitySource } from '../../src/shared/identity-sources';

export interface SourceText {
	/** Option text in the source picker. */
	label: string;
	/** What the key or value input asks for, shown under it. */
	input?: string;
	/** Example shown as the input's placeholder. */
	example?: string;
}

export function sourceTexts(): Record< IdentitySource, SourceText > {
	return {
		static: {
			label: __( 'A value you type', 'qualified-integration' ),
			input: __( 'The value to send', 'qualified-integration' ),
			example: __( 'Website', 'qualified-integration' ),
		},
		'user.email': { label: __( 'Email address', 'qualified-integration' ) },
		'user.first_name': {
			label: __( 'First name', 'qualified-integration' ),
		},
		'user.last_name': { label: __( 'Last name', 'qualified-integration' ) },
		'user.display_name': {
			label: __( 'Display name', 'qualified-integration' ),
		},
		'user.login': { label: __( 'Username', 'qualified-integration' ) },
		'user.id': { label: __( 'User ID', 'qualified-integration' ) },
		'user.roles': { label: __( 'Roles', 'qualified-integration' ) },
		'user.meta': {
			label: __( 'User meta field', 'qualified-integration' ),
			input: __( 'User meta key', 'qualified-integration' ),
			example: 'billing_company',
		},
		'post.id': { label: __( 'Post ID', 'qualified-integration' ) },
		'post.title': { label: __( 'Title', 'qualified-integration' ) },
		'post.type': { label: __( 'Post type', 'qualified-integration' ) },
		'post.author': { label: __( 'Author', 'qualified-integration' ) },
		'post.terms': {
			label: __( 'Terms (categories, tags…)', 'qualified-integration' ),
			input: __( 'Taxonomy', 'qualified-integration' ),
			example: 'category',
		},
		'post.meta': {
			label: __( 'Post meta field', 'qualified-integration' ),
			input: __( 'Post meta key', 'qualified-integration' ),
			example: 'campaign',
		},
		'site.name': { label: __( 'Site title', 'qualified-integration' ) },
		'site.language': {
			label: __( 'Site language', 'qualified-integration' ),
		},
		query: {
			label: __( 'URL query parameter', 'qualified-integration' ),
			input: __( 'Parameter name', 'qualified-integration' ),
			example: 'utm_campaign',
		},
		cookie: {
			label: __( 'Cookie', 'qualified-integration' ),
			input: __( 'Cookie name', 'qualified-integration' ),
			example: 'plan',
		},
		referrer: {
			label: __(
				'Page the visitor came from (referrer)',
				'qualified-integration'
			),
		},
		landing_page: {
			label: __( 'First page of the visit', 'qualified-integration' ),
		},
		dataLayer: {
			label: __( 'dataLayer value', 'qualified-integration' ),
			input: __(
				'dataLayer key (dots for nested keys)',
				'qualified-integration'
			),
			example: 'user.plan',
		},
		meta_tag: {
			label: __( 'Meta tag in the page', 'qualified-integration' ),
			input: __( 'Meta tag name', 'qualified-integration' ),
			example: 'author',
		},
	};
}

/**
 * Heading of a group in the source picker.
 *
 * @param group Group id from the sources file.
 */
export function groupLabel( group: string ): string {
	switch ( group ) {
		case 'user':
			return __( 'Logged-in user', 'qualified-integration' );
		case 'post':
			return __( 'This page', 'qualified-integration' );
		case 'site':
			return __( 'Site', 'qualified-integration' );
		case 'visit':
			return __( 'Visit (in the browser)', 'qualified-integration' );
		case 'static':
			return __( 'Fixed value', 'qualified-integration' );
		default:
			return group;
	}
}

/** Groups in picker order; a group the file adds later comes last. */
export const GROUP_ORDER = [ 'user', 'post', 'site', 'visit', 'static' ];
