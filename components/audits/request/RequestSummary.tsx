'use client';

import type { ReactNode } from 'react';
import { RequestState, chainLabel, severitySummary } from '@/lib/audits/requests';
import type { AuditRequest } from '@/lib/audits/types';
import { AddressText } from '@/components/ui/AddressText';
import { DateAt, ExternalLink } from '@/components/ui/chainDisplay';
import { Card } from '@/components/ui/primitives';

/** What was requested: the contract, where its source is, who asked, and (once completed) the findings. */
export function RequestContract({ request: q }: { request: AuditRequest }) {
  return (
    <Card title="Contract">
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <Item label="Address">
          <AddressText address={q.contract_address} chainId={q.chain_id} />
        </Item>
        <Item label="Chain id">{chainLabel(q.chain_id)}</Item>
        <Item label="Source">
          <ExternalLink href={q.source_url} />
        </Item>
        <Item label="Platform">
          <span className="break-words">{q.platform}</span>
        </Item>
        <Item label="Requested by">
          <AddressText address={q.requester} />
        </Item>
        {q.state === RequestState.Completed && (
          <Item label="Findings">
            <span data-testid="request-findings">{severitySummary(q.severity)}</span>
          </Item>
        )}
        <div className="sm:col-span-2">
          <dt className="text-slate-400">Description</dt>
          <dd className="mt-0.5 break-words whitespace-pre-wrap" data-testid="request-description">
            {q.description}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

/** When the request was submitted, approved, started and closed, and why it was rejected. */
export function RequestTimeline({ request: q }: { request: AuditRequest }) {
  return (
    <Card title="Timeline">
      <ol className="space-y-1 text-sm" data-testid="request-timeline">
        <TimelineStep label="Submitted" at={q.submitted_at} />
        <TimelineStep label="Approved" at={q.approved_at} />
        <TimelineStep label="Started (in progress)" at={q.started_at} />
        <TimelineStep label={q.state === RequestState.Rejected ? 'Rejected' : 'Completed'} at={q.closed_at} />
      </ol>
      {q.state === RequestState.Rejected && (
        <p className="mt-2 text-sm">
          <span className="text-slate-400">Reason: </span>
          <span className="break-words" data-testid="reject-reason">
            {q.reject_reason}
          </span>
        </p>
      )}
    </Card>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-400">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

function TimelineStep({ label, at }: { label: string; at: bigint }) {
  return (
    <li className="flex flex-wrap gap-x-2">
      <span className={at > 0n ? 'font-medium' : 'text-slate-400'}>{label}</span>
      {at > 0n ? <DateAt at={at} /> : <span className="text-slate-400">not yet</span>}
    </li>
  );
}
