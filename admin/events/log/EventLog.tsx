/**
 * The event log, loaded on demand (its own script chunk, with DataViews,
 * so the other sections do not pay for it): the chart of the last 30
 * days, and the stored events in a DataViews table with search, filters
 * by name and kind, sorting by date or name, pages, and a CSV download of
 * what the filters show. Every value is rendered as text.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { DataViews, type Field, type View } from '@wordpress/dataviews/wp';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { describeFailure } from '../../api';
import {
	fetchLog,
	fetchStats,
	type EventLogPage,
	type EventRoutes,
	type EventRow,
	type EventStats,
} from '../api';
import { formatDateTime } from '../dates';
import { kindLabels } from '../texts';
import { CsvButton } from './CsvButton';
import { EventsChart } from './EventsChart';
import {
	PER_PAGE_SIZES,
	fieldsText,
	logFilters,
	logQuery,
	pageText,
} from './log-model';

export interface EventLogProps {
	routes: EventRoutes;
	/** Tells the section which names the log holds (for the handler suggestions). */
	onNames: ( names: string[] ) => void;
}

const INITIAL_VIEW: View = {
	type: 'table',
	page: 1,
	perPage: 20,
	search: '',
	filters: [],
	sort: { field: 'createdAt', direction: 'desc' },
	fields: [ 'createdAt', 'name', 'kind', 'pageUrl', 'experience', 'fields' ],
	layout: { density: 'compact' },
};

const text = ( value: string ) => value || '—';

