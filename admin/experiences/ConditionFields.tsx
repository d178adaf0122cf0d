/**
 * The inputs of one condition, only those its type needs: operator and
 * value, parameter name, device, seconds, percent, days and times, post
 * types, post ids, taxonomy and slugs, logged in or not, roles.
 */

/**
 * WordPress dependencies
 */
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { AdminBootData } from '../boot-data';
import type { FieldErrors } from '../field-errors';
import { LIMITS, MATCH_OPS } from './conditions';
import { ParsedText, PathCheckboxes, PathSelect, PathText } from './controls';
import type { Condition } from './model';
import { conditionPath } from './paths';
import { parseIds, parseWhole, parseWords } from './text-lists';
import { conditionFieldLabel, dayLabels, opLabels, WEEKDAYS } from './texts';

export interface ConditionFieldsProps {
	boot: AdminBootData;
	ruleIndex: number;
	index: number;
	condition: Condition;
	errors: FieldErrors;
	onChange: ( condition: Condition, path: string ) => void;
}

const joinWords = ( list: readonly ( string | number )[] ) => list.join( ', ' );

export function ConditionFields( {
	boot,
	ruleIndex,
	index,
	condition,
	errors,
	onChange,
}: ConditionFieldsProps ) {
	const path = ( key: string ) => conditionPath( ruleIndex, index, key );
	const label = ( field: string ) =>
		conditionFieldLabel( ruleIndex, index, field );
	const common = ( key: string, field: string ) => ( {
		errors,
		path: path( key ),
		label: label( field ),
	} );
	const set = ( key: string, value: unknown ) =>
		onChange( { ...condition, [ key ]: value } as Condition, path( key ) );

	switch ( condition.type ) {
		case 'path':
		case 'referrer':
		case 'query': {
			const ops = opLabels();
			const examples = {
				path: '/pricing/',
				referrer: 'linkedin.com',
				query: 'linkedin',
			};
			return (
				<>
					{ condition.type === 'query' && (
						<PathText
							{ ...common(
								'key',
								__( 'Parameter', 'qualified-integration' )
							) }
							className="qi-input--key"
							placeholder={ __(
								'Parameter, e.g. utm_source',
								'qualified-integration'
							) }
							value={ condition.key }
							onChange={ ( value ) => set( 'key', value.trim() ) }
						/>
					) }
					<PathSelect
						{ ...common(
							'op',
							__( 'Match', 'qualified-integration' )
						) }
						className="qi-input--op"
						value={ condition.op }
						options={ MATCH_OPS.map( ( op ) => ( {
							value: op,
							label: ops[ op ],
						} ) ) }
						onChange={ ( value ) => set( 'op', value ) }
					/>
					<PathText
						{ ...common(
							'value',
							__( 'Value', 'qualified-integration' )
						) }
						className="qi-input--value"
						placeholder={ `${ __(
							'e.g.',
							'qualified-integration'
						) } ${
							condition.op === 'regex'
								? '^/pricing/(plans|compare)/'
								: examples[ condition.type ]
						}` }
						help={ opHelp( condition.op ) }
						value={ condition.value }
						onChange={ ( value ) => set( 'value', value ) }
					/>
				</>
			);
		}
		case 'device':
			return (
				<PathSelect
					{ ...common(
						'value',
						__( 'Value', 'qualified-integration' )
					) }
					value={ condition.value }
					options={ [
						{
							value: 'mobile',
							label: __(
								'is a phone or tablet',
								'qualified-integration'
							),
						},
						{
							value: 'desktop',
							label: __(
								'is a computer',
								'qualified-integration'
							),
						},
					] }
					onChange={ ( value ) => set( 'value', value ) }
				/>
			);
		case 'logged_in':
			return (
				<PathSelect
					{ ...common(
						'value',
						__( 'Value', 'qualified-integration' )
					) }
					value={ condition.value ? 'yes' : 'no' }
					options={ [
						{
							value: 'yes',
							label: __(
								'the visitor is logged in',
								'qualified-integration'
							),
						},
						{
							value: 'no',
							label: __(
								'the visitor is not logged in',
								'qualified-integration'
							),
						},
					] }
					onChange={ ( value ) => set( 'value', value === 'yes' ) }
				/>
			);
		case 'time_on_page':
			return (
				<ParsedText
					{ ...common(
						'seconds',
						__( 'Seconds', 'qualified-integration' )
					) }
					className="qi-input--number"
					type="number"
					min={ 1 }
					max={ LIMITS.seconds }
					suffix={ __(
						'seconds on the page',
						'qualified-integration'
					) }
					value={ condition.seconds }
					parse={ parseWhole }
					format={ ( value ) => ( value ? String( value ) : '' ) }
					onChange={ ( value ) => set( 'seconds', value ) }
				/>
			);
		case 'scroll':
			return (
				<ParsedText
					{ ...common(
						'percent',
						__( 'Percent scrolled', 'qualified-integration' )
					) }
					className="qi-input--number"
					type="number"
					min={ 1 }
					max={ 100 }
					suffix={ __(
						'% of the page or more',
						'qualified-integration'
					) }
					value={ condition.percent }
					parse={ parseWhole }
					format={ ( value ) => ( value ? String( value ) : '' ) }
					onChange={ ( value ) => set( 'percent', value ) }
				/>
			);
		case 'schedule': {
			const days = dayLabels();
			return (
				<div className="qi-schedule">
					<PathCheckboxes
						{ ...common(
							'days',
							__( 'Days', 'qualified-integration' )
						) }
						visibleLabel={ __( 'Days', 'qualified-integration' ) }
						className="qi-checkboxes--inline"
						choices={ WEEKDAYS.map( ( day ) => ( {
							value: day,
							label: days[ day ],
						} ) ) }
						value={ condition.days }
						onChange={ ( value ) => set( 'days', value ) }
					/>
					<div className="qi-schedule__times">
						<span className="qi-schedule__label" aria-hidden="true">
							{ __( 'From', 'qualified-integration' ) }
						</span>
						<PathText
							{ ...common(
								'from',
								__( 'From', 'qualified-integration' )
							) }
							type="time"
							value={ condition.from }
							onChange={ ( value ) => set( 'from', value ) }
						/>
						<span className="qi-schedule__label" aria-hidden="true">
							{ __( 'to', 'qualified-integration' ) }
						</span>
						<PathText
							{ ...common(
								'to',
								__( 'To', 'qualified-integration' )
							) }
							type="time"
							value={ condition.to }
							onChange={ ( value ) => set( 'to', value ) }
						/>
					</div>
					<p className="qi-help">
						{ __(
							'In the site’s time zone (Settings → General). When the end is earlier than the start, the time runs overnight.',
							'qualified-integration'
						) }
					</p>
				</div>
			);
		}
		case 'post_type':
			return (
				<PathCheckboxes
					{ ...common(
						'values',
						__( 'Post types', 'qualified-integration' )
					) }
					visibleLabel={ __(
						'Any of these post types',
						'qualified-integration'
					) }
					className="qi-checkboxes--inline"
					choices={ boot.postTypes.map( ( item ) => ( {
						value: item.slug,
						label: item.name,
					} ) ) }
					value={ condition.values }
					onChange={ ( value ) => set( 'values', value ) }
				/>
			);
		case 'role':
			return (
				<PathCheckboxes
					{ ...common(
						'roles',
						__( 'Roles', 'qualified-integration' )
					) }
					visibleLabel={ __(
						'Any of these roles',
						'qualified-integration'
					) }
					className="qi-checkboxes--inline"
					choices={ boot.roles.map( ( item ) => ( {
						value: item.slug,
						label: item.name,
					} ) ) }
					value={ condition.roles }
					onChange={ ( value ) => set( 'roles', value ) }
				/>
			);
		case 'post':
			return (
				<PostIds
					{ ...common(
						'ids',
						__( 'Posts', 'qualified-integration' )
					) }
					ids={ condition.ids }
					onChange={ ( ids ) => set( 'ids', ids ) }
				/>
			);
		case 'term': {
			const known = boot.taxonomies.some(
				( item ) => item.slug === condition.taxonomy
			);
			return (
				<>
					<PathSelect
						{ ...common(
							'taxonomy',
							__( 'Taxonomy', 'qualified-integration' )
						) }
						value={ condition.taxonomy }
						options={ [
							...boot.taxonomies.map( ( item ) => ( {
								value: item.slug,
								label: item.name,
							} ) ),
							...( known
								? []
								: [
										{
											value: condition.taxonomy,
											label: condition.taxonomy,
										},
									] ),
						] }
						onChange={ ( value ) => set( 'taxonomy', value ) }
					/>
					<ParsedText
						{ ...common(
							'slugs',
							__( 'Terms', 'qualified-integration' )
						) }
						className="qi-input--value"
						placeholder={ __(
							'Slugs, e.g. news, events',
							'qualified-integration'
						) }
						help={ __(
							'Any of these terms, by slug, separated by commas.',
							'qualified-integration'
						) }
						value={ condition.slugs }
						parse={ parseWords }
						format={ joinWords }
						onChange={ ( value ) => set( 'slugs', value ) }
					/>
				</>
			);
		}
	}
}

