'use client';

import { useEffect, useReducer, useRef, type FormEvent } from 'react';
import { parseEventLogs, type Address } from 'viem';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { maxUploadBytes, onlineMap, orderEndpointsForUpload } from '@/lib/files/hostNodeClient';
import { defaultFilePath, validateFilePath } from '@/lib/files/paths';
import type { PickResult } from '@/lib/files/picking';
import { formatCloReadable } from '@/lib/format/clo';
import { uploadUnavailableReason, validateUploadSize } from '@/lib/files/uploadRules';
import {
  initialUploadFlow,
  isLocked,
  payAction,
  quoteUpload,
  quotedSize,
  shownQuote,
  uploadFlowReducer,
  type UploadFlowState,
} from '@/lib/files/uploadFlow';
import { hashPicked, sendPicked } from '@/lib/files/uploadSteps';
import { useTransaction } from '@/components/ui/useTransaction';
import { useNodeHealth } from '@/components/nodes/useNodeHealth';
import { useHostNodes } from './useHostNodes';
import { usePathTaken } from './usePathTaken';
import { useStorageTotals } from './useStorageTotals';

/**
 * The upload flow of the upload card: the reducer of lib/files/uploadFlow.ts, the steps it starts (hashing, the
 * fresh quote and the `upload` transaction, sending to the nodes with failover, cancel, retry) and what the card
 * shows derived from it (the quote, frozen once paid; what blocks the pick, the path or the pay button).
 */
export function useUploadFlow(fileSystem: Address, account: Address | undefined) {
  const totalsRead = useStorageTotals(fileSystem);
  const totals = totalsRead.data;
  const nodes = useHostNodes(fileSystem).data;
  const [flow, dispatch] = useReducer(uploadFlowReducer, initialUploadFlow);
  // Ids of picks and sends: their news carries the id, and the reducer drops what an older one reports.
  const nextId = useRef(0);
  const abort = useRef<AbortController | null>(null);
  const tx = useTransaction();

  const endpoints = (nodes ?? []).map((n) => n.endpoint);
  // Asked once something is picked: which nodes answer decides the upload order, and a node's stated limit is
  // checked before the deposit is paid.
  const health = useNodeHealth(endpoints, flow.picked !== undefined);
  const nodeLimit = maxUploadBytes(health);

  // Hashes the current pick; a new pick (or leaving the page) stops the previous hashing.
  const hashing = flow.hash.phase === 'hashing' ? flow.picked : undefined;
  const pickId = flow.pickId;
  useEffect(() => {
    if (!hashing) return;
    let cancelled = false;
    void hashPicked(pickId, hashing, () => cancelled, dispatch);
    return () => {
      cancelled = true;
    };
  }, [hashing, pickId]);

  // Stops a running upload when the page is left.
  useEffect(() => () => abort.current?.abort(), []);

  const { picked } = flow;
  const unavailable = totals ? uploadUnavailableReason(totals) : undefined;
  // Once paid for, the file's size is settled: the totals its own upload moved say nothing more about it.
  const sizeError =
    picked && totals && !flow.registered
      ? picked.kind === 'folder' && picked.size === 0n
        ? 'Every file in the folder is empty: there is nothing to store.'
        : validateUploadSize(picked.size, totals, nodeLimit)
      : undefined;
  const takenBy = usePathTaken(fileSystem, account, flow.path, picked !== undefined && !flow.registered);
  const pathMessage =
    validateFilePath(flow.path) ??
    (takenBy !== undefined
      ? `You already keep a file at this path (file #${takenBy.toString()}): choose another path, or withdraw that one first`
      : undefined);
  // Once registered, the path is taken by this very file: no message then. An empty path says so too: the button
  // it disables must never be the only sign of what is missing.
  const shownPathMessage = picked && !flow.registered ? pathMessage : undefined;
  const quote = shownQuote(flow, totals);
  const locked = isLocked(flow, tx.isBusy);
  const pickMessage = flow.pickError ?? sizeError;
  const pay = payAction(flow, {
    connected: account !== undefined,
    transactionBusy: tx.isBusy,
    sizeProblem: sizeError,
    pathProblem: pathMessage,
    quote,
  });

  function accept(result: PickResult) {
    abort.current?.abort();
    tx.reset();
    nextId.current += 1;
    dispatch({
      type: 'pick',
      pickId: nextId.current,
      result,
      defaultPath: 'picked' in result ? defaultFilePath(result.picked.name) : '',
      totals,
    });
  }

  function reset() {
    abort.current?.abort();
    tx.reset();
    nextId.current += 1;
    dispatch({ type: 'reset', pickId: nextId.current });
  }

  async function send(state: Pick<UploadFlowState, 'picked'>, cid: string) {
    if (!state.picked) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    nextId.current += 1;
    const order = orderEndpointsForUpload(endpoints, onlineMap(health));
    await sendPicked(nextId.current, order, state.picked, cid, controller.signal, dispatch);
    if (abort.current === controller) abort.current = null;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    dispatch({ type: 'submit' });
    if (!pay.allowed || !picked || flow.hash.phase !== 'done' || !quote || 'error' in quote) return;
    const { cid, size } = flow.hash;
    const path = flow.path;
    // The price moves with every upload anyone makes: quote again from fresh totals, and ask again if it rose.
    const fresh = (await totalsRead.refetch()).data ?? totals;
    if (!fresh) return;
    const now = quoteUpload(size, fresh);
    if ('error' in now) return;
    if (now.deposit !== quote.deposit) {
      dispatch({ type: 'priceMoved', deposit: formatCloReadable(now.deposit) });
      return;
    }
    const outcome = await tx.send(
      { address: fileSystem, abi: callistoFSAbi, functionName: 'upload', args: [cid, size, path], value: now.deposit },
      { successMessage: `Registered “${path}” with a deposit of ${formatCloReadable(now.deposit)}` },
    );
    if (outcome?.status !== 'success') return;
    const [logged] = parseEventLogs({ abi: callistoFSAbi, eventName: 'FileUpload', logs: outcome.receipt.logs });
    dispatch({ type: 'registered', id: logged?.args.id, paid: now });
    await send({ picked }, cid);
  }

  /** Why the contract would refuse the quoted size now, in words. */
  const quoteRefusal =
    quote && 'error' in quote
      ? ((totals && validateUploadSize(quotedSize(flow) ?? 0n, totals)) ?? 'The contract would refuse this upload now.')
      : undefined;

  return {
    flow,
    totals,
    tx,
    quote: quote && !('error' in quote) ? quote : undefined,
    quoteRefusal,
    unavailable,
    sizeError,
    pickMessage,
    shownPathMessage,
    locked,
    pay,
    accept,
    editPath: (path: string) => dispatch({ type: 'editPath', path }),
    submit,
    retry: () => {
      if (flow.registered) void send(flow, flow.registered.cid);
    },
    cancel: () => abort.current?.abort(),
    reset,
  };
}
