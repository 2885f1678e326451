'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { useAccount } from 'wagmi';
import type { Address } from 'viem';
import { formatBytes } from '@/lib/files/units';
import { endpointHost } from '@/lib/files/links';
import type { ActionState } from '@/lib/tx/actionState';
import type { AuditReport } from '@/lib/audits/types';
import { ProgressBar } from '@/components/files/pageParts';
import { useHostNodes } from '@/components/files/hooks/useHostNodes';
import { useStorageQuote } from '@/components/files/hooks/useStorageQuote';
import { Amount } from '@/components/ui/Amount';
import { Button } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useCommitmentUsed } from '../hooks/useCommitmentUsed';
import { envelopeSizeFor } from './deliveryPlan';
import { RecipientsList } from './RecipientsList';
import { ReportSourceFields, type ReportSource } from './ReportSourceFields';
import { useDeliveryRecipients } from './useDeliveryRecipients';
import { usePreparedReport } from './usePreparedReport';
import { useReportDelivery } from './useReportDelivery';

const ALREADY_USED =
  'This report’s link is already committed in the registry, which accepts each commitment once: change the report (a new version, a date) to deliver it again.';

/**
 * The auditor's private delivery: the report written here or picked, its CID, link and commitment computed in the
 * browser, sealed for the managers in office, stored encrypted on the file system with a deposit, and committed
 * with the envelope's CID, so the managers find it on the request page with no link sent by email.
 */
export function DeliverPrivatelyForm({
  registry,
  fileSystem,
  requestId,
  myReport,
  action,
}: {
  registry: Address;
  /** The Callisto File System that stores the envelope; undefined on a network without one. */
  fileSystem: Address | undefined;
  requestId: bigint;
  myReport: AuditReport | undefined;
  action: ActionState;
}) {
  const { address: account } = useAccount();
  const blockerId = `${useId()}-blocker`;
  const [source, setSource] = useState<ReportSource>({ bytes: undefined, name: '', problem: undefined });
  const prepared = usePreparedReport(source.bytes);
  const report = source.bytes && !prepared.isPlaceholderData ? prepared.data : undefined;
  // While the next keystroke's CID is computed, the last one stays on screen; only a current one can be sent.
  const shown = source.bytes ? prepared.data : undefined;
  const committed = useCommitmentUsed(registry, report?.commitment);
  // Only an account allowed to commit reads the managers' keys and the host nodes.
  const active = account !== undefined && action.allowed;
  const readers = useDeliveryRecipients(registry, active ? account : undefined);
  const nodes = useHostNodes(fileSystem, { enabled: active });
  const endpoints = nodes.data?.map((n) => n.endpoint) ?? [];
  const envelopeSize =
    report && readers.data ? envelopeSizeFor(report.size, readers.data.recipients.length) : undefined;
  const { deposit } = useStorageQuote(fileSystem, envelopeSize);
  const delivery = useReportDelivery({ registry, requestId, account, fileSystem });
  const { state, storage } = delivery;
  const busy = state.step === 'sealing' || state.step === 'storing' || state.step === 'committing';
  // Once this form committed the report, its commitment is used because of it: that is the success, not a problem.
  const used = committed && state.step !== 'delivered';

  const blocker: string | undefined = !action.allowed
    ? action.reason
    : state.step === 'delivered'
      ? 'Delivered. To replace it before a manager signs it, change the report and deliver again.'
      : !fileSystem
        ? 'This network has no Callisto File System: commit a link instead.'
        : source.problem
          ? 'The report cannot be delivered as it is: see the message under it.'
          : !source.bytes
            ? 'Write the report or pick its file first.'
            : !report
              ? 'Computing the report’s CID…'
              : used
                ? ALREADY_USED
                : !readers.data
                  ? 'Reading the managers’ encryption keys…'
                  : readers.data.managersWithKey.length === 0
                    ? 'No manager in office has registered an encryption key, so nobody could read the report. Ask a manager to register one on the “Encryption key” card of the manager console, or commit a link instead.'
                    : nodes.data && endpoints.length === 0
                      ? 'No host node is elected: there is nowhere to store the envelope. Commit a link instead.'
                      : undefined;

  async function deliver() {
    if (blocker || !report || !readers.data) return;
    await delivery.deliver(report, readers.data.recipients, endpoints);
  }

  return (
    <div className="space-y-4" role="group" aria-label="Deliver the report privately">
      {myReport && (
        <p className="text-sm text-slate-300" data-testid="my-commitment">
          Your committed hash: <span className="font-mono text-xs break-all">{myReport.commitment}</span>
          {myReport.signed ? ' (signed)' : ' (you may replace it until a manager signs it)'}
        </p>
      )}
      <ReportSourceFields
        disabled={busy}
        onChange={(next) => {
          setSource(next);
          if (!busy) delivery.reset();
        }}
      />

      <dl className="grid gap-2 text-sm">
        <div className="min-w-0">
          <dt className="text-slate-400">
            Report CID (as <code>ipfs add --cid-version 1</code> prints it)
          </dt>
          <dd className="font-mono text-xs break-all" data-testid="delivery-cid">
            {shown?.cid ?? '—'}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-400">Link the managers will reveal</dt>
          <dd className="font-mono text-xs break-all" data-testid="delivery-link">
            {shown?.link ?? '—'}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-400">Keccak-256 of the link: the commitment that goes on chain</dt>
          <dd className="font-mono text-xs break-all" data-testid="delivery-commitment">
            {shown?.commitment ?? '—'}
          </dd>
        </div>
        {shown && (
          <div>
            <dt className="text-slate-400">Size</dt>
            <dd>{formatBytes(shown.size)}</dd>
          </div>
        )}
      </dl>
      {used && (
        <p className="text-sm text-rose-300" role="alert">
          {ALREADY_USED}
        </p>
      )}

      {active && <RecipientsList readers={readers.data} error={readers.error} onRetry={() => void readers.refetch()} />}

      <div className="space-y-1 text-sm text-slate-300" data-testid="delivery-terms">
        <p>
          Delivering asks your wallet for <strong>two signatures</strong>: first the storage deposit of the encrypted
          envelope ({envelopeSize === undefined ? '…' : formatBytes(envelopeSize)},{' '}
          {deposit === undefined ? '…' : <Amount wei={deposit} />} at the current price), then the commit of the
          report’s hash with the envelope’s address.
        </p>
        <p>
          The envelope is your own file on the file system: once the report is revealed, withdraw its deposit on the{' '}
          <Link href="/files/" className="text-teal-300 underline underline-offset-2">
            Files page
          </Link>
          . The host nodes store only ciphertext.
        </p>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={() => void deliver()}
          disabled={busy || blocker !== undefined}
          aria-describedby={blocker ? blockerId : undefined}
        >
          {myReport ? 'Seal, store and replace the report' : 'Seal, store and commit the report'}
        </Button>
      </div>
      {blocker && !busy && (
        <p id={blockerId} className="text-sm text-slate-400" data-testid="delivery-blocker">
          {blocker}
        </p>
      )}

      <DeliveryProgress
        state={state}
        storage={storage}
        readerCount={readers.data?.recipients.length ?? 0}
        envelopeSize={envelopeSize}
      />
      <TxStatus state={delivery.depositTx} />
      <TxStatus state={delivery.commitTx} />
    </div>
  );
}

