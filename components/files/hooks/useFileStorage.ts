'use client';
// Storing one file of the app's own making on the file system, as the first steps of a larger flow (a proposal's
// description before `submit`, an audit report's envelope before `submit_report`): the `upload` transaction with
// the storage deposit (skipped when this account already holds that CID at that path, so a second attempt never
// pays twice), then the bytes to the first elected host node that takes them.
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
import type { useTransaction } from '@/components/ui/useTransaction';

export type FileStorageStep =
  | { step: 'idle' }
  | { step: 'paying' }
  | { step: 'sending'; progress: UploadProgress | undefined }
  | { step: 'stored'; endpoint: string }
  | { step: 'failed'; message: string };

/** The file to store: its bytes, the CID the browser computed for them, and where it goes. */
export interface FileToStore {
  bytes: Uint8Array;
  cid: string;
  size: bigint;
  /** The path under the account's home directory; the same content must always get the same path. */
  path: string;
  /** The name the bytes are sent under (a single file's CID does not depend on it). */
  fileName: string;
}

export type StoreOutcome = { status: 'stored'; endpoint: string } | { status: 'declined' | 'failed' };

/** How the messages name the file and the way to try again: "the description", "press Submit again". */
export interface FileStorageWords {
  noun: string;
  retry: string;
}

export function useFileStorage(fileSystem: Address | undefined, account: Address | undefined) {
  const client = usePublicClient();
  const [state, setState] = useState<FileStorageStep>({ step: 'idle' });

  /** Stores `file`: 'stored' (and the node that took it) once a host node holds it; 'declined' when the wallet's
   * deposit prompt was refused and 'failed' when the deposit's transaction did not go through (its own status line
   * says why; the step goes back to idle); 'failed' with what failed in `state` otherwise. */
  async function store(
    file: FileToStore,
    endpoints: readonly string[],
    tx: ReturnType<typeof useTransaction>,
    words: FileStorageWords,
  ): Promise<StoreOutcome> {
    if (!fileSystem || !client || !account) {
      setState({ step: 'failed', message: 'Connect a wallet on a network with the Callisto File System.' });
      return { status: 'failed' };
    }
    if (endpoints.length === 0) {
      setState({ step: 'failed', message: `No host node is elected: there is nowhere to store ${words.noun}.` });
      return { status: 'failed' };
    }
    try {
      const [found, id] = await client.readContract({
        address: fileSystem,
        abi: callistoFSAbi,
        functionName: 'file_id_at_path',
        args: [account, file.path],
      });
      if (found) {
        // Paid on an earlier attempt: the same path must hold the same content, or the node would refuse it.
        const held = await client.readContract({
          address: fileSystem,
          abi: callistoFSAbi,
          functionName: 'file',
          args: [id],
        });
        if (held.cid !== file.cid) {
          setState({
            step: 'failed',
            message: `Your file at ${file.path} holds another CID (${held.cid}). Withdraw it on the Files page, then try again.`,
          });
          return { status: 'failed' };
        }
      } else {
        setState({ step: 'paying' });
        // A fresh quote at the moment of paying: the totals move with every upload.
        const [, deposit] = await client.readContract({
          address: fileSystem,
          abi: callistoFSAbi,
          functionName: 'quote',
          args: [file.size],
        });
        const outcome = await tx.send(
          {
            address: fileSystem,
            abi: callistoFSAbi,
            functionName: 'upload',
            args: [file.cid, file.size, file.path],
            value: deposit,
          },
          { successMessage: `Paid the ${formatCloWithUnit(deposit)} storage deposit of ${words.noun}` },
        );
        if (outcome?.status !== 'success') {
          setState({ step: 'idle' });
          return { status: outcome?.status === 'cancelled' ? 'declined' : 'failed' };
        }
      }
      setState({ step: 'sending', progress: undefined });
      const sent = await uploadToHostNodes(
        endpoints,
        [{ path: file.fileName, file: new Blob([new Uint8Array(file.bytes)]) }],
        {
          expectedCid: file.cid,
          onProgress: (progress) => setState({ step: 'sending', progress }),
        },
      );
      setState({ step: 'stored', endpoint: sent.endpoint });
      return { status: 'stored', endpoint: sent.endpoint };
    } catch (error) {
      const message =
        error instanceof AllHostNodesFailedError
          ? `No host node took ${words.noun}: ${error.attempts
              .map((a) => `${endpointHost(a.endpoint)}: ${a.error.message}`)
              .join(' ')} The deposit is paid: ${words.retry}.`
          : error instanceof HostNodeError
            ? `${error.message} The deposit is paid: ${words.retry}.`
            : error instanceof Error
              ? error.message
              : String(error);
      setState({ step: 'failed', message });
      return { status: 'failed' };
    }
  }

  return { state, store, reset: () => setState({ step: 'idle' }) };
}
