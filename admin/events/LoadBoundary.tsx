/**
 * Catches a part of the screen that failed to load or render (the event
 * log's script chunk, fetched on demand, may be unreachable), so the rest
 * of the settings screen stays usable.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';

/**
 * WordPress dependencies
 */
import { Notice } from '@wordpress/components';
import { Component } from '@wordpress/element';

export class LoadBoundary extends Component<
	{ message: string; children: ReactNode },
	{ failed: boolean }
> {
	override state = { failed: false };

	static getDerivedStateFromError() {
		return { failed: true };
	}

	override render() {
		return this.state.failed ? (
			<Notice status="error" isDismissible={ false }>
				{ this.props.message }
			</Notice>
		) : (
			this.props.children
		);
	}
}
