/**
 * Events per day and name over the last 30 days, drawn as stacked bars in
 * an inline SVG (no chart library). It is one image for assistive
 * technology (role="img", a title and a summary), with a legend, and a
 * visually hidden table holding every number as its text alternative.
 * Colours come from the admin colour scheme for the busiest name, then a
 * fixed palette of colours with at least 3:1 contrast on white.
 */

/**
 * WordPress dependencies
 */
import { isRTL, __, sprintf, _n } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { EventStats } from '../api';
import { formatDay } from '../dates';
import { kindLabels } from '../texts';
import {
	chartModel,
	dayX,
	labelledDays,
	segments,
	valueY,
	type ChartSeries,
	type Plot,
} from './chart-model';

const WIDTH = 720;
const HEIGHT = 220;

/**
 * A series' name as shown: "Other" for the rest, the kind added when two
 * series share a name.
 *
 * @param series A series.
 */
export function seriesLabel( series: ChartSeries ): string {
	if ( series.key === 'other' ) {
		return __( 'Other events', 'qualified-integration' );
	}
	const name =
		series.name === '*'
			? __( 'any event', 'qualified-integration' )
			: series.name;
	return series.sameName && series.kind
		? `${ name } (${ kindLabels()[ series.kind ] })`
		: name;
}

export function EventsChart( {
	stats,
	id,
}: {
	stats: EventStats;
	/** Prefix of the chart's ids. */
	id: string;
} ) {
	const model = chartModel( stats );
	const rtl =
		isRTL() ||
		( typeof document !== 'undefined' &&
			document.documentElement.dir === 'rtl' );
	const plot: Plot = {
		width: WIDTH,
		height: HEIGHT,
		axis: 36,
		bottom: 28,
		pad: 10,
		rtl,
	};
	const title = sprintf(
		/* translators: %d: number of days. */
		__( 'Stored events per day, last %d days', 'qualified-integration' ),
		model.days.length
	);
	const summary =
		model.total === 0
			? __(
					'No events were stored in this period.',
					'qualified-integration'
				)
			: [
					sprintf(
						/* translators: %d: number of events. */
						_n(
							'%d event in total.',
							'%d events in total.',
							model.total,
							'qualified-integration'
						),
						model.total
					),
					model.series
						.map(
							( series ) =>
								`${ seriesLabel( series ) }: ${ series.total }`
						)
						.join( ', ' ) + '.',
					model.busiest
						? sprintf(
								/* translators: 1: a day, 2: number of events that day. */
								__(
									'Busiest day: %1$s, with %2$d.',
									'qualified-integration'
								),
								formatDay( model.busiest.day, undefined, true ),
								model.busiest.count
							)
						: '',
				]
					.filter( Boolean )
					.join( ' ' );
	const colour = ( key: string ) =>
		`qi-chart__series-${ Math.max(
			0,
			model.series.findIndex( ( series ) => series.key === key )
		) }${ key === 'other' ? ' is-other' : '' }`;
	const valueAnchor = rtl ? 'start' : 'end';
	const valueLabelX = rtl ? WIDTH - plot.axis + 6 : plot.axis - 6;

	return (
		<figure className="qi-chart">
			<figcaption className="qi-chart__caption">{ title }</figcaption>
			<svg
				className="qi-chart__svg"
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				role="img"
				aria-labelledby={ `${ id }-title ${ id }-desc` }
				focusable="false"
			>
				<title id={ `${ id }-title` }>{ title }</title>
				<desc id={ `${ id }-desc` }>{ summary }</desc>
				<g className="qi-chart__grid">
					{ model.ticks.map( ( tick ) => {
						const y = valueY( tick, model, plot );
						return (
							<g key={ tick }>
								<line
									x1={ rtl ? 0 : plot.axis }
									x2={ rtl ? WIDTH - plot.axis : WIDTH }
									y1={ y }
									y2={ y }
								/>
								<text
									x={ valueLabelX }
									y={ y }
									dy="0.32em"
									textAnchor={ valueAnchor }
								>
									{ tick }
								</text>
							</g>
						);
					} ) }
				</g>
				<g className="qi-chart__bars">
					{ segments( model, plot ).map( ( segment ) => (
						<rect
							key={ `${ segment.series }-${ segment.day }` }
							className={ colour( segment.series ) }
							x={ segment.x }
							y={ segment.y }
							width={ segment.width }
							height={ segment.height }
						/>
					) ) }
				</g>
				<g className="qi-chart__days">
					{ labelledDays( model.days.length ).map( ( day ) => (
						<text
							key={ day }
							x={ dayX( day, model, plot ) }
							y={ HEIGHT - 8 }
							textAnchor="middle"
						>
							{ formatDay( model.days[ day ] ?? '' ) }
						</text>
					) ) }
				</g>
			</svg>
			{ model.series.length > 0 && (
				<ul className="qi-chart__legend">
					{ model.series.map( ( series ) => (
						<li key={ series.key }>
							<span
								className={ `qi-chart__swatch ${ colour( series.key ) }` }
								aria-hidden="true"
							/>
							{ seriesLabel( series ) }
							<span className="qi-chart__total">
								{ ' ' }
								{ series.total }
							</span>
						</li>
					) ) }
				</ul>
			) }
			<table className="screen-reader-text">
				<caption>{ title }</caption>
				<thead>
					<tr>
						<th scope="col">
							{ __( 'Day', 'qualified-integration' ) }
						</th>
						{ model.series.map( ( series ) => (
							<th scope="col" key={ series.key }>
								{ seriesLabel( series ) }
							</th>
						) ) }
						<th scope="col">
							{ __( 'Total', 'qualified-integration' ) }
						</th>
					</tr>
				</thead>
				<tbody>
					{ model.days.map( ( day, index ) => (
						<tr key={ day }>
							<th scope="row">
								{ formatDay( day, undefined, true ) }
							</th>
							{ model.series.map( ( series ) => (
								<td key={ series.key }>
									{ series.counts[ index ] ?? 0 }
								</td>
							) ) }
							<td>{ model.dayTotals[ index ] ?? 0 }</td>
						</tr>
					) ) }
				</tbody>
			</table>
		</figure>
	);
}
