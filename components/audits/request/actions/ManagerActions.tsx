'use client';

import type { Address } from 'viem';
import type { RequestActions } from '@/lib/audits/actions';
import type { KarmaParameters } from '@/lib/audits/karma';
import { RequestState, awaitingReveal } from '@/lib/audits/requests';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { Card } from '@/components/ui/primitives';
import { ApproveAction } from './ApproveAction';
import { CompleteAction } from './CompleteAction';
import { RejectAction } from './RejectAction';
import { RevealReportAction } from './RevealReportAction';
import { SignReportAction } from './SignReportAction';
import { StartAction } from './StartAction';

/** The manager's actions on a request, each refused with its reason beside its button when the contract would
 * refuse it now (rules in lib/audits/actions.ts, calls in lib/audits/calls.ts). A finished request shows none of
 * the forms that can no longer do anything (its outcome says what happened): a rejected one nothing, a completed
 * one only the reveal, and only while a signed report waits for it. */
export function ManagerActions({
  registry,
  request,
  reports,
  actions,
  complexity,
  karmaParams,
}: {
  registry: Address;
  request: AuditRequest;
  reports: readonly AuditReport[];
  actions: RequestActions;
  /** complexity_of(id): 0 when the manager must give the complexity at reveal. */
  complexity: bigint | undefined;
  karmaParams: KarmaParameters | undefined;
}) {
  const id = request.id;
  const reveal = (
    <RevealReportAction
      registry={registry}
      id={id}
      reports={reports}
      action={actions.reveal}
      complexity={complexity}
      karmaParams={karmaParams}
    />
  );
  if (request.state === RequestState.Rejected) return null;
  if (request.state === RequestState.Completed) {
    return awaitingReveal(reports).length > 0 ? <Card title="Manager actions">{reveal}</Card> : null;
  }
  return (
    <Card title="Manager actions">
      <div className="grid gap-6 md:grid-cols-2">
        <ApproveAction registry={registry} id={id} action={actions.approve} />
        <StartAction registry={registry} id={id} action={actions.start} />
        <RejectAction registry={registry} id={id} action={actions.reject} />
        <SignReportAction registry={registry} id={id} reports={reports} action={actions.sign} />
        {reveal}
        <CompleteAction registry={registry} id={id} action={actions.complete} />
      </div>
    </Card>
  );
}
