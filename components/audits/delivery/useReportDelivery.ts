'use client';
// The auditor's delivery once the report is prepared: seal it for the recipients, store the envelope on the file
// system with its deposit (the shared pay-then-send steps), then commit the link's hash with the envelope's CID.
// Two wallet signatures: the deposit and the commit. A retry reuses the envelope already sealed, so its path finds
// the deposit already paid and nothing is paid twice.
import { computeCid } from '@callisto-hub/unixfs';
import { useRef, useState } from 'react';
import type { Address, Hash } from 'viem';
import { useChainId } from 'wagmi';
import { auditRegistryAbi } from '@/contracts-abi/AuditRegistry';
import type { EnvelopeRecipient } from '@/lib/audits/envelope/seal';
import { useFileStorage } from '@/components/files/hooks/useFileStorage';
import { useTransaction } from '@/components/ui/useTransaction';
import { ENVELOPE_FILE_NAME, envelopeFilePath, type PreparedReport } from './deliveryPlan';

export interface SealedEnvelope {
  /** What it was sealed from: a retry with the same report, recipients and request reuses it. */
  key: string;
  bytes: Uint8Array;
  cid: string;
  size: bigint;
  path: string;
}

export type DeliveryStep =
  | { step: 'idle' }
  | { step: 'sealing' }
  /** The file system's steps: `storage.state` says which (paying, sending). */
  | { step: 'storing' }
  | { step: 'committing' }
  | { step: 'delivered'; envelopeCid: string; endpoint: string; hash: Hash }
  | { step: 'failed'; message: string };

export const DEPOSIT_DECLINED =
  'You declined the first signature. It pays the storage deposit of the encrypted envelope (your own file, refundable from the Files page after the reveal). Nothing was stored or committed.';
export const COMMIT_DECLINED =
  'You declined the second signature. It records the report’s hash and the envelope’s address in the registry, so the managers find it. The envelope is stored and paid for: press the button again to commit; you will not pay the deposit twice.';

function sealKey(
  chainId: number,
  registry: Address,
  requestId: bigint,
  auditor: Address,
  report: PreparedReport,
  recipients: readonly EnvelopeRecipient[],
): string {
  const who = recipients.map((r) => `${r.account}:${r.publicKey}`.toLowerCase()).sort();
  return [chainId, registry.toLowerCase(), requestId, auditor.toLowerCase(), report.cid, ...who].join('|');
}

export function useReportDelivery({
  registry,
  requestId,
  account,
  fileSystem,
}: {
  registry: Address;
  requestId: bigint;
  account: Address | undefined;
  fileSystem: Address | undefined;
}) {
  const chainId = useChainId();
  const storage = useFileStorage(fileSystem, account);
  const depositTx = useTransaction();
  const commitTx = useTransaction();
  const [state, setState] = useState<DeliveryStep>({ step: 'idle' });
  const sealed = useRef<SealedEnvelope | undefined>(undefined);

  async function sealOnce(auditor: Address, report: PreparedReport, recipients: readonly EnvelopeRecipient[]) {
    const key = sealKey(chainId, registry, requestId, auditor, report, recipients);
    if (sealed.current?.key === key) return sealed.current;
    // Loaded on first use: the HPKE code is not part of the page's first load.
    const { sealReport } = await import('@/lib/audits/envelope/seal');
    const bytes = await sealReport({
      plaintext: report.bytes,
      recipients,
      context: { chainId, registry, requestId, auditor },
    });
    const { cid, size } = await computeCid([
      {
        path: ENVELOPE_FILE_NAME,
        content: (async function* () {
          yield bytes;
        })(),
      },
    ]);
    sealed.current = { key, bytes, cid, size, path: envelopeFilePath(requestId, cid) };
    return sealed.current;
  }

  /** Seals, stores and commits; each step shows in `state` (and `storage.state` while storing). */
  async function deliver(
    report: PreparedReport,
    recipients: readonly EnvelopeRecipient[],
    endpoints: readonly string[],
  ) {
    if (!account) return setState({ step: 'failed', message: 'Connect the auditor’s wallet first.' });
    // A new attempt: what the last one said no longer applies.
    storage.reset();
    setState({ step: 'sealing' });
    let envelope: SealedEnvelope;
    try {
      envelope = await sealOnce(account, report, recipients);
    } catch (error) {
      return setState({ step: 'failed', message: `The report could not be sealed: ${(error as Error).message}` });
    }
    setState({ step: 'storing' });
    const stored = await storage.store(
      {
        bytes: envelope.bytes,
        cid: envelope.cid,
        size: envelope.size,
        path: envelope.path,
        fileName: ENVELOPE_FILE_NAME,
      },
      endpoints,
      depositTx,
      { noun: 'the envelope', retry: 'press the button again to retry; you will not pay twice' },
    );
    // A node's failure is said by the storage step; a reverted deposit by its transaction's status line.
    if (stored.status !== 'stored')
      return setState(stored.status === 'declined' ? { step: 'failed', message: DEPOSIT_DECLINED } : { step: 'idle' });
    setState({ step: 'committing' });
    const outcome = await commitTx.send(
      {
        address: registry,
        abi: auditRegistryAbi,
        functionName: 'submit_report',
        args: [requestId, report.commitment, envelope.cid],
      },
      { successMessage: `Committed the report for request #${requestId.toString()} with its envelope` },
    );
    if (outcome?.status === 'success')
      return setState({ step: 'delivered', envelopeCid: envelope.cid, endpoint: stored.endpoint, hash: outcome.hash });
    if (outcome?.status === 'cancelled') return setState({ step: 'failed', message: COMMIT_DECLINED });
    setState({ step: 'idle' });
  }

  function reset() {
    setState({ step: 'idle' });
    storage.reset();
  }

  return { state, storage: storage.state, depositTx: depositTx.state, commitTx: commitTx.state, deliver, reset };
}
