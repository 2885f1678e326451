'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { useBlock } from 'wagmi';
import { linkHost, safeLinkUrl } from '@/lib/governance/view';
import type { ProposalStatusLabel } from '@/lib/governance/proposal';
import { formatDateTime, formatDuration } from '@/lib/format/time';
import { useNowSeconds } from '@/components/ui/useNow';

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

/**
 * A link from untrusted text (a proposal's URL, a link in its description): only https: and ipfs: become links,
 * always opening a new tab without a referrer, with the full host written beside the text so the reader sees
 * where it goes. Anything else is shown as plain text.
 */
export function ExternalLink({
  href,
  children,
  showHost = true,
}: {
  href: string;
  children?: ReactNode;
  /** Off only where the whole URL is the link's text already. */
  showHost?: boolean;
}) {
  const safe = safeLinkUrl(href);
  if (!safe) return <span className="break-all">{children ?? href}</span>;
  const host = linkHost(safe);
  return (
    <a
      href={safe}
      target="_blank"
      rel="noreferrer noopener"
      className="break-words text-teal-300 underline underline-offset-2"
    >
      {children ?? safe}
      {showHost && <span className="ml-1 text-xs text-slate-400">({host})</span>}
      <span className="sr-only">, opens in a new tab</span>
    </a>
  );
}

const statusTones: Record<ProposalStatusLabel, string> = {
  Voting: 'border-teal-600 bg-teal-950 text-teal-200',
  'Pending vote': 'border-sky-700 bg-sky-950 text-sky-200',
  'Awaiting evaluation': 'border-amber-700 bg-amber-950 text-amber-200',
  Accepted: 'border-emerald-700 bg-emerald-950 text-emerald-200',
  'Being paid': 'border-emerald-700 bg-emerald-950 text-emerald-200',
  Completed: 'border-slate-600 bg-slate-800 text-slate-200',
  Rejected: 'border-rose-700 bg-rose-950 text-rose-200',
  'Not enough votes': 'border-slate-600 bg-slate-800 text-slate-300',
  Withdrawn: 'border-slate-600 bg-slate-800 text-slate-400',
};

export function StatusBadge({ label }: { label: ProposalStatusLabel }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium ${statusTones[label]}`}
      data-testid="proposal-state"
    >
      {label}
    </span>
  );
}

export function proposalHref(id: bigint): string {
  return `/governance/proposal/?id=${id.toString()}`;
}
