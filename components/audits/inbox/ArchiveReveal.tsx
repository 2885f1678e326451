'use client';

import type { ReactNode } from 'react';
import { formatBytes } from '@/lib/files/units';
import { ProgressBar } from '@/components/files/pageParts';
import { Amount } from '@/components/ui/Amount';
import { Button } from '@/components/ui/primitives';
import type { ArchivePlan } from './archivePlan';
import type { EnvelopeReport } from './deliveredReports';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { useStorageQuote } from '@/components/files/hooks/useStorageQuote';
import { useArchiveUpload } from './useArchiveUpload';

/** What the reveal transaction needs from the archive: shown and sent by the request's reveal action. */
export type ArchiveRevealInput = { link: string; size: bigint; deposit: bigint };

/**
 * Revealing a delivered report publishes it on the Callisto File System: the terms (who pays the deposit, how long
 * the report is kept) before the wallet opens, the reveal itself (`revealAction`, the registry's transaction), and
 * then the plaintext sent to the host nodes, with its progress. The upload is offered again for any revealed
 * report whose plaintext this browser holds, so an interrupted upload can be finished by any manager.
 */
export function ArchiveReveal({
  report,
  plan,
  plaintext,
  revealAction,
}: {
  report: EnvelopeReport;
  plan: ArchivePlan;
  plaintext: Uint8Array;
  revealAction?: (input: ArchiveRevealInput) => ReactNode;
}) {
  const fileSystem = useFileSystem();
  const { deposit } = useStorageQuote(fileSystem?.address, plan.size);
  const archive = useArchiveUpload();
  if (!plan.matchesCommitment) return null;
  return (
    <div className="space-y-2 rounded-md border border-slate-800 p-3" data-testid="archive-reveal">
      {!report.revealed && report.signed && (
        <>
          <p className="text-sm text-slate-300" data-testid="archive-terms">
            Revealing publishes <span className="font-mono break-all">{plan.link}</span> and stores the report (
            {formatBytes(plan.size)}) on the Callisto File System as the audit archive’s own file. You pay its deposit
            now: {deposit === undefined ? '…' : <Amount wei={deposit} />} at the current price. No person can withdraw
            it: the report stays stored while the registry lists it. The deposit comes back to you only if no host node
            confirms the file within a day of the reveal.
          </p>
          {deposit !== undefined && revealAction?.({ link: plan.link, size: plan.size, deposit })}
        </>
      )}
      {report.revealed && (
        <div className="space-y-2">
          <p className="text-sm text-slate-300">
            The report is revealed. Send it to the host nodes so that everyone can read it, verified, from the registry:
            once is enough, the nodes copy it from each other.
          </p>
          <Button
            variant="secondary"
            onClick={() => void archive.upload(plaintext, plan.cid)}
            disabled={archive.state.step === 'uploading' || !archive.nodesKnown}
          >
            Send the report to the host nodes
          </Button>
          {archive.state.step === 'uploading' && (
            <ProgressBar
              label="Sending the report to a host node"
              value={archive.state.progress?.loaded ?? 0}
              max={archive.state.progress?.total}
              testId="archive-upload-progress"
            />
          )}
          {archive.state.step === 'done' && (
            <p role="status" className="text-sm text-emerald-300" data-testid="archive-uploaded">
              Stored on {archive.state.endpoint}; the other nodes copy it from there.
            </p>
          )}
          {archive.state.step === 'failed' && (
            <p role="alert" className="text-sm text-rose-300">
              {archive.state.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
