/**
 * The override of the post being edited, read from and written to the
 * editor's copy of the post (`core/editor`): an edit marks the post dirty
 * and the normal Save / Publish sends it with the post's `meta`.
 */

/**
 * WordPress dependencies
 */
// An external (wp.data, core's copy); typed by the version @wordpress/components installs.
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useEffect, useMemo } from '@wordpress/element';

/**
 * Internal dependencies
 */
import {
	hasOverrideMeta,
	META_KEY,
	readOverride,
	sameOverride,
	type Override,
} from './override';

/** The name of this panel's lock on saving (core/editor keeps one per name). */
const SAVE_LOCK = 'qualified-integration-page';

/** The parts of the core/editor store used here. */
interface EditorSelectors {
	getEditedPostAttribute: ( attribute: 'meta' ) => unknown;
}

interface EditorActions {
	editPost: ( edits: { meta: Record< string, unknown > } ) => void;
	lockPostSaving: ( lockName: string ) => void;
	unlockPostSaving: ( lockName: string ) => void;
}

export interface OverrideMeta {
	/** Whether this post type has the meta (registered with show_in_rest). */
	available: boolean;
	override: Override;
	/** Records a new override as an edit of the post (not saved yet). */
	change: ( next: Override ) => void;
}

export function useOverrideMeta(): OverrideMeta {
	// The meta object itself: a stable reference between edits.
	const meta = useSelect(
		( select ) =>
			(
				select( 'core/editor' ) as unknown as EditorSelectors
			 ).getEditedPostAttribute( 'meta' ),
		[]
	);
	const { editPost } = useDispatch(
		'core/editor'
	) as unknown as EditorActions;

	const available = hasOverrideMeta( meta );
	const override = useMemo( () => readOverride( meta ), [ meta ] );

	const change = useCallback(
		( next: Override ) => {
			if ( ! sameOverride( override, next ) ) {
				// core-data merges `meta` edits key by key: other meta stays as it is.
				editPost( { meta: { [ META_KEY ]: next } } );
			}
		},
		[ editPost, override ]
	);

	return { available, override, change };
}

/**
 * Keeps the post from being saved while `locked` (an experience name that
 * would be refused), and lets go when the panel goes away.
 *
 * @param locked Whether saving must wait.
 */
export function useSaveLock( locked: boolean ): void {
	const { lockPostSaving, unlockPostSaving } = useDispatch(
		'core/editor'
	) as unknown as EditorActions;

	useEffect( () => {
		if ( ! locked ) {
			return undefined;
		}
		lockPostSaving( SAVE_LOCK );
		return () => unlockPostSaving( SAVE_LOCK );
	}, [ locked, lockPostSaving, unlockPostSaving ] );
}
