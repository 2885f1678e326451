'use client';
// Storing the description on the file system as the first steps of submitting a proposal: the `upload`
// transaction with the storage deposit (skipped when this author already stored these bytes, so a second attempt
// never pays twice), then the bytes to the first elected host node that takes them.
import { useState } from 'react';
import type { Address } from 'viem';
import { usePublicClient } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import {
  AllHostNodesFailedError,
  HostNodeError,
  uploadToHostNodes,
  type UploadProgress,
} from '@/lib/files/hostNodeClient';
import { endpointHost } from '@/lib/files/links';
import { formatCloWithUnit } from '@/lib/format/clo';
import {
  DESCRIPTION_FILE_NAME,
  descriptionFilePath,
  type StoredDescription,
} from '@/lib/governance/descriptionStorage';
import type { useTransaction } from '@/components/ui/useTransaction';

export type DescriptionUploadStep =
  | { step: 'idle' }
  | { step: 'paying' }
  | { step: 'sending'; progress: UploadProgress | undefined }
  | { step: 'stored'; endpoint: string }
  | { step: 'failed'; message: string };

export function useDescriptionUpload(fileSystem: Address | undefined, account: Address | undefined) {
  const client = usePublicClient();
  const [state, setState] = useState<DescriptionUploadStep>({ step: 'idle' });

  /** Stores `description`; true once a host node holds it. Says what failed otherwise. */
  async function store(
    description: StoredDescription,
    endpoints: readonly string[],
    tx: ReturnType<typeof useTransaction>,
  ): Promise<boolean> {
    if (!fileSystem || !client || !account) {
      setState({ step: 'failed', message: 'Connect a wallet on a network with the Callisto File System.' });
      return false;
    }
    if (endpoints.length === 0) {
      setState({ step: 'failed', message: 'No host node is elected: there is nowhere to store the description.' });
      return false;
    }
    const path = descriptionFilePath(description.cid);
    try {
      const [found] = await client.readContract({
        address: fileSystem,
        abi: callistoFSAbi,
        functionName: 'file_id_at_path',
        args: [account, path],
      });
      if (!found) {
        setState({ step: 'paying' });
        // A fresh quote at the moment of paying: the totals move with every upload.
        const [, deposit] = await client.readContract({
          address: fileSystem,
          abi: callistoFSAbi,
          functionName: 'quote',
          args: [description.size],
        });
        const outcome = await tx.send(
          {
            address: fileSystem,
            abi: callistoFSAbi,
            functionName: 'upload',
            args: [description.cid, description.size, path],
            value: deposit,
          },
          { successMessage: `Paid the ${formatCloWithUnit(deposit)} storage deposit of the description` },
        );
        if (outcome?.status !== 'success') {
          setState({ step: 'idle' });
          return false;
        }
      }
      setState({ step: 'sending', progress: undefined });
      const sent = await uploadToHostNodes(
        endpoints,
        [{ path: DESCRIPTION_FILE_NAME, file: new Blob([new Uint8Array(description.bytes)]) }],
        {
          expectedCid: description.cid,
          onProgress: (progress) => setState({ step: 'sending', progress }),
        },
      );
      setState({ step: 'stored', endpoint: sent.endpoint });
      return true;
    } catch (error) {
      const message =
        error instanceof AllHostNodesFailedError
          ? `No host node took the description: ${error.attempts
              .map((a) => `${endpointHost(a.endpoint)}: ${a.error.message}`)
              .join(' ')} The deposit is paid: press Submit again to retry.`
          : error instanceof HostNodeError
            ? `${error.message} The deposit is paid: press Submit again to retry.`
            : error instanceof Error
              ? error.message
              : String(error);
      setState({ step: 'failed', message });
      return false;
    }
  }

  return { state, store, reset: () => setState({ step: 'idle' }) };
}
