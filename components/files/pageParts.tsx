'use client';

import type { ReactNode } from 'react';
import { SectionHeading, SectionNav } from '@/components/ui/SectionNav';
import { fileState, fileStateExplanation, fileStatusLabel, type FileState } from '@/lib/files/fileState';
import type { FileEntry } from '@/lib/files/types';
import { DateAt } from '@/components/ui/chainDisplay';
import { useNowSeconds } from '@/components/ui/useNow';

const navLinks = [
  ['/files/', 'My files and upload'],
  ['/nodes/', 'Host nodes and prices'],
] as const;

/** The file system pages' own links. */
export function FilesNav() {
  return <SectionNav label="File system" links={navLinks} />;
}

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <SectionHeading nav={<FilesNav />} title={title}>
      {children}
    </SectionHeading>
  );
}

const BADGE_STYLES: Record<FileState, string> = {
  pending: 'border-amber-700 bg-amber-950 text-amber-200',
  counted: 'border-emerald-700 bg-emerald-950 text-emerald-200',
  expired: 'border-rose-800 bg-rose-950 text-rose-200',
  withdrawn: 'border-slate-600 bg-slate-800 text-slate-300',
};

/** The file's state now. The local clock ticks it past the deadline without a read: the chain's own time is
 * within seconds of it on a live network (the contract decides in the end). */
export function useFileState(file: Pick<FileEntry, 'status' | 'expires_at'>): FileState {
  const now = useNowSeconds(10_000);
  return fileState(file, BigInt(now));
}

export function FileStatusBadge({ state }: { state: FileState }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium ${BADGE_STYLES[state]}`}
      data-testid="file-status"
      title={fileStateExplanation(state)}
    >
      {fileStatusLabel(state)}
    </span>
  );
}

/** What the state means, in words: while pending, with the deadline for a node's confirmation. */
export function FileStateNote({ file, state }: { file: Pick<FileEntry, 'expires_at'>; state: FileState }) {
  return (
    <p className="text-sm text-slate-300" data-testid="file-state-note">
      {fileStateExplanation(state)}
      {state === 'pending' && (
        <>
          {' '}
          Deadline: <DateAt at={file.expires_at} />.
        </>
      )}
    </p>
  );
}

/** A CID in full, in monospace, wrapping anywhere: a shortened CID cannot be checked by eye. */
export function CidText({ cid, testId }: { cid: string; testId?: string }) {
  return (
    <span className="font-mono text-xs break-all" data-testid={testId}>
      {cid}
    </span>
  );
}

/**
 * A progress bar with its figure in words. The bar is a native <progress> (announced with its value); the line
 * of text is a polite live region, so screen readers hear the phase change without every percent being read out.
 */
export function ProgressBar({
  label,
  value,
  max,
  detail,
  testId,
}: {
  label: string;
  value: number;
  /** undefined: the total is not known yet (an indeterminate bar). */
  max: number | undefined;
  detail?: ReactNode;
  testId?: string;
}) {
  const percent = max && max > 0 ? Math.min(100, Math.floor((value / max) * 100)) : undefined;
  return (
    <div className="min-w-0" data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span>{label}</span>
        {percent !== undefined && <span className="tabular-nums text-slate-300">{percent}%</span>}
      </div>
      <progress
        className="mt-1 h-2 w-full overflow-hidden rounded bg-slate-800 accent-teal-400 [&::-moz-progress-bar]:bg-teal-400 [&::-webkit-progress-bar]:bg-slate-800 [&::-webkit-progress-value]:bg-teal-400"
        value={max === undefined ? undefined : value}
        max={max === undefined ? undefined : Math.max(max, 1)}
        aria-label={label}
      />
      {detail && <p className="mt-1 text-xs text-slate-400">{detail}</p>}
    </div>
  );
}

export function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-400">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}
