'use client';

import { useEffect, useMemo, useState } from 'react';
import { LazyMarkdown } from '@/components/governance/LazyMarkdown';
import { openedReportFormat } from './reportFormat';

/** A blob URL for `bytes` while shown, revoked after (one owner per URL, even when React mounts twice). */
function useBlobUrl(bytes: Uint8Array, type: string): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setUrl(made);
    return () => {
      URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [bytes, type]);
  return url;
}

/**
 * A decrypted report, shown without trusting it: Markdown rendered with no raw HTML and only https:/ipfs: links;
 * a PDF in an iframe with an empty sandbox (no script, no forms, a unique origin) from a blob URL; always offered
 * for saving.
 */
export function OpenedReport({ plaintext, fileName }: { plaintext: Uint8Array; fileName: string }) {
  const format = useMemo(() => openedReportFormat(plaintext), [plaintext]);
  const type =
    format.kind === 'pdf'
      ? 'application/pdf'
      : format.kind === 'markdown'
        ? 'text/markdown'
        : 'application/octet-stream';
  const url = useBlobUrl(plaintext, type);
  return (
    <div className="space-y-2" data-testid="opened-report">
      {format.kind === 'markdown' && (
        <div className="rounded-md bg-slate-950/40 p-3" data-testid="opened-report-text">
          <LazyMarkdown text={format.text} />
        </div>
      )}
      {format.kind === 'pdf' && url && (
        <iframe
          src={url}
          sandbox=""
          title="The decrypted report (PDF)"
          className="h-[32rem] w-full rounded-md border border-slate-800 bg-white"
        />
      )}
      {format.kind === 'binary' && (
        <p className="text-sm text-slate-300">The report is neither Markdown text nor a PDF: save it to open it.</p>
      )}
      {url && (
        <a href={url} download={fileName} className="inline-block text-sm text-teal-300 underline underline-offset-2">
          Save the decrypted report
        </a>
      )}
    </div>
  );
}
