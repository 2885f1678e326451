'use client';

import type { ReactNode } from 'react';
import { SectionHeading, SectionNav } from '@/components/ui/SectionNav';
import { requestStateLabel, verdictText, type RequestStateLabel } from '@/lib/audits/requests';

const stateTones: Record<RequestStateLabel, string> = {
  Pending: 'border-sky-700 bg-sky-950 text-sky-200',
  Approved: 'border-teal-600 bg-teal-950 text-teal-200',
  'In progress': 'border-amber-700 bg-amber-950 text-amber-200',
  Completed: 'border-emerald-700 bg-emerald-950 text-emerald-200',
  Rejected: 'border-rose-700 bg-rose-950 text-rose-200',
};

export function RequestStateBadge({ state }: { state: number }) {
  const label = requestStateLabel(state);
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium ${stateTones[label]}`}
      data-testid="request-state"
    >
      {label}
    </span>
  );
}

export function VerdictBadge({ passed }: { passed: boolean }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium ${
        passed ? 'border-emerald-700 bg-emerald-950 text-emerald-200' : 'border-rose-700 bg-rose-950 text-rose-200'
      }`}
      data-testid="audit-verdict"
    >
      {verdictText(passed)}
    </span>
  );
}

const navLinks = [
  ['/audits/', 'Registry'],
  ['/audits/new/', 'Request an audit'],
  ['/audits/auditor/', 'Auditor workspace'],
  ['/audits/manage/', 'Manager console'],
  ['/audits/leaderboard/', 'Leaderboard'],
] as const;

/** The audit registry pages' own links. */
export function AuditsNav() {
  return <SectionNav label="Audit registry" links={navLinks} />;
}

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <SectionHeading nav={<AuditsNav />} title={title}>
      {children}
    </SectionHeading>
  );
}
