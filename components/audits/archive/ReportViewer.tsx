'use client';

import { useEffect, useState } from 'react';
import type { ReportContent } from '@/lib/audits/archive/reportContent';
import { LazyMarkdown } from '@/components/governance/LazyMarkdown';

/** A blob URL for `bytes` while the component is shown, revoked after. */
function useBlobUrl(bytes: Uint8Array | undefined, type: string): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!bytes) return undefined;
    const made = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
    // Made and revoked in the same effect so each URL has exactly one owner, even when React mounts twice in
    // development; a URL made during render could be revoked by the first cleanup and then be dead.
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
 * A verified report, shown without trusting it: Markdown rendered with no raw HTML and only https:/ipfs: links
 * (the governance description renderer); a PDF in an iframe with an empty sandbox (no script, no form, no
 * navigation of this page, a unique origin) from a blob URL, and always offered for saving; anything else saved.
 */
export function ReportViewer({
  content,
  fileName,
  source = 'verified',
}: {
  content: ReportContent;
  fileName: string;
  /** Where the bytes come from, named on the save link: a verified download or a decrypted envelope. */
  source?: 'verified' | 'decrypted';
}) {
  // A decrypted report is offered for saving whatever its format; a verified Markdown report has its CID to fetch.
  const saved = content.format === 'markdown' ? (source === 'decrypted' ? content.bytes : undefined) : content.bytes;
  const type =
    content.format === 'pdf'
      ? 'application/pdf'
      : content.format === 'markdown'
        ? 'text/markdown'
        : 'application/octet-stream';
  const url = useBlobUrl(saved, type);
  const saveLink = url && (
    <a href={url} download={fileName} className="inline-block text-sm text-teal-300 underline underline-offset-2">
      Save the {source} report
    </a>
  );
  if (content.format === 'markdown') {
    return (
      <div className="space-y-2">
        <div className="rounded-md bg-slate-950/40 p-3" data-testid="report-text">
          <LazyMarkdown text={content.text} />
        </div>
        {saveLink}
      </div>
    );
  }
  return (
    <div className="space-y-2" data-testid={content.format === 'pdf' ? 'report-pdf' : 'report-binary'}>
      {content.format === 'pdf' ? (
        url && (
          <iframe
            src={url}
            sandbox=""
            title="The report (PDF)"
            className="h-[32rem] w-full rounded-md border border-slate-800 bg-white"
          />
        )
      ) : (
        <p className="text-sm text-slate-300">
          The report is neither Markdown text nor a PDF: it is not shown in the page. Save it to open it.
        </p>
      )}
      {saveLink}
    </div>
  );
}
