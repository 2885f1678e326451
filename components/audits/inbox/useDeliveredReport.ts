'use client';

import { useCallback, useRef, useState } from 'react';
import type { Address } from 'viem';
import { envelopeErrorAdvice } from '@/lib/audits/envelope/advice';
import { EnvelopeError } from '@/lib/audits/envelope/errors';
import type { EncryptionKeyPair } from '@/lib/audits/envelope/keyMessage';
import type { DownloadProgress } from '@/lib/files/verifiedDownload';
import { isRecipient } from './deliveredReports';

/** Fetches an envelope's verified bytes by CID: the host nodes in the app, anything that serves the same bytes in
 * a test. */
export type FetchEnvelope = (
  cid: string,
  options: { signal: AbortSignal; onProgress: (progress: DownloadProgress) => void },
) => Promise<Uint8Array>;

export type DeliveredReportState =
  | { step: 'closed' }
  | { step: 'download'; progress: DownloadProgress | undefined }
  /** The envelope names its recipients, and the connected account is not one of them: nothing is decrypted. */
  | { step: 'not-a-recipient'; recipients: number }
  | { step: 'key' }
  | { step: 'decrypt' }
  | { step: 'opened'; plaintext: Uint8Array }
  | { step: 'failed'; message: string; advice: string | undefined };

/**
 * Opens one delivered report: the envelope from the host nodes (verified against its CID), its recipients checked
 * against the connected account (an account it was not sealed for is told so, and no signature is asked of it),
 * then the key pair (a signature the first time) and the decryption for this request and auditor. Each step shows
 * in `state`; a failure says what happened and, for an envelope that does not open, what to do.
 */
export function useDeliveredReport(args: {
  registry: Address;
  chainId: number;
  requestId: bigint;
  auditor: Address;
  envelopeCid: string;
  account: Address | undefined;
  deriveKeyPair: () => Promise<EncryptionKeyPair | undefined>;
  fetchEnvelope: FetchEnvelope;
}) {
  const { registry, chainId, requestId, auditor, envelopeCid, account, deriveKeyPair, fetchEnvelope } = args;
  const [state, setState] = useState<DeliveredReportState>({ step: 'closed' });
  const running = useRef<AbortController | undefined>(undefined);

  const read = useCallback(async () => {
    if (!account) return;
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const fail = (message: string, advice?: string) => {
      if (!controller.signal.aborted) setState({ step: 'failed', message, advice });
    };
    setState({ step: 'download', progress: undefined });
    let envelope: Uint8Array;
    try {
      envelope = await fetchEnvelope(envelopeCid, {
        signal: controller.signal,
        onProgress: (progress) => !controller.signal.aborted && setState({ step: 'download', progress }),
      });
    } catch (error) {
      return fail(`The envelope could not be read from the host nodes: ${(error as Error).message}`);
    }
    if (controller.signal.aborted) return;
    // Loaded on first use: the envelope and HPKE code is not part of the page's first load.
    const { parseEnvelope } = await import('@/lib/audits/envelope/format');
    let recipients: readonly Address[];
    try {
      recipients = (await parseEnvelope(envelope)).recipients.map((r) => r.account);
    } catch (error) {
      if (error instanceof EnvelopeError) return fail(error.message, envelopeErrorAdvice(error.kind));
      return fail(`The envelope could not be read: ${(error as Error).message}`);
    }
    if (!isRecipient(recipients, account)) {
      return setState({ step: 'not-a-recipient', recipients: recipients.length });
    }
    setState({ step: 'key' });
    const keyPair = await deriveKeyPair();
    if (!keyPair) return setState({ step: 'closed' });
    if (controller.signal.aborted) return;
    setState({ step: 'decrypt' });
    try {
      const { openReport } = await import('@/lib/audits/envelope/seal');
      const plaintext = await openReport({
        envelope,
        account,
        keyPair,
        context: { chainId, registry, requestId, auditor },
      });
      if (!controller.signal.aborted) setState({ step: 'opened', plaintext });
    } catch (error) {
      if (error instanceof EnvelopeError) return fail(error.message, envelopeErrorAdvice(error.kind));
      return fail(`The report could not be decrypted: ${(error as Error).message}`);
    }
  }, [account, auditor, chainId, deriveKeyPair, envelopeCid, fetchEnvelope, registry, requestId]);

  const close = useCallback(() => {
    running.current?.abort();
    setState({ step: 'closed' });
  }, []);

  return { state, read, close };
}
