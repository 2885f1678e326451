'use client';

import type { ReactNode } from 'react';
import type { Address } from 'viem';
import type { ActionState } from '@/lib/tx/actionState';
import { useAccount, useReadContract } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import { KEY_SIGNATURE_PURPOSE } from '@/lib/audits/envelope/advice';
import { formatBytes } from '@/lib/files/units';
import { ProgressBar } from '@/components/files/pageParts';
import { Button, Card } from '@/components/ui/primitives';
import { deliveredReportsOf, SEALED_FOR_MANAGERS, type EnvelopeReport } from './deliveredReports';
import { ArchiveReveal } from './ArchiveReveal';
import type { ArchiveRevealInput } from './archiveReveal';
import { CommitmentMatch } from './CommitmentMatch';
import { OpenedReport } from './OpenedReport';
import { useArchivePlan } from './useArchivePlan';
import { useDeliveredReport, type FetchEnvelope } from './useDeliveredReport';
import { useEncryptionKeyPair } from './useEncryptionKeyPair';
import { useEnvelopeFetcher } from './useEnvelopeFetcher';

/**
 * The reports delivered encrypted on a request, one per auditor: a manager decrypts and reads each one here, in the
 * browser, before signing it. A visitor with no wallet learns only that reports were delivered; an account the
 * registry says is no manager is told the reports are not for it, and offered nothing to decrypt; a manager whose
 * account the envelope does not name (appointed after the delivery) is told so once the envelope is read, before
 * any signature. `fetchEnvelope` defaults to the elected host nodes.
 */
export function DeliveredReports({
  registry,
  requestId,
  reports,
  fetchEnvelope,
  revealAction,
  revealState,
}: {
  registry: Address;
  requestId: bigint;
  reports: readonly EnvelopeReport[];
  /** Whether the registry would take a reveal now: nothing is sent to a node for a reveal that cannot follow. */
  revealState?: ActionState;
  fetchEnvelope?: FetchEnvelope;
  /** The registry's reveal transaction for one report, with the archive's link, size and deposit. */
  revealAction?: (report: EnvelopeReport, input: ArchiveRevealInput | { error: string }) => ReactNode;
}) {
  const delivered = deliveredReportsOf(reports);
  const fromNodes = useEnvelopeFetcher();
  const { address } = useAccount();
  const key = useEncryptionKeyPair(registry, address);
  const manager = useReadContract({
    address: registry,
    abi: auditRegistryAbi,
    functionName: 'is_manager',
    args: address ? [address] : undefined,
    query: { enabled: address !== undefined },
  });
  // A request with no encrypted delivery (a gist link, or nothing committed yet) has nothing to show here.
  if (delivered.length === 0) return null;
  if (!address) {
    return (
      <Card title="Delivered reports">
        <p className="text-sm text-slate-300" data-testid="delivered-count">
          {delivered.length === 1
            ? 'One report was delivered encrypted to the managers.'
            : `${delivered.length} reports were delivered encrypted to the managers.`}{' '}
          Each is {SEALED_FOR_MANAGERS}; it is published here once a manager reveals it. A manager connects a wallet to
          read them.
        </p>
      </Card>
    );
  }
  // Only a read that answered "no" hides the decrypt button: if the role cannot be read, the envelope's own list
  // of recipients decides.
  const notManager = manager.data === false;
  return (
    <Card title="Delivered reports">
      <div className="space-y-3">
        <p className="text-sm text-slate-300">
          Each report is encrypted for the managers in office when it was delivered; only they can read it, here in the
          browser. The host nodes that store it see only ciphertext. {KEY_SIGNATURE_PURPOSE}
        </p>
        {key.state.status === 'failed' && (
          <p role="alert" className="text-sm text-rose-300" data-testid="key-signature-error">
            {key.state.message}
          </p>
        )}
        <ul className="space-y-3">
          {delivered.map((r) => (
            <DeliveredReportItem
              key={r.auditor}
              registry={registry}
              chainId={key.chainId}
              requestId={requestId}
              report={r}
              account={address}
              notManager={notManager}
              deriveKeyPair={key.derive}
              fetchEnvelope={fetchEnvelope ?? fromNodes}
              revealAction={revealAction && ((input) => revealAction(r, input))}
              revealState={revealState}
            />
          ))}
        </ul>
      </div>
    </Card>
  );
}

