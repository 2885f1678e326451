'use client';

import { useCallback, useRef, useState } from 'react';
import { useFileSystem } from '@/components/files/hooks/useFileSystem';
import { useHostNodes } from '@/components/files/hooks/useHostNodes';
import { useStorageQuote } from '@/components/files/hooks/useStorageQuote';
import type { ArchivePlan } from './archivePlan';
import { archiveRevealInput, type ArchiveSendState } from './archiveReveal';

/**
 * The archive reveal of one report, shared by every path that reveals one (a report decrypted in the inbox, a
 * report file picked in the reveal form): the deposit quote for its size, the send of its plaintext to the elected
 * host nodes (one node suffices: the others copy it from that one, and the node must compute the plan's CID or it
 * refuses the upload), and the reveal's input, which exists only once a node holds these bytes (archiveReveal.ts).
 * The same send also finishes an interrupted archive: a revealed report no node confirmed is sent again.
 */
export function useArchiveReveal(plan: ArchivePlan | undefined, plaintext: Uint8Array | undefined) {
  const fileSystem = useFileSystem();
  const nodes = useHostNodes(fileSystem?.address);
  const endpoints = nodes.data?.map((node) => node.endpoint);
  const { deposit } = useStorageQuote(fileSystem?.address, plan?.size);
  const [sendState, setSendState] = useState<ArchiveSendState>({ step: 'idle' });
  // A send started for an earlier plan must not mark a later one as sent.
  const generation = useRef(0);

  const send = useCallback(async () => {
    if (!plan || !plaintext) return;
    const mine = ++generation.current;
    const update = (next: ArchiveSendState) => mine === generation.current && setSendState(next);
    update({ step: 'sending', loaded: 0, total: plaintext.length });
    try {
      // Loaded on first use: the upload client is not part of the page's first load.
      const { uploadToHostNodes } = await import('@/lib/files/hostNodeClient');
      const file = new Blob([new Uint8Array(plaintext)]);
      const result = await uploadToHostNodes(endpoints ?? [], [{ path: 'report', file }], {
        expectedCid: plan.cid,
        onProgress: (progress) => update({ step: 'sending', loaded: progress.loaded, total: progress.total }),
      });
      update({ step: 'sent', cid: plan.cid, endpoint: result.endpoint });
    } catch (error) {
      update({
        step: 'failed',
        message: `The report did not reach a host node, and nothing was paid: ${(error as Error).message}`,
      });
    }
  }, [endpoints, plaintext, plan]);

  const reset = useCallback(() => {
    generation.current++;
    setSendState({ step: 'idle' });
  }, []);

  return {
    plan,
    deposit,
    send,
    sendState,
    reset,
    /** The node list is read and names no node: there is nowhere to send the report. */
    noNodes: endpoints !== undefined && endpoints.length === 0,
    /** Whether the elected nodes are known: there is somewhere to send to. */
    canSend: endpoints !== undefined && endpoints.length > 0 && plan !== undefined && plaintext !== undefined,
    input: archiveRevealInput(plan, sendState, deposit),
  };
}

export type ArchiveRevealFlow = ReturnType<typeof useArchiveReveal>;
