'use client';

// Pieces every feature shows chain data with: multicall results, the chain's clock, dates, countdowns, and links
// from untrusted text.
import { useEffect, useRef } from 'react';
import { useBlock } from 'wagmi';
import { formatDateTime, formatDuration } from '@/lib/format/time';
import { useNowSeconds } from './useNow';

/** A multicall entry's result, or undefined when that call failed. */
export function ok<T>(entry: { status: 'success'; result: T } | { status: 'failure'; result?: undefined } | undefined) {
  return entry?.status === 'success' ? entry.result : undefined;
}

/**
 * The chain's clock, ticking: the latest block's time moved on by the seconds since it was read. On anvil the
 * chain runs ahead of the wall clock after a time jump, so countdowns must not use the local clock alone.
 */
export function useChainNow(enabled = true) {
  const block = useBlock({ query: { enabled } });
  const localNow = useNowSeconds();
  const readAt = Math.floor(block.dataUpdatedAt / 1000);
  const now = block.data ? Number(block.data.timestamp) + Math.max(0, localNow - readAt) : localNow;
  return { now, block, refetch: block.refetch };
}

/** Calls `refetch` once when the chain clock passes `at` (an epoch boundary), so states move on by themselves. */
export function useRefetchWhenPassed(at: bigint | undefined, now: number, refetch: () => unknown) {
  const passed = at !== undefined && BigInt(now) >= at;
  const last = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!passed || at === undefined) return;
    const key = at.toString();
    if (last.current === key) return;
    last.current = key;
    void refetch();
  }, [passed, at, refetch]);
}

/** "in 3 d 4 h" until `at`, or "now" once it passed. Not a live region: a second-by-second announcement would
 * drown everything else out; the date beside it is the accessible fact. */
export function Countdown({ at, now }: { at: bigint; now: number }) {
  const left = Number(at) - now;
  return <span className="text-slate-400">{left > 0 ? `in ${formatDuration(left)}` : 'now'}</span>;
}

export function DateAt({ at }: { at: bigint }) {
  return <time dateTime={new Date(Number(at) * 1000).toISOString()}>{formatDateTime(at)}</time>;
}

// Links from the chain live in their own module (components/ui/ExternalLink.tsx); re-exported here for the
// features that import it with the other chain display pieces.
export { ExternalLink } from './ExternalLink';
