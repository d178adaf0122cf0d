/**
 * Stand-ins for sessionStorage: one that works, one that throws like a
 * blocked or full storage does.
 */

/**
 * A working in-memory Storage, one per test, so visits do not leak.
 *
 * @param initial Items already stored.
 */
export function memoryStorage(
	initial: Record< string, string > = {}
): Storage {
	const items = new Map( Object.entries( initial ) );
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: ( key: string ) => items.get( key ) ?? null,
		key: ( index: number ) => [ ...items.keys() ][ index ] ?? null,
		removeItem: ( key: string ) => {
			items.delete( key );
		},
		setItem: ( key: string, value: string ) => {
			items.set( key, String( value ) );
		},
	};
}

/** A Storage whose reads and writes throw (Safari private mode, quota, policy). */
export function throwingStorage(): Storage {
	const fail = () => {
		throw new DOMException( 'The operation is insecure.', 'SecurityError' );
	};
	return {
		length: 0,
		clear: fail,
		getItem: fail,
		key: fail,
		removeItem: fail,
		setItem: fail,
	};
}

/**
 * A window whose `sessionStorage` property itself throws, as browsers do
 * when cookies are blocked.
 *
 * @param rest Other window properties.
 */
export function blockedStorageWindow< T extends object >( rest: T ): T {
	return Object.defineProperty( rest, 'sessionStorage', {
		get() {
			throw new DOMException( 'Access is denied.', 'SecurityError' );
		},
	} );
}
