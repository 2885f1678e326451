'use client';

import { useEffect, useReducer, useRef, type FormEvent } from 'react';
import { parseEventLogs, type Address } from 'viem';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import { maxUploadBytes, onlineMap, orderEndpointsForUpload } from '@/lib/files/hostNodeClient';
import { defaultFilePath, pathByteLength, validateFilePath, MAX_PATH_BYTES } from '@/lib/files/paths';
import type { PickResult } from '@/lib/files/picking';
import { formatByteCount, formatBytes, formatCloExact } from '@/lib/files/units';
import { uploadUnavailableReason, validateUploadSize } from '@/lib/files/uploadRules';
import {
  canPay,
  initialUploadFlow,
  isLocked,
  quoteUpload,
  quotedSize,
  shownQuote,
  uploadFlowReducer,
  type UploadFlowState,
} from '@/lib/files/uploadFlow';
import { hashPicked, sendPicked } from '@/lib/files/uploadSteps';
import { Field, described, inputClass } from '@/components/ui/FormField';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useNodeHealth } from '@/components/nodes/useNodeHealth';
import { FilePicker } from './FilePicker';
import { useHostNodes } from './hooks/useHostNodes';
import { usePathTaken } from './hooks/usePathTaken';
import { useStorageTotals } from './hooks/useStorageTotals';
import { QuoteBox } from './QuoteBox';
import { CidText, ProgressBar } from './shared';
import { UploadProgressPanel } from './UploadProgressPanel';

/**
 * Upload a file or a folder: pick, hash in the browser (the CID), quote the deposit, choose the path, then the
 * `upload` transaction with the deposit, then the bytes to a host node. The transaction comes first because a
 * host node keeps only content registered on chain; a file registered but not yet sent can be sent again. The flow
 * itself is the reducer of lib/files/uploadFlow.ts; this card starts its steps and renders it.
 */