function DeliveryProgress({
  state,
  storage,
  readerCount,
  envelopeSize,
}: {
  state: ReturnType<typeof useReportDelivery>['state'];
  storage: ReturnType<typeof useReportDelivery>['storage'];
  readerCount: number;
  envelopeSize: bigint | undefined;
}) {
  if (state.step === 'delivered')
    return (
      <div
        role="status"
        className="space-y-1 rounded-md border border-emerald-700 bg-emerald-950/60 px-3 py-2 text-sm text-emerald-100"
        data-testid="delivery-done"
      >
        <p>
          Delivered. The report is encrypted for {readerCount} reader{readerCount === 1 ? '' : 's'}, stored on{' '}
          {endpointHost(state.endpoint)} (the other host nodes copy it), and its hash is committed with the envelope{' '}
          <span className="font-mono text-xs break-all">{state.envelopeCid}</span>.
        </p>
        <p>
          The managers find it under “Delivered reports” on the request page, where they decrypt and read it. Nothing
          else to send: no email, no link.
        </p>
      </div>
    );
  if (state.step === 'failed')
    return (
      <p role="alert" className="text-sm text-rose-300" data-testid="delivery-error">
        {state.message}
      </p>
    );
  if (storage.step === 'failed')
    return (
      <p role="alert" className="text-sm text-rose-300" data-testid="delivery-error">
        The envelope was not stored, so nothing was committed: {storage.message}
      </p>
    );
  if (state.step === 'idle') return null;
  const p = storage.step === 'sending' ? storage.progress : undefined;
  return (
    <div role="status" className="space-y-2 text-sm text-slate-300" data-testid="delivery-progress">
      {state.step === 'sealing' && (
        <p>
          Sealing the report for {readerCount} reader{readerCount === 1 ? '' : 's'}…
        </p>
      )}
      {state.step === 'storing' && storage.step === 'paying' && (
        <p>Paying the deposit: signature 1 of 2, in your wallet…</p>
      )}
      {state.step === 'storing' && storage.step === 'sending' && (
        <ProgressBar
          label={`Sending ${envelopeSize === undefined ? 'the envelope' : formatBytes(envelopeSize)} to ${p ? endpointHost(p.endpoint) : 'a host node'}`}
          value={p?.loaded ?? 0}
          max={p?.total}
          detail={p?.waitingSeconds ? `The node is busy: trying again in ${p.waitingSeconds} s.` : undefined}
          testId="delivery-upload-progress"
        />
      )}
      {state.step === 'storing' && storage.step !== 'paying' && storage.step !== 'sending' && (
        <p>Checking the file system…</p>
      )}
      {state.step === 'committing' && <p>Committing: signature 2 of 2, in your wallet…</p>}
    </div>
  );
}
