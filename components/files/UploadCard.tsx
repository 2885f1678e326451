'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { parseEventLogs, type Address } from 'viem';
import { useReadContract } from 'wagmi';
import { callistoFSAbi } from '@/contracts-abi/CallistoFS';
import {
  HostNodeError,
  AllHostNodesFailedError,
  maxUploadBytes,
  onlineMap,
  orderEndpointsForUpload,
  uploadToHostNodes,
  type UploadProgress,
} from '@/lib/files/hostNodeClient';
import { defaultFilePath, pathByteLength, validateFilePath, MAX_PATH_BYTES } from '@/lib/files/paths';
import { blobChunks, PickCancelledError, type PickedUpload, type PickResult } from '@/lib/files/picking';
import { committedBytes, computeUploadDeposit, CRR, type UploadDeposit } from '@/lib/files/pricing';
import {
  MB_NOTE,
  PENDING_WINDOW_TEXT,
  endpointHost,
  fileHref,
  formatByteCount,
  formatBytes,
  formatCloExact,
  formatPricePerMb,
  formatBps,
  uploadUnavailableReason,
  utilisationBps,
  validateUploadSize,
  type HostNode,
  type StorageTotals,
} from '@/lib/files/view';
import { Field, described, inputClass } from '@/components/ui/FormField';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { useTransaction } from '@/components/ui/useTransaction';
import { useNodeHealth } from '@/components/nodes/useNodeHealth';
import { FilePicker } from './FilePicker';
import { CidText, ProgressBar } from './shared';

type HashState =
  | { phase: 'idle' }
  | { phase: 'hashing'; hashed: number }
  | { phase: 'done'; cid: string; size: bigint }
  | { phase: 'failed'; message: string };

type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; progress: UploadProgress }
  | { phase: 'done'; endpoint: string }
  | { phase: 'failed'; message: string }
  | { phase: 'cancelled' };

interface Registered {
  id: bigint | undefined;
  cid: string;
  size: bigint;
  path: string;
}

/** Progress callbacks arrive once a chunk; React needs a fresh figure only a few times a second. */
const PROGRESS_EVERY_MS = 100;
const PATH_CHECK_DELAY_MS = 300;

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(id);
  }, [value, delayMs]);
  return debounced;
}

function quoteRefusal(result: UploadDeposit, size: bigint, totals: StorageTotals): string | undefined {
  if (!('error' in result)) return undefined;
  return validateUploadSize(size, totals) ?? 'The contract would refuse this upload now.';
}

/**
 * Upload a file or a folder: pick, hash in the browser (the CID), quote the deposit, choose the path, then the
 * `upload` transaction with the deposit, then the bytes to a host node. The transaction comes first because a
 * host node keeps only content registered on chain; a file registered but not yet sent can be sent again.
 */
