'use client';

import type { Address } from 'viem';
import { pathByteLength, MAX_PATH_BYTES } from '@/lib/files/paths';
import { formatByteCount, formatBytes } from '@/lib/files/units';
import type { UploadFlowState } from '@/lib/files/uploadFlow';
import { Field, described, inputClass } from '@/components/ui/FormField';
import { Button, Card } from '@/components/ui/primitives';
import { TxStatus } from '@/components/ui/TxStatus';
import { FilePicker } from './FilePicker';
import { useUploadFlow } from './hooks/useUploadFlow';
import { QuoteBox } from './QuoteBox';
import { CidText, ProgressBar } from '@/components/files/pageParts';
import { UploadProgressPanel } from './UploadProgressPanel';

/**
 * Upload a file or a folder: pick, hash in the browser (the CID), quote the deposit, choose the path, then the
 * `upload` transaction with the deposit, then the bytes to a host node. The transaction comes first because a
 * host node keeps only content registered on chain; a file registered but not yet sent can be sent again. The flow
 * itself is the reducer of lib/files/uploadFlow.ts; this card starts its steps and renders it.
 */
export function UploadCard({ fileSystem, account }: { fileSystem: Address; account: Address | undefined }) {
  const upload = useUploadFlow(fileSystem, account);
  const { flow, totals, tx, quote, unavailable, sizeError, pickMessage, shownPathMessage, locked, pay } = upload;
  const { picked } = flow;
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

      <form onSubmit={(event) => void upload.submit(event)} noValidate className="space-y-5">
        <div>
          <FilePicker
            onPick={upload.accept}
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

        {picked && !sizeError && upload.quoteRefusal && (
          <p role="alert" className="text-sm text-rose-300" data-testid="quote-error">
            {upload.quoteRefusal}
          </p>
        )}
        {picked && !sizeError && quote && <QuoteBox quote={quote} paid={flow.registered !== undefined} />}

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
              onChange={(e) => upload.editPath(e.target.value)}
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
              disabled={!pay.allowed}
              data-testid="upload-submit"
              aria-describedby="upload-submit-hint"
            >
              Pay the deposit and upload
            </Button>
            <p id="upload-submit-hint" className="mt-1 text-xs text-slate-400">
              {pay.allowed
                ? 'First your wallet signs the upload transaction with the deposit; then the file goes to a host node.'
                : pay.reason}
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
          onRetry={upload.retry}
          onCancel={upload.cancel}
          onAnother={upload.reset}
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