export function UploadCard({ fileSystem, account }: { fileSystem: Address; account: Address | undefined }) {
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
  // Once registered, the path is taken by this very file: no message then.
  const shownPathMessage = picked && !flow.registered && (flow.submitted || flow.path !== '') ? pathMessage : undefined;
  const quote = shownQuote(flow, totals);
  const locked = isLocked(flow, tx.isBusy);
  const pickMessage = flow.pickError ?? sizeError;
  const payable = canPay(flow, {
    connected: account !== undefined,
    transactionBusy: tx.isBusy,
    blocked: Boolean(pathMessage || sizeError),
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
    if (!payable || !picked || flow.hash.phase !== 'done' || !quote || 'error' in quote) return;
    const { cid, size } = flow.hash;
    const path = flow.path;
    // The price moves with every upload anyone makes: quote again from fresh totals, and ask again if it rose.
    const fresh = (await totalsRead.refetch()).data ?? totals;
    if (!fresh) return;
    const now = quoteUpload(size, fresh);
    if ('error' in now) return;
    if (now.deposit !== quote.deposit) {
      dispatch({ type: 'priceMoved', deposit: formatCloExact(now.deposit) });
      return;
    }
    const outcome = await tx.send(
      { address: fileSystem, abi: callistoFSAbi, functionName: 'upload', args: [cid, size, path], value: now.deposit },
      { successMessage: `Registered “${path}” with a deposit of ${formatCloExact(now.deposit)}` },
    );
    if (outcome?.status !== 'success') return;
    const [logged] = parseEventLogs({ abi: callistoFSAbi, eventName: 'FileUpload', logs: outcome.receipt.logs });
    dispatch({ type: 'registered', id: logged?.args.id, paid: now });
    await send({ picked }, cid);
  }

  const registered = flow.registered;
  return (
    <Card title="Upload a file or a folder">
      {totals === undefined ? (
        <p role="status" className="text-sm text-slate-300">
          Reading the storage prices…
        </p>
      ) : unavailable ? (
        <p
          role="alert"
          className="mb-4 rounded-md border border-amber-700 bg-amber-950/40 px-3 py-2 text-sm text-amber-100"
          data-testid="upload-unavailable"
        >
          {unavailable}
        </p>
      ) : null}

      {!account && (
        <p className="mb-4 text-sm text-slate-300" data-testid="connect-to-upload">
          Connect a wallet to upload. You can still pick a file to see its CID and the deposit it needs.
        </p>
      )}

      <form onSubmit={submit} noValidate className="space-y-5">
        <div>
          <FilePicker
            onPick={accept}
            disabled={Boolean(unavailable) || locked || totals === undefined}
            describedBy={pickMessage ? 'upload-file-error' : undefined}
          />
          {pickMessage && (
            <p
              id="upload-file-error"
              role="alert"
              className="mt-2 text-sm text-rose-300"
              data-testid="upload-file-error"
            >
              {pickMessage}
            </p>
          )}
        </div>

        {picked && <PickedSummary flow={flow} />}

        {picked &&
          !sizeError &&
          quote &&
          ('error' in quote ? (
            <p role="alert" className="text-sm text-rose-300" data-testid="quote-error">
              {(totals && validateUploadSize(quotedSize(flow) ?? picked.size, totals)) ??
                'The contract would refuse this upload now.'}
            </p>
          ) : (
            <QuoteBox quote={quote} paid={registered !== undefined} />
          ))}

        {picked && (
          <Field
            id="upload-path"
            label="Path in your home directory"
            error={shownPathMessage}
            hint={`Where the file is listed under your address, e.g. reports/2025/audit.pdf. Up to ${MAX_PATH_BYTES} bytes (${pathByteLength(flow.path)} used); no leading or trailing “/”, no “.” or “..” parts.`}
          >
            <input
              id="upload-path"
              type="text"
              value={flow.path}
              onChange={(e) => dispatch({ type: 'editPath', path: e.target.value })}
              autoComplete="off"
              spellCheck={false}
              disabled={locked}
              className={`${inputClass} font-mono`}
              data-testid="upload-path"
              {...described('upload-path', shownPathMessage, true)}
            />
          </Field>
        )}

        {picked && (
          <div>
            <Button type="submit" disabled={!payable} data-testid="upload-submit" aria-describedby="upload-submit-hint">
              Pay the deposit and upload
            </Button>
            <p id="upload-submit-hint" className="mt-1 text-xs text-slate-400">
              {!account
                ? 'Connect a wallet to upload.'
                : flow.hash.phase === 'hashing'
                  ? 'Waiting for the CID.'
                  : 'First your wallet signs the upload transaction with the deposit; then the file goes to a host node.'}
            </p>
            {flow.priceNotice && (
              <p role="alert" className="mt-2 text-sm text-amber-200" data-testid="price-changed">
                {flow.priceNotice}
              </p>
            )}
          </div>
        )}
      </form>

      <TxStatus state={tx.state} />

      {registered && (
        <UploadProgressPanel
          registered={registered}
          send={flow.send}
          notes={flow.notes}
          onRetry={() => void send(flow, registered.cid)}
          onCancel={() => abort.current?.abort()}
          onAnother={reset}
        />
      )}
    </Card>
  );
}

/** What was picked, its size, and its CID as it is computed. */
function PickedSummary({ flow }: { flow: UploadFlowState }) {
  const { picked, hash } = flow;
  if (!picked) return null;
  return (
    <>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-slate-400">{picked.kind === 'folder' ? 'Folder' : 'File'}</dt>
          <dd className="mt-0.5 break-all" data-testid="picked-name">
            {picked.name}
            {picked.kind === 'folder' && (
              <span className="text-slate-400">
                {' '}
                ({picked.entries.length} file{picked.entries.length === 1 ? '' : 's'})
              </span>
            )}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-400">Size</dt>
          <dd className="mt-0.5" data-testid="picked-size" title={formatByteCount(picked.size)}>
            {formatBytes(picked.size)}
            {picked.size >= 1024n && <span className="text-slate-400"> ({formatByteCount(picked.size)})</span>}
          </dd>
        </div>
      </dl>

      <div aria-live="polite">
        {hash.phase === 'hashing' && (
          <ProgressBar
            label="Computing the CID in your browser"
            value={hash.hashed}
            max={Number(picked.size)}
            detail={`${formatBytes(BigInt(hash.hashed))} of ${formatBytes(picked.size)} hashed`}
            testId="cid-progress"
          />
        )}
        {hash.phase === 'done' && (
          <div className="text-sm">
            <p className="text-slate-400">
              CID, computed in your browser as <code className="font-mono">ipfs add --cid-version 1</code> would
            </p>
            <p className="mt-0.5">
              <CidText cid={hash.cid} testId="upload-cid" />
            </p>
          </div>
        )}
        {hash.phase === 'failed' && (
          <p role="alert" className="text-sm text-rose-300" data-testid="cid-error">
            {hash.message}
          </p>
        )}
      </div>
    </>
  );
}
