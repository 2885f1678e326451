'use client';

import { useSyncExternalStore } from 'react';

// Which transaction the person started last, page-wide. An outcome ("Staked 100 CLO", "Failed: …") belongs to the
// card of its action and stays only until another action starts: otherwise the messages of earlier actions pile
// up across the cards of a page and the newest one is hard to tell apart.

let latest: symbol | undefined;
const listeners = new Set<() => void>();

/** Called by a transaction as it starts: every other transaction's settled outcome is now old news. */
export function announceActionStart(action: symbol): void {
  if (latest === action) return;
  latest = action;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The action started last (undefined before any). */
export function useLatestAction(): symbol | undefined {
  return useSyncExternalStore(
    subscribe,
    () => latest,
    () => undefined,
  );
}
