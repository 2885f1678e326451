'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False while prerendering and hydrating, true after: for output that depends on browser-only state
 * (the network chosen in localStorage), so the static HTML and the first client render agree. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