function opHelp( op: string ): string | undefined {
	switch ( op ) {
		case 'glob':
			return __(
				'* stands for any characters, ? for one character. The whole value must match.',
				'qualified-integration'
			);
		case 'regex':
			return __(
				'A JavaScript regular expression. It may match anywhere unless you start it with ^ or end it with $.',
				'qualified-integration'
			);
		default:
			return undefined;
	}
}

function PostIds( {
	errors,
	path,
	label,
	ids,
	onChange,
}: {
	errors: FieldErrors;
	path: string;
	label: string;
	ids: number[];
	onChange: ( ids: number[] ) => void;
} ) {
	const [ bad, setBad ] = useState< string[] >( [] );
	return (
		<div className="qi-input qi-input--value">
			<ParsedText
				errors={ errors }
				path={ path }
				label={ label }
				placeholder={ __(
					'IDs, e.g. 12, 40',
					'qualified-integration'
				) }
				help={ __(
					'Separated by commas. A post’s ID is the number after post= in its edit link.',
					'qualified-integration'
				) }
				value={ ids }
				parse={ ( text ) => parseIds( text ).ids }
				format={ joinWords }
				onChange={ ( value, text ) => {
					setBad( parseIds( text ).bad );
					onChange( value );
				} }
			/>
			{ bad.length > 0 && (
				<p className="qi-field-note" aria-live="polite">
					{ sprintf(
						/* translators: %s: what was typed that is not a post ID. */
						__(
							'Left out, not a post ID: %s',
							'qualified-integration'
						),
						bad.join( ', ' )
					) }
				</p>
			) }
		</div>
	);
}