function DeliveredReportItem({
  registry,
  chainId,
  requestId,
  report,
  account,
  notManager,
  deriveKeyPair,
  fetchEnvelope,
  revealAction,
  revealState,
}: {
  registry: Address;
  chainId: number;
  requestId: bigint;
  report: EnvelopeReport;
  account: Address;
  notManager: boolean;
  deriveKeyPair: Parameters<typeof useDeliveredReport>[0]['deriveKeyPair'];
  fetchEnvelope: FetchEnvelope;
  revealAction: ((input: ArchiveRevealInput | { error: string }) => ReactNode) | undefined;
  revealState: ActionState | undefined;
}) {
  const { state, read, close } = useDeliveredReport({
    registry,
    chainId,
    requestId,
    auditor: report.auditor,
    envelopeCid: report.envelope_cid,
    account,
    deriveKeyPair,
    fetchEnvelope,
  });
  const plaintext = state.step === 'opened' ? state.plaintext : undefined;
  const plan = useArchivePlan(plaintext, report.commitment);
  const busy = state.step === 'key' || state.step === 'download' || state.step === 'decrypt';
  return (
    <li className="min-w-0 space-y-2 rounded-md border border-slate-800 p-3" data-testid="delivered-report">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0 text-sm">
          <p>
            Report of <span className="font-mono text-xs break-all">{report.auditor}</span>
          </p>
          <p className="text-xs text-slate-400">
            {report.revealed ? 'Revealed' : report.signed ? 'Signed, not revealed' : 'Not signed yet'} · envelope{' '}
            <span className="font-mono break-all">{report.envelope_cid}</span>
          </p>
        </div>
        {notManager ? null : state.step === 'opened' ? (
          <Button variant="secondary" onClick={close}>
            Close the report
          </Button>
        ) : (
          <Button onClick={() => void read()} disabled={busy}>
            {busy ? 'Opening…' : 'Decrypt and read'}
          </Button>
        )}
      </div>
      {(notManager || state.step === 'not-a-recipient') && (
        <p className="text-sm text-slate-300" data-testid="not-a-recipient">
          This report is {SEALED_FOR_MANAGERS}, and your account {account} is not one of them
          {state.step === 'not-a-recipient'
            ? ` (it names ${state.recipients} account${state.recipients === 1 ? '' : 's'})`
            : ''}
          : it cannot be read here. It is published on this page once a manager reveals it.
        </p>
      )}
      {state.step === 'key' && (
        <p className="text-sm text-slate-300" role="status">
          Confirm the signature in your wallet: it derives your report key and sends no transaction.
        </p>
      )}
      {state.step === 'download' && (
        <ProgressBar
          label="Reading the envelope from the host nodes and checking each block"
          value={state.progress?.received ?? 0}
          max={state.progress?.total}
          detail={state.progress ? `${formatBytes(BigInt(state.progress.received))} received` : 'Connecting…'}
          testId="envelope-progress"
        />
      )}
      {state.step === 'decrypt' && (
        <p className="text-sm text-slate-300" role="status">
          Decrypting…
        </p>
      )}
      {state.step === 'failed' && (
        <div role="alert" className="space-y-1 text-sm" data-testid="envelope-error">
          <p className="text-rose-300">{state.message}</p>
          {state.advice && <p className="text-slate-300">{state.advice}</p>}
        </div>
      )}
      {state.step === 'opened' && (
        <>
          <CommitmentMatch plaintext={state.plaintext} commitment={report.commitment} />
          <OpenedReport plaintext={state.plaintext} fileName={`report-${requestId.toString()}-${report.auditor}`} />
          {plan.data && (
            <ArchiveReveal
              registry={registry}
              requestId={requestId}
              report={report}
              plan={plan.data}
              plaintext={state.plaintext}
              revealAction={revealAction}
              revealState={revealState}
            />
          )}
        </>
      )}
    </li>
  );
}