export function UploadCard({
  fileSystem,
  account,
  totals,
  nodes,
  refreshTotals,
}: {
  fileSystem: Address;
  account: Address | undefined;
  totals: StorageTotals | undefined;
  nodes: readonly HostNode[] | undefined;
  /** Reads the totals again just before the deposit is computed for the transaction. */
  refreshTotals(): Promise<StorageTotals | undefined>;
}) {
  const [picked, setPicked] = useState<PickedUpload | undefined>(undefined);
  const [pickError, setPickError] = useState<string | undefined>(undefined);
  const [hash, setHash] = useState<HashState>({ phase: 'idle' });
  const [path, setPath] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [priceNotice, setPriceNotice] = useState<string | undefined>(undefined);
  const [registered, setRegistered] = useState<Registered | undefined>(undefined);
  const [upload, setUpload] = useState<UploadState>({ phase: 'idle' });
  const [nodeNotes, setNodeNotes] = useState<string[]>([]);
  const generation = useRef(0);
  const abort = useRef<AbortController | null>(null);
  const tx = useTransaction();

  const endpoints = (nodes ?? []).map((n) => n.endpoint);
  // Asked once something is picked: which nodes answer decides the upload order, and a node's stated limit is
  // checked before the deposit is paid.
  const health = useNodeHealth(endpoints, picked !== undefined);
  const nodeLimit = maxUploadBytes(health);

  // Stops a running upload when the page is left.
  useEffect(() => () => abort.current?.abort(), []);

  const unavailable = totals ? uploadUnavailableReason(totals) : undefined;
  const sizeError =
    picked && totals
      ? picked.kind === 'folder' && picked.size === 0n
        ? 'Every file in the folder is empty: there is nothing to store.'
        : validateUploadSize(picked.size, totals, nodeLimit)
      : undefined;
  const pathError = validateFilePath(path);
  const debouncedPath = useDebounced(path, PATH_CHECK_DELAY_MS);
  const pathTaken = useReadContract({
    address: fileSystem,
    abi: callistoFSAbi,
    functionName: 'file_id_at_path',
    args: [account ?? '0x0000000000000000000000000000000000000000', debouncedPath],
    query: { enabled: Boolean(account && picked && validateFilePath(debouncedPath) === undefined) },
  });
  const takenBy = pathTaken.data && debouncedPath === path && pathTaken.data[0] ? pathTaken.data[1] : undefined;
  const pathMessage =
    pathError ??
    (takenBy !== undefined
      ? `You already keep a file at this path (file #${takenBy.toString()}): choose another path, or withdraw that one first`
      : undefined);
  // Once registered, the path is taken by this very file: no message then.
  const shownPathMessage = picked && !registered && (submitted || path !== '') ? pathMessage : undefined;

  const size = hash.phase === 'done' ? hash.size : picked?.size;
  const quote = size !== undefined && totals ? computeUploadDeposit(size, totals) : undefined;
  const quoteError = quote && totals && size !== undefined ? quoteRefusal(quote, size, totals) : undefined;

  /** Forgets the current pick, its hashing and its upload. */
  function resetAll() {
    generation.current += 1;
    abort.current?.abort();
    tx.reset();
    setRegistered(undefined);
    setUpload({ phase: 'idle' });
    setNodeNotes([]);
    setSubmitted(false);
    setPriceNotice(undefined);
    setPicked(undefined);
    setPickError(undefined);
    setHash({ phase: 'idle' });
  }

  function accept(result: PickResult) {
    resetAll();
    if ('error' in result) {
      setPickError(result.error);
      return;
    }
    setPicked(result.picked);
    setPath(defaultFilePath(result.picked.name));
    if (result.picked.size === 0n || (totals && validateUploadSize(result.picked.size, totals))) {
      // Nothing to hash: it cannot be uploaded, and the message next to the picker says why.
      setHash({ phase: 'idle' });
      return;
    }
    void computeCidOf(result.picked, generation.current);
  }

  async function computeCidOf(target: PickedUpload, gen: number) {
    const current = () => generation.current === gen;
    setHash({ phase: 'hashing', hashed: 0 });
    try {
      // Loaded on first use: the UnixFS importer is not part of the page's first load.
      const { computeCid } = await import('@callisto-hub/unixfs');
      let last = 0;
      const result = await computeCid(
        target.entries.map((entry) => ({ path: entry.path, content: () => blobChunks(entry.file, () => !current()) })),
        (hashed) => {
          const now = performance.now();
          if (now - last < PROGRESS_EVERY_MS || !current()) return;
          last = now;
          setHash({ phase: 'hashing', hashed });
        },
      );
      if (current()) setHash({ phase: 'done', cid: result.cid, size: result.size });
    } catch (error) {
      if (!current() || error instanceof PickCancelledError) return;
      setHash({
        phase: 'failed',
        message: `The CID could not be computed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  async function sendToNodes(target: PickedUpload, file: Registered) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setNodeNotes([]);
    const order = orderEndpointsForUpload(endpoints, onlineMap(health));
    if (order.length === 0) {
      setUpload({ phase: 'failed', message: 'No host node is elected: there is nowhere to send the file.' });
      return;
    }
    setUpload({ phase: 'uploading', progress: { endpoint: order[0]!, loaded: 0, total: undefined } });
    let last = 0;
    try {
      const result = await uploadToHostNodes(order, target.entries, {
        expectedCid: file.cid,
        signal: controller.signal,
        onProgress: (progress) => {
          const now = performance.now();
          if (now - last < PROGRESS_EVERY_MS && progress.loaded !== progress.total) return;
          last = now;
          setUpload({ phase: 'uploading', progress });
        },
        onNodeFailed: (attempt, next) => {
          setNodeNotes((notes) => [
            ...notes,
            `${endpointHost(attempt.endpoint)} failed: ${attempt.error.message} Trying ${endpointHost(next)} instead.`,
          ]);
          setUpload({ phase: 'uploading', progress: { endpoint: next, loaded: 0, total: undefined } });
        },
      });
      setUpload({ phase: 'done', endpoint: result.endpoint });
    } catch (error) {
      if (error instanceof HostNodeError && error.kind === 'aborted') setUpload({ phase: 'cancelled' });
      else if (error instanceof AllHostNodesFailedError) {
        setNodeNotes(error.attempts.map((a) => `${endpointHost(a.endpoint)} failed: ${a.error.message}`));
        setUpload({ phase: 'failed', message: 'No host node took the upload.' });
      } else setUpload({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setPriceNotice(undefined);
    if (!account || !picked || hash.phase !== 'done' || pathMessage || sizeError || !quote || 'error' in quote) return;
    const { cid, size: hashedSize } = hash;
    // The price moves with every upload anyone makes: quote again from fresh totals, and ask again if it rose.
    const fresh = (await refreshTotals()) ?? totals;
    if (!fresh) return;
    const now = computeUploadDeposit(hashedSize, fresh);
    if ('error' in now) return;
    if (now.deposit !== quote.deposit) {
      setPriceNotice(
        `The price changed while you looked: the deposit is now ${formatCloExact(now.deposit)}. Press again to pay it.`,
      );
      return;
    }
    const outcome = await tx.send(
      {
        address: fileSystem,
        abi: callistoFSAbi,
        functionName: 'upload',
        args: [cid, hashedSize, path],
        value: now.deposit,
      },
      { successMessage: `Registered “${path}” with a deposit of ${formatCloExact(now.deposit)}` },
    );
    if (outcome?.status !== 'success') return;
    const [logged] = parseEventLogs({ abi: callistoFSAbi, eventName: 'FileUpload', logs: outcome.receipt.logs });
    const file: Registered = { id: logged?.args.id, cid, size: hashedSize, path };
    setRegistered(file);
    setSubmitted(false);
    await sendToNodes(picked, file);
  }

  const locked = tx.isBusy || upload.phase === 'uploading' || registered !== undefined;
  const pickMessage = pickError ?? sizeError;
  const canSubmit =
    Boolean(account) &&
    hash.phase === 'done' &&
    !pathMessage &&
    !sizeError &&
    quote !== undefined &&
    !('error' in quote) &&
    !locked;

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

        {picked && (
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
        )}

        <div aria-live="polite">
          {hash.phase === 'hashing' && picked && (
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

        {picked && !sizeError && <QuoteBox quote={quote} quoteError={quoteError} size={size} totals={totals} />}

        {picked && (
          <Field
            id="upload-path"
            label="Path in your home directory"
            error={shownPathMessage}
            hint={`Where the file is listed under your address, e.g. reports/2025/audit.pdf. Up to ${MAX_PATH_BYTES} bytes (${pathByteLength(path)} used); no leading or trailing “/”, no “.” or “..” parts.`}
          >
            <input
              id="upload-path"
              type="text"
              value={path}
              onChange={(e) => setPath(e.target.value)}
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
            <Button
              type="submit"
              disabled={!canSubmit}
              data-testid="upload-submit"
              aria-describedby="upload-submit-hint"
            >
              Pay the deposit and upload
            </Button>
            <p id="upload-submit-hint" className="mt-1 text-xs text-slate-400">
              {!account
                ? 'Connect a wallet to upload.'
                : hash.phase === 'hashing'
                  ? 'Waiting for the CID.'
                  : 'First your wallet signs the upload transaction with the deposit; then the file goes to a host node.'}
            </p>
            {priceNotice && (
              <p role="alert" className="mt-2 text-sm text-amber-200" data-testid="price-changed">
                {priceNotice}
              </p>
            )}
          </div>
        )}
      </form>

      <TxStatus state={tx.state} />

      {registered && picked && (
        <UploadProgressPanel
          registered={registered}
          upload={upload}
          notes={nodeNotes}
          onRetry={() => void sendToNodes(picked, registered)}
          onCancel={() => abort.current?.abort()}
          onAnother={resetAll}
        />
      )}
    </Card>
  );
}

function QuoteBox({
  quote,
  quoteError,
  size,
  totals,
}: {
  quote: UploadDeposit | undefined;
  quoteError: string | undefined;
  size: bigint | undefined;
  totals: StorageTotals | undefined;
}) {
  if (!totals || size === undefined || !quote) return null;
  if ('error' in quote) {
    return (
      <p role="alert" className="text-sm text-rose-300" data-testid="quote-error">
        {quoteError}
      </p>
    );
  }
  const committed = committedBytes(totals);
  const after = committed + size;
  return (
    <div className="rounded-md border border-slate-800 bg-slate-950/50 p-3 text-sm">
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-slate-400">Deposit (refunded whole when you withdraw)</dt>
          <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="deposit-quote">
            {formatCloExact(quote.deposit)}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-slate-400">Price after this upload</dt>
          <dd className="mt-0.5 tabular-nums" data-testid="quote-price">
            {formatPricePerMb(quote.pricePerMb)}{' '}
            <span className="text-slate-400">at {formatBps(utilisationBps(after, totals.capacity_bytes))} use</span>
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-sm text-amber-100" data-testid="quote-confirmation-rule">
        Your file counts once a host node confirms it holds this content at this size. Until then its space is reserved;
        if no node confirms it within {PENDING_WINDOW_TEXT} (the bytes never reached a node, or the size does not
        match), the upload expires, its space goes back, and you withdraw the deposit.
      </p>
      <div className="mt-3 space-y-1 text-xs break-words text-slate-300" data-testid="quote-formula">
        <p>
          deposit = the area under the price curve over the bytes this upload takes, from {formatBytes(committed)} to{' '}
          {formatBytes(after)} of {formatBytes(totals.capacity_bytes)} (stored and waiting files alike) ={' '}
          {formatCloExact(quote.deposit)}. Two smaller uploads never cost less than one.
        </p>
        <p>
          price per MB = floor + unit price ÷ (2 × CRR) × (C² ÷ (C − use)² − 1), C = capacity, CRR = {CRR.toString()}:
          while little is used it is the seed’s Price = Balance ÷ (Supply × CRR) times the unit price above the floor,
          and it grows without bound as the free space runs out, so the capacity can never be taken whole. Unit price{' '}
          {formatPricePerMb(totals.unit_price)}, floor {formatPricePerMb(totals.floor_price)}. Every division rounds up,
          as the contract does. {MB_NOTE}.
        </p>
      </div>
    </div>
  );
}

function UploadProgressPanel({
  registered,
  upload,
  notes,
  onRetry,
  onCancel,
  onAnother,
}: {
  registered: Registered;
  upload: UploadState;
  notes: string[];
  onRetry(): void;
  onCancel(): void;
  onAnother(): void;
}) {
  return (
    <div className="mt-4 space-y-3 rounded-md border border-slate-800 p-3 text-sm" data-testid="upload-panel">
      <p>
        Registered on chain
        {registered.id !== undefined && (
          <>
            {' '}
            as{' '}
            <Link
              href={fileHref(registered.id)}
              className="text-teal-300 underline underline-offset-2"
              data-testid="uploaded-file-link"
            >
              file #{registered.id.toString()}
            </Link>
          </>
        )}
        .
      </p>
      {notes.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-amber-200" data-testid="upload-node-notes" aria-live="polite">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {upload.phase === 'uploading' && (
          <>
            <ProgressBar
              label={`Uploading to ${endpointHost(upload.progress.endpoint)}`}
              value={upload.progress.loaded}
              max={upload.progress.total}
              detail={
                upload.progress.total !== undefined
                  ? `${formatBytes(BigInt(upload.progress.loaded))} of ${formatBytes(BigInt(upload.progress.total))} sent`
                  : 'Starting…'
              }
              testId="upload-progress"
            />
            <Button variant="secondary" className="mt-2" onClick={onCancel}>
              Cancel the upload
            </Button>
          </>
        )}
        {upload.phase === 'done' && (
          <p className="text-emerald-200" data-testid="upload-result">
            Uploaded to {endpointHost(upload.endpoint)}. The host nodes now copy it from each other and confirm it on
            chain.
          </p>
        )}
        {(upload.phase === 'failed' || upload.phase === 'cancelled') && (
          <div role="alert" className="space-y-2" data-testid="upload-failed">
            <p className="text-rose-200">
              {upload.phase === 'cancelled' ? 'The upload was cancelled.' : upload.message} The file is registered and
              its deposit is held: send it again, or withdraw the deposit from your files.
            </p>
            <Button onClick={onRetry} data-testid="upload-retry">
              Send the file again
            </Button>
          </div>
        )}
      </div>
      {(upload.phase === 'done' || upload.phase === 'failed' || upload.phase === 'cancelled') && (
        <Button variant="secondary" onClick={onAnother}>
          Upload another
        </Button>
      )}
    </div>
  );
}
