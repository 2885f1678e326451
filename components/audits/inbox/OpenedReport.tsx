'use client';

import { useMemo } from 'react';
import { reportContentOf } from '@/lib/audits/archive/reportContent';
import { ReportViewer } from '@/components/audits/archive/ReportViewer';

/** A decrypted report, shown as a revealed one is (the one viewer: sanitized Markdown, sandboxed PDF), and always
 * offered for saving. */
export function OpenedReport({ plaintext, fileName }: { plaintext: Uint8Array; fileName: string }) {
  const content = useMemo(() => reportContentOf(plaintext), [plaintext]);
  return (
    <div data-testid="opened-report">
      <ReportViewer content={content} fileName={fileName} source="decrypted" />
    </div>
  );
}
