'use client';

import type { ReactNode } from 'react';
import { RequestState, chainLabel, severitySummary } from '@/lib/audits/requests';
import type { AuditRequest } from '@/lib/audits/types';
import { AddressText } from '@/components/ui/AddressText';
import { DateAt, ExternalLink } from '@/components/ui/chainDisplay';
import { Card } from '@/components/ui/primitives';
import { SafeText } from '@/components/ui/SafeText';

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
          <SafeText text={q.platform} kind="name" />
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
          <dd className="mt-0.5" data-testid="request-description">
            <SafeText text={q.description} multiline />
          </dd>
        </div>
      </dl>
    </Card>
  );
}

/**
 * When the request was submitted, approved, started and closed. A rejected request's steps stop at its rejection
 * (with the date and the reason), never "Approved: not yet" for a step that will not come; an open request shows
 * the steps still ahead as "not yet".
 */
export function RequestTimeline({ request: q }: { request: AuditRequest }) {
  const rejected = q.state === RequestState.Rejected;
  return (
    <Card title="Timeline">
      <ol className="space-y-1 text-sm" data-testid="request-timeline">
        <TimelineStep label="Submitted" at={q.submitted_at} />
        {(!rejected || q.approved_at > 0n) && <TimelineStep label="Approved" at={q.approved_at} />}
        {(!rejected || q.started_at > 0n) && <TimelineStep label="Started (in progress)" at={q.started_at} />}
        {rejected ? (
          <li className="flex flex-wrap gap-x-2">
            <span className="font-medium text-rose-200">Rejected</span>{' '}
            <span>
              on <DateAt at={q.closed_at} />:{' '}
              <span data-testid="reject-reason">
                <SafeText text={q.reject_reason} multiline />
              </span>
            </span>
          </li>
        ) : (
          <TimelineStep label="Completed" at={q.closed_at} />
        )}
      </ol>
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
      <span className={at > 0n ? 'font-medium' : 'text-slate-400'}>{label}</span>{' '}
      {at > 0n ? (
        <span>
          on <DateAt at={at} />
        </span>
      ) : (
        <span className="text-slate-400">not yet</span>
      )}
    </li>
  );
}
