'use client';

import type { Address } from 'viem';
import type { RequestActions } from '@/lib/audits/actions';
import type { KarmaParameters } from '@/lib/audits/karma';
import type { AuditReport, AuditRequest } from '@/lib/audits/types';
import { Card } from '@/components/ui/primitives';
import { ApproveAction } from './ApproveAction';
import { CompleteAction } from './CompleteAction';
import { RejectAction } from './RejectAction';
import { RevealReportAction } from './RevealReportAction';
import { SignReportAction } from './SignReportAction';
import { StartAction } from './StartAction';

/** The manager's actions on a request, each refused with its reason beside its button when the contract would
 * refuse it now (rules in lib/audits/actions.ts, calls in lib/audits/calls.ts). */
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
  return (
    <Card title="Manager actions">
      <div className="grid gap-6 md:grid-cols-2">
        <ApproveAction registry={registry} id={id} action={actions.approve} />
        <StartAction registry={registry} id={id} action={actions.start} />
        <RejectAction registry={registry} id={id} action={actions.reject} />
        <SignReportAction registry={registry} id={id} reports={reports} action={actions.sign} />
        <RevealReportAction
          registry={registry}
          id={id}
          reports={reports}
          action={actions.reveal}
          complexity={complexity}
          karmaParams={karmaParams}
        />
        <CompleteAction registry={registry} id={id} action={actions.complete} />
      </div>
    </Card>
  );
}
