'use client';

import type { ProposalStatusLabel } from '@/lib/governance/proposal';
import { endpointDisplay } from '@/lib/governance/hostNodes';
import { SafeText } from '@/components/ui/SafeText';
import { visibleText } from '@/lib/format/safeText';

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
  Expired: 'border-orange-800 bg-orange-950 text-orange-200',
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

/**
 * A host node's endpoint, an untrusted string from the chain: always the text as stored, with the full host it
 * really names beside it; a link (new tab, no referrer) only for https:. An http: endpoint stays text.
 */
export function EndpointText({ endpoint, testId }: { endpoint: string; testId?: string }) {
  const shown = endpointDisplay(endpoint);
  const text = (
    <span className="font-mono text-xs">
      <SafeText text={shown.text} kind="url" maxChars={300} expandable={false} />
    </span>
  );
  return (
    <span data-testid={testId}>
      {shown.href ? (
        <a
          href={shown.href}
          target="_blank"
          rel="noreferrer noopener"
          className="text-teal-300 underline underline-offset-2"
        >
          {text}
          <span className="sr-only">, opens in a new tab</span>
        </a>
      ) : (
        text
      )}
      <span className="ml-1 text-xs text-slate-400" data-testid={testId ? `${testId}-host` : undefined}>
        {shown.host ? (
          <>
            (host: <bdi>{visibleText(shown.host)}</bdi>)
          </>
        ) : (
          '(not a URL with a host)'
        )}
      </span>
    </span>
  );
}
