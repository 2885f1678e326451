'use client';

import type { ReactNode } from 'react';
import type { Address } from 'viem';
import type { ActionState } from '@/lib/tx/actionState';
import { useArchiveCopyState } from '@/components/audits/archive/useArchiveCopyState';
import type { ArchivePlan } from './archivePlan';
import type { ArchiveRevealInput } from './archiveReveal';
import type { EnvelopeReport } from './deliveredReports';
import { ArchiveSendStep, ArchiveTerms } from './ArchiveSendStep';
import { useArchiveReveal } from './useArchiveReveal';

export type { ArchiveRevealInput } from './archiveReveal';

/**
 * Revealing a delivered report publishes it on the Callisto File System, in the one order every archive reveal
 * follows (archiveReveal.ts): the terms, the plaintext sent to a host node with its progress, then the reveal
 * (`revealAction`, the registry's transaction, which refuses until a node holds the bytes). Once revealed, a copy
 * no node has confirmed is offered again to any manager whose browser holds the plaintext.
 */
export function ArchiveReveal({
  registry,
  requestId,
  report,
  plan,
  plaintext,
  revealAction,
  revealState,
}: {
  registry: Address;
  requestId: bigint;
  report: EnvelopeReport;
  plan: ArchivePlan;
  plaintext: Uint8Array;
  revealAction?: (input: ArchiveRevealInput | { error: string }) => ReactNode;
  /** Whether the registry would take the reveal now (the request's state and the account's role). */
  revealState?: ActionState;
}) {
  const flow = useArchiveReveal(plan, plaintext);
  const copy = useArchiveCopyState(registry, requestId, report.auditor, report.revealed);
  if (!plan.matchesCommitment) return null;
  if (!report.revealed) {
    if (!revealAction) return null;
    return (
      <div className="space-y-2 rounded-md border border-slate-800 p-3" data-testid="archive-reveal">
        {report.signed ? (
          <>
            <ArchiveTerms flow={flow} />
            <ArchiveSendStep flow={flow} blocked={revealState?.allowed === false ? revealState.reason : undefined} />
            {revealAction(flow.input)}
          </>
        ) : (
          <p className="text-sm text-slate-300">
            Sign this report first (Manager actions, below): a report is revealed once it is signed.
          </p>
        )}
      </div>
    );
  }
  const state = copy.state;
  return (
    <div className="space-y-2 rounded-md border border-slate-800 p-3" data-testid="archive-reveal">
      {state === undefined ? (
        <p role="status" className="text-sm text-slate-300">
          Reading the archive copy’s state…
        </p>
      ) : state.kind === 'confirmed' ? (
        <p className="text-sm text-emerald-300" data-testid="archive-confirmed">
          The report is revealed and its archive copy is stored: {state.confirmations} host node
          {state.confirmations === 1 ? '' : 's'} confirmed holding it.
        </p>
      ) : state.kind === 'waiting' ? (
        <>
          <p className="text-sm text-slate-300" data-testid="archive-waiting">
            The report is revealed; no host node has confirmed its archive copy yet. If the send was interrupted, send
            it again from here: it costs nothing, and the nodes confirm it once one holds it.
          </p>
          <ArchiveSendStep flow={flow} again />
        </>
      ) : state.kind === 'expired' ? (
        <p className="text-sm text-amber-300" data-testid="archive-expired">
          The report is revealed, but no host node confirmed its archive copy within its day: anyone may release it (the
          deposit goes back to the manager who paid), and a manager then stores it again.
        </p>
      ) : (
        <p className="text-sm text-slate-300" data-testid="archive-not-stored">
          The report is revealed; the audit archive holds no copy of it now.
        </p>
      )}
    </div>
  );
}
