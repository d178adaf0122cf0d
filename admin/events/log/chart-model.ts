/**
 * The events-per-day chart's pure parts: which series are drawn (the
 * busiest names, the rest as "Other"), the value axis rounded to a tidy
 * number, and where each bar segment goes in the SVG.
 */

/**
 * Internal dependencies
 */
import type { EventStats } from '../api';
import type { EventKind } from '../model';

export interface ChartSeries {
	/** `kind:name`, or `other`. */
	key: string;
	name: string;
	/** Absent for "Other". */
	kind?: EventKind;
	/** Another drawn series has the same name (of the other kind): say the kind too. */
	sameName: boolean;
	counts: number[];
	total: number;
}

export interface ChartModel {
	days: string[];
	series: ChartSeries[];
	/** Events per day, all series. */
	dayTotals: number[];
	total: number;
	/** The top of the value axis. */
	top: number;
	ticks: number[];
	busiest: { day: string; count: number } | null;
}

/**
 * Ticks for a value axis from 0 to at least `max`, in steps of 1, 2 or 5
 * times a power of ten, about four of them; whole numbers only (counts).
 *
 * @param max The largest value.
 */
export function valueTicks( max: number ): number[] {
	if ( ! ( max > 0 ) ) {
		return [ 0, 1 ];
	}
	const raw = max / 4;
	const magnitude = 10 ** Math.floor( Math.log10( raw ) );
	const normal = raw / magnitude;
	let step = magnitude;
	if ( normal > 5 ) {
		step = 10 * magnitude;
	} else if ( normal > 2 ) {
		step = 5 * magnitude;
	} else if ( normal > 1 ) {
		step = 2 * magnitude;
	}
	step = Math.max( 1, Math.round( step ) );
	const top = Math.ceil( max / step ) * step;
	const ticks: number[] = [];
	for ( let value = 0; value <= top; value += step ) {
		ticks.push( value );
	}
	return ticks;
}

/**
 * The chart's series and scale. Series are ordered busiest first; with
 * more than `maxSeries` names, the busiest `maxSeries - 1` are drawn and
 * the others summed as "Other", so the colours stay few and tellable apart.
 *
 * @param stats     Answer of GET /events/stats.
 * @param maxSeries Most series drawn.
 */
export function chartModel( stats: EventStats, maxSeries = 6 ): ChartModel {
	const days = stats.days;
	const counts = ( list: readonly number[] ) =>
		days.map( ( _, index ) => Math.max( 0, Number( list[ index ] ) || 0 ) );
	const all = stats.series
		.map( ( item ) => {
			const values = counts( item.counts );
			return {
				key: `${ item.kind }:${ item.name }`,
				name: item.name,
				kind: item.kind,
				sameName: false,
				counts: values,
				total: values.reduce( ( sum, value ) => sum + value, 0 ),
			};
		} )
		.filter( ( item ) => item.total > 0 )
		.sort(
			( a, b ) =>
				b.total - a.total ||
				( a.name < b.name ? -1 : Number( a.name > b.name ) )
		);
	let series: ChartSeries[] = all;
	if ( all.length > maxSeries ) {
		const kept = all.slice( 0, Math.max( 1, maxSeries - 1 ) );
		const rest = all.slice( kept.length );
		series = [
			...kept,
			{
				key: 'other',
				name: '',
				sameName: false,
				counts: days.map( ( _, index ) =>
					rest.reduce(
						( sum, item ) => sum + ( item.counts[ index ] ?? 0 ),
						0
					)
				),
				total: rest.reduce( ( sum, item ) => sum + item.total, 0 ),
			},
		];
	}
	series = series.map( ( item ) => ( {
		...item,
		sameName:
			item.key !== 'other' &&
			series.some(
				( other ) => other.key !== item.key && other.name === item.name
			),
	} ) );
	const dayTotals = days.map( ( _, index ) =>
		series.reduce( ( sum, item ) => sum + ( item.counts[ index ] ?? 0 ), 0 )
	);
	const max = Math.max( 0, ...dayTotals );
	const ticks = valueTicks( max );
	let busiest: ChartModel[ 'busiest' ] = null;
	for ( const [ index, count ] of dayTotals.entries() ) {
		if ( count > 0 && ( ! busiest || count > busiest.count ) ) {
			busiest = { day: days[ index ] ?? '', count };
		}
	}
	return {
		days,
		series,
		dayTotals,
		total: dayTotals.reduce( ( sum, value ) => sum + value, 0 ),
		top: ticks[ ticks.length - 1 ] ?? 1,
		ticks,
		busiest,
	};
}

export interface Plot {
	width: number;
	height: number;
	/** Space for the value labels (on the start side) and the day labels (below). */
	axis: number;
	bottom: number;
	/** Space above the top of the axis (for its label). */
	pad: number;
	/** Right to left: the first day on the right. */
	rtl: boolean;
}

export interface Segment {
	series: string;
	day: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Where each stacked bar segment goes: one band per day, the series
 * stacked in order from the axis up, heights in proportion to the axis top.
 *
 * @param model The chart.
 * @param plot  The drawing area.
 */
export function segments( model: ChartModel, plot: Plot ): Segment[] {
	const inner = plot.width - plot.axis;
	const band = inner / Math.max( 1, model.days.length );
	const gap = Math.min( 4, band * 0.25 );
	const plotHeight = plot.height - plot.bottom - plot.pad;
	const result: Segment[] = [];
	model.days.forEach( ( _, day ) => {
		const start = plot.rtl
			? plot.width - plot.axis - ( day + 1 ) * band
			: plot.axis + day * band;
		let base = plot.pad + plotHeight;
		for ( const item of model.series ) {
			const count = item.counts[ day ] ?? 0;
			if ( count <= 0 ) {
				continue;
			}
			const height = ( count / model.top ) * plotHeight;
			base -= height;
			result.push( {
				series: item.key,
				day,
				x: start + gap / 2,
				y: base,
				width: band - gap,
				height,
			} );
		}
	} );
	return result;
}

/**
 * The vertical position of a value on the axis.
 *
 * @param value A value.
 * @param model The chart.
 * @param plot  The drawing area.
 */
export function valueY( value: number, model: ChartModel, plot: Plot ): number {
	const plotHeight = plot.height - plot.bottom - plot.pad;
	return plot.pad + plotHeight - ( value / model.top ) * plotHeight;
}

/**
 * The horizontal centre of a day's band.
 *
 * @param day   Day index.
 * @param model The chart.
 * @param plot  The drawing area.
 */
export function dayX( day: number, model: ChartModel, plot: Plot ): number {
	const band = ( plot.width - plot.axis ) / Math.max( 1, model.days.length );
	return plot.rtl
		? plot.width - plot.axis - ( day + 0.5 ) * band
		: plot.axis + ( day + 0.5 ) * band;
}

/**
 * Which days get a label under the axis: about `count` of them, evenly
 * spaced, always the last (today).
 *
 * @param days  Number of days.
 * @param count About how many labels.
 */
export function labelledDays( days: number, count = 6 ): number[] {
	if ( days <= 0 ) {
		return [];
	}
	const step = Math.max( 1, Math.ceil( days / count ) );
	const list: number[] = [];
	for ( let day = days - 1; day >= 0; day -= step ) {
		list.unshift( day );
	}
	return list;
}