function logFields( names: string[] ): Array< Field< EventRow > > {
	const kinds = kindLabels();
	return [
		{
			id: 'createdAt',
			label: __( 'Date', 'qualified-integration' ),
			enableHiding: false,
			enableGlobalSearch: false,
			filterBy: false,
			render: ( { item } ) => (
				<time dateTime={ item.createdAt } title={ item.createdAt }>
					{ formatDateTime( item.createdAt ) }
				</time>
			),
		},
		{
			id: 'name',
			label: __( 'Event', 'qualified-integration' ),
			enableHiding: false,
			elements: names.map( ( name ) => ( { value: name, label: name } ) ),
			filterBy: { operators: [ 'is' ], isPrimary: true },
			getValue: ( { item } ) => item.name,
		},
		{
			id: 'kind',
			label: __( 'Kind', 'qualified-integration' ),
			enableSorting: false,
			elements: [
				{ value: 'event', label: kinds.event },
				{ value: 'messenger', label: kinds.messenger },
			],
			filterBy: { operators: [ 'is' ], isPrimary: true },
			getValue: ( { item } ) => item.kind,
		},
		{
			id: 'pageUrl',
			label: __( 'Page', 'qualified-integration' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<span className="qi-value" title={ item.pageUrl }>
					{ text( pageText( item.pageUrl, window.location.origin ) ) }
				</span>
			),
		},
		{
			id: 'experience',
			label: __( 'Experience', 'qualified-integration' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => <span>{ text( item.experience ) }</span>,
		},
		{
			id: 'conversationId',
			label: __( 'Conversation', 'qualified-integration' ),
			enableSorting: false,
			filterBy: false,
			render: ( { item } ) => (
				<span className="qi-value">
					{ text( item.conversationId ) }
				</span>
			),
		},
		{
			id: 'fields',
			label: __( 'Visitor fields', 'qualified-integration' ),
			enableSorting: false,
			filterBy: false,
			getValue: ( { item } ) => fieldsText( item.fields ),
			render: ( { item } ) => {
				const entries = Object.entries( item.fields ?? {} );
				return entries.length === 0 ? (
					<span>—</span>
				) : (
					<ul className="qi-log-fields">
						{ entries.map( ( [ key, value ] ) => (
							<li key={ key }>
								<span className="qi-log-fields__key">
									{ key }
								</span>
								{ ': ' }
								<span className="qi-value">{ value }</span>
							</li>
						) ) }
					</ul>
				);
			},
		},
	];
}

type Loaded< T > =
	| { kind: 'loading' }
	| { kind: 'loaded'; value: T }
	| { kind: 'failed'; message: string };

export default function EventLog( { routes, onNames }: EventLogProps ) {
	const [ view, setView ] = useState< View >( INITIAL_VIEW );
	const [ page, setPage ] = useState< Loaded< EventLogPage > >( {
		kind: 'loading',
	} );
	const [ stats, setStats ] = useState< Loaded< EventStats > >( {
		kind: 'loading',
	} );
	const [ generation, setGeneration ] = useState( 0 );
	const [ names, setNames ] = useState< string[] >( [] );
	const query = logQuery( view );
	const queryKey = JSON.stringify( query );

	useEffect( () => {
		let live = true;
		setPage( ( current ) =>
			current.kind === 'loaded' ? current : { kind: 'loading' }
		);
		fetchLog( routes, JSON.parse( queryKey ) )
			.then( ( answer ) => {
				if ( live ) {
					setPage( { kind: 'loaded', value: answer } );
					setNames( answer.names ?? [] );
					onNames( answer.names ?? [] );
				}
			} )
			.catch( ( error: unknown ) => {
				if ( live ) {
					setPage( {
						kind: 'failed',
						message: describeFailure( error ).message,
					} );
				}
			} );
		return () => {
			live = false;
		};
	}, [ routes, queryKey, generation, onNames ] );

	useEffect( () => {
		let live = true;
		fetchStats( routes, 30 )
			.then(
				( answer ) =>
					live && setStats( { kind: 'loaded', value: answer } )
			)
			.catch(
				( error: unknown ) =>
					live &&
					setStats( {
						kind: 'failed',
						message: describeFailure( error ).message,
					} )
			);
		return () => {
			live = false;
		};
	}, [ routes, generation ] );

	const fields = useMemo( () => logFields( names ), [ names ] );
	const loaded = page.kind === 'loaded' ? page.value : null;
	const filtered = !! query.name || !! query.kind || !! query.search;

	return (
		<div className="qi-log">
			<div className="qi-log__chart">
				{ stats.kind === 'loading' && <Spinner /> }
				{ stats.kind === 'failed' && (
					<Notice status="error" isDismissible={ false }>
						{ stats.message }
					</Notice>
				) }
				{ stats.kind === 'loaded' && (
					<EventsChart stats={ stats.value } id="qi-events-chart" />
				) }
			</div>
			{ page.kind === 'failed' && (
				<Notice status="error" isDismissible={ false }>
					{ page.message }
				</Notice>
			) }
			<DataViews< EventRow >
				view={ view }
				onChangeView={ setView }
				fields={ fields }
				data={ loaded?.items ?? [] }
				getItemId={ ( item ) => String( item.id ) }
				isLoading={ page.kind === 'loading' }
				paginationInfo={ {
					totalItems: loaded?.total ?? 0,
					totalPages: loaded?.totalPages ?? 0,
				} }
				defaultLayouts={ { table: {} } }
				searchLabel={ __( 'Search events', 'qualified-integration' ) }
				config={ { perPageSizes: PER_PAGE_SIZES } }
				header={
					<div className="qi-log__tools">
						<CsvButton
							routes={ routes }
							filters={ logFilters( view ) }
							disabled={ ! loaded || loaded.total === 0 }
						/>
						<Button
							variant="tertiary"
							size="compact"
							icon="update"
							onClick={ () => setGeneration( generation + 1 ) }
						>
							{ __( 'Refresh', 'qualified-integration' ) }
						</Button>
					</div>
				}
				empty={
					<p className="qi-empty">
						{ filtered
							? __(
									'No stored events match this search or these filters.',
									'qualified-integration'
								)
							: __(
									'No events stored yet. An event is stored when a handler with a “Store in WordPress” action matches it on a visitor’s page; it then shows up here and goes to your webhooks.',
									'qualified-integration'
								) }
					</p>
				}
			/>
		</div>
	);
}
