/**
 * The list of mappings: a table with one row per mapping, add, remove and
 * move up/down buttons. Focus stays with what the user acted on, so the list
 * is usable from the keyboard alone.
 */

/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { IdentityMapping } from '../../src/shared/settings';
import {
	fieldId,
	mappingPath,
	reindexErrors,
	withoutError,
	type FieldErrors,
} from '../field-errors';
import { useFocusAfterRender } from '../use-focus-after-render';
import {
	MAX_MAPPINGS,
	addMapping,
	moveMapping,
	removeMapping,
	type ListEdit,
} from './mapping-list';
import { MappingRow } from './MappingRow';

const LIST_PATH = 'identity.mappings';
let nextKey = 0;
const newKey = () => `m${ ++nextKey }`;

export interface MappingsTableProps {
	mappings: IdentityMapping[];
	errors: FieldErrors;
	onChange: ( mappings: IdentityMapping[], path?: string ) => void;
	setErrors: ( change: ( errors: FieldErrors ) => FieldErrors ) => void;
}

export function MappingsTable( {
	mappings,
	errors,
	onChange,
	setErrors,
}: MappingsTableProps ) {
	// Stable React keys (and button ids) per row, kept in step with list edits.
	const keys = useRef< string[] >( [] );
	if ( keys.current.length !== mappings.length ) {
		keys.current = mappings.map( newKey );
	}
	const setFocusId = useFocusAfterRender();

	const applyEdit = (
		edit: ListEdit,
		focus: ( newKeys: string[] ) => string
	) => {
		const newKeys = edit.order.map( ( old ) =>
			old === null ? newKey() : ( keys.current[ old ] ?? newKey() )
		);
		keys.current = newKeys;
		setErrors( ( current ) =>
			reindexErrors(
				withoutError( current, LIST_PATH ),
				LIST_PATH,
				edit.order
			)
		);
		onChange( edit.list );
		setFocusId( focus( newKeys ) );
	};

	const buttonId = ( key: string, action: string ) =>
		`qi-mapping-${ key }-${ action }`;

	const onAdd = () =>
		applyEdit( addMapping( mappings ), () =>
			fieldId( mappingPath( mappings.length, 'field' ) )
		);

	const onRemove = ( index: number ) =>
		applyEdit( removeMapping( mappings, index ), ( newKeys ) => {
			const neighbour = newKeys[ index ] ?? newKeys[ index - 1 ];
			return neighbour
				? buttonId( neighbour, 'remove' )
				: 'qi-add-mapping';
		} );

	const onMove = ( from: number, to: number ) => {
		const up = to < from;
		const atEnd = up ? to === 0 : to === mappings.length - 1;
		applyEdit( moveMapping( mappings, from, to ), ( newKeys ) =>
			buttonId(
				newKeys[ to ] ?? '',
				// The button pressed is disabled at the end of the list: use its twin.
				up === atEnd ? 'down' : 'up'
			)
		);
	};

	return (
		<div className="qi-mappings">
			<div className="qi-table-scroll">
				<table className="qi-table">
					<caption className="screen-reader-text">
						{ __(
							'Visitor field mappings, in the order they are applied',
							'qualified-integration'
						) }
					</caption>
					<thead>
						<tr>
							<th scope="col">
								{ __(
									'Qualified field',
									'qualified-integration'
								) }
							</th>
							<th scope="col">
								{ __( 'Source', 'qualified-integration' ) }
							</th>
							<th scope="col">
								{ __(
									'Key or value',
									'qualified-integration'
								) }
							</th>
							<th scope="col">
								{ __(
									'Keep for the visit',
									'qualified-integration'
								) }
							</th>
							<th scope="col">
								<span className="screen-reader-text">
									{ __( 'Actions', 'qualified-integration' ) }
								</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{ mappings.length === 0 && (
							<tr>
								<td colSpan={ 5 } className="qi-empty">
									{ __(
										'No mappings yet. Add one to send a value to Qualified.',
										'qualified-integration'
									) }
								</td>
							</tr>
						) }
						{ mappings.map( ( mapping, index ) => {
							const key =
								keys.current[ index ] ?? String( index );
							return (
								<MappingRow
									key={ key }
									index={ index }
									count={ mappings.length }
									mapping={ mapping }
									errors={ errors }
									buttonId={ ( action ) =>
										buttonId( key, action )
									}
									onChange={ ( next, path ) =>
										onChange(
											mappings.map( ( item, i ) =>
												i === index ? next : item
											),
											path
										)
									}
									onMove={ ( to ) => onMove( index, to ) }
									onRemove={ () => onRemove( index ) }
								/>
							);
						} ) }
					</tbody>
				</table>
			</div>
			<div className="qi-mappings-footer">
				<Button
					id="qi-add-mapping"
					variant="secondary"
					__next40pxDefaultSize
					disabled={ mappings.length >= MAX_MAPPINGS }
					onClick={ onAdd }
				>
					{ __( 'Add mapping', 'qualified-integration' ) }
				</Button>
				{ mappings.length >= MAX_MAPPINGS && (
					<span className="qi-help">
						{ sprintf(
							/* translators: %d: maximum number of mappings. */
							__(
								'You have reached the limit of %d mappings.',
								'qualified-integration'
							),
							MAX_MAPPINGS
						) }
					</span>
				) }
			</div>
		</div>
	);
}
