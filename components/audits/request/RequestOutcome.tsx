'use client';

import { RequestState, SEVERITY_FIELDS, severitySummary } from '@/lib/audits/requests';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { DateAt } from '@/components/ui/chainDisplay';
import { Card } from '@/components/ui/primitives';
import { VerdictBadge } from '@/components/audits/pageParts';

/** Whether the request is closed for good: completed with a verdict, or rejected. Nothing but a reveal (of a
 * completed request's signed reports) can happen to it any more. */
export function isFinished(state: number): boolean {
  return state === RequestState.Completed || state === RequestState.Rejected;
}

/**
 * What became of a finished request, in place of the manager forms that can no longer do anything: the verdict
 * with its findings by severity and the date, or the rejection with its reason and date.
 */
export function RequestOutcome({ request: q, reports }: { request: AuditRequest; reports: readonly AuditReport[] }) {
  if (q.state === RequestState.Rejected) {
    return (
      <Card title="Outcome">
        <div className="space-y-2 text-sm" data-testid="request-outcome">
          <p>
            <span className="font-semibold text-rose-200">Rejected</span> on <DateAt at={q.closed_at} />.
          </p>
          <p>
            <span className="text-slate-400">Reason: </span>
            <span className="break-words">{q.reject_reason}</span>
          </p>
          <p className="text-slate-400">
            The audit did not take place: the reports committed on it are never revealed and earn no karma.
          </p>
        </div>
      </Card>
    );
  }
  if (q.state !== RequestState.Completed) return null;
  const revealed = reports.filter((r) => r.revealed).length;
  return (
    <Card title="Outcome">
      <div className="space-y-3 text-sm" data-testid="request-outcome">
        <p className="flex flex-wrap items-center gap-2">
          <VerdictBadge passed={q.passed} />
          <span>
            {q.passed ? 'The audit passed' : 'The audit found issues'}: completed on <DateAt at={q.closed_at} />.
          </span>
        </p>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label={`Findings: ${severitySummary(q.severity)}`}>
          {SEVERITY_FIELDS.map(({ key, label }) => (
            <div key={key} className="rounded-md border border-slate-800 px-2 py-1">
              <dt className="text-xs text-slate-400">{label}</dt>
              <dd className="text-base font-semibold tabular-nums">{q.severity[key]}</dd>
            </div>
          ))}
        </dl>
        <p className="text-slate-400">
          {revealed === reports.length
            ? reports.length === 1
              ? 'Its report is revealed below.'
              : `All ${reports.length} of its reports are revealed below.`
            : `${revealed} of ${reports.length} reports revealed; a manager may still reveal the signed ones.`}
        </p>
      </div>
    </Card>
  );
}
