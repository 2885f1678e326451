'use client';

import { useEffect, useRef, useState } from 'react';
import type { DownloadProgress, MultiNodeDownload, NodeDownloadFailure } from '@/lib/files/verifiedDownload';
import { endpointHost } from '@/lib/files/links';
import { formatByteCount, formatBytes } from '@/lib/files/units';
import { Button } from '@/components/ui/primitives';
import { CidText, ProgressBar } from '@/components/files/pageParts';
import { SafeText } from '@/components/ui/SafeText';

type DownloadState =
  | { phase: 'idle' }
  | { phase: 'downloading'; endpoint: string; progress: DownloadProgress | undefined }
  | { phase: 'verified'; result: MultiNodeDownload; urls: string[] }
  | { phase: 'failed'; message: string };

/**
 * "Download and verify": the file comes as a CAR from a host node, every block is checked against its CID here,
 * and only then is the file rebuilt and offered for saving. A node whose data does not verify is refused (and
 * named), and the next node is tried.
 */
export function VerifiedDownloadPanel({
  cid,
  name,
  endpoints,
  expectedSize,
}: {
  cid: string;
  /** The path's last part: the saved file's (or folder's) name. */
  name: string;
  /** In the order to try. */
  endpoints: readonly string[];
  /** The size recorded on chain, compared with what was rebuilt. */
  expectedSize: bigint;
}) {
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const [refused, setRefused] = useState<NodeDownloadFailure[]>([]);
  const urls = useRef<string[]>([]);
  const abort = useRef<AbortController | null>(null);

  // Object URLs hold the rebuilt bytes: released when replaced or when the page is left.
  useEffect(
    () => () => {
      abort.current?.abort();
      urls.current.forEach((u) => URL.revokeObjectURL(u));
    },
    [],
  );

  async function start() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    urls.current.forEach((u) => URL.revokeObjectURL(u));
    urls.current = [];
    setRefused([]);
    setState({ phase: 'downloading', endpoint: endpoints[0] ?? '', progress: undefined });
    try {
      // Loaded on first use: the CAR reader and the UnixFS exporter are not part of the page's first load.
      const { downloadVerifiedFromNodes } = await import('@/lib/files/verifiedDownload');
      let last = 0;
      const result = await downloadVerifiedFromNodes(endpoints, cid, {
        name,
        signal: controller.signal,
        onProgress: (progress) => {
          const now = performance.now();
          if (now - last < 100) return;
          last = now;
          setState((s) => (s.phase === 'downloading' ? { ...s, progress } : s));
        },
        onNodeFailed: (failure) => {
          setRefused((r) => [...r, failure]);
          const next = endpoints[endpoints.indexOf(failure.endpoint) + 1];
          if (next) setState({ phase: 'downloading', endpoint: next, progress: undefined });
        },
      });
      const made = result.content.files.map((f) => URL.createObjectURL(f.blob));
      urls.current = made;
      setState({ phase: 'verified', result, urls: made });
    } catch (error) {
      if (controller.signal.aborted) {
        setState({ phase: 'failed', message: 'The download was cancelled.' });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      setState({
        phase: 'failed',
        message: endpoints.length === 0 ? 'No host node is elected to download from.' : message,
      });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-300">
        The browser fetches the file’s blocks from a host node, checks every block against its CID and rebuilds the file
        only from blocks that match. A node that sends anything else is refused.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void start()} disabled={state.phase === 'downloading'} data-testid="download-verify">
          Download and verify
        </Button>
        {state.phase === 'downloading' && (
          <Button variant="secondary" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        )}
      </div>
      <div aria-live="polite" className="space-y-3">
        {refused.length > 0 && (
          <ul className="list-disc space-y-1 pl-5 text-amber-200" data-testid="verify-refused">
            {refused.map((f, i) => (
              <li key={i}>
                {endpointHost(f.endpoint)}: {f.error.message}
                {f.error.kind === 'hash-mismatch' && ' Refused; trying another node.'}
              </li>
            ))}
          </ul>
        )}
        {state.phase === 'downloading' && (
          <ProgressBar
            label={`Downloading from ${endpointHost(state.endpoint)} and checking each block`}
            value={state.progress?.received ?? 0}
            max={state.progress?.total}
            detail={
              state.progress
                ? `${formatBytes(BigInt(state.progress.received))} received, ${state.progress.blocks} block${
                    state.progress.blocks === 1 ? '' : 's'
                  } verified`
                : 'Connecting…'
            }
            testId="verify-progress"
          />
        )}
        {state.phase === 'verified' && <VerifiedResult state={state} cid={cid} expectedSize={expectedSize} />}
        {state.phase === 'failed' && (
          <p
            role="alert"
            className="rounded-md border border-rose-800 bg-rose-950/50 px-3 py-2 text-rose-100"
            data-testid="verify-error"
          >
            Not downloaded: {state.message}
          </p>
        )}
      </div>
    </div>
  );
}

function VerifiedResult({
  state,
  cid,
  expectedSize,
}: {
  state: Extract<DownloadState, { phase: 'verified' }>;
  cid: string;
  expectedSize: bigint;
}) {
  const { content, endpoint } = state.result;
  const sizeMatches = BigInt(content.totalBytes) === expectedSize;
  return (
    <div className="space-y-2 rounded-md border border-emerald-800 bg-emerald-950/40 px-3 py-2 text-emerald-50">
      <p data-testid="verify-result">
        Verified against CID <CidText cid={cid} />: {content.blocks} block{content.blocks === 1 ? '' : 's'} checked,{' '}
        {formatByteCount(BigInt(content.totalBytes))}, from {endpointHost(endpoint)}.
      </p>
      {!sizeMatches && (
        <p className="text-amber-200" data-testid="verify-size-warning">
          The content is {formatByteCount(BigInt(content.totalBytes))}, but the size recorded on chain is{' '}
          {formatByteCount(expectedSize)}: the uploader registered another size than the content has.
        </p>
      )}
      <ul className="space-y-1">
        {content.files.map((file, i) => (
          <li key={file.path} className="min-w-0">
            <a
              href={state.urls[i]}
              download={file.path.split('/').pop() || 'file'}
              className="break-all text-teal-300 underline underline-offset-2"
              data-testid="verified-file-link"
            >
              Save <SafeText text={file.path} kind="path" />
            </a>{' '}
            <span className="text-xs text-slate-300">({formatBytes(BigInt(file.size))})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
